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
