// A value bound into a statement, or spelled into its text, is persisted only
// when the statement writes (SPEC §6; "statement" in the catalogs of SQLite
// and libpq): INSERT, UPDATE, REPLACE, UPSERT and MERGE store; SELECT and
// DELETE only read. Parsed against Debian's sqlite3.h and libpq-fe.h.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-undeclared-storage %t -- -- -I/usr/include/postgresql

#include "privacy.h"
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string>

struct Member {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("phone_mobile") std::string phone;
};

// Prepared here from a literal: a lookup reads, an insert stores.
void lookup(sqlite3 *db, const Member &m) {
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM member WHERE name = ?", -1, &stmt, nullptr);
  sqlite3_bind_text(stmt, 1, m.name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(stmt);
}

void forget(sqlite3 *db, const Member &m) {
  static const char *const Delete = "  /* by name */ DELETE FROM member WHERE name = ?";
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db, Delete, -1, &stmt, nullptr);
  sqlite3_bind_text(stmt, 1, m.name.c_str(), -1, SQLITE_TRANSIENT);
}

void enrol(sqlite3 *db, const Member &m) {
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db, "insert into member(name) values (?)", -1, &stmt, nullptr);
  sqlite3_bind_text(stmt, 1, m.name.c_str(), -1, SQLITE_TRANSIENT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'name' is persisted by 'sqlite3_bind_text' in no declared store; mark the storing function with PRIVACY_STORE("store") [privacy-undeclared-storage]
}

void upsert(sqlite3 *db, const Member &m) {
  sqlite3_stmt *stmt = nullptr;
  const std::string Sql = "WITH t(n) AS (SELECT ?) INSERT OR REPLACE INTO member(name) SELECT n FROM t";
  sqlite3_prepare_v2(db, Sql.c_str(), -1, &stmt, nullptr);
  sqlite3_bind_text(stmt, 1, m.name.c_str(), -1, SQLITE_TRANSIENT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'name' is persisted by 'sqlite3_bind_text'
}

// A statement prepared elsewhere, or from text the function does not show,
// counts as reading (docs/limitations.md, "SQL statements"): quiet.
void bindOnly(sqlite3_stmt *stmt, const Member &m) {
  sqlite3_bind_text(stmt, 1, m.name.c_str(), -1, SQLITE_TRANSIENT);
}

void fromText(sqlite3 *db, const char *sql, const Member &m) {
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
  sqlite3_bind_text(stmt, 1, m.name.c_str(), -1, SQLITE_TRANSIENT);
}

// Two statements in one handle: one of them writes.
void both(sqlite3 *db, const Member &m, bool add) {
  sqlite3_stmt *stmt = nullptr;
  if (add)
    sqlite3_prepare_v2(db, "UPDATE member SET phone = ?", -1, &stmt, nullptr);
  else
    sqlite3_prepare_v2(db, "SELECT id FROM member WHERE phone = ?", -1, &stmt, nullptr);
  sqlite3_bind_text(stmt, 1, m.phone.c_str(), -1, SQLITE_TRANSIENT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'phone_mobile' is persisted by 'sqlite3_bind_text'
}

// Data spelled into the text of a command.
void pgSearch(PGconn *conn, const Member &m) {
  const char *values[] = {m.name.c_str()};
  PQexecParams(conn, "SELECT id FROM member WHERE name = $1", 1, nullptr, values, nullptr, nullptr, 0);
  PQexec(conn, ("select * from member where phone = '" + m.phone + "'").c_str());
}

void pgInsert(PGconn *conn, const Member &m) {
  const char *values[] = {m.name.c_str()};
  PQexecParams(conn, "INSERT INTO member(name) VALUES ($1)", 1, nullptr, values, nullptr, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'name' is persisted by 'PQexecParams'
  PQexec(conn, ("UPDATE member SET phone = '" + m.phone + "'").c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'phone_mobile' is persisted by 'PQexec'
  PQexecPrepared(conn, "add_member", 1, values, nullptr, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'name' is persisted by 'PQexecPrepared'
}
