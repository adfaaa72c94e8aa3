#include "model.h"

PRIVACY_PURPOSE("marketing") void campaign(const Referral &r) {
  mailFriend(r);
  mailReferrer(r);
}
