#include "model.h"

// The finding of this file is on a later line than the other file's, and
// comes first: findings are sorted by file, then line.


void first(const User &u) { logLine(u.email); }
