#include "account.h"

static Member Current;

std::string currentAddress() { return "Ship to: " + Current.address; }
std::string currentEmail() { return Current.email; }
std::string bracket(const std::string &text) { return "[" + text + "]"; }
