#include "privacy.h"
#include <string>

struct User {
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("ip_address") std::string host;
  const std::string &nameOf() const;
  std::string describe() const;
};

class PRIVACY_PURPOSE("statistics") Network {
public:
  User *user() const;
  User *user_;
};

PRIVACY_LOG void logLine(const std::string &line);
