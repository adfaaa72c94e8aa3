// Overwriting a value through its methods ends what it held, as an
// assignment does: assign, clear, swap, reset, `= {}`; the API catalog's
// overwriting propagators say which methods do (docs/developers.md).
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);

// --- quiet: the data is gone before the log ------------------------------

void assigned(const Visitor &v) {
  std::string body = v.email;
  body.assign("redacted");
  logLine(body);
}

void cleared(const Visitor &v) {
  std::string body = v.email;
  body.clear();
  logLine(body);
}

void braces(const Visitor &v) {
  std::string body = v.email;
  body = {};
  logLine(body);
}

void freshString(const Visitor &v) {
  std::string body = v.email;
  body = std::string();
  logLine(body);
}

void swapped(const Visitor &v) {
  std::string body = v.email, other = "x";
  body.swap(other);
  logLine(body);
}

void stdSwapped(const Visitor &v) {
  std::string body = v.email, other = "x";
  std::swap(body, other);
  logLine(body);
}

void resetPointer(const Visitor &v) {
  auto held = std::make_unique<std::string>(v.email);
  held.reset();
  if (held)
    logLine(*held);
}

void clearedContainer(const Visitor &v) {
  std::vector<std::string> lines;
  lines.push_back(v.email);
  lines.clear();
  for (const std::string &l : lines)
    logLine(l);
}

void resetOptional(const Visitor &v) {
  std::optional<std::string> maybe = v.email;
  maybe.reset();
  if (maybe)
    logLine(*maybe);
}

// --- findings: what is put in, or what the swap brings -------------------

void assignedData(const Visitor &v) {
  std::string body = "x";
  body.assign(v.email);
  logLine(body);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}

void swappedIn(const Visitor &v) {
  std::string body = "x", other = v.email;
  body.swap(other);
  logLine(body);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void stdSwappedIn(const Visitor &v) {
  std::string body = "x", other = v.email;
  std::swap(body, other);
  logLine(body);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void clearedThenRefilled(const Visitor &v) {
  std::string body = v.ip;
  body.clear();
  body.append(v.email);
  logLine(body);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

// Cleared on one path only: on the other it still holds the e-mail.
void clearedOnOneBranch(const Visitor &v, bool drop) {
  std::string body = v.email;
  if (drop)
    body.clear();
  logLine(body);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}
