#include "privacy.h"

PRIVACY_CONSENT_CHECK("marketing") int consented(int user);
