// Every macro of privacy.h in every position SPEC §1 allows.
#include "privacy.h"

struct PRIVACY_DATA("customer") Customer { // class: every object of it
  PRIVACY_DATA("email") const char *email; // field
};

PRIVACY_DATA("email") const char *emailOf(int user); // function: its return
PRIVACY_DATA("name") extern const char *currentName; // variable

namespace PRIVACY_PURPOSE("support") helpdesk {                 // namespace
class PRIVACY_PURPOSE("support", "membership") Desk {            // class
public:
  PRIVACY_PURPOSE("support") void answer(PRIVACY_DATA("name") const char *n); // method, parameter
};
} // namespace helpdesk

PRIVACY_PURPOSE("marketing") void promote(int user);                         // function
PRIVACY_TRANSFER("freshworks") void fileTicket(const char *body);           // function
PRIVACY_TRANSFER("freshworks", "US") void fileTicketUS(const char *body);   // with country
void consult(PRIVACY_TRANSFER("sk_infosec", "KR") const char *body, int n); // parameter
PRIVACY_STORE("member_db") void saveMember(const char *row);                 // function
void saveNote(int id, PRIVACY_STORE("member_db") const char *note);          // parameter
PRIVACY_ERASE("member_db") void forgetMember(int user);                      // function
PRIVACY_LOG void logLine(const char *line);                                  // function
void logEvent(int level, PRIVACY_LOG const char *message);                   // parameter
PRIVACY_CONSENT_CHECK("marketing") bool mayMail(int user);                   // function returning bool
PRIVACY_ANONYMIZE int ageBucket(int age);                                    // function

inline int lambdas() {
  auto l = [](int v) PRIVACY_PURPOSE("support") { return v; }; // lambda
  return l(1);
}
