// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-unannotated-personal-data %t

// Fields that a macro spells, as ORM and REST frameworks declare DTO
// fields, are reported at the macro's invocation, with no fix-it (the text
// is not the user's): the message points to the annotations file.

#include "privacy.h"
#include <string>

#define DTO_FIELD(Type, Name, Key) Type Name
#define DECLARE_CONTACT_FIELDS                                                 \
  std::string contactEmail;                                                    \
  std::string contactPhone;

struct UserDto {
  DTO_FIELD(std::string, email, "email");
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: field 'UserDto::email' looks like an e-mail address but carries no PRIVACY_DATA; the checks cannot follow it (policy item 'email'?); macro 'DTO_FIELD' spells it: annotate it in an annotations file, {"decl": "UserDto::email", "data": "email"} [privacy-unannotated-personal-data]
  DTO_FIELD(std::string, birthDate, "birth_date");
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: field 'UserDto::birthDate' looks like a date of birth but carries no PRIVACY_DATA; the checks cannot follow it (the policy has no item for it: add one, such as 'birth_date'); macro 'DTO_FIELD' spells it: annotate it in an annotations file, {"decl": "UserDto::birthDate", "data": "birth_date"} [privacy-unannotated-personal-data]
  DECLARE_CONTACT_FIELDS
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: field 'UserDto::contactEmail' looks like an e-mail address {{.*}}; macro 'DECLARE_CONTACT_FIELDS' spells it: annotate it in an annotations file, {"decl": "UserDto::contactEmail", "data": "email"} [privacy-unannotated-personal-data]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: field 'UserDto::contactPhone' looks like a phone number {{.*}}; macro 'DECLARE_CONTACT_FIELDS' spells it: annotate it in an annotations file, {"decl": "UserDto::contactPhone", "data": "phone_mobile"} [privacy-unannotated-personal-data]

  // Quiet: a macro's field that is no personal data, and one annotated.
  DTO_FIELD(int, emailCount, "count");
  PRIVACY_DATA("name") DTO_FIELD(std::string, fullName, "name");
};
