// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-cross-border-transfer %t

#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("phone_mobile") std::string phone;
  std::string nickname;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);
PRIVACY_TRANSFER("freshworks") void fileTicketNoCountry(const std::string &body);
PRIVACY_TRANSFER("freshworks", "DE") void fileTicketInGermany(const std::string &body);
void upload(int id, PRIVACY_TRANSFER("freshworks", "US") const std::string &attachment,
            const std::string &comment);
PRIVACY_TRANSFER("sk_infosec", "JP") void consultFromJapan(const std::string &body);

void findings(const Account &a) {
  fileTicket(a.address);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'address' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
  std::string body = "Customer: " + a.name + ", phone " + a.phone;
  fileTicketNoCountry(body);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US) is not allowed by the policy
  upload(1, a.phone, a.address); // only the annotated parameter is sent
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US)
}

void countries(const Account &a) {
  // The code sends it elsewhere than the policy says.
  fileTicketInGermany(a.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is sent to recipient 'freshworks' in 'DE', but the policy declares 'freshworks' in 'US' [privacy-cross-border-transfer]
  // A domestic processor that the code reaches abroad.
  consultFromJapan(a.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'phone_mobile' is sent to recipient 'sk_infosec' in 'JP', but the policy declares 'sk_infosec' in 'KR'
}

// A recipient the policy does not name, sent to abroad by the code's own
// country: a transfer abroad too (privacy-undeclared-recipient reports the
// recipient itself).
PRIVACY_TRANSFER("acme-analytics", "US") void track(const std::string &event);
void profile(PRIVACY_TRANSFER("acme-analytics", "US") const std::string &who,
             const std::string &event);

void unnamedAbroad(const Account &a) {
  track(a.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'email' abroad to 'acme-analytics' (US), a recipient the policy does not name, so no transfer abroad is declared for it [privacy-cross-border-transfer]
  profile(a.phone, "signup");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'phone_mobile' abroad to 'acme-analytics' (US), a recipient the policy does not name
}

// --- quiet ------------------------------------------------------------------

// Unnamed but at home (KR) or with no country: not abroad, only
// privacy-undeclared-recipient speaks of them.
PRIVACY_TRANSFER("local-crm", "KR") void crmDomestic(const std::string &body);
PRIVACY_TRANSFER("local-crm") void crmNoCountry(const std::string &body);

void unnamedAtHome(const Account &a) {
  crmDomestic(a.email);
  crmNoCountry(a.address);
  track(a.nickname);               // not personal data
  profile(a.nickname, a.address);  // the event is not sent
}

PRIVACY_TRANSFER("sk_infosec") void consult(const std::string &body);

void quiet(const Account &a) {
  fileTicket(a.name + " <" + a.email + ">"); // both declared for freshworks
  fileTicket(a.nickname);                     // not personal data
  upload(2, a.email, a.address);              // the comment is not sent
  consult(a.phone);                           // domestic, declared
  std::string s = a.address;
  s = "redacted";
  fileTicket(s);                              // overwritten
}
