#pragma once
#include "privacy.h"
#include <functional>
#include <string>

struct Patient {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("rrn") std::string rrn;
  std::string clinic;
};

PRIVACY_LOG void logLine(const std::string &line);

using Deliver = std::function<void(const std::string &)>;

// Each logs its first parameter (mailer.cpp).
struct Mailer {
  void sendTo(const std::string &to, const std::string &body);
  void pageTo(const std::string &to, const std::string &body);
  void alertTo(const std::string &to, const std::string &body);
  void remindTo(const std::string &to, const std::string &body);
};

// Bind a mailer's method with the mailer and a fixed first argument
// (mailer.cpp); the caller calls the value (app.cpp).
Deliver makeMail(Mailer &m, const Patient &p);
Deliver makeQuietMail(Mailer &m, const Patient &p);

// A bind value stored in a field by one file (mailer.cpp) and called by
// another (app.cpp).
struct Outbox {
  Deliver deliver;
  void arm(Mailer &m, const Patient &p);
  void fire(const Patient &p);
};
struct QuietOutbox {
  Deliver deliver;
  void arm(Mailer &m, const Patient &p);
  void fire(const Patient &p);
};
