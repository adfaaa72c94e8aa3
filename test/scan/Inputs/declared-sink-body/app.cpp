#include "account.h"

PRIVACY_PURPOSE("membership") void onSignup(const Account &a) {
  archiveLogin(a.address, a.name);
  archiveLogin(a.name, a.address);
  archiveRaw(a.address, a.name);
  logVisit(a.name, a.address);
  archiveElsewhere(a.address);
  relay(a.address);
  relayRaw(a.address);
}
