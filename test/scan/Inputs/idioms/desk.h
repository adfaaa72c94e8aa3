#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("address") std::string address;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);

// desk.cpp: what the support desk sends on.
struct Desk {
  void escalate(const std::string &text);
  void archive(const std::string &text);
};
void relay(const std::string &text);
// Throw when the member's record is incomplete, naming what is wrong.
void verifyAddress(const Member &m);
void verifyName(const Member &m);
