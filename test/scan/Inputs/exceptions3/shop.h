#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("address") std::string address;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);

// checks.cpp: throw what they checked.
void verifyAddress(const Member &m);
void verifyName(const Member &m);

// middle.cpp: call checks.cpp through helpers of their own.
void shipVia(const Member &m);
void shipAndCatch(const Member &m);
void shipAndReport(const Member &m);
void greetVia(const Member &m);
