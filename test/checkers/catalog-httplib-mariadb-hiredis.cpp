// cpp-httplib, the MariaDB C API and hiredis (rules/sinks/cpp-httplib.json,
// mariadb.json, hiredis.json), parsed against Debian's headers.
// REQUIRES: cpp-httplib, mariadb, hiredis
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-undeclared-recipient,privacy-undeclared-storage %t -- -- -std=c++17 -isystem /usr/include/mariadb

#include "privacy.h"
#include <cstring>
#include <hiredis/hiredis.h>
#include <httplib.h>
#include <mysql.h>
#include <string>

struct Member {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone_mobile") std::string phone;
  std::string nickname;
};

void http(httplib::Client &cli, const Member &m) {
  cli.Post("/members", m.email, "text/plain");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: personal data 'email' is sent over the network by 'httplib::Client::Post'{{.*}}[privacy-undeclared-recipient]
  cli.Get("/members?phone=" + m.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: personal data 'phone_mobile' is sent over the network by 'httplib::Client::Get'
  cli.Delete("/members?email=" + m.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: personal data 'email' is sent over the network by 'httplib::Client::Delete'
}

void mariadb(MYSQL *conn, const Member &m) {
  std::string insert = "INSERT INTO member (email) VALUES ('" + m.email + "')";
  mysql_query(conn, insert.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is persisted by 'mysql_query' in no declared store{{.*}}[privacy-undeclared-storage]
  std::string update = "UPDATE member SET phone = '" + m.phone + "'";
  mysql_real_query(conn, update.c_str(), update.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'phone_mobile' is persisted by 'mysql_real_query' in no declared store
  MYSQL_STMT *stmt = mysql_stmt_init(conn);
  const char *sql = "INSERT INTO member (phone) VALUES (?)";
  mysql_stmt_prepare(stmt, sql, std::strlen(sql));
  MYSQL_BIND bind[1];
  std::memset(bind, 0, sizeof bind);
  bind[0].buffer_type = MYSQL_TYPE_STRING;
  bind[0].buffer = const_cast<char *>(m.phone.c_str());
  mysql_stmt_bind_param(stmt, bind);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'phone_mobile' is persisted by 'mysql_stmt_bind_param' in no declared store
}

void redis(redisContext *c, const Member &m) {
  redisCommand(c, "SET member:%s:phone %s", m.nickname.c_str(), m.phone.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'phone_mobile' is persisted by 'redisCommand' in no declared store{{.*}}[privacy-undeclared-storage]
  redisAppendCommand(c, ("HSET member email " + m.email).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is persisted by 'redisAppendCommand' in no declared store
  redisCommand(c, "lpush recent:emails %s", m.email.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is persisted by 'redisCommand' in no declared store
  const char *argv[] = {"SADD", "members", m.phone.c_str()};
  redisCommandArgv(c, 3, argv, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'phone_mobile' is persisted by 'redisCommandArgv' in no declared store
}

// A command the code builds at run time may write: it counts as a store.
void redisBuilt(redisContext *c, const Member &m, const char *format) {
  redisCommand(c, format, m.email.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'email' is persisted by 'redisCommand' in no declared store
  redisCommand(c, "%s member:phone %s", "SET", m.phone.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: personal data 'phone_mobile' is persisted by 'redisCommand' in no declared store
}

// --- quiet ------------------------------------------------------------------

PRIVACY_TRANSFER("freshworks", "US")
void fileTicket(httplib::Client &cli, const Member &m) {
  cli.Post("/tickets", m.email, "text/plain");   // the recipient is declared
}

void quiet(httplib::Client &cli, MYSQL *conn, redisContext *c, const Member &m) {
  cli.Get("/members?nickname=" + m.nickname);
  std::string select = "SELECT id FROM member WHERE email = '" + m.email + "'";
  mysql_query(conn, select.c_str());             // read, not persisted
  MYSQL_STMT *stmt = mysql_stmt_init(conn);
  const char *sql = "DELETE FROM member WHERE phone = ?";
  mysql_stmt_prepare(stmt, sql, std::strlen(sql));
  MYSQL_BIND bind[1];
  std::memset(bind, 0, sizeof bind);
  bind[0].buffer = const_cast<char *>(m.phone.c_str());
  mysql_stmt_bind_param(stmt, bind);             // a DELETE reads
  redisCommand(c, "INCR visits:%s", m.nickname.c_str());
  // Reading commands store nothing, whatever their key holds.
  redisCommand(c, "GET member:%s", m.email.c_str());
  redisCommand(c, "hget member:%s phone", m.email.c_str());
  redisAppendCommand(c, ("EXISTS member:" + m.phone).c_str());
  std::string del = "DEL member:" + m.email;
  redisCommand(c, del.c_str());
  const char *argv[] = {"SISMEMBER", "members", m.phone.c_str()};
  redisCommandArgv(c, 3, argv, nullptr);
}
