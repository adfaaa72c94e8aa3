#include "model.h"

// Guarded here; the uses are in mail.cpp.
PRIVACY_PURPOSE("marketing") void campaign(const Member &m) {
  if (!hasMarketingConsent(m))
    return;
  mailOne(m);
  mailThree(m);
}

// Not guarded: mailTwo's use in mail.cpp needs the consent.
PRIVACY_PURPOSE("marketing") void blast(const Member &m) { mailTwo(m); }
