// C code calls through tables of operations and callbacks: every function
// stored in them is a target, and a callback is resolved where it is passed.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-cross-border-transfer,privacy-log-leak %t

#include "privacy.h"

struct member {
  PRIVACY_DATA("phone_mobile") const char *phone;
  PRIVACY_DATA("name") const char *name;
};

PRIVACY_TRANSFER("freshworks", "US") void file_ticket(const char *body);
PRIVACY_LOG void log_line(const char *line);
static void discard(const char *body) { (void)body; }

struct sink_ops {
  const char *label;
  void (*deliver)(const char *body);
};

/* Designated initialisers, as C code writes them. */
static const struct sink_ops ticket_ops = {.label = "tickets", .deliver = file_ticket};
static const struct sink_ops null_ops = {.label = "null", .deliver = discard};

void open_ticket(const struct member *m) {
  ticket_ops.deliver(m->name);
  ticket_ops.deliver(m->phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
}

/* The ops table chosen at run time: either may run. */
void dispatch(const struct sink_ops *ops, const struct member *m) {
  ops->deliver(m->phone);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: transferring personal data 'phone_mobile' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
}

/* A callback argument, through a pointer to a function. */
typedef void (*visit_fn)(const char *);
static void visit_phone(const struct member *m, visit_fn visit) { (*visit)(m->phone); }
// CHECK-MESSAGES: :[[@LINE-1]]:67: warning: writing personal data 'phone_mobile' to logs through 'log_line' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
void audit(const struct member *m) { visit_phone(m, log_line); }
void forget(const struct member *m) { visit_phone(m, discard); }

/* A handler table indexed at run time, holding only a quiet function. */
static visit_fn quiet_handlers[] = {discard, discard};
void run_quiet(int which, const struct member *m) { quiet_handlers[which](m->phone); }
