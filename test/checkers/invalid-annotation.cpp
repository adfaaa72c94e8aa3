// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-invalid-annotation %t

#include "privacy.h"

// --- ids the policy does not define ---------------------------------------

struct Account {
  PRIVACY_DATA("emial") const char *email;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: unknown item 'emial' in PRIVACY_DATA (did you mean 'email'?) [privacy-invalid-annotation]
  PRIVACY_DATA("favourite_colour") int colour;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: unknown item 'favourite_colour' in PRIVACY_DATA [privacy-invalid-annotation]
};

PRIVACY_PURPOSE("marketting") void promote();
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: unknown purpose 'marketting' in PRIVACY_PURPOSE (did you mean 'marketing'?)
PRIVACY_PURPOSE("support", "billing") void invoice();
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: unknown purpose 'billing' in PRIVACY_PURPOSE [privacy-invalid-annotation]

PRIVACY_CONSENT_CHECK("marketng") bool mayMail(int user);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: unknown consent 'marketng' in PRIVACY_CONSENT_CHECK (did you mean 'marketing'?)

PRIVACY_ERASE("member_dbb") void forget(int user);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: unknown store 'member_dbb' in PRIVACY_ERASE (did you mean 'member_db'?)
PRIVACY_ERASE("archive") void purge(int user);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: unknown store 'archive' in PRIVACY_ERASE [privacy-invalid-annotation]

PRIVACY_TRANSFER("freshwork") void openTicket(const char *body);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: unknown recipient 'freshwork' in PRIVACY_TRANSFER (did you mean 'freshworks'?)
void saveNote(PRIVACY_STORE("member-db") const char *note);
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: unknown store 'member-db' in PRIVACY_STORE (did you mean 'member_db'?)

// A recipient or store that is simply not in the policy is a policy gap,
// reported by the flow checks where data reaches it, not here.
PRIVACY_TRANSFER("acme_analytics", "DE") void track(const char *event);
PRIVACY_STORE("archive") void archive(const char *record);

// --- one list of purposes per function -------------------------------------

PRIVACY_PURPOSE("support") void reply(int user);
PRIVACY_PURPOSE("marketing") void reply(int user) {}
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: 'reply' already has PRIVACY_PURPOSE('support') on an earlier declaration; a function has one list of purposes: name them all in one PRIVACY_PURPOSE [privacy-invalid-annotation]
PRIVACY_PURPOSE("support") PRIVACY_PURPOSE("marketing") void twice(int user);
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'twice' already has PRIVACY_PURPOSE('support'); a function has one list of purposes: name them all in one PRIVACY_PURPOSE [privacy-invalid-annotation]
// Quiet: the same list on the declaration and the definition.
PRIVACY_PURPOSE("support", "marketing") void answer(int user);
PRIVACY_PURPOSE("support", "marketing") void answer(int user) {}

// --- wrong arguments --------------------------------------------------------

PRIVACY_TRANSFER("freshworks", "US", "fast") void ship(const char *);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: PRIVACY_TRANSFER takes 1 or 2 arguments, but 3 were given
PRIVACY_TRANSFER("freshworks", "USA") void ship2(const char *);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: 'USA' is not an ISO 3166-1 alpha-2 country code (such as 'KR' or 'US')
__attribute__((annotate("privacy.purpose"))) void noPurposeGiven();
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: PRIVACY_PURPOSE takes at least 1 argument, but 0 were given
__attribute__((annotate("privacy.log", "logs"))) void logWithId(const char *);
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: PRIVACY_LOG takes 0 arguments, but 1 was given
PRIVACY_DATA(42) int number;
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: argument 1 of PRIVACY_DATA must be a non-empty string literal naming an item of the policy
PRIVACY_DATA("") int empty;
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: argument 1 of PRIVACY_DATA must be a non-empty string literal naming an item of the policy
__attribute__((annotate("privacy.purpse", "support"))) void typo();
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: unknown privacy annotation 'privacy.purpse' (did you mean 'privacy.purpose'?)

// --- wrong declarations -----------------------------------------------------

