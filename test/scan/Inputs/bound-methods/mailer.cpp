#include "mailer.h"

using namespace std::placeholders;

void Mailer::sendTo(const std::string &to, const std::string &body) {
  logLine(to);
}
void Mailer::pageTo(const std::string &to, const std::string &body) {
  logLine(to);
}
void Mailer::alertTo(const std::string &to, const std::string &body) {
  logLine(to);
}
void Mailer::remindTo(const std::string &to, const std::string &body) {
  logLine(to);
}

// The number is fixed as `to`, which is logged.
Deliver makeMail(Mailer &m, const Patient &p) {
  return std::bind(&Mailer::sendTo, &m, p.rrn, _1);
}
// The address is fixed as `to`.
Deliver makeQuietMail(Mailer &m, const Patient &p) {
  return std::bind(&Mailer::pageTo, &m, p.email, _1);
}

// Stored in a field: the number is fixed as `to`.
void Outbox::arm(Mailer &m, const Patient &p) {
  deliver = std::bind(&Mailer::alertTo, &m, p.rrn, _1);
}
// The address is fixed as `to`.
void QuietOutbox::arm(Mailer &m, const Patient &p) {
  deliver = std::bind(&Mailer::remindTo, &m, p.email, _1);
}
