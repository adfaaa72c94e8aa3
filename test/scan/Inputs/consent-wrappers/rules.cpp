#include "model.h"

bool mayMarket(const Member &m) {
  return hasMarketingConsent(m) && m.visits > 0;
}
bool mayMarketAgain(const Member &m) { return mayMarket(m); }
bool mayMarketOr(const Member &m) {
  return m.visits > 10 || hasMarketingConsent(m);
}
bool isActive(const Member &m) { return m.visits > 0; }
bool mayMarketSoon(const Member &m) { return mayMarketOuter(m); }
