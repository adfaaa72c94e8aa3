#include "user.h"
PRIVACY_PURPOSE("statistics") void countName(Network *n) {
  std::string s = n->user()->nameOf();
  (void)s;
}
PRIVACY_PURPOSE("statistics") void countHost(Network *n) {
  logLine(n->user()->describe());
}
void keepAll(Network *n) { logLine(n->user()->nameOf() + n->user()->describe()); }
