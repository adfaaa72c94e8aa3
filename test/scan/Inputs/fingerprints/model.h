#pragma once
#include "privacy.h"
#include <string>

struct User {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone") std::string phone;
};

PRIVACY_LOG void logLine(const std::string &line);
PRIVACY_TRANSFER("crm", "KR") void sendToCrm(const std::string &value);
PRIVACY_TRANSFER("ads", "KR") void sendToAds(const std::string &value);

// Where share() sends: fingerprints.test changes the sink here, so that
// the code of the finding stays the same.
#define SHARE sendToAds
