#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("email") std::string email;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);

// account.cpp: the member signed in, as text.
std::string currentAddress();
std::string currentEmail();
std::string bracket(const std::string &text);
