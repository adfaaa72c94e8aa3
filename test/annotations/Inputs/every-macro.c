/* Every macro of privacy.h that C has a place for. */
#include <stdbool.h>
#include "privacy.h"

struct PRIVACY_DATA("customer") customer {
  PRIVACY_DATA("email") const char *email;
};

PRIVACY_DATA("email") const char *email_of(int user);
PRIVACY_DATA("name") extern const char *current_name;
PRIVACY_PURPOSE("marketing") void promote(int user);
PRIVACY_TRANSFER("freshworks") void file_ticket(const char *body);
PRIVACY_TRANSFER("freshworks", "US") void file_ticket_us(const char *body);
void consult(PRIVACY_TRANSFER("sk_infosec", "KR") const char *body, int n);
PRIVACY_STORE("member_db") void save_member(const char *row);
void save_note(int id, PRIVACY_STORE("member_db") const char *note);
PRIVACY_ERASE("member_db") void forget_member(int user);
PRIVACY_LOG void log_line(const char *line);
void log_event(int level, PRIVACY_LOG const char *message);
PRIVACY_CONSENT_CHECK("marketing") bool may_mail(int user);
PRIVACY_ANONYMIZE int age_bucket(int age);
