// Findings that say the same thing on one line are one finding, at the first
// column (docs/limitations.md, "Reported once per line"): a stream chain
// whose operands both carry the phone number is two sinks, one warning.
// Different items, or the same item on two lines, stay apart.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <iostream>
#include <string>

struct Visit {
  PRIVACY_DATA("ip_address") std::string ip;
  PRIVACY_DATA("phone_mobile") std::string phone;
  PRIVACY_DATA("name") std::string name;
};

void chain(const Visit &v) {
  std::clog << v.phone << " " << v.phone << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: writing personal data 'phone_mobile' to logs through 'std::operator<<' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  std::clog << v.phone << " " << v.name << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: writing personal data 'phone_mobile' to logs through 'std::operator<<' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  // CHECK-MESSAGES: :[[@LINE-2]]:31: warning: writing personal data 'name' to logs through 'std::operator<<' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  std::clog << v.phone
            << v.phone;
  // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: writing personal data 'phone_mobile' to logs through 'std::operator<<' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: writing personal data 'phone_mobile' to logs through 'std::operator<<' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}
