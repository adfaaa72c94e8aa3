#include "model.h"

bool mayMarketOuter(const Member &m) { return hasMarketingConsent(m); }
