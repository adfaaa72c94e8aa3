#include "model.h"

void mailOne(const Member &m) { send(m.email); }
void mailTwo(const Member &m) { send(m.email); }
void mailThree(const Member &m) { send(m.email); }
