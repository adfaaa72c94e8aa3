// RUN: %check_clang_tidy --policy %S/Inputs/items-policy.json %s privacy-unannotated-personal-data %t

// Which policy item stands for a category: listed in the classifier's
// policy_items, or classified as it by id or label (the Korean label of
// 'resident_no'); of several, the one
// sharing the most words with the name, and all of them on a tie (then no
// fix-it: docs/checks/unannotated-personal-data.md).

#include "privacy.h"
#include <string>

struct Subscriber {
  std::string phone;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Subscriber::phone' looks like a phone number but carries no PRIVACY_DATA; the checks cannot follow it (policy item 'phone_home' or 'phone_mobile'?) [privacy-unannotated-personal-data]
  std::string homePhone;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Subscriber::homePhone' looks like a phone number {{.*}}(policy item 'phone_home'?)
  std::string nicks;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Subscriber::nicks' looks like a user id {{.*}}(policy item 'nick'?)
  std::string userId;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Subscriber::userId' looks like a user id {{.*}}(policy item 'account_name' or 'nick'?)
  std::string loginName;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Subscriber::loginName' looks like a user id {{.*}}(policy item 'account_name'?)
  std::string juminNumber;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Subscriber::juminNumber' looks like a resident registration number {{.*}}(policy item 'resident_no'?)
};
