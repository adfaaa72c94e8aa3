#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("email") std::string email;
};
struct Referral {
  Member referrer;
  Member friend_;
};

PRIVACY_CONSENT_CHECK("marketing") bool hasMarketingConsent(const Member &m);
void send(const std::string &to);

void mailFriend(const Referral &r);   // mail.cpp, no purpose of its own
void mailReferrer(const Referral &r); // mail.cpp, no purpose of its own
