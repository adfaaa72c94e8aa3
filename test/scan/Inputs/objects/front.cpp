#include "clinic.h"
#include <exception>

// A constructor of another file: its fields, then a method of that file.
void remind(const Member &m) {
  Reminder r(m);
  r.fire();
}

// The same object: ping() sends only the name.
void pingOnly(const Member &m) {
  Reminder r(m);
  r.ping();
}

// Built in another file, sent by methods of this one.
void postSlip(const Member &m) {
  Slip s(m);
  s.post();
}

void signSlip(const Member &m) {
  Slip s(m);
  s.sign();
}

// A lambda that hands its parameter to a function of another file.
void uploadAddress(const Member &m) {
  auto up = [](const std::string &s) { upload(s); };
  up(m.address);
}

// The name may go to freshworks; the address goes to the parameter that
// is not sent.
void uploadName(const Member &m) {
  auto up = [](const std::string &kept, const std::string &sent) {
    uploadCopy(sent);
  };
  up(m.address, m.name);
}

// Exceptions from two files away reach the handler here.
void screen(const Member &m) {
  try {
    checkAddress(m);
  } catch (const std::exception &e) {
    fileTicket(e.what());
  }
}

// The name may go to freshworks; checkAndCatch lets nothing through.
void screenName(const Member &m) {
  try {
    checkName(m);
    checkAndCatch(m);
  } catch (const std::exception &e) {
    fileTicket(e.what());
  }
}

// Temporaries of classes whose constructors are in another file, with
// methods of this file (Slip) and of that file (Notice).
void postTemporary(const Member &m) { Slip(m).post(); }
void signTemporary(const Member &m) { Slip(m).sign(); }
void sendNotice(const Member &m) { Notice(m).send(); }
void signNotice(const Member &m) { Notice(m).sign(); }

// A constructor of this file, methods of another.
void mailCard(const Member &m) {
  Card c(m);
  c.mail();
}

void greetCard(const Member &m) {
  Card c(m);
  c.greet();
}
