#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("email") std::string email;
};

PRIVACY_CONSENT_CHECK("marketing") bool hasMarketingConsent(const Member &m);
void send(const std::string &to);

void mailDeep(const Member &m); // mail.cpp, no purpose of its own
void mailGuarded(const Member &m); // mail.cpp, no purpose of its own
