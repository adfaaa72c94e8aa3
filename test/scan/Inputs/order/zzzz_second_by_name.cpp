#include "model.h"
void second(const User &u) { logLine(u.email); }
