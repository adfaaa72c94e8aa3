// Step 3: the use is guarded by the consent the policy requires.
#include "privacy.h"
#include <string>

struct Customer {
  PRIVACY_DATA("email") std::string email;
};

void sendMail(const std::string &to, const std::string &text);
PRIVACY_CONSENT_CHECK("newsletter") bool wantsNewsletter(const std::string &email);

PRIVACY_PURPOSE("newsletter") void sendNewsletter(const Customer &c) {
  if (!wantsNewsletter(c.email))
    return;
  sendMail(c.email, "This month's offers");
}
