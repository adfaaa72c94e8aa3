// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-undeclared-recipient %t

#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone_mobile") std::string phone;
  std::string nickname;
};

PRIVACY_TRANSFER("acme_analytics") void track(const std::string &event);
PRIVACY_TRANSFER("sk_infosec") void consult(const std::string &body);
PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);

void findings(const Account &a) {
  track(a.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sending personal data 'email' to recipient 'acme_analytics', which the policy does not name (recipients: freshworks, sk_infosec) [privacy-undeclared-recipient]
  consult(a.name + a.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sending personal data 'email' to recipient 'sk_infosec', which the policy does not declare for it (items allowed for 'sk_infosec': name, phone_mobile) [privacy-undeclared-recipient]
}

// --- quiet ------------------------------------------------------------------

void quiet(const Account &a) {
  track(a.nickname);     // not personal data
  consult(a.phone);      // declared for sk_infosec
  fileTicket(a.phone);   // abroad: privacy-cross-border-transfer's finding
}
