// Qt's strings, containers and streams keep what they are given
// (rules/sinks/qt5-core.json), parsed against Debian's Qt 5 headers; other
// unknown Qt calls put nothing into their object (docs/limitations.md).
// REQUIRES: qt5
// RUN: %check_clang_tidy --policy %S/Inputs/voice-policy.json %s privacy-log-leak %t -- -- -std=c++17 -fPIC -isystem %qt5_include -isystem %qt5_include/QtCore

#include "privacy.h"
#include <QByteArray>
#include <QDataStream>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTextStream>

struct User {
  PRIVACY_DATA("user_name") QString name;
  PRIVACY_DATA("email") QString email;
  int session;
};

PRIVACY_LOG void log(const QString &s);

void appended(const User &u) {
  QString s = QStringLiteral("user ");
  s.append(u.email);
  log(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'log'
  QString t;
  t += u.email;
  log(t);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'log'
}

void listed(const User &u) {
  QStringList names;
  names << u.email;
  log(names.join(QLatin1Char(',')));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'log'
  QHash<int, QString> bySession;
  bySession.insert(u.session, u.email);
  log(bySession.value(u.session));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'log'
}

void streamed(const User &u) {
  QByteArray bytes;
  QDataStream out(&bytes, QIODevice::WriteOnly);
  out << u.email;
  QString back;
  QDataStream in(bytes);
  out >> back;
  log(back);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'log'
}

// Taking an entry out of a container, or asking about one, puts nothing
// into it: the session set holds ints only.
void asked(const User &u, QSet<int> &sessions, QHash<int, QString> &names) {
  sessions.insert(u.session);
  sessions.contains(u.session);
  names.take(u.session);
  names.remove(u.session);
  log(QString::number(*sessions.begin()));
  log(names.value(u.session));
}
