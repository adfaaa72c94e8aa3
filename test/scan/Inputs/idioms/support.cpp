#include "desk.h"
#include <stdexcept>
#include <utility>

// A pointer to a method of another file: that method's summary is applied.
void escalateAddress(const Member &m, bool urgent) {
  Desk d;
  void (Desk::*how)(const std::string &) =
      urgent ? &Desk::escalate : &Desk::archive;
  (d.*how)(m.address);
}

// The same pointer given only the name, which freshworks may receive.
void escalateName(const Member &m) {
  Desk d;
  auto how = &Desk::escalate;
  (d.*how)(m.name);
}

// One element of a pair handed to another file: only that element, also
// through a function template.
template <typename T> void pass(const T &text) { relay(text); }

void relayParts(const Member &m) {
  auto [who, where] = std::make_pair(m.name, m.address);
  relay(who); // the name may go to freshworks
  pass(where);
}

// What another file's function throws reaches the handler around the call.
void checkAddress(const Member &m) {
  try {
    verifyAddress(m);
  } catch (const std::exception &e) {
    fileTicket(e.what());
  }
}

// The name may go to freshworks.
void checkName(const Member &m) {
  try {
    verifyName(m);
  } catch (const std::exception &e) {
    fileTicket(e.what());
  }
}
