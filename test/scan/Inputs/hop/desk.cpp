#include "desk.h"

// A helper of this file passes its text on to another file, which sends it
// abroad: the data of this file's callers reaches the transfer.
static void forward(const std::string &text) { sendBody(text); }
static void compose(const std::string &line) { forward("note: " + line); }

void reportMove(const Member &m) { compose(m.address); }
void reportContact(const Member &m) { compose(m.email); }
