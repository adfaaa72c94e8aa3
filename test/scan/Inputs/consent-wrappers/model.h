#pragma once
#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("email") std::string email;
  int visits = 0;
};

PRIVACY_CONSENT_CHECK("marketing") bool hasMarketingConsent(const Member &m);
void send(const std::string &to);

bool mayMarket(const Member &m);      // rules.cpp: wraps the check
bool mayMarketAgain(const Member &m); // rules.cpp: wraps mayMarket
bool mayMarketOr(const Member &m);    // rules.cpp: true without the check
bool isActive(const Member &m);       // rules.cpp: no consent at all
bool mayMarketSoon(const Member &m);  // rules.cpp: wraps outer.cpp's wrapper
bool mayMarketOuter(const Member &m); // outer.cpp: wraps the check
