#include "clinic.h"

void run_later(std::function<void(const std::string &)> f,
               const std::string &x) {
  f(x);
}
