// What a call through a function value the caller passes returns is what
// the target the caller passes returns (an anonymiser returns nothing
// personal), and a callback handed a callback runs where the callback
// calls it. docs/limitations.md, "Calls through function values".
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <functional>
#include <string>

struct Member {
  PRIVACY_DATA("phone_mobile") std::string phone;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);
PRIVACY_ANONYMIZE std::string hashOf(const std::string &s);
std::string same(const std::string &s) { return s; }
std::string redacted(const std::string &) { return "***"; }
void keepQuiet(const std::string &) {}

using Transform = std::string (*)(const std::string &);

// --- the result of calling a callback ------------------------------------

static std::string applyTo(Transform fn, const std::string &s) {
  return fn(s);
}
static std::string applyTwice(Transform fn, const std::string &s) {
  return applyTo(fn, applyTo(fn, s)); // passed on: resolved two callers up
}
static std::string applyWith(std::function<std::string(const std::string &)> fn,
                             const std::string &s) {
  return "[" + fn(s) + "]";
}

void copiedThroughCallback(const Member &m) {
  logLine(applyTo(&same, m.phone));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}

void copiedThroughTwoCallers(const Member &m) {
  logLine(applyTwice(&same, m.phone));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs
}

void copiedThroughLambda(const Member &m) {
  logLine(applyWith([](const std::string &s) { return s + "!"; }, m.phone));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs
}

// A callback without a body here may return what it is given.
std::string unknownTransform(const std::string &s);
void copiedThroughUnknown(const Member &m) {
  logLine(applyTo(&unknownTransform, m.phone));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs
}

// No caller here says what `fn` is: what the function reads itself comes
// out of the call.
Member lastVisitor;
void withAnyTransform(Transform fn) {
  logLine(fn(lastVisitor.phone));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs
}

// --- a callback handed a callback ----------------------------------------

using Sink = void (*)(const std::string &);
static void callWith(Sink cb, const std::string &s) { cb(s); }
// CHECK-MESSAGES: :[[@LINE-1]]:55: warning: writing personal data 'phone_mobile' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
static void runWithLog(void (*outer)(Sink, const std::string &),
                       const std::string &s) {
  outer(&logLine, s);
}
static void runQuietly(void (*outer)(Sink, const std::string &),
                       const std::string &s) {
  outer(&keepQuiet, s);
}

void callbackHandedACallback(const Member &m) { runWithLog(&callWith, m.phone); }

// --- quiet ----------------------------------------------------------------

void anonymisedThroughCallback(const Member &m) {
  logLine(applyTo(&hashOf, m.phone));
}

void anonymisedThroughTwoCallers(const Member &m) {
  logLine(applyTwice(&hashOf, m.phone));
}

void redactedThroughCallback(const Member &m) {
  logLine(applyTo(&redacted, m.phone));
}

void redactedThroughLambda(const Member &m) {
  logLine(applyWith([](const std::string &) { return std::string("-"); },
                    m.phone));
}

void allowedThroughCallback(const Member &m) {
  logLine(applyTo(&same, m.ip));
}

void callbackHandedAQuietCallback(const Member &m) {
  runQuietly(&callWith, m.phone);
}

void callbackHandedACallbackAllowed(const Member &m) {
  runWithLog(&callWith, m.ip);
}
