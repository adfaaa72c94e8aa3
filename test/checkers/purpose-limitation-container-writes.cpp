// A library method that changes an annotated container or string, called as
// a statement for that change, reads nothing of what it holds (SPEC §1;
// docs/limitations.md, "What counts as a use"): Quassel's
// `_sessions.insert(user, name);` under a purpose that may not use the names.
// Its result used, a const method, or an element read are uses.
// RUN: %check_clang_tidy --policy %S/Inputs/voice-policy.json %s privacy-purpose-limitation %t

#include "privacy.h"
#include <map>
#include <string>

class PRIVACY_PURPOSE("voice") Sessions {
public:
  void add(int id, const std::string &n) { names_.emplace(id, n); } // n: voice may use user_name
  void drop(int id) { names_.erase(id); }
  void reset() {
    names_.clear();
    mails_.clear();
  }
  bool dropMail(int id) {
    return mails_.erase(id) > 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: using personal data 'email' from field 'Sessions::mails_' for purpose 'voice' is not allowed by the policy (allowed purposes: auth) [privacy-purpose-limitation]
  }
  size_t count() const {
    return mails_.size();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: using personal data 'email' from field 'Sessions::mails_' for purpose 'voice' is not allowed by the policy (allowed purposes: auth) [privacy-purpose-limitation]
  }
  void forget(int id) {
    mails_.erase(id); // quiet: a write
    std::string m = mails_.at(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: using personal data 'email' from field 'Sessions::mails_' for purpose 'voice' is not allowed by the policy (allowed purposes: auth) [privacy-purpose-limitation]
    (void)m;
  }

private:
  PRIVACY_DATA("user_name") std::map<int, std::string> names_;
  PRIVACY_DATA("email") std::map<int, std::string> mails_;
};
