// The notes of a flow finding walk the path: where the value was read, each
// step it took, and where the sink was declared.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-cross-border-transfer %t

#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("address") std::string address;
};

PRIVACY_TRANSFER("freshworks", "US")
void fileTicket(const std::string &body);

std::string describe(const std::string &where) { return "Ship to " + where; }

void relay(const std::string &text) { fileTicket(describe(text)); }

void open(const Account &a) {
  std::string where = a.address;
  relay(where);
}
// CHECK-NOTES: :[[@LINE-6]]:39: warning: transferring personal data 'address' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
// CHECK-NOTES: :[[@LINE-4]]:25: note: 'address' is read from field 'Account::address' here
// CHECK-NOTES: :[[@LINE-5]]:15: note: stored in 'where'
// CHECK-NOTES: :[[@LINE-5]]:3: note: passed to 'relay' here
// CHECK-NOTES: :[[@LINE-10]]:50: note: passed to 'describe' here
// CHECK-NOTES: :[[@LINE-13]]:50: note: returned here
// CHECK-NOTES: :[[@LINE-12]]:50: note: returned by 'describe' here
// CHECK-NOTES: :[[@LINE-18]]:1: note: recipient 'freshworks' is declared here
