#include "hooks.h"

// Calls the callback the struct carries, with what it was given.
void runWith(const Hooks &h, const std::string &text) { h.on_done(text); }
void runQuiet(const QuietHooks &h, const std::string &text) { h.on_done(text); }
