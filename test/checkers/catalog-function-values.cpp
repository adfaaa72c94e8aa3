// A function of the API catalog used as a value: a call through a pointer
// to it, or through a callback it was passed as, is what its catalog entry
// says, as a direct call is.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <cstdio>
#include <functional>
#include <string>

struct Visit {
  PRIVACY_DATA("phone_mobile") std::string phone;
  PRIVACY_DATA("ip_address") std::string ip;
};

void throughPointer(const Visit &v) {
  auto out = &std::puts;
  out(v.phone.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'puts' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}

void throughFunction(const Visit &v) {
  std::function<int(const char *)> out = std::puts;
  out(v.phone.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'puts'
}

// Passed as a callback, called in the callee.
void each(int (*emit)(const char *), const char *text) { emit(text); }
// CHECK-MESSAGES: :[[@LINE-1]]:58: warning: writing personal data 'phone_mobile' to logs through 'puts'

void asCallback(const Visit &v) { each(&std::puts, v.phone.c_str()); }

// --- quiet: what goes through the value may be logged --------------------

void throughPointerQuiet(const Visit &v) {
  auto out = &std::puts;
  out(v.ip.c_str());
}

void eachQuiet(int (*emit)(const char *), const char *text) { emit(text); }
void asCallbackQuiet(const Visit &v) { eachQuiet(&std::puts, v.ip.c_str()); }
