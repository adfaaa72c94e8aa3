#include "members.h"

static std::string applyTo(Transform fn, const std::string &s) { return fn(s); }

void copied(const Member &m) { fileTicket(applyTo(&same, m.address)); }

void anonymised(const Member &m) { fileTicket(applyTo(&hashOf, m.address)); }

static void runWithTicket(void (*outer)(Sink, const std::string &),
                          const std::string &s) {
  outer(&fileTicket, s);
}

void handedOn(const Member &m) { runWithTicket(&callWith, m.address); }

void handedOnAllowed(const Member &m) { runWithTicket(&callWith, m.email); }

void copiedElsewhere(const Member &m) {
  fileTicket(applyElsewhere(&same, m.address));
}

void anonymisedElsewhere(const Member &m) {
  fileTicket(applyElsewhere(&hashOf, m.address));
}

void unknownElsewhere(const Member &m) {
  fileTicket(applyElsewhere(&unknownTransform, m.address));
}