struct Ticket {
  PRIVACY_STORE("member_db") const char *body;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: PRIVACY_STORE cannot be placed on a field; it applies to functions, lambdas and parameters
  PRIVACY_ANONYMIZE const char *digest;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: PRIVACY_ANONYMIZE cannot be placed on a field; it applies to functions, lambdas and parameters
};
PRIVACY_ERASE("member_db") int counter;
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: PRIVACY_ERASE cannot be placed on a variable; it applies to functions and lambdas
PRIVACY_PURPOSE("support") int current;
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: PRIVACY_PURPOSE cannot be placed on a variable; it applies to functions, lambdas, classes and namespaces
struct PRIVACY_CONSENT_CHECK("marketing") Consents {};
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: PRIVACY_CONSENT_CHECK cannot be placed on a class; it applies to functions and lambdas
PRIVACY_CONSENT_CHECK("marketing") int hasMarketingConsent(int user);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: PRIVACY_CONSENT_CHECK function 'hasMarketingConsent' must return bool, not 'int'

PRIVACY_DATA("email") void recordEmail(const char *address);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: PRIVACY_DATA on function 'recordEmail', which returns void; on a function it marks the return value [privacy-invalid-annotation]
PRIVACY_ANONYMIZE void scrub(char *text);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: PRIVACY_ANONYMIZE on function 'scrub', which returns void; on a function it marks the return value [privacy-invalid-annotation]

// --- declarations the user did not write ------------------------------------

// A framework's field macro, in the style of oatpp's DTO_FIELD: it declares a
// static helper first, so an annotation written before it lands there.
#define DTO_FIELD(TYPE, NAME, QUALIFIER)                                       \
  static const char *Z__PROPERTY_NAME_##NAME() { return QUALIFIER; }           \
  TYPE NAME
#define API_HELPER(NAME)                                                       \
  static const char *describe() { return #NAME; }                              \
  int NAME
struct UserDto {
  PRIVACY_DATA("email") DTO_FIELD(const char *, email, "email");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: PRIVACY_DATA lands on function 'Z__PROPERTY_NAME_email', which macro 'DTO_FIELD' generates, not on a declaration written here; annotate the declaration meant in an annotations file (docs/annotations.md) [privacy-invalid-annotation]
  PRIVACY_DATA("name") API_HELPER(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: PRIVACY_DATA lands on function 'describe', which macro 'API_HELPER' generates, not on a declaration written here; annotate the declaration meant in an annotations file (docs/annotations.md) [privacy-invalid-annotation]
};

void lambdas() {
  auto bad = []() PRIVACY_PURPOSE("suport") {};
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: unknown purpose 'suport' in PRIVACY_PURPOSE (did you mean 'support'?)
  auto good = []() PRIVACY_PURPOSE("support") {};
  bad();
  good();
}

// A redeclaration inherits the annotation: it is reported once, where written.
PRIVACY_DATA("e_mail") const char *contactOf(int user);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: unknown item 'e_mail' in PRIVACY_DATA (did you mean 'email'?)
const char *contactOf(int user);

// --- quiet ------------------------------------------------------------------

namespace PRIVACY_PURPOSE("support") helpdesk {
struct PRIVACY_DATA("customer") Customer { const char *tier; };
class PRIVACY_PURPOSE("membership", "marketing") Members {
  PRIVACY_PURPOSE("support") void answer(PRIVACY_DATA("name") const char *n);
};
PRIVACY_TRANSFER("freshworks", "US") void file(const char *body);
PRIVACY_TRANSFER("sk_infosec") void consult(const char *body);
void store(PRIVACY_STORE("member_db") const char *row, PRIVACY_LOG int level);
PRIVACY_LOG void log(const char *line);
PRIVACY_ERASE("member_db") void erase(int user);
PRIVACY_CONSENT_CHECK("marketing") bool consented(int user);
PRIVACY_ANONYMIZE int bucket(int age);
PRIVACY_DATA("email") const char *emailOf(int user);
__attribute__((annotate("unrelated"))) void other();
} // namespace helpdesk

// Annotations the user put in macros on purpose, on declarations the user
// wrote, or on a declaration whose name the user spelled in a macro's
// arguments: all land where they were meant.
#define PII_EMAIL PRIVACY_DATA("email")
#define PII_FIELD(TYPE, NAME, ITEM) PRIVACY_DATA(ITEM) TYPE NAME
#define DECLARE_TEXT(NAME) const char *NAME
#define TEXT_TYPE const char *
struct Profile {
  PII_EMAIL const char *email;
  PII_FIELD(const char *, name, "name");
  PRIVACY_DATA("phone_mobile") DECLARE_TEXT(phone);
  PRIVACY_DATA("address") TEXT_TYPE address;
};
