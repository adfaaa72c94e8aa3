// A function declared as a sink on the whole function (PRIVACY_STORE,
// PRIVACY_LOG, ...) whose body is in the translation unit keeps only the
// arguments its body may keep: handed to code that may keep them (no body
// here, no catalog entry), to a sink, into an object, a field or a global.
// An argument the body only anonymises, compares or ignores does not reach
// the declared sink (docs/limitations.md, "Functions declared as sinks").
// RUN: %check_clang_tidy --policy %S/Inputs/voice-policy.json %s privacy-undeclared-storage,privacy-log-leak %t

#include "privacy.h"
#include <string>
#include <vector>

struct Account {
  PRIVACY_DATA("user_name") std::string name;
  PRIVACY_DATA("password") std::string password;
  PRIVACY_DATA("ip_address") std::string host;
  int id;
};

PRIVACY_ANONYMIZE std::string pbkdf2(const std::string &pw);
std::string rot13(const std::string &text); // keeps what it is given
bool dbWrite(int id, const std::string &value);
void writeLogLine(const std::string &line);

// --- bodies that keep the password ------------------------------------------

PRIVACY_STORE("users_db")
bool setRaw(int id, const std::string &password) {
  return dbWrite(id, rot13(password)); // rot13 is no anonymiser
}

std::vector<std::string> History;
PRIVACY_STORE("users_db") void remember(const std::string &password) {
  History.push_back(password); // a global keeps it
}

class Vault {
public:
  PRIVACY_STORE("users_db") void keep(const std::string &secret) {
    last_ = secret; // the object keeps it
  }

private:
  std::string last_;
};

static bool writeThrough(int id, const std::string &value) {
  return dbWrite(id, value);
}
PRIVACY_STORE("users_db")
bool setViaHelper(int id, const std::string &password) {
  return writeThrough(id, password); // kept by the helper
}

// --- bodies that keep only a digest, or nothing ------------------------------

PRIVACY_STORE("users_db")
bool setInfo(int id, const std::string &password) {
  if (password.empty() || password == "changeme")
    return false; // read and compared, not kept
  return dbWrite(id, pbkdf2(password));
}

static std::string digestOf(const std::string &value) { return pbkdf2(value); }
PRIVACY_STORE("users_db")
bool setViaDigest(int id, const std::string &password) {
  return dbWrite(id, digestOf(password));
}

PRIVACY_LOG void logAttempt(const std::string &user, const std::string &host) {
  (void)host; // accepted for the signature, never written
  writeLogLine("login attempt by " + user);
}

PRIVACY_PURPOSE("auth") void changePassword(Vault &v, const Account &a) {
  setRaw(a.id, a.password);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: persisting personal data 'password' in store 'users_db', which the policy does not declare for it (items allowed in 'users_db': user_name, email) [privacy-undeclared-storage]
  remember(a.password);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: persisting personal data 'password' in store 'users_db', which the policy does not declare for it (items allowed in 'users_db': user_name, email) [privacy-undeclared-storage]
  v.keep(a.password);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: persisting personal data 'password' in store 'users_db', which the policy does not declare for it (items allowed in 'users_db': user_name, email) [privacy-undeclared-storage]
  setViaHelper(a.id, a.password);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: persisting personal data 'password' in store 'users_db', which the policy does not declare for it (items allowed in 'users_db': user_name, email) [privacy-undeclared-storage]
  setInfo(a.id, a.password);      // quiet: only a digest is kept
  setViaDigest(a.id, a.password); // quiet
  logAttempt(a.name, a.host);     // quiet: the host is never written
  logAttempt(a.host, a.name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'ip_address' to logs through 'logAttempt' is not allowed by the policy (logs may contain: user_name) [privacy-log-leak]
}
