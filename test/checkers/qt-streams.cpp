// Qt streams decided by what they were constructed over and kept in
// variables (rules/sinks/qt5-storage.json, qt5-logging.json, qt5-core.json;
// "receiver_over" in docs/catalogs.md), parsed against Debian's Qt 5
// headers: a QTextStream or QDataStream over a QFile is a store, over a
// QString, a QByteArray or stdout it is not, and the string carries what
// was written; a QDebug copied into a variable from qDebug() is a log.
// REQUIRES: qt5
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak,privacy-undeclared-recipient,privacy-undeclared-storage %t -- -- -std=c++17 -fPIC -isystem %qt5_include -isystem %qt5_include/QtCore -isystem %qt5_include/QtNetwork

#include "privacy.h"
#include <QByteArray>
#include <QDataStream>
#include <QDebug>
#include <QFile>
#include <QSaveFile>
#include <QString>
#include <QTcpSocket>
#include <QTextStream>
#include <cstdio>

struct Member {
  PRIVACY_DATA("email") QString email;
  PRIVACY_DATA("phone_mobile") QString phone;
  QString nickname;
  int visits;
};

void textToFile(const Member &m) {
  QFile f("members.txt");
  f.open(QIODevice::WriteOnly);
  QTextStream out(&f);
  out << m.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: personal data 'email' is persisted by 'QTextStream::operator<<' in no declared store{{.*}}[privacy-undeclared-storage]
  out << "visits " << m.visits << " phone " << m.phone << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: personal data 'phone_mobile' is persisted by 'QTextStream::operator<<' in no declared store
}

void throughPointerAndTemporary(QSaveFile *save, const Member &m) {
  QTextStream out(save);
  out << m.phone;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: personal data 'phone_mobile' is persisted by 'QTextStream::operator<<' in no declared store
  QFile f("once.txt");
  QTextStream(&f) << m.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: personal data 'email' is persisted by 'QTextStream::operator<<' in no declared store
}

void dataToFile(const Member &m) {
  QFile f("members.bin");
  QDataStream out(&f);
  out << m.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: personal data 'email' is persisted by 'operator<<' in no declared store
}

void textToSocket(QTcpSocket &socket, const Member &m) {
  QTextStream out(&socket);
  out << m.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: personal data 'email' is sent over the network by 'QTextStream::operator<<'{{.*}}[privacy-undeclared-recipient]
}

void debugKept(const Member &m) {
  QDebug dbg = qDebug();
  dbg << "member" << m.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: writing personal data 'email' to logs through 'QDebug::operator<<' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  auto warn = qWarning().nospace();
  warn << m.phone;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: writing personal data 'phone_mobile' to logs through 'QDebug::operator<<'
}

void stringCarriesIt(const Member &m) {
  QString text;
  QTextStream out(&text);
  out << m.email;
  qDebug() << text;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: writing personal data 'email' to logs through 'QDebug::operator<<'
  QString built;
  QDebug(&built) << m.phone;
  qInfo() << built;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: writing personal data 'phone_mobile' to logs through 'QDebug::operator<<'
}

// --- quiet ------------------------------------------------------------------

void quiet(QFile &file, const Member &m) {
  QString text;
  QTextStream intoString(&text);
  intoString << m.email;                 // a string build, not a store
  QByteArray bytes;
  QTextStream intoBytes(&bytes);
  intoBytes << m.phone;
  QDataStream intoData(&bytes, QIODevice::WriteOnly);
  intoData << m.email;
  QTextStream console(stdout);
  console << m.email;                    // standard output, not a file
  QTextStream toFile(&file);
  toFile << m.nickname << m.visits;      // nothing personal
  QDebug dbg(&text);
  dbg << m.email;                        // a QDebug over a string is no log
  QDebug copy = dbg;
  copy << m.phone;
  qDebug() << m.nickname;
}
