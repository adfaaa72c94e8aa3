// Step 1: code as it was, with nothing marked.
#include <string>

struct Customer {
  std::string email;
};

void sendMail(const std::string &to, const std::string &text);
bool wantsNewsletter(const std::string &email);

void sendNewsletter(const Customer &c) {
  sendMail(c.email, "This month's offers");
}
