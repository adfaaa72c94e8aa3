#pragma once
#include "privacy.h"
#include <string>

struct Customer {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("email") std::string email;
};

PRIVACY_TRANSFER("crm") void toCrm(const std::string &body);

void syncContact(const Customer &c); // sync.cpp, no purpose of its own
void syncName(const Customer &c);    // sync.cpp, no purpose of its own
void syncBoth(const Customer &c);    // sync.cpp, no purpose of its own
