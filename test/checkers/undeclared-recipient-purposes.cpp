// RUN: %check_clang_tidy --policy %S/Inputs/recipient-purposes-policy.json %s privacy-undeclared-recipient %t

// A recipient receives data only for the purposes the policy declares for
// it (docs/checks/undeclared-recipient.md).

#include "privacy.h"
#include <string>

struct Customer {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("email") std::string email;
  std::string plan;
};

PRIVACY_TRANSFER("crm") void toCrm(const std::string &body);
PRIVACY_TRANSFER("mailer") void toMailer(const std::string &body);
PRIVACY_TRANSFER("ledger") void toLedger(const std::string &body);
PRIVACY_TRANSFER("helpdesk", "US") void toHelpdesk(const std::string &body);

// --- findings ---------------------------------------------------------------

PRIVACY_PURPOSE("marketing") void campaign(const Customer &c) {
  toCrm(c.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sending personal data 'email' to recipient 'crm' for purpose 'marketing', which the policy does not declare for it (purposes declared for 'crm': support) [privacy-undeclared-recipient]
  toHelpdesk(c.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sending personal data 'email' to recipient 'helpdesk' for purpose 'marketing', which the policy does not declare for it (purposes declared for 'helpdesk': support, billing) [privacy-undeclared-recipient]
}

// An empty list of purposes allows none.
PRIVACY_PURPOSE("billing") void invoice(const Customer &c) {
  toLedger(c.name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sending personal data 'name' to recipient 'ledger' for purpose 'billing', which the policy does not declare for it (purposes declared for 'ledger': none) [privacy-undeclared-recipient]
}

// The purposes of annotated callers, when none of them is declared.
static void syncContact(const Customer &c) { toCrm(c.name); }
// CHECK-MESSAGES: :[[@LINE-1]]:46: warning: sending personal data 'name' to recipient 'crm' for purpose 'marketing' (as called from 'promote'), which the policy does not declare for it (purposes declared for 'crm': support) [privacy-undeclared-recipient]
PRIVACY_PURPOSE("marketing") void promote(const Customer &c) { syncContact(c); }

// --- quiet ------------------------------------------------------------------

PRIVACY_PURPOSE("support") void ticket(const Customer &c) {
  toCrm(c.name + c.email);   // declared for support
  toHelpdesk(c.email);       // abroad, and declared for support
}

// No "purposes" key: any purpose.
PRIVACY_PURPOSE("marketing") void newsletter(const Customer &c) { toMailer(c.email); }

// No personal data.
PRIVACY_PURPOSE("marketing") void planStats(const Customer &c) { toCrm(c.plan); }

// No purpose at all: nothing to compare.
void unpurposed(const Customer &c) { toCrm(c.email); }

// Called for support and for marketing: one caller's purpose is declared,
// and the analysis does not tell which caller passed the data.
static void syncBoth(const Customer &c) { toCrm(c.email); }
PRIVACY_PURPOSE("support") void supportSync(const Customer &c) { syncBoth(c); }
PRIVACY_PURPOSE("marketing") void marketingSync(const Customer &c) { syncBoth(c); }
