// Sign-up and login (제1조 필수정보: 회원 가입, 회원 본인 확인).
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
  return !m.userId.empty() && !m.name.empty();
}

PRIVACY_PURPOSE("identity_verification")
bool logIn(const Member &m, PRIVACY_DATA("password") const std::string &password) {
  return m.passwordHash == hashPassword(password);
}

} // namespace cloudz
