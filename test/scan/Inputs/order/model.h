#pragma once
#include "privacy.h"
#include <string>

struct User {
  PRIVACY_DATA("email") std::string email;
};

PRIVACY_LOG void logLine(const std::string &line);
