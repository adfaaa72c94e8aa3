// The personal data Cloud Z handles (제1조 수집 항목).
#pragma once

#include "privacy.h"

#include <string>

namespace cloudz {

struct Member {
  // Required items (필수정보).
  PRIVACY_DATA("user_id") std::string userId;
  PRIVACY_DATA("password") std::string passwordHash;
  PRIVACY_DATA("name") std::string name;
  // Optional items (선택정보).
  PRIVACY_DATA("phone_mobile") std::string mobilePhone;
  PRIVACY_DATA("phone_work") std::string workPhone;
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("title") std::string title;
  PRIVACY_DATA("company") std::string company;
  // Given to the support desk; 제5조 transfers it abroad.
  PRIVACY_DATA("email") std::string email;
  int plan = 0; // not personal data
};

struct Visit {
  PRIVACY_DATA("user_id") std::string userId;
  PRIVACY_DATA("ip_address") std::string ipAddress;
  PRIVACY_DATA("visit_time") long visitTime = 0;
  PRIVACY_DATA("service_usage_log") std::string path;
};

} // namespace cloudz
