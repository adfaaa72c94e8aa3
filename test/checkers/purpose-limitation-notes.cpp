// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-purpose-limitation %t

#include "privacy.h"

struct Account {
  PRIVACY_DATA("email") const char *email;
};
void send(const char *);

PRIVACY_PURPOSE("statistics")
void countDomains(const Account &a) {
  send(a.email);
}
// CHECK-NOTES: :[[@LINE-2]]:10: warning: using personal data 'email' from field 'Account::email' for purpose 'statistics' is not allowed by the policy (allowed purposes: marketing, membership, support) [privacy-purpose-limitation]
// CHECK-NOTES: :[[@LINE-5]]:1: note: purpose 'statistics' is declared here
// CHECK-NOTES: :[[@LINE-10]]:3: note: 'email' is marked as personal data here
