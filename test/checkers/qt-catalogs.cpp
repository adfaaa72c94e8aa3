// Qt 5 logging, QNetworkAccessManager, QSettings and QFile
// (rules/sinks/qt5-logging.json, qt5-network.json, qt5-storage.json),
// parsed against Debian's Qt 5 headers.
// REQUIRES: qt5
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak,privacy-undeclared-recipient,privacy-undeclared-storage %t -- -- -std=c++17 -fPIC -isystem %qt5_include -isystem %qt5_include/QtCore -isystem %qt5_include/QtNetwork

#include "privacy.h"
#include <QBuffer>
#include <QDebug>
#include <QFile>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QSettings>
#include <QString>
#include <QTcpSocket>
#include <QUrl>

struct Member {
  PRIVACY_DATA("email") QString email;
  PRIVACY_DATA("phone_mobile") QString phone;
  PRIVACY_DATA("ip_address") QString ip;
  PRIVACY_DATA("phone_mobile") QList<QString> previousPhones;
  QString nickname;
  int visits;
};

void logging(const Member &m) {
  qDebug() << "member" << m.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: writing personal data 'email' to logs through 'QDebug::operator<<' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  qInfo().noquote() << m.phone;
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: writing personal data 'phone_mobile' to logs through 'QDebug::operator<<'
  qWarning() << m.visits << m.phone;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: writing personal data 'phone_mobile' to logs through 'QDebug::operator<<'
  qCritical("member %s", qPrintable(m.email));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'QMessageLogger::critical'
  qDebug() << m.previousPhones;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: writing personal data 'phone_mobile' to logs through 'operator<<'
}

void network(QNetworkAccessManager &nam, const Member &m) {
  QNetworkRequest req(QUrl("https://api.example.com/members?email=" + m.email));
  nam.get(req);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: personal data 'email' is sent over the network by 'QNetworkAccessManager::get'{{.*}}[privacy-undeclared-recipient]
  QNetworkRequest plain(QUrl("https://api.example.com/members"));
  nam.post(plain, m.phone.toUtf8());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: personal data 'phone_mobile' is sent over the network by 'QNetworkAccessManager::post'
}

void storage(QSettings &settings, QFile &file, QSaveFile &save, const Member &m) {
  settings.setValue("member/phone", m.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: personal data 'phone_mobile' is persisted by 'QSettings::setValue' in no declared store{{.*}}[privacy-undeclared-storage]
  file.write(m.email.toUtf8());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: personal data 'email' is persisted by 'QIODevice::write' in no declared store
  save.write(m.phone.toUtf8());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: personal data 'phone_mobile' is persisted by 'QIODevice::write' in no declared store
}

// --- quiet ------------------------------------------------------------------

// A transfer the code declares covers the network call inside it.
PRIVACY_TRANSFER("freshworks", "US")
void fileTicket(QNetworkAccessManager &nam, const Member &m) {
  nam.post(QNetworkRequest(QUrl("https://desk.example.com/tickets")),
           m.email.toUtf8());
}

void quiet(QNetworkAccessManager &nam, QSettings &settings, QFile &file,
           QBuffer &buffer, const Member &m) {
  qDebug() << "member" << m.nickname << m.visits;  // clean
  qWarning() << "from" << m.ip;                    // ip may be logged
  qDebug("visits %d", m.visits);
  QString text;
  QDebug(&text) << m.email;                        // into a string, not a log
  nam.get(QNetworkRequest(QUrl("https://api.example.com/members")));
  settings.setValue("ui/nickname", m.nickname);
  file.write(m.nickname.toUtf8());
  buffer.write(m.email.toUtf8());                  // memory, not a file
}
