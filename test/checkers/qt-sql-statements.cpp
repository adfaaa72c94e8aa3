// QSqlQuery (rules/sinks/qt5-sql.json), parsed against Debian's Qt 5
// headers: what is bound into a query, or spelled into its text, is
// persisted only when the statement writes.
// REQUIRES: qt5
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-undeclared-storage %t -- -- -std=c++17 -fPIC -isystem %qt5_include -isystem %qt5_include/QtCore -isystem %qt5_include/QtSql

#include "privacy.h"
#include <QSqlQuery>
#include <QString>
#include <QVariant>

struct Member {
  PRIVACY_DATA("name") QString name;
  PRIVACY_DATA("phone_mobile") QString phone;
};

void lookup(QSqlQuery &q, const Member &m) {
  q.prepare(QStringLiteral("SELECT id FROM member WHERE name = ?"));
  q.addBindValue(m.name);
  q.exec();
}

void remove(const Member &m) {
  QSqlQuery q;
  q.prepare(QString("DELETE FROM member WHERE phone = :phone"));
  q.bindValue(":phone", m.phone);
  q.exec();
}

void add(const Member &m) {
  QSqlQuery q;
  q.prepare("INSERT INTO member (name, phone) VALUES (?, ?)");
  q.addBindValue(m.name);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: personal data 'name' is persisted by 'QSqlQuery::addBindValue' in no declared store; mark the storing function with PRIVACY_STORE("store") [privacy-undeclared-storage]
  q.bindValue(1, m.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: personal data 'phone_mobile' is persisted by 'QSqlQuery::bindValue'
  q.exec();
}

void spelled(QSqlQuery &q, const Member &m) {
  q.exec("SELECT id FROM member WHERE name = '" + m.name + "'");
  q.exec(QString("UPDATE member SET phone = '%1'").arg(m.phone));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: personal data 'phone_mobile' is persisted by 'QSqlQuery::exec'
}

// Prepared by another function: the statement is not known here, and
// counts as reading (docs/limitations.md, "SQL statements").
void bindElsewhere(QSqlQuery &q, const Member &m) {
  q.addBindValue(m.name);
}
