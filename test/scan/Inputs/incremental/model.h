#pragma once
#include "privacy.h"
#include <string>

struct User {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);
std::string describe(const User &u); // describe.cpp
