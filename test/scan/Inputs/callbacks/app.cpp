#include "members.h"

// The callback decides where the addresses go: another file runs it.
void exportAddresses(const std::vector<Member> &members) {
  forEachAddress(members, fileTicket);
}
void dropAddresses(const std::vector<Member> &members) {
  forEachAddress(members, discard);
}

// The handler is stored by bus.cpp and run there when an event comes.
void wire(EventBus &bus) { bus.subscribe(fileTicket); }
void announce(EventBus &bus, const Member &m) {
  bus.publish("moved to " + m.address);
}

// Through a function pointer whose target another file defines: the
// purpose reaches it.
PRIVACY_PURPOSE("statistics") void tally(const Member &m) {
  void (*count)(const Member &) = countEmail;
  count(m);
}
