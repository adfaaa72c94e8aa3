// A field holding functions filled by a function that is itself only
// reached through another field: `install` stores `set_send` in one slot,
// `configure` calls through that slot with `log_send`, which `set_send`
// stores in the slot `send` calls through. Every function is read before
// anything fills it (callees are analysed first), so learning the slots
// while analysing took three rounds over the file, one more than
// MaxSlotRounds, and the leak was missed. The slots are now known from
// every store in the file before any function is analysed
// (docs/limitations.md, "MaxSlotRounds").
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"

struct visitor {
  PRIVACY_DATA("email") const char *email;
  PRIVACY_DATA("ip_address") const char *ip;
};

PRIVACY_LOG void log_line(const char *line);

typedef void (*send_fn)(const char *);
typedef void (*setter_fn)(send_fn);
struct ops {
  send_fn send;
  setter_fn set;
};
static struct ops g_ops;

static send_fn current_send(void) { return g_ops.send; }
static void set_send(send_fn f) { g_ops.send = f; }
static void configure(void (*with)(const char *)) { g_ops.set(with); }

static void log_send(const char *text) { log_line(text); }
// CHECK-MESSAGES: :[[@LINE-1]]:42: warning: writing personal data 'email' to logs through 'log_line' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]

void install(void) {
  g_ops.set = set_send;
  configure(log_send);
}

void send(const struct visitor *v) {
  send_fn f = current_send();
  f(v->email);
}

/* --- quiet: the address may be logged --------------------------------------- */

void send_address(const struct visitor *v) { current_send()(v->ip); }
