// Poco (rules/sinks/poco.json), parsed against Debian's headers: Logger's
// calls are logs, HTTPClientSession sends, and Poco::Data persists what is
// bound with use() only into a statement that writes.
// REQUIRES: poco
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak,privacy-undeclared-recipient,privacy-undeclared-storage %t -- -- -std=c++17

#include "privacy.h"
#include <Poco/Data/Session.h>
#include <Poco/LogStream.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <ostream>
#include <sstream>
#include <string>

using namespace Poco::Data::Keywords;

struct Member {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone_mobile") std::string phone;
  PRIVACY_DATA("ip_address") std::string ip;
  std::string nickname;
  int visits;
};

void logging(Poco::Logger &logger, const Member &m) {
  logger.information("member " + m.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: writing personal data 'email' to logs through 'Poco::Logger::information' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  poco_warning(logger, "phone " + m.phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'Poco::Logger::warning'
  logger.error("member %s visits %d", m.phone, m.visits);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: writing personal data 'phone_mobile' to logs through 'Poco::Logger::error'
}

// Loggers and log streams kept in variables.
void loggerKept(const Member &m) {
  auto &log = Poco::Logger::get("app");
  log.information(m.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: writing personal data 'email' to logs through 'Poco::Logger::information'
  Poco::LogStream stream(log);
  stream.warning() << "member " << m.phone;
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: writing personal data 'phone_mobile' to logs through 'std::operator<<'
  stream << m.email << std::endl;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: writing personal data 'email' to logs through 'std::operator<<'
}

void http(Poco::Net::HTTPClientSession &session, const Member &m) {
  Poco::Net::HTTPRequest get(Poco::Net::HTTPRequest::HTTP_GET,
                             "/members?email=" + m.email);
  session.sendRequest(get);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: personal data 'email' is sent over the network by 'Poco::Net::HTTPClientSession::sendRequest'{{.*}}[privacy-undeclared-recipient]
  Poco::Net::HTTPRequest post(Poco::Net::HTTPRequest::HTTP_POST, "/members");
  session.sendRequest(post) << m.phone;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: personal data 'phone_mobile' is sent over the network by 'std::operator<<'
  std::ostream &body = session.sendRequest(post);
  body << m.email;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: personal data 'email' is sent over the network by 'std::operator<<'
}

void data(Poco::Data::Session &session, Member m) {
  session << "INSERT INTO member (email, phone) VALUES (?, ?)", use(m.email),
      use(m.phone), now;
  // CHECK-MESSAGES: :[[@LINE-2]]:63: warning: personal data 'email' is persisted by 'Poco::Data::Statement::operator,' in no declared store{{.*}}[privacy-undeclared-storage]
  // CHECK-MESSAGES: :[[@LINE-3]]:77: warning: personal data 'phone_mobile' is persisted by 'Poco::Data::Statement::operator,' in no declared store
  session << "UPDATE member SET phone = '" + m.phone + "'", now;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: personal data 'phone_mobile' is persisted by 'Poco::Data::Session::operator<<' in no declared store
}

// --- quiet ------------------------------------------------------------------

PRIVACY_TRANSFER("freshworks", "US")
void fileTicket(Poco::Net::HTTPClientSession &session, const Member &m) {
  Poco::Net::HTTPRequest post(Poco::Net::HTTPRequest::HTTP_POST, "/tickets");
  session.sendRequest(post) << m.email;          // the recipient is declared
}

void quiet(Poco::Logger &logger, Poco::Net::HTTPClientSession &session,
           Poco::Data::Session &db, Member m, std::ostream &out) {
  logger.information("member " + m.nickname);
  logger.information("from " + m.ip);             // ip may be logged
  poco_information(logger, "visits");
  Poco::Net::HTTPRequest get(Poco::Net::HTTPRequest::HTTP_GET, "/members");
  session.sendRequest(get) << m.nickname;
  out << m.email;                                 // not a request body
  int count = 0;
  db << "SELECT count(*) FROM member WHERE email = ?", use(m.email),
      into(count), now;                           // read, not persisted
  db << "INSERT INTO visit (nickname) VALUES (?)", use(m.nickname), now;
  Poco::LogStream stream(logger);
  stream.information() << m.nickname << m.visits;
  std::ostringstream text;                        // a string stream, no log
  text << m.email;
}
