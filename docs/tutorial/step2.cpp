// Step 2: the data, its purpose and the consent check are marked.
#include "privacy.h"
#include <string>

struct Customer {
  PRIVACY_DATA("email") std::string email;
};

void sendMail(const std::string &to, const std::string &text);
PRIVACY_CONSENT_CHECK("newsletter") bool wantsNewsletter(const std::string &email);

PRIVACY_PURPOSE("newsletter") void sendNewsletter(const Customer &c) {
  sendMail(c.email, "This month's offers");
}
