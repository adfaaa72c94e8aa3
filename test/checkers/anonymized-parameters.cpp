// PRIVACY_ANONYMIZE on a parameter: the function anonymises what is passed
// there before it keeps, sends or returns anything of it (a store that
// hashes a password first). What the caller passes there reaches none of the
// function's whole-function sinks, is not followed in its body and does not
// come back out of it; its other parameters are judged as before
// (docs/annotations.md, "PRIVACY_ANONYMIZE").
// RUN: %check_clang_tidy --policy %S/Inputs/voice-policy.json %s privacy-undeclared-storage,privacy-log-leak %t

#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("user_name") std::string name;
  PRIVACY_DATA("password") std::string password;
  PRIVACY_DATA("ip_address") std::string host;
  int id;
};

// Declared only (a store of another library): hashes the password first.
PRIVACY_STORE("users_db")
bool setInfo(int id, PRIVACY_ANONYMIZE const std::string &password);
// The same store without the parameter annotation.
PRIVACY_STORE("users_db") bool setRaw(int id, const std::string &password);
// One parameter anonymised, one kept.
PRIVACY_STORE("users_db")
void saveLogin(PRIVACY_ANONYMIZE const std::string &password,
               const std::string &host);
// A sink on the same parameter still takes it.
void keep(PRIVACY_ANONYMIZE PRIVACY_STORE("users_db") const std::string &value);

PRIVACY_LOG void log_line(const std::string &line);
std::string pbkdf2(const std::string &pw);

// Bodies seen: the parameter is not followed in the first.
void audit(PRIVACY_ANONYMIZE const std::string &secret) {
  log_line(pbkdf2(secret));
}
void auditRaw(const std::string &secret) { log_line(secret); }
// Reported in its body, for its caller's data:
// CHECK-MESSAGES: :38:44: warning: writing personal data 'password' to logs through 'log_line' is not allowed by the policy (logs may contain: user_name) [privacy-log-leak]

// Unknown code returns what its other arguments carry.
std::string digest(PRIVACY_ANONYMIZE const std::string &secret,
                   const std::string &salt);

PRIVACY_PURPOSE("auth") void changePassword(const Account &a) {
  setInfo(a.id, a.password); // quiet: kept only as a hash
  setRaw(a.id, a.password);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: persisting personal data 'password' in store 'users_db', which the policy does not declare for it (items allowed in 'users_db': user_name, email) [privacy-undeclared-storage]
  saveLogin(a.password, a.host);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: persisting personal data 'ip_address' in store 'users_db', which the policy does not declare for it (items allowed in 'users_db': user_name, email) [privacy-undeclared-storage]
  keep(a.password);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: persisting personal data 'password' in store 'users_db', which the policy does not declare for it (items allowed in 'users_db': user_name, email) [privacy-undeclared-storage]
  audit(a.password); // quiet
  auditRaw(a.password);
  log_line(digest(a.password, a.name)); // quiet: logs may hold user_name
  log_line(digest(a.password, a.host));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'ip_address' to logs through 'log_line' is not allowed by the policy (logs may contain: user_name) [privacy-log-leak]
}
