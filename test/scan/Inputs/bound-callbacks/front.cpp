#include "clinic.h"

// The number is the address, which is logged.
void ring(const Patient &p) { notify(p.rrn, p.email); }

// --- quiet: the number is the text, which is not logged ------------------

void ringQuiet(const Patient &p) { notify(p.email, p.rrn); }
