#include <string>

struct User {
  std::string email;
  std::string userName;
  std::string birthDate;
  std::string jeonhwaBeonho;
  int emailCount;
};
