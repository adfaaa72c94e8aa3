// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-undeclared-storage %t

#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("user_id") int id;
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("phone_mobile") std::string phone;
  int plan;
};

PRIVACY_STORE("member_db") void saveMember(const Member &m);
void saveField(int id, PRIVACY_STORE("member_db") const std::string &value);
PRIVACY_STORE("archive") void archive(const std::string &row);

void findings(const Member &m) {
  saveField(m.id, m.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: persisting personal data 'phone_mobile' in store 'member_db', which the policy does not declare for it (items allowed in 'member_db': user_id, name, email) [privacy-undeclared-storage]
  archive(m.name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: persisting personal data 'name' in store 'archive', which the policy does not name (stores: logs, member_db) [privacy-undeclared-storage]
  saveMember(m); // the whole record, with its phone
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: persisting personal data 'phone_mobile' in store 'member_db', which the policy does not declare for it
}

// --- quiet ------------------------------------------------------------------

void quiet(const Member &m) {
  saveField(m.id, m.name);             // declared
  saveField(m.plan, std::to_string(m.plan)); // not personal data
}
