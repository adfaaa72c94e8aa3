// RUN: %check_clang_tidy --policy %S/Inputs/consent-policy.json %s privacy-missing-consent %t

// What every caller chain checked is a fixpoint over the call sites, run
// until nothing changes: an unguarded chain of 24 calls, written callee
// first so that each round of it advances one call, still takes the
// consent away from the use at its end (docs/consent-and-erasure.md).

#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("email") std::string email;
};

PRIVACY_CONSENT_CHECK("marketing") bool hasMarketingConsent(const Member &m);
void send(const std::string &to);

void mailDeep(const Member &m) { send(m.email); }
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: using personal data 'email' from field 'Member::email' for purpose 'marketing' {{.*}}needs consent 'marketing', but no PRIVACY_CONSENT_CHECK for it guards every path to this use [privacy-missing-consent]

void hop01(const Member &m) { mailDeep(m); }
void hop02(const Member &m) { hop01(m); }
void hop03(const Member &m) { hop02(m); }
void hop04(const Member &m) { hop03(m); }
void hop05(const Member &m) { hop04(m); }
void hop06(const Member &m) { hop05(m); }
void hop07(const Member &m) { hop06(m); }
void hop08(const Member &m) { hop07(m); }
void hop09(const Member &m) { hop08(m); }
void hop10(const Member &m) { hop09(m); }
void hop11(const Member &m) { hop10(m); }
void hop12(const Member &m) { hop11(m); }
void hop13(const Member &m) { hop12(m); }
void hop14(const Member &m) { hop13(m); }
void hop15(const Member &m) { hop14(m); }
void hop16(const Member &m) { hop15(m); }
void hop17(const Member &m) { hop16(m); }
void hop18(const Member &m) { hop17(m); }
void hop19(const Member &m) { hop18(m); }
void hop20(const Member &m) { hop19(m); }
void hop21(const Member &m) { hop20(m); }
void hop22(const Member &m) { hop21(m); }
void hop23(const Member &m) { hop22(m); }
void hop24(const Member &m) { hop23(m); }

PRIVACY_PURPOSE("marketing") void blast(const Member &m) { hop24(m); }

PRIVACY_PURPOSE("marketing") void campaign(const Member &m) {
  if (hasMarketingConsent(m))
    mailDeep(m);
}

// --- guarded on every path: no finding ------------------------------------

void mailGuarded(const Member &m) { send(m.email); }

void step01(const Member &m) { mailGuarded(m); }
void step02(const Member &m) { step01(m); }
void step03(const Member &m) { step02(m); }
void step04(const Member &m) { step03(m); }
void step05(const Member &m) { step04(m); }
void step06(const Member &m) { step05(m); }
void step07(const Member &m) { step06(m); }
void step08(const Member &m) { step07(m); }
void step09(const Member &m) { step08(m); }
void step10(const Member &m) { step09(m); }
void step11(const Member &m) { step10(m); }
void step12(const Member &m) { step11(m); }
void step13(const Member &m) { step12(m); }
void step14(const Member &m) { step13(m); }
void step15(const Member &m) { step14(m); }
void step16(const Member &m) { step15(m); }
void step17(const Member &m) { step16(m); }
void step18(const Member &m) { step17(m); }
void step19(const Member &m) { step18(m); }
void step20(const Member &m) { step19(m); }
void step21(const Member &m) { step20(m); }
void step22(const Member &m) { step21(m); }
void step23(const Member &m) { step22(m); }
void step24(const Member &m) { step23(m); }

PRIVACY_PURPOSE("marketing") void newsletter(const Member &m) {
  if (hasMarketingConsent(m))
    step24(m);
}
