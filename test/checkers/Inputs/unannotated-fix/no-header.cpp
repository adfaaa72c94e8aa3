#include <string>

struct Customer {
  std::string email;
};
