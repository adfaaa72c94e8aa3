// Purposes along the call graph, and data crossing into and out of code
// with other purposes.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-purpose-limitation %t

#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
  std::string nickname;
};
void send(const std::string &);

// A function without a purpose runs under the purposes of its callers.
static void touchEmail(const Account &a) { send(a.email); }
// CHECK-MESSAGES: :[[@LINE-1]]:51: warning: using personal data 'email' from field 'Account::email' for purpose 'statistics' (as called from 'dailyReport') is not allowed by the policy (allowed purposes: marketing, membership, support) [privacy-purpose-limitation]
static void middle(const Account &a) { touchEmail(a); }
static void touchIp(const Account &a) { send(a.ip); }
// CHECK-MESSAGES: :[[@LINE-1]]:48: warning: using personal data 'ip_address' from field 'Account::ip' for purpose 'support' (as called from 'answer') is not allowed by the policy (allowed purposes: marketing, statistics) [privacy-purpose-limitation]

PRIVACY_PURPOSE("statistics") void dailyReport(const Account &a) {
  middle(a); // two calls down
  touchIp(a);
}
PRIVACY_PURPOSE("support") void answer(const Account &a) {
  touchEmail(a); // allowed for support
  touchIp(a);
}

// Data passed into a function with a purpose of its own is used under it.
PRIVACY_PURPOSE("statistics") void countChars(const std::string &text) {
  send(text);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: using personal data 'email' passed to 'countChars' for purpose 'statistics' is not allowed by the policy (allowed purposes: marketing, membership, support) [privacy-purpose-limitation]
}
PRIVACY_PURPOSE("support") void helpdesk(const Account &a) {
  std::string e = a.email;
  countChars(e);
  countChars(a.nickname); // not personal data
}

// Data returned by a function with a purpose of its own is used under the
// caller's.
PRIVACY_PURPOSE("statistics") std::string lastIp(const Account &a) { return a.ip; }
PRIVACY_PURPOSE("support") void trace(const Account &a) {
  send(lastIp(a));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: using personal data 'ip_address' returned by 'lastIp' for purpose 'support' is not allowed by the policy (allowed purposes: marketing, statistics) [privacy-purpose-limitation]
}

// --- quiet ------------------------------------------------------------------

// No annotated caller: no purpose, nothing to judge.
static void orphan(const Account &a) { send(a.ip); }
void unannotatedEntry(const Account &a) { orphan(a); }

// The same purpose on both sides: judged once, where it is read.
namespace PRIVACY_PURPOSE("support") desk {
void inner(const std::string &s) { send(s); }
void outer(const Account &a) { inner(a.email); }
} // namespace desk
