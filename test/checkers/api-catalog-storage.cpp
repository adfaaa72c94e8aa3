// Storage APIs of the catalog (rules/sinks): SQLite, on the real
// declarations of Debian's libsqlite3-dev.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-undeclared-storage %t

#include "privacy.h"
#include <sqlite3.h>
#include <string>

struct Member {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("phone_mobile") std::string phone;
  int plan;
};

void insertRaw(sqlite3 *db, const Member &m) {
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO member(name, plan) VALUES (?, ?)", -1, &stmt, nullptr);
  sqlite3_bind_text(stmt, 1, m.name.c_str(), -1, SQLITE_TRANSIENT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'name' is persisted by 'sqlite3_bind_text' in no declared store; mark the storing function with PRIVACY_STORE("store") [privacy-undeclared-storage]
  sqlite3_bind_int(stmt, 2, m.plan); // not personal data
}

// A declared store on the way names where it goes.
PRIVACY_STORE("member_db")
void insertMember(sqlite3_stmt *stmt, const std::string &name, const std::string &phone) {
  sqlite3_bind_text(stmt, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 2, phone.c_str(), -1, SQLITE_TRANSIENT);
}

void save(sqlite3_stmt *stmt, const Member &m) {
  insertMember(stmt, m.name, "");
  insertMember(stmt, m.name, m.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: persisting personal data 'phone_mobile' in store 'member_db', which the policy does not declare for it (items allowed in 'member_db': user_id, name, email) [privacy-undeclared-storage]
}
