#include "model.h"
#include "text.h"

std::string describe(const User &u) { return bracket(u.email); }
