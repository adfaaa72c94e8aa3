#include "privacy.h"
struct Account { PRIVACY_DATA("email") const char *email; };
void send(const char *);
PRIVACY_PURPOSE("statistics") void count(const Account &a) { send(a.email); }
