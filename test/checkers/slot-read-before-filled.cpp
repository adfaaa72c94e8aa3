// A field holding functions (a slot) read by one function before another
// fills it, and called through later: the value read carries the slot's
// marker, and the call reaches every function stored in the slot, whichever
// order the functions are analysed in (docs/limitations.md,
// "MaxSlotRounds").
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <string>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);

using SendFn = void (*)(const std::string &);
struct Ops {
  SendFn send;
};
Ops g_ops;

// Reads the slot; analysed before anything fills it (it calls nothing).
SendFn currentSend() { return g_ops.send; }

void logSend(const std::string &text) { logLine(text); }
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]

void install() { g_ops.send = &logSend; }

void send(const Visitor &v) {
  SendFn f = currentSend();
  f(v.email);
}

// --- quiet: the address may be logged ----------------------------------------

void sendAddress(const Visitor &v) { currentSend()(v.ip); }
