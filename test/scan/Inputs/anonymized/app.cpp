#include "account.h"

PRIVACY_PURPOSE("membership") void onSignup(const Account &a) {
  sendDigest(a.address, a.name);
  sendPlain(a.address, a.name);
  archiveLogin(a.address, a.name);
  archiveLogin(a.name, a.address);
}
