#include "model.h"

// Wrappers defined in rules.cpp and outer.cpp guard these uses.
PRIVACY_PURPOSE("marketing") void viaWrapper(const Member &m) {
  if (!mayMarket(m))
    return;
  send(m.email);
}
PRIVACY_PURPOSE("marketing") void viaWrapperOfWrapper(const Member &m) {
  bool ok = mayMarketAgain(m);
  if (ok)
    send(m.email);
}
PRIVACY_PURPOSE("marketing") void viaWrapperInAThirdFile(const Member &m) {
  if (mayMarketSoon(m))
    send(m.email);
}

// These do not check the consent.
PRIVACY_PURPOSE("marketing") void viaOr(const Member &m) {
  if (mayMarketOr(m))
    send(m.email);
}
PRIVACY_PURPOSE("marketing") void viaNoConsent(const Member &m) {
  if (isActive(m))
    send(m.email);
}
