#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("email") std::string email;
};

PRIVACY_CONSENT_CHECK("marketing") bool hasMarketingConsent(const Member &m);
void send(const std::string &to);

void mailOne(const Member &m);    // mail.cpp, no purpose of its own
void mailTwo(const Member &m);    // mail.cpp, no purpose of its own
PRIVACY_PURPOSE("marketing") void mailThree(const Member &m); // mail.cpp
