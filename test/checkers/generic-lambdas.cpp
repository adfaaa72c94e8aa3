// Generic lambdas and function templates: the instance a call resolves to
// is analysed with the types it was instantiated with.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <functional>
#include <string>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);

void genericLambda(const Visitor &v) {
  auto send = [](const auto &to, const auto &body) { logLine(body); (void)to; };
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  send(v.ip, v.email);
}

void genericLambdaCapturing(const Visitor &v) {
  std::string prefix = v.email;
  auto note = [&prefix](const auto &what) { logLine(prefix + what); };
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: writing personal data 'email' to logs
  note(std::string("seen"));
}

void genericLambdaAsValue(const Visitor &v) {
  std::function<void(const std::string &)> out = [](const auto &s) {
    logLine(s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs
  };
  out(v.email);
}

template <typename T> void record(const T &value) { logLine(value); }
// CHECK-MESSAGES: :[[@LINE-1]]:53: warning: writing personal data 'email' to logs

void functionTemplate(const Visitor &v) { record(v.email); }

// --- quiet: only what logs may contain reaches them ---------------------

void genericLambdaOtherArgument(const Visitor &v) {
  auto send = [](const auto &to, const auto &body) { logLine(to); (void)body; };
  send(v.ip, v.email);
}

template <typename T> void recordFirst(const T &a, const T &b) {
  logLine(a);
  (void)b;
}

void functionTemplateOtherArgument(const Visitor &v) {
  recordFirst(v.ip, v.email);
}
