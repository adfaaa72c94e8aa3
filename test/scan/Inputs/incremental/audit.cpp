#include "model.h"

// The logs may hold the address: no finding.
void audit(const User &u) { logLine(u.ip); }
