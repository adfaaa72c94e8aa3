#include "privacy.h"

struct Member {
  PRIVACY_DATA("name") const char *name;
  PRIVACY_DATA("email") const char *email;
};

PRIVACY_LOG void logLine(const char *text);

// In every configuration: logs the name, which the policy does not allow
// in logs (one finding, however many configurations see it).
void logName(const Member &m) { logLine(m.name); }

#ifdef WITH_AUDIT
// Only when built with -DWITH_AUDIT: logs the email.
void audit(const Member &m) { logLine(m.email); }
#endif

#ifdef BROKEN
undeclared_identifier x;
#endif
