#include "model.h"

// Guarded: this path to mailDeep knows the consent.
PRIVACY_PURPOSE("marketing") void campaign(const Member &m) {
  if (!hasMarketingConsent(m))
    return;
  mailDeep(m);
}
