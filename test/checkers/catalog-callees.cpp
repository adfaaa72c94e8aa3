// Catalog entries match every kind of callee: a method a macro generates,
// a variadic template from an argument on, a function template, member and
// free operators on the streams they name, a constructor, and a method
// inherited by the one class the entry names (docs/catalogs.md).
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json --catalog %S/Inputs/catalog-callees/catalog.json %s privacy-log-leak,privacy-undeclared-storage,privacy-undeclared-recipient %t -- -- -isystem %S/Inputs/catalog-callees/include

#include "privacy.h"
#include <acme/acme.h>
#include <string>

struct User {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone_mobile") std::string phone;
  std::string nickname;
  int visits;
};

// In the style of oatpp's QUERY: the macro writes the method and its body.
#define QUERY(NAME, SQL, PARAM)                                               \
  std::string NAME(PARAM) { return run(SQL); }
class UserDb {
public:
  std::string run(const char *sql);
  QUERY(createUser, "INSERT INTO users (email) VALUES (:email)",
        const std::string &email)
};

void macroGenerated(UserDb &db, const User &u) {
  db.createUser(u.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: persisting personal data 'phone_mobile' in store 'member_db', which the policy does not declare for it {{.*}}[privacy-undeclared-storage]
}

void variadic(const User &u) {
  acme::Log::stream("signup", "user %s", u.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'acme::Log::stream' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  acme::Log::stream("signup", "user %s visits %d", u.nickname, u.visits, u.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'acme::Log::stream'
}

void functionTemplate(const User &u) {
  acme::track("signup", u.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'acme::track'
}

void operators(const User &u) {
  acme::debug() << "user " << u.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: writing personal data 'email' to logs through 'acme::Debug::operator<<'
  acme::debug().nospace() << u.phone;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: writing personal data 'phone_mobile' to logs through 'acme::Debug::operator<<'
  acme::audit() << u.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: writing personal data 'email' to logs through 'acme::operator<<'
  acme::Stream &log = acme::audit();
  log << u.phone;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: writing personal data 'phone_mobile' to logs through 'acme::operator<<'
}

void constructor(const User &u) {
  acme::Upload up("https://api.example.com/users", u.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: personal data 'email' is sent over the network by 'acme::Upload::Upload' {{.*}}[privacy-undeclared-recipient]
}

void objectType(acme::File &f, const User &u) {
  f.write(u.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: personal data 'phone_mobile' is persisted by 'acme::Device::write' in no declared store{{.*}}[privacy-undeclared-storage]
}

// --- quiet ------------------------------------------------------------------

// Written by hand: the body is analysed, and sends nothing.
class Mailer {
public:
  void send(const std::string &to) { last = to.size(); }
  unsigned long last = 0;
};

void quiet(UserDb &db, Mailer &m, acme::Socket &s, const User &u) {
  db.createUser(u.nickname);                 // not personal data
  db.createUser(u.email);                    // member_db may hold it
  m.send(u.email);                           // the body decides: no sink
  acme::Log::stream(u.email, "signup");      // the channel is not written
  acme::Log::stream("signup", "user %s", u.nickname);
  acme::track("signup", u.visits);           // clean
  acme::Debug local;
  local << u.email;                          // not a stream from debug()
  acme::Stream other;
  other << u.phone;                          // not a stream from audit()
  acme::debug() << u.nickname << u.visits;   // clean
  acme::Upload get("https://api.example.com/users/" + u.nickname);
  acme::Upload post("https://api.example.com/users", u.nickname);
  s.write(u.phone);                          // a socket, not a file
}
