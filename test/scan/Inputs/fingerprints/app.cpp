#include "model.h"

void signIn(const User &u) {
  logLine("sign-in " + u.email);
  logLine("sign-in " + u.email);
}

void share(const User &u) { SHARE(u.email); }

void remember(const User &u) {
  const std::string &value = u.phone;
  sendToCrm(value);
}
