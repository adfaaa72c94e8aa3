// Handing an object to a function is not by itself a use of its annotated
// fields: what is read of it is, here or in the callee (SPEC §1, "What
// counts as a use").
// RUN: %check_clang_tidy --policy %S/Inputs/voice-policy.json %s privacy-purpose-limitation %t

#include "privacy.h"
#include <string>

struct User {
  PRIVACY_DATA("user_name") std::string name;
  PRIVACY_DATA("email") std::string email;
  int session;
};

// The callee reads only an int: quiet, in the function with the purpose
// and where it is called.
static int sessionOf(User *u) { return u->session; }
PRIVACY_PURPOSE("voice") void onPing(User *u) {
  int s = sessionOf(u);
  (void)s;
}
void route(User *u) { onPing(u); }

// The callee reads the e-mail, under 'voice' which does not allow it.
static std::string mailOf(const User *u) { return u->email; }
// CHECK-MESSAGES: :[[@LINE-1]]:54: warning: using personal data 'email' from field 'User::email' for purpose 'voice' (as called from 'onMail') is not allowed
PRIVACY_PURPOSE("voice") void onMail(User *u) {
  std::string s = mailOf(u);
  (void)s;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: using personal data 'email' passed to 'onMail' for purpose 'voice' is not allowed
}
void routeMail(User *u) { onMail(u); }

// Read in the function itself: found.
PRIVACY_PURPOSE("voice") void greet(const User &u) {
  std::string s = u.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: using personal data 'email' from field 'User::email' for purpose 'voice' is not allowed
  (void)s;
}

// A copy of the object is not a use; reading the copy's field is.
PRIVACY_PURPOSE("voice") std::string copied(const User &u) {
  User c = u;
  return c.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: using personal data 'email' from field 'User::email' for purpose 'voice' is not allowed
}
void routeCopy(User *u) { copied(*u); }

// Only the name is read, and 'voice' allows it: quiet.
struct Room {
  PRIVACY_PURPOSE("voice") void join(const User &u) { Members += u.name; }
  std::string Members;
};
void enter(Room &r, const User &u) { r.join(u); }

// A struct that is personal data as a whole is used when it is read.
struct PRIVACY_DATA("email") Mailbox {
  std::string address;
};
void keep(const Mailbox &m);
PRIVACY_PURPOSE("voice") void box(const Mailbox &m) { keep(m); }
// CHECK-MESSAGES: :[[@LINE-1]]:60: warning: using personal data 'email' from parameter 'm' for purpose 'voice' is not allowed
void routeBox(const Mailbox &m) { box(m); }
