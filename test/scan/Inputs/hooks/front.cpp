#include "hooks.h"

static void upload(const std::string &text) { fileTicket(text); }
static void uploadToo(const std::string &text) { fileTicket(text); }

// The struct, with the callback in it, goes to runner.cpp, which calls it
// with the address.
void report(const Member &m) {
  Hooks h{&upload};
  runWith(h, m.address);
}

// The callback set by assignment.
void reportAssigned(const Member &m) {
  Hooks h;
  h.on_done = &uploadToo;
  runWith(h, m.address);
}

// The name may go to freshworks.
static void uploadName(const std::string &text) { fileTicket(text); }
void reportQuiet(const Member &m) {
  QuietHooks h{&uploadName};
  runQuiet(h, m.name);
}
