// Notes name only what the reader can find in the code: no step through the
// compiler's own variables of a range-for (`__range1`, `__begin1`).
// RUN: %check_clang_tidy --policy %S/Inputs/voice-policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <string>
#include <vector>

struct User {
  PRIVACY_DATA("email") std::string email;
};
PRIVACY_LOG void log(const std::string &s);

void each(const std::vector<User> &users) {
  for (const User &u : users)
    log(u.email);
}
// CHECK-NOTES: :[[@LINE-2]]:5: warning: writing personal data 'email' to logs through 'log'
// CHECK-NOTES: :[[@LINE-3]]:11: note: 'email' is read from field 'User::email' here
// CHECK-NOTES-NOT: __range
// CHECK-NOTES: note: logging is declared here

void collected(const std::vector<User> &users) {
  std::vector<std::string> all;
  for (const User &u : users)
    all.push_back(u.email);
  for (const std::string &e : all)
    log(e);
}
// CHECK-NOTES: :[[@LINE-2]]:5: warning: writing personal data 'email' to logs through 'log'
// CHECK-NOTES: :[[@LINE-5]]:21: note: 'email' is read from field 'User::email' here
// CHECK-NOTES: :[[@LINE-6]]:9: note: added to it by 'std::vector::push_back' here
// CHECK-NOTES: :[[@LINE-7]]:9: note: stored in 'all'
// CHECK-NOTES: :[[@LINE-7]]:27: note: stored in 'e'
// CHECK-NOTES: note: logging is declared here
