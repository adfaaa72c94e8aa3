// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-unannotated-personal-data %t

// The shipped classifier (rules/classifiers/*.json): names of many
// categories, in English and Korean, type hints, and the exclusions that
// keep names about data quiet (docs/checks/unannotated-personal-data.md).

#include "privacy.h"
#include <string>
#include <vector>

struct Member {
  // Identifier splitting: camelCase, snake_case, acronyms, digits, and words
  // written as one.
  std::string emailAddress2;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::emailAddress2' looks like an e-mail address but carries no PRIVACY_DATA; the checks cannot follow it (policy item 'email'?) [privacy-unannotated-personal-data]
  std::string home_postcode;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::home_postcode' looks like a postal address {{.*}}(policy item 'address'?)
  std::string USERNAME;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::USERNAME' looks like a user id {{.*}}(policy item 'user_id'?)
  std::string thepasswd;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::thepasswd' looks like a password but carries no PRIVACY_DATA; the checks cannot follow it (the policy has no item for it: add one, such as 'credentials')
  std::string m_sRealName;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::m_sRealName' looks like a person's name {{.*}}(policy item 'name'?)
  std::string emails;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::emails' looks like an e-mail address
  std::string ipv6Address;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::ipv6Address' looks like an IP address {{.*}}(policy item 'ip_address'?)

  // Categories the GDPR and PIPA single out.
  std::string medicalHistory;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::medicalHistory' looks like health data but carries no PRIVACY_DATA; the checks cannot follow it (the policy has no item for it: add one, such as 'health')
  std::string religion;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::religion' looks like religious or philosophical beliefs
  std::string politicalParty;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::politicalParty' looks like a political opinion
  bool tradeUnionMember; // a bool is a fact about data: quiet
  int unionMembership;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: field 'Member::unionMembership' looks like trade-union membership
  std::string sexualOrientation;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::sexualOrientation' looks like data about sex life or sexual orientation
  std::string ethnicOrigin;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::ethnicOrigin' looks like racial or ethnic origin
  std::string criminalRecord;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::criminalRecord' looks like a criminal record
  std::string fingerprintData;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::fingerprintData' looks like biometric data
  std::string dnaSequence;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::dnaSequence' looks like genetic data
  double lastLatitude;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: field 'Member::lastLatitude' looks like a precise location
  std::string imei;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::imei' looks like a device identifier
  std::string advertisingId;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::advertisingId' looks like a device identifier
  std::string macAddress;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::macAddress' looks like a device identifier
  std::string sessionId;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::sessionId' looks like a cookie or session id
  std::string passportNo;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::passportNo' looks like a passport number
  std::string driversLicenseNumber;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::driversLicenseNumber' looks like a driver's licence number
  std::string foreignerRegistrationNo;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::foreignerRegistrationNo' looks like a foreigner registration number
  std::string iban;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::iban' looks like a bank account
  std::string cvv;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::cvv' looks like a card number
  long annualIncome;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: field 'Member::annualIncome' looks like income or salary
  std::string taxId;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::taxId' looks like a tax identification number
  std::string insuranceNumber;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::insuranceNumber' looks like an insurance number
  std::string employer;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::employer' looks like employment data
  std::string educationLevel;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::educationLevel' looks like education data
  std::string profilePhoto;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::profilePhoto' looks like a photo of a person
  std::string voiceRecording;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::voiceRecording' looks like a recording of a person's voice
  std::string maritalStatus;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::maritalStatus' looks like a marital status
  int numberOfChildren;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: field 'Member::numberOfChildren' looks like data about a person's children
  std::string gender;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::gender' looks like a gender
  int age;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: field 'Member::age' looks like a person's age
  std::string nationality;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::nationality' looks like a nationality
  std::string socialSecurityNo;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::socialSecurityNo' looks like a national identification number
  std::string accountKey; // "key" alone excludes, but not the category's own words
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::accountKey' looks like a password

  // Quiet: names that only talk about the data.
  int emailTemplateId;
  bool phoneVerified;
  int phoneVerifiedAt;
  int addressCount;
  std::string password_hash;
  std::string passwordHash;
  std::string salt;
  unsigned emailLen;
  unsigned nameLength;
  int isEmailConfirmed;
  int hasPhone;
  std::string password_file;
  std::string my_zip_file;
  int num_passwords;
  int password_tries;
  std::string passwd_config;
  std::string licenseKeyHash;
  std::string healthCheckUrl;
  int healthStatus;
  std::string trustedFingerprint;
  std::string fileName;
  std::string hostName;
  std::vector<int> children; // a tree's children, not a person's
  std::string address;       // memory, network or postal: too vague
  std::string passwordPolicy;
  std::string emailSubject;
  std::string firstPass;     // a rendering pass
  int aiCurOnePass[2];       // an algorithm's single pass
  std::string oneTimePass;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Member::oneTimePass' looks like a password
  unsigned cookieMask;       // which cookies, as bits
};

// Korean: romanised names and Hangul identifiers.
struct Hoewon {
  std::string juminBunho;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Hoewon::juminBunho' looks like a resident registration number but carries no PRIVACY_DATA; the checks cannot follow it (the policy has no item for it: add one, such as 'resident_registration_number')
  std::string juminbunho;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Hoewon::juminbunho' looks like a resident registration number
  std::string jeonhwaBeonho;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Hoewon::jeonhwaBeonho' looks like a phone number {{.*}}(policy item 'phone_mobile'?)
  std::string juso;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Hoewon::juso' looks like a postal address {{.*}}(policy item 'address'?)
  std::string saengnyeonwoil;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Hoewon::saengnyeonwoil' looks like a date of birth
  std::string ireum;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Hoewon::ireum' looks like a person's name
  std::string 이메일주소;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Hoewon::이메일주소' looks like an e-mail address {{.*}}(policy item 'email'?)
  std::string 주민등록번호;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Hoewon::주민등록번호' looks like a resident registration number
  std::string 고객_이름;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Hoewon::고객_이름' looks like a person's name
  std::string 휴대폰번호;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'Hoewon::휴대폰번호' looks like a phone number

  // Quiet: Hangul names about the data, and other words.
  std::string 파일이름;  // a file name
  int 이메일개수;        // a count
  bool 전화번호확인여부; // a fact
  std::string 비밀번호해시;
  int jeonhwaCount;
};
