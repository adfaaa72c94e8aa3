// RUN: %check_clang_tidy --policy %S/Inputs/consent-policy.json %s privacy-missing-consent %t

#include "privacy.h"
#include <stdexcept>
#include <string>
#include <vector>

struct Member {
  PRIVACY_DATA("user_id") int id;
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone_mobile") std::string phone;
};

PRIVACY_CONSENT_CHECK("marketing") bool hasMarketingConsent(int user);
PRIVACY_CONSENT_CHECK("optional") bool hasOptionalConsent(int user);
void send(const std::string &);

// --- guarded: quiet ---------------------------------------------------------

PRIVACY_PURPOSE("marketing") void guardedIf(const Member &m) {
  if (hasMarketingConsent(m.id))
    send(m.email);
}

PRIVACY_PURPOSE("marketing") void earlyReturn(const Member &m) {
  if (!hasMarketingConsent(m.id))
    return;
  send(m.email);
}

PRIVACY_PURPOSE("marketing") void storedResult(const Member &m) {
  bool consented = hasMarketingConsent(m.id);
  if (!consented)
    return;
  send(m.email);
}

PRIVACY_PURPOSE("marketing") void combinedAnd(const Member &m, bool subscribed) {
  if (subscribed && hasMarketingConsent(m.id))
    send(m.email);
}

PRIVACY_PURPOSE("marketing") void eitherCheck(const Member &m, int other) {
  if (hasMarketingConsent(m.id) || hasMarketingConsent(other))
    send(m.email);
}

PRIVACY_PURPOSE("marketing") void loopContinue(const std::vector<Member> &all) {
  for (const Member &m : all) {
    if (!hasMarketingConsent(m.id))
      continue;
    send(m.email);
  }
}

PRIVACY_PURPOSE("marketing") void throwsWithout(const Member &m) {
  if (hasMarketingConsent(m.id) == false)
    throw std::runtime_error("no consent");
  send(m.email);
}

// A guard in the caller covers the callee.
static void mailOne(const Member &m) { send(m.email); }
PRIVACY_PURPOSE("marketing") void guardedCaller(const Member &m) {
  if (hasMarketingConsent(m.id))
    mailOne(m);
}

// No consent needed: membership is a contract purpose.
PRIVACY_PURPOSE("membership") void contractUse(const Member &m) { send(m.email); }

// --- unguarded: findings ----------------------------------------------------

PRIVACY_PURPOSE("marketing") void unguarded(const Member &m) {
  send(m.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: using personal data 'email' from field 'Member::email' for purpose 'marketing' needs consent 'marketing', but no PRIVACY_CONSENT_CHECK for it guards every path to this use [privacy-missing-consent]
}

PRIVACY_PURPOSE("marketing") void partlyGuarded(const Member &m, bool vip) {
  if (!vip) {
    if (!hasMarketingConsent(m.id))
      return;
  }
  send(m.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: using personal data 'email' from field 'Member::email' for purpose 'marketing' needs consent 'marketing'
}

PRIVACY_PURPOSE("marketing") void wrongConsent(const Member &m) {
  if (hasOptionalConsent(m.id))
    send(m.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: using personal data 'email' from field 'Member::email' for purpose 'marketing' needs consent 'marketing'
}

PRIVACY_PURPOSE("marketing") void resultIgnored(const Member &m) {
  hasMarketingConsent(m.id);
  send(m.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: using personal data 'email' from field 'Member::email' for purpose 'marketing' needs consent 'marketing'
}

PRIVACY_PURPOSE("statistics") void optionalItem(const Member &m) {
  send(m.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: using personal data 'phone_mobile' from field 'Member::phone' for purpose 'statistics' needs consent 'optional'
  if (hasOptionalConsent(m.id))
    send(m.phone);
}

// Called once with and once without the guard: the callee is not covered.
static void mailTwo(const Member &m) { send(m.email); }
// CHECK-MESSAGES: :[[@LINE-1]]:47: warning: using personal data 'email' from field 'Member::email' for purpose 'marketing' (as called from 'halfCovered') needs consent 'marketing'
PRIVACY_PURPOSE("marketing") void halfCovered(const Member &m, bool check) {
  if (check && hasMarketingConsent(m.id))
    mailTwo(m);
  mailTwo(m);
}
