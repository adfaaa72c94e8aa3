// A third-party header: outside the project root, its fields cannot be
// annotated by the project and are not reported by privacy-scan.
#include <string>

struct VendorAccount {
  std::string email;
  std::string phoneNumber;
};
