#include "model.h"
#include "text.h"

// The email reaches the logs through describe.cpp: a finding of the join.
void report(const User &u) { logLine(bracket(describe(u))); }
