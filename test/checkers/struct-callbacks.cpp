// Callbacks stored in a struct's field, by an aggregate initialiser or a
// constructor's member initialiser, and called where the struct is passed:
// the field holds functions (a slot), so every function stored in it is a
// target of a call through it.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t -- -- -std=c++17

#include "privacy.h"
#include <functional>
#include <string>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);

struct Hooks {
  std::function<void(const std::string &)> on_done;
};
struct Built {
  explicit Built(std::function<void(const std::string &)> f)
      : on_done(std::move(f)) {}
  std::function<void(const std::string &)> on_done;
};

void record(const std::string &text) { logLine(text); }
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
void recordToo(const std::string &text) { logLine(text); }
// CHECK-MESSAGES: :[[@LINE-1]]:43: warning: writing personal data 'email' to logs

void runWith(const Hooks &h, const std::string &text) { h.on_done(text); }
void runBuilt(const Built &b, const std::string &text) { b.on_done(text); }

void aggregate(const Visitor &v) {
  Hooks h{&record};
  runWith(h, v.email);
}

void constructed(const Visitor &v) {
  Built b(&recordToo);
  runBuilt(b, v.email);
}

// --- quiet: the address may be logged ------------------------------------

struct QuietHooks {
  std::function<void(const std::string &)> on_done;
};
void recordQuiet(const std::string &text) { logLine(text); }
void runQuiet(const QuietHooks &h, const std::string &text) { h.on_done(text); }

void aggregateQuiet(const Visitor &v) {
  QuietHooks h{&recordQuiet};
  runQuiet(h, v.ip);
}
