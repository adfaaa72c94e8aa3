#include "clinic.h"

using namespace std::placeholders;

// Logs the text of a note; the address is not logged.
void note(const std::string &to, const std::string &text) { logLine(text); }
// Logs the address; the text is not logged.
void noteTo(const std::string &to, const std::string &text) { logLine(to); }

// The e-mail address is fixed as `to`; the number passed reaches `text`.
void remind(const Patient &p) {
  run_later(std::bind(&note, p.email, _1), p.rrn);
}

// The bind value held in a variable first.
void remindLater(const Patient &p) {
  auto f = std::bind(&noteTo, p.rrn, _1);
  run_later(f, p.clinic);
}

// The fixed argument is the caller's parameter: its callers decide.
static void page(const std::string &to, const std::string &text) {
  logLine(to);
}
void notify(const std::string &to, const std::string &text) {
  run_later(std::bind(&page, to, _1), text);
}

// A method bound with its object.
void Outbox::send(const std::string &text) { logLine(owner + text); }
void queue(const Patient &p) {
  Outbox box;
  run_later(std::bind(&Outbox::send, &box, _1), p.rrn);
}

// --- quiet: only the clinic is logged -------------------------------------

// The number passed goes to `to`, which is not logged.
void remindQuiet(const Patient &p) {
  run_later(std::bind(&note, _1, p.clinic), p.rrn);
}
// The clinic is fixed as `to`, the number goes to `text`, which is not logged.
void remindLaterQuiet(const Patient &p) {
  auto f = std::bind(&noteTo, p.clinic, _1);
  run_later(f, p.rrn);
}
// The object bound holds the address, which may be logged; the clinic is
// passed.
void queueQuiet(const Patient &p) {
  Outbox box{p.email};
  run_later(std::bind(&Outbox::send, &box, _1), p.clinic);
}
