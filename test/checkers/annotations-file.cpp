// RUN: %check_clang_tidy --policy %S/Inputs/policy.json --annotations %S/Inputs/protobuf/annotations.json %s privacy-purpose-limitation,privacy-log-leak %t -- -- -I%S/Inputs/protobuf

// A protobuf message annotated from an annotations file
// (docs/annotations.md, "A protobuf message"): the getters' return values
// are personal data, audit_log's first parameter is a log, and the purposes
// come from the file as PRIVACY_PURPOSE would give them.
#include "privacy.h"
#include "user.pb.h"

#include <string>

void audit_log(const std::string &line, int level);

namespace Reports {
int byEmail(const UserProto &u) { return static_cast<int>(u.email().size()); }
// CHECK-MESSAGES: :[[@LINE-1]]:61: warning: using personal data 'email' from return value of 'UserProto::email' for purpose 'statistics' is not allowed by the policy (allowed purposes: marketing, membership, support) [privacy-purpose-limitation]
int byMutableEmail(UserProto &u) {
  return static_cast<int>(u.mutable_email()->size());
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: using personal data 'email' from return value of 'UserProto::mutable_email' for purpose 'statistics' is not allowed by the policy (allowed purposes: marketing, membership, support) [privacy-purpose-limitation]
}
} // namespace Reports

void logs(const UserProto &u) {
  audit_log("user " + u.name(), 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'name' to logs through 'audit_log' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}

// --- quiet ------------------------------------------------------------------

namespace Reports {
struct Weekly {
  // The entry for this method names its own purpose: membership allows
  // email, as PRIVACY_PURPOSE on the method would.
  static int count(const UserProto &u) {
    return static_cast<int>(u.email().size());
  }
};
// visits is not personal data: no entry names it.
int visits(const UserProto &u) { return u.visits(); }
} // namespace Reports

void quietLogs(const UserProto &u) {
  audit_log("visits", u.visits()); // only the first parameter is a log
  audit_log(std::to_string(u.visits()), 2);
}
