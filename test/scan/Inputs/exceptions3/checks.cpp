#include "shop.h"
#include <stdexcept>

void verifyAddress(const Member &m) {
  throw std::runtime_error("cannot ship to " + m.address);
}
void verifyName(const Member &m) { throw std::runtime_error("who is " + m.name); }
