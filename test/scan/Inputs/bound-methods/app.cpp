#include "mailer.h"

// The value another file returned runs Mailer::sendTo(p.rrn, p.email).
void mail(Mailer &m, const Patient &p) {
  Deliver d = makeMail(m, p);
  d(p.email);
}

// The field another file set runs Mailer::alertTo(p.rrn, p.email).
void Outbox::fire(const Patient &p) { deliver(p.email); }

// --- quiet: Mailer::pageTo(p.email, p.rrn) logs the address ---------------

void mailQuiet(Mailer &m, const Patient &p) {
  Deliver d = makeQuietMail(m, p);
  d(p.rrn);
}

// Mailer::remindTo(p.email, p.rrn).
void QuietOutbox::fire(const Patient &p) { deliver(p.rrn); }
