// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-purpose-limitation %t

#include "privacy.h"

struct account {
  PRIVACY_DATA("email") const char *email;
  PRIVACY_DATA("ip_address") const char *ip;
  int visits;
};

void send(const char *);
PRIVACY_DATA("phone_mobile") const char *phone_of(int id);

PRIVACY_PURPOSE("support") void answer(const struct account *a) {
  send(a->email);
  send(a->ip);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: using personal data 'ip_address' from field 'account::ip' for purpose 'support' is not allowed by the policy (allowed purposes: marketing, statistics) [privacy-purpose-limitation]
  send(phone_of(a->visits));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: using personal data 'phone_mobile' from return value of 'phone_of' for purpose 'support'
}

PRIVACY_PURPOSE("statistics") int count(const struct account *a) {
  return a->visits;
}
