// RUN: %check_clang_tidy --policy %S/Inputs/consent-policy.json %s privacy-missing-consent %t

// A consent check guards the data of the data subject it asked about
// (docs/consent-and-erasure.md, "Whose consent").

#include "privacy.h"
#include <string>
#include <vector>

struct Person {
  PRIVACY_DATA("user_id") int id;
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone_mobile") std::string phone;
  std::string userId;
};

struct Referral {
  Person referrer;
  Person friend_;
};

PRIVACY_CONSENT_CHECK("marketing") bool has_marketing_consent(const Person &p);
PRIVACY_CONSENT_CHECK("marketing") bool hasMarketingConsent(int user);
PRIVACY_CONSENT_CHECK("marketing") bool hasMarketingConsentById(const std::string &user);
PRIVACY_CONSENT_CHECK("marketing") bool marketingAllowedNow();
void sms(const std::string &to, const char *text);
int currentUser();

// --- another subject: findings ----------------------------------------------

PRIVACY_PURPOSE("marketing") void wrongPerson(const Person &referrer, const Person &friend_) {
  if (!has_marketing_consent(referrer))
    return;
  sms(friend_.phone, "you were referred");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: using personal data 'phone_mobile' from field 'Person::phone' for purpose 'marketing' needs consent 'marketing', but no PRIVACY_CONSENT_CHECK for it guards every path to this use (it is checked only for 'referrer', not for 'friend_') [privacy-missing-consent]
}

PRIVACY_PURPOSE("marketing") void wrongField(const Referral &r) {
  if (hasMarketingConsent(r.referrer.id))
    sms(r.friend_.phone, "you were referred");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: {{.*}} (it is checked only for 'r.referrer', not for 'r.friend_') [privacy-missing-consent]
}

struct Campaign {
  Person referrer_;
  Person friend_;
  PRIVACY_PURPOSE("marketing") void run() {
    if (!has_marketing_consent(referrer_))
      return;
    sms(friend_.phone, "you were referred");
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: {{.*}} (it is checked only for 'referrer_', not for 'friend_') [privacy-missing-consent]
  }
};

// The id copied into a local first is still the referrer's. (Copying it
// before any check is a use of its own.)
PRIVACY_PURPOSE("marketing") void idInLocal(const Person &referrer, const Person &friend_) {
  int uid = referrer.id;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: using personal data 'user_id' from field 'Person::id' for purpose 'marketing' needs consent 'marketing', but no PRIVACY_CONSENT_CHECK for it guards every path to this use [privacy-missing-consent]
  if (!hasMarketingConsent(uid))
    return;
  sms(friend_.email, "you were referred");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: {{.*}} (it is checked only for 'referrer', not for 'friend_') [privacy-missing-consent]
}

// --- the same subject, or one the analysis cannot name: quiet ---------------

PRIVACY_PURPOSE("marketing") void samePerson(const Person &p) {
  if (!has_marketing_consent(p))
    return;
  sms(p.phone, "20% off");
}

PRIVACY_PURPOSE("marketing") void idOfTheSamePerson(const Person &p) {
  if (!hasMarketingConsentById(p.userId))
    return;
  sms(p.phone, "20% off");
  int uid = p.id;
  if (hasMarketingConsent(uid))
    sms(p.email, "news");
}

PRIVACY_PURPOSE("marketing") void bothChecked(const Referral &r) {
  if (!has_marketing_consent(r.referrer) || !has_marketing_consent(r.friend_))
    return;
  sms(r.referrer.phone, "thanks");
  sms(r.friend_.phone, "welcome");
}

// A reference to a part of an object is that part.
PRIVACY_PURPOSE("marketing") void throughReference(const Referral &r) {
  const Person &f = r.friend_;
  if (has_marketing_consent(f))
    sms(r.friend_.phone, "welcome");
}

// Each element of a loop is its own subject, checked before use.
PRIVACY_PURPOSE("marketing") void eachInLoop(const std::vector<Person> &all) {
  for (const Person &p : all) {
    if (!has_marketing_consent(p))
      continue;
    sms(p.phone, "news");
  }
}

// A check with no argument, or one the analysis cannot relate to the data
// (a plain id parameter, a call's result), guards everyone.
PRIVACY_PURPOSE("marketing") void noArgument(const Person &friend_) {
  if (marketingAllowedNow())
    sms(friend_.phone, "news");
}
PRIVACY_PURPOSE("marketing") void plainId(int uid, const std::string &phone) {
  if (hasMarketingConsent(uid))
    sms(phone, "news");
}
PRIVACY_PURPOSE("marketing") void callResult(const Person &friend_) {
  if (hasMarketingConsent(currentUser()))
    sms(friend_.phone, "news");
}
