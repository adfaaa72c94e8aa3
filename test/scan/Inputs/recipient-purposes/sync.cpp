#include "model.h"

void syncContact(const Customer &c) { toCrm(c.email); }
void syncName(const Customer &c) { toCrm(c.name); }
void syncBoth(const Customer &c) { toCrm(c.name); }
