#include "shop.h"
#include <exception>

// Exceptions from checks.cpp, through a helper of middle.cpp, reach the
// handler here.
void screen(const Member &m) {
  try {
    shipVia(m);
  } catch (const std::exception &e) {
    fileTicket(e.what());
  }
}

// shipAndCatch lets nothing through; greetVia's exception carries the name,
// which may go to freshworks.
void screenQuiet(const Member &m) {
  try {
    shipAndCatch(m);
    greetVia(m);
  } catch (const std::exception &e) {
    fileTicket(e.what());
  }
}
