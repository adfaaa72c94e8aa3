#include "model.h"

std::string formatLine(const Member &m) { return m.name; }
