// A table of structs initialised element by element: each element's fields
// go to those fields of the table, so a call through one field runs the
// functions stored in that field of some element, and data in one field
// does not turn up in another (docs/limitations.md, "Calls through function
// values"). The elements were once taken for the fields, element 1 for the
// second field: the call below then reached `log_b` and missed `log_a`.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"

struct member {
  PRIVACY_DATA("phone_mobile") const char *phone;
  PRIVACY_DATA("ip_address") const char *ip;
};

PRIVACY_LOG void log_line(const char *line);
static void discard(const char *s) { (void)s; }
static void log_a(const char *s) { log_line(s); }
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: writing personal data 'phone_mobile' to logs through 'log_line' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
static void log_b(const char *s) { log_line(s); }

struct step {
  const char *name;
  void (*run)(const char *);
  void (*undo)(const char *);
};

void replay(const struct member *m, int i) {
  struct step steps[] = {
      {"open", discard, discard},
      {"send", discard, log_b},
      {"close", log_a, discard},
  };
  steps[i].run(m->phone);
  steps[i].undo(m->ip);
}

/* Data, not functions: a field's item stays in its field. */
struct line {
  const char *tag;
  const char *text;
  const char *where;
};

void report(const struct member *m, int i) {
  struct line lines[] = {
      {"a", "b", "c"},
      {"d", "e", "f"},
      {m->phone, "g", m->ip},
  };
  log_line(lines[i].text);  // quiet: only literals were stored in `text`
  log_line(lines[i].where); // quiet: the address may be logged
  log_line(lines[i].tag);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'log_line' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}
