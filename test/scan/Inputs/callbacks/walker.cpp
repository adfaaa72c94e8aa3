#include "members.h"

void forEachAddress(const std::vector<Member> &members,
                    void (*visit)(const std::string &)) {
  for (const Member &m : members)
    visit(m.address);
}

void discard(const std::string &) {}

static std::string Seen;
void countEmail(const Member &m) { Seen = m.email; }
