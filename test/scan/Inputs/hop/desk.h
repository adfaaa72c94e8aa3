#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("email") std::string email;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);

// outbound.cpp
void sendBody(const std::string &body);
