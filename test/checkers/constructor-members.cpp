// Members a constructor sets (member initialisers, assignments in its body)
// are read by a later method call on the same object.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <string>

struct Patient {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);

class Reminder {
public:
  explicit Reminder(const Patient &p) : to_(p.ip), note_(p.email) {}
  void fire() const { logLine(note_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  void ping() const { logLine(to_); }

private:
  std::string to_, note_;
};

class Ticket {
public:
  Ticket(const Patient &p, int n) : number_(n) {
    body_ = "ticket for " + p.email;
    origin_ = p.ip;
  }
  void print() const { logLine(body_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: writing personal data 'email' to logs
  void trace() const { logLine(origin_); }

private:
  int number_;
  std::string body_, origin_;
};

void remind(const Patient &p) {
  Reminder r(p);
  r.fire();
}

void file(const Patient &p) {
  Ticket t(p, 7);
  t.print();
}

// --- quiet: the member read holds only what logs may contain ------------

void pingOnly(const Patient &p) {
  Reminder r(p);
  r.ping();
}

void traceOnly(const Patient &p) {
  Ticket t(p, 7);
  t.trace();
}

// A constructor that keeps nothing personal: the method logs nothing.
class Greeting {
public:
  explicit Greeting(const Patient &) : text_("hello") {}
  void show() const { logLine(text_); }

private:
  std::string text_;
};

void greet(const Patient &p) {
  Greeting g(p);
  g.show();
}
