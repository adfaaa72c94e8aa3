// A field read through a pointer or reference to an object of the program
// takes what that field may hold, not every item the whole object may
// (docs/limitations.md, "Whole objects").
// RUN: %check_clang_tidy --policy %S/Inputs/voice-policy.json %s privacy-purpose-limitation,privacy-log-leak %t

#include "privacy.h"
#include <string>

PRIVACY_LOG void log(const std::string &s);

class PRIVACY_PURPOSE("voice") Client {
public:
  bool hasNamesx() const { return namesx; }
  std::string nick() const { return nickname; }
  std::string secret() const { return pass; }
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: using personal data 'password' from field 'Client::pass' for purpose 'voice' is not allowed

  PRIVACY_DATA("password") std::string pass;
  PRIVACY_DATA("email") std::string email;
  std::string nickname;
  bool namesx = false;
};

void onJoin(Client *given) {
  Client *c = given;
  // Only a bool and an unannotated string are read through the pointer.
  if (c->hasNamesx())
    log("namesx for " + c->nick());
  log("nick " + c->nickname);
  // The e-mail itself is read: found.
  log("mail " + c->email);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'log'
}

void onPart(Client &given) {
  Client &c = given;
  log(c.nick());
  log(c.pass);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'password' to logs through 'log'
}
