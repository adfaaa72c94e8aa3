// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <string>

struct Visit {
  PRIVACY_DATA("ip_address") std::string ip;
  PRIVACY_DATA("phone_mobile") std::string phone;
  int status;
};

PRIVACY_LOG void logLine(const std::string &line);
void logEvent(int level, PRIVACY_LOG const std::string &message, const std::string &tag);

void findings(const Visit &v) {
  logLine("caller " + v.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  logEvent(1, v.phone, "visit");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'logEvent' is not allowed by the policy
}

// --- quiet ------------------------------------------------------------------

void quiet(const Visit &v) {
  logLine("visit from " + v.ip);           // logs may contain ip_address
  logEvent(2, std::to_string(v.status), v.phone); // the tag is not logged
}
