#include "privacy.h"
#include <string>

struct Customer {
  std::string email;
  static std::string defaultPhone;
  std::string mobile, homeAddress;
  std::string birthDate;
  mutable std::string clientIp;
};
std::string g_userName;
