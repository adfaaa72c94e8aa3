#include "members.h"

void Member::setNote(const std::string &n) { note = n; }
void Member::setTag(const std::string &) { tag = "vip"; }
void Member::clearNote() { note.clear(); }
std::string Member::noteText() const { return note; }

void copyAddress(Member &to, const Member &from) {
  std::string &into = to.note; // through a local reference
  into = from.address;
}

void fillNote(Member *to, const std::string &text) { to->note = text; }
