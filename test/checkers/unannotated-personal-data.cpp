// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-unannotated-personal-data %t

#include "privacy.h"
#include <string>

struct Customer {
  std::string email;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Customer::email' looks like an e-mail address but carries no PRIVACY_DATA; the checks cannot follow it (policy item 'email'?) [privacy-unannotated-personal-data]
  std::string mobilePhone;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Customer::mobilePhone' looks like a phone number but carries no PRIVACY_DATA; the checks cannot follow it (policy item 'phone_mobile'?) [privacy-unannotated-personal-data]
  std::string m_password;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Customer::m_password' looks like a password but carries no PRIVACY_DATA; the checks cannot follow it (the policy has no item for it: add one, such as 'credentials') [privacy-unannotated-personal-data]
  char clientIPAddress[46];
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: field 'Customer::clientIPAddress' looks like an IP address but carries no PRIVACY_DATA; the checks cannot follow it (policy item 'ip_address'?) [privacy-unannotated-personal-data]

  // Quiet: annotated, or facts about the data rather than the data.
  PRIVACY_DATA("email") std::string contactEmail;
  bool hasEmail;
  int phoneCount;
  unsigned emailLength;
  std::string fileName;
  std::string m_passwordHash; // a hash is not the password
  enum class NickMode { Current, All } highlightNick; // a mode, not a nick
  NickMode emailMode;
};

std::string birthDate;
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: variable 'birthDate' looks like a date of birth but carries no PRIVACY_DATA; the checks cannot follow it (the policy has no item for it: add one, such as 'birth_date') [privacy-unannotated-personal-data]

// A static member is reported once, where the class declares it, not again
// where it is defined.
struct PasswordProvider;
struct Session {
  static std::string defaultPassword;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: variable 'Session::defaultPassword' looks like a password but carries no PRIVACY_DATA; the checks cannot follow it (the policy has no item for it: add one, such as 'credentials') [privacy-unannotated-personal-data]
  // Quiet: objects that deal with passwords are not passwords.
  PasswordProvider *passwordProvider;
  static PasswordProvider *defaultPasswordProvider;
};
std::string Session::defaultPassword = "guest";
// Quiet: a constant is written in the code, not collected from anybody.
const std::string USERNAME_PARAM = "username";
PasswordProvider *Session::defaultPasswordProvider = nullptr;

// Every member of a PRIVACY_DATA class is personal data already.
struct PRIVACY_DATA("customer") Profile {
  std::string email;
  std::string homeAddress;
};

// Parameters are not reported: their data comes from somewhere that is.
void send(const std::string &email);
