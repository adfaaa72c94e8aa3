// A method bound with its object in one function and called in another:
// through a field set by one method and called by another, and through the
// value a function returns. The object is the one bound, and the fixed
// arguments keep their places (docs/limitations.md, "Calls through
// function values").
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <functional>
#include <string>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);

using Deliver = std::function<void(const std::string &)>;

// Each logs one parameter, or what its object holds. One method per case:
// what a bound method logs is reported where it logs it.
struct Mailer {
  std::string signature;
  void sendTo(const std::string &to, const std::string &body) { logLine(to); }
  // CHECK-MESSAGES: :[[@LINE-1]]:65: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  void mailTo(const std::string &to, const std::string &body) { logLine(to); }
  // CHECK-MESSAGES: :[[@LINE-1]]:65: warning: writing personal data 'email' to logs
  void sign(const std::string &body) { logLine(signature + body); }
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: writing personal data 'email' to logs
  void quietTo(const std::string &to, const std::string &body) { logLine(to); }
  void quietSign(const std::string &body) { logLine(signature + body); }
};

// Bound in one method, called in another.
struct Outbox {
  Deliver deliver;
  void arm(Mailer *m, const Visitor &v) {
    deliver = std::bind(&Mailer::sendTo, m, v.email, std::placeholders::_1);
  }
  void fire(const Visitor &v) { deliver(v.ip); }
};

// Returned by one function, called in another.
Deliver makeMail(Mailer &m, const Visitor &v) {
  return std::bind(&Mailer::mailTo, &m, v.email, std::placeholders::_1);
}
void mail(Mailer &m, const Visitor &v) {
  Deliver d = makeMail(m, v);
  d(v.ip);
}

// The object bound holds the address.
Deliver makeSigned(const Visitor &v) {
  static Mailer m;
  m.signature = v.email;
  return std::bind(&Mailer::sign, &m, std::placeholders::_1);
}
void signedMail(const Visitor &v) {
  Deliver d = makeSigned(v);
  d(v.ip);
}

// --- quiet: the address goes where nothing logs it -----------------------

struct QuietOutbox {
  Deliver deliver;
  void arm(Mailer *m, const Visitor &v) {
    deliver = std::bind(&Mailer::quietTo, m, v.ip, std::placeholders::_1);
  }
  void fire(const Visitor &v) { deliver(v.email); }
};

Deliver makeQuietSigned(const Visitor &v) {
  static Mailer m;
  m.signature = v.ip;
  return std::bind(&Mailer::quietSign, &m, std::placeholders::_1);
}
void quietSignedMail(const Visitor &v) {
  Deliver d = makeQuietSigned(v);
  d(v.ip);
}
