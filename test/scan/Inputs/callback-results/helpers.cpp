#include "members.h"

std::string same(const std::string &s) { return s; }

void callWith(Sink cb, const std::string &s) { cb(s); }

std::string applyElsewhere(Transform fn, const std::string &s) {
  return "<" + fn(s) + ">";
}
