#include "privacy.h"
#include <string>

struct Member {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("name") std::string name;
};

PRIVACY_TRANSFER("acme-analytics", "US") void track(const std::string &event);
PRIVACY_TRANSFER("local-crm", "KR") void crm(const std::string &record);

PRIVACY_PURPOSE("membership") void signUp(const Member &m) {
  track(m.email);
  crm(m.name);
}
