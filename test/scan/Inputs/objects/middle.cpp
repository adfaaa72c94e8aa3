#include "clinic.h"

// What verifyAddress throws passes through here to the caller's handler.
void checkAddress(const Member &m) { verifyAddress(m); }
void checkName(const Member &m) { verifyName(m); }

// Caught here: nothing reaches the caller.
void checkAndCatch(const Member &m) {
  try {
    verifyAddress(m);
  } catch (...) {
  }
}
