// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-purpose-limitation %t

#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone_mobile") std::string phone;
  std::string nickname; // not personal data
  int visits;
};

struct PRIVACY_DATA("customer") Customer {
  std::string tier;
  Account account;
};

PRIVACY_DATA("email") std::string lookupEmail(int id);
void send(const std::string &);

// --- findings ---------------------------------------------------------------

PRIVACY_PURPOSE("statistics") void countDomains(const Account &a) {
  send(a.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: using personal data 'email' from field 'Account::email' for purpose 'statistics' is not allowed by the policy (allowed purposes: marketing, membership, support) [privacy-purpose-limitation]
}

PRIVACY_PURPOSE("support") void callBack(PRIVACY_DATA("phone_mobile") const std::string &number) {
  send(number);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: using personal data 'phone_mobile' from parameter 'number' for purpose 'support' is not allowed by the policy (allowed purposes: marketing, statistics) [privacy-purpose-limitation]
}

PRIVACY_PURPOSE("statistics") void report(int id) {
  send(lookupEmail(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: using personal data 'email' from return value of 'lookupEmail' for purpose 'statistics' is not allowed
}

PRIVACY_PURPOSE("statistics") void tiers(const Customer &c) {
  send(c.tier);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: using personal data 'customer' from field 'Customer::tier' for purpose 'statistics' is not allowed
  send(c.account.nickname);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: using personal data 'customer' from field 'Customer::account' for purpose 'statistics'
}

PRIVACY_PURPOSE("statistics") void wholeObject(const Customer &c) {
  Customer copy = c;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: using personal data 'customer' from parameter 'c' for purpose 'statistics'
  (void)copy.tier;
}

// Only the purpose that does not allow the item is reported.
PRIVACY_PURPOSE("membership", "statistics") void both(const Account &a) {
  send(a.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: using personal data 'email' from field 'Account::email' for purpose 'statistics'
}

PRIVACY_PURPOSE("statistics") int compound(const Account &a) {
  PRIVACY_DATA("user_id") int id = 0;
  id += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: using personal data 'user_id' from variable 'id' for purpose 'statistics'
  return a.visits + static_cast<int>(a.phone.size());
}

// --- quiet ------------------------------------------------------------------

PRIVACY_PURPOSE("support") void allowed(const Account &a, const Customer &c) {
  send(a.email);
  send(c.tier);
}

PRIVACY_PURPOSE("marketing") void wildcard(const Account &a) {
  send(a.email + a.phone); // "*": every item may be used for marketing
}

PRIVACY_PURPOSE("statistics") void notPersonal(const Account &a) {
  send(a.nickname);
  int n = a.visits;
  (void)n;
}

void noPurpose(const Account &a) { send(a.email); }

PRIVACY_PURPOSE("statistics") void writesAndUnevaluated(Account &a,
                                  PRIVACY_DATA("email") const std::string &e) {
  a.email = "redacted";  // a write is not a use
  (void)e;               // silencing an unused parameter is not a use
  unsigned long s = sizeof(a.email);
  decltype(a.phone) copy;
  (void)s;
  (void)copy;
}
