#include "model.h"

// crm is declared for support only.
PRIVACY_PURPOSE("marketing") void promote(const Customer &c) { syncContact(c); }
PRIVACY_PURPOSE("support") void help(const Customer &c) { syncName(c); }

// Each caller passes its own customer: only the marketing one is reported.
PRIVACY_PURPOSE("support") void helpBoth(const Customer &c) { syncBoth(c); }
PRIVACY_PURPOSE("marketing") void promoteBoth(const Customer &c) { syncBoth(c); }
