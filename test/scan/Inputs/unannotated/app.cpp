#include "user.h"
#include "vendor.h"

std::string g_password;

#define DTO_FIELD(Type, Name) Type Name
struct SignupDto {
  DTO_FIELD(std::string, contactEmail);
  std::string clientIp; // NOLINT(privacy-unannotated-personal-data)
};

int signups(const User &U, const VendorAccount &V, const SignupDto &D) {
  return static_cast<int>(U.email.size() + V.email.size() +
                          D.contactEmail.size());
}
