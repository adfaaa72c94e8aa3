// RUN: %check_clang_tidy --policy %S/Inputs/consent-policy.json %s privacy-missing-consent %t

// Consent wrappers (a function whose every `true` return implies a consent
// check) and consent held in a variable or a field guard like the check
// itself; docs/checks/missing-consent.md.

#include "privacy.h"
#include <string>

struct Person {
  PRIVACY_DATA("user_id") int id;
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone_mobile") std::string phone;
  int visits = 0;
};

PRIVACY_CONSENT_CHECK("marketing") bool has_marketing_consent(const Person &p);
PRIVACY_CONSENT_CHECK("optional") bool has_optional_consent(const Person &p);
void sms(const std::string &to, const char *text);

// --- wrappers ----------------------------------------------------------------

static bool may_market(const Person &p) {
  return has_marketing_consent(p) && p.visits > 0;
}
// A wrapper of a wrapper.
static bool may_market_again(const Person &p) { return may_market(p); }
// Early exits, then a plain `return true`.
static bool may_market_steps(const Person &p) {
  if (p.visits == 0)
    return false;
  if (!has_marketing_consent(p))
    return false;
  return true;
}
// `||`: true does not imply the check.
static bool may_market_or(const Person &p, bool vip) {
  return vip || has_marketing_consent(p);
}
// Some true return does not check it.
static bool may_market_sometimes(const Person &p, bool vip) {
  if (vip)
    return true;
  return has_marketing_consent(p);
}
// Another consent.
static bool may_ask(const Person &p) { return has_optional_consent(p); }

PRIVACY_PURPOSE("marketing") void wrapperEarlyReturn(const Person &p) {
  if (!may_market(p))
    return;
  sms(p.phone, "20% off");
}

PRIVACY_PURPOSE("marketing") void wrapperIf(const Person &p) {
  if (may_market_again(p))
    sms(p.phone, "20% off");
  if (may_market_steps(p))
    sms(p.phone, "20% off");
}

PRIVACY_PURPOSE("marketing") void wrapperOr(const Person &p, bool vip) {
  if (may_market_or(p, vip))
    sms(p.phone, "20% off");
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: using personal data 'phone_mobile' from field 'Person::phone' for purpose 'marketing' needs consent 'marketing', but no PRIVACY_CONSENT_CHECK for it guards every path to this use [privacy-missing-consent]
}

PRIVACY_PURPOSE("marketing") void wrapperSometimes(const Person &p, bool vip) {
  if (!may_market_sometimes(p, vip))
    return;
  sms(p.phone, "20% off");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: using personal data 'phone_mobile' from field 'Person::phone' for purpose 'marketing' needs consent 'marketing'
}

PRIVACY_PURPOSE("marketing") void wrapperOfAnotherConsent(const Person &p) {
  if (may_ask(p))
    sms(p.phone, "20% off");
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: using personal data 'phone_mobile' from field 'Person::phone' for purpose 'marketing' needs consent 'marketing'
}

// --- stored in a variable or a field -----------------------------------------

struct PromoRecord {
  bool marketing = false;
  int sent = 0;
};

PRIVACY_PURPOSE("marketing") void storedInField(const Person &p) {
  PromoRecord pr;
  pr.marketing = has_marketing_consent(p);
  if (!pr.marketing)
    return;
  sms(p.phone, "20% off");
}

PRIVACY_PURPOSE("marketing") void wrapperStoredInVariable(const Person &p) {
  bool ok = may_market(p);
  if (!ok)
    return;
  sms(p.phone, "20% off");
}

PRIVACY_PURPOSE("marketing") void fieldWrittenAgain(const Person &p, bool vip) {
  PromoRecord pr;
  pr.marketing = has_marketing_consent(p);
  pr.marketing = vip;
  if (!pr.marketing)
    return;
  sms(p.phone, "20% off");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: using personal data 'phone_mobile' from field 'Person::phone' for purpose 'marketing' needs consent 'marketing'
}

PRIVACY_PURPOSE("marketing") void variableWrittenAgain(const Person &p) {
  bool ok = may_market(p);
  ok = true;
  if (!ok)
    return;
  sms(p.phone, "20% off");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: using personal data 'phone_mobile' from field 'Person::phone' for purpose 'marketing' needs consent 'marketing'
}

PRIVACY_PURPOSE("marketing") void recordReplaced(const Person &p) {
  PromoRecord pr;
  pr.marketing = has_marketing_consent(p);
  pr = PromoRecord{true, 0};
  if (pr.marketing)
    sms(p.phone, "20% off");
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: using personal data 'phone_mobile' from field 'Person::phone' for purpose 'marketing' needs consent 'marketing'
}

// Written again after the test: the guard already held.
PRIVACY_PURPOSE("marketing") void writtenAfterTheTest(const Person &p) {
  bool ok = has_marketing_consent(p);
  if (!ok)
    return;
  sms(p.phone, "20% off");
  ok = false;
}
