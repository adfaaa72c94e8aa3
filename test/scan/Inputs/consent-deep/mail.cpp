#include "model.h"

void mailDeep(const Member &m) { send(m.email); }
void mailGuarded(const Member &m) { send(m.email); }
