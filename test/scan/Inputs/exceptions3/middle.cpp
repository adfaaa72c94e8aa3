#include "shop.h"
#include <exception>

// Helpers of this file that call into checks.cpp.
static void checkAddress(const Member &m) { verifyAddress(m); }
static void checkName(const Member &m) { verifyName(m); }

// Lets what verifyAddress throws escape to its caller in front.cpp.
void shipVia(const Member &m) { checkAddress(m); }

// Catches it before it leaves this file.
void shipAndCatch(const Member &m) {
  try {
    checkAddress(m);
  } catch (...) {
  }
}

// A handler of this file sends what it caught.
void shipAndReport(const Member &m) {
  try {
    checkAddress(m);
  } catch (const std::exception &e) {
    fileTicket(e.what());
  }
}

// The name may go to freshworks.
void greetVia(const Member &m) { checkName(m); }
