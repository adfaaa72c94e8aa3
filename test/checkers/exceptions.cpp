// Exceptions carry what was thrown to the handlers that catch them, in the
// same function and across calls; what() of a caught exception carries it.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <stdexcept>
#include <string>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logText(const char *text);
PRIVACY_LOG void logLine(const std::string &line);

void sameFunction(const Visitor &v) {
  try {
    throw std::runtime_error("no insurance for " + v.email);
  } catch (const std::exception &e) {
    logText(e.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs through 'logText' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  }
}

void check(const Visitor &v) {
  if (v.email.empty())
    throw std::invalid_argument("no address for " + v.email);
}

void acrossACall(const Visitor &v) {
  try {
    check(v);
  } catch (const std::exception &e) {
    logText(e.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs
  }
}

void middle(const Visitor &v) { check(v); }

void throughTwoCalls(const Visitor &v) {
  try {
    middle(v);
  } catch (const std::runtime_error &) {
  } catch (const std::exception &e) {
    logText(e.what());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs
  }
}

struct Rejected {
  std::string who;
};

void rethrown(const Visitor &v) {
  try {
    try {
      throw Rejected{v.email};
    } catch (...) {
      throw;
    }
  } catch (const Rejected &r) {
    logLine(r.who);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email' to logs
  }
}

// --- quiet ---------------------------------------------------------------

// What is thrown carries only what logs may contain.
void thrownIpOnly(const Visitor &v) {
  try {
    throw std::runtime_error("blocked " + v.ip);
  } catch (const std::exception &e) {
    logText(e.what());
  }
}

// Caught inside the callee: nothing reaches the caller's handler.
void checkQuietly(const Visitor &v) {
  try {
    throw std::runtime_error("no insurance for " + v.email);
  } catch (...) {
  }
}

void calleeCaughtItself(const Visitor &v) {
  try {
    checkQuietly(v);
  } catch (const std::exception &e) {
    logText(e.what());
  }
}

// Thrown after the try block: its handler does not see it.
void thrownOutsideTry(const Visitor &v) {
  try {
    logLine(v.ip);
  } catch (const std::exception &e) {
    logText(e.what());
  }
  if (v.email.empty())
    throw std::runtime_error(v.email);
}
