#include "model.h"

void mailFriend(const Referral &r) {
  if (!hasMarketingConsent(r.referrer))
    return;
  send(r.friend_.email); // the friend's consent was never asked
}

void mailReferrer(const Referral &r) {
  if (!hasMarketingConsent(r.referrer))
    return;
  send(r.referrer.email);
}
