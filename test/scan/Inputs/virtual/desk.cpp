#include "notifier.h"

// Another file implements the interface; the call below reaches it.
void openTicket(const Member &m) { defaultNotifier().notify("Ship to " + m.address); }
