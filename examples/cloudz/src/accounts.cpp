// Sign-up, login and account deletion (제1조 필수정보, 제7조 삭제 요구).
#include "cloudz/outbound.h"
#include "cloudz/services.h"

#include <functional>

namespace cloudz {

static std::string hashPassword(const std::string &password) {
  return std::to_string(std::hash<std::string>{}(password));
}

PRIVACY_PURPOSE("membership")
bool signUp(const std::string &userId,
            PRIVACY_DATA("password") const std::string &password,
            const std::string &name) {
  Member m;
  m.userId = userId;
  m.passwordHash = hashPassword(password);
  m.name = name;
  if (m.userId.empty() || m.name.empty())
    return false;
  saveMember(m);
  return true;
}

PRIVACY_PURPOSE("identity_verification")
bool logIn(const Member &m, PRIVACY_DATA("password") const std::string &password) {
  return m.passwordHash == hashPassword(password);
}

// 제7조: the member may demand deletion at any time.
PRIVACY_PURPOSE("membership")
void deleteAccount(const std::string &userId) { eraseMember(userId); }

// Optional items are kept only with the member's consent to them.
PRIVACY_PURPOSE("service_validation")
bool updateProfile(const Member &m) {
  if (!agreedToOptionalItems(m.userId))
    return false;
  saveMember(m);
  return true;
}

} // namespace cloudz
