// A third-party SDK, included as a system header (-isystem): it cannot be
// edited, so annotations.json annotates it (docs/annotations.md).
#pragma once
#include <string>

namespace Vendor {
struct Contact {
  std::string phone;
  std::string email;
  int id = 0;
};
} // namespace Vendor

void vendor_upload(const std::string &record);
void vendor_audit(const std::string &tag, const std::string &record);
bool vendor_has_marketing_consent(int id);
std::string vendor_hash(const std::string &value);
