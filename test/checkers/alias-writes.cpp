// A write through a local reference, a local pointer set once to a place,
// or the variable of a range-for over a container is a write into the place
// it stands for.
// docs/limitations.md, "Pointers and references".
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <map>
#include <string>
#include <vector>

struct Member {
  PRIVACY_DATA("phone_mobile") std::string phone;
  PRIVACY_DATA("ip_address") std::string ip;
};

struct Message {
  std::string body;
  std::string *mutable_body() { return &body; }
};

PRIVACY_LOG void logLine(const std::string &line);
PRIVACY_LOG void logMessage(const Message &m);

void throughReference(const Member &m) {
  std::string text;
  std::string &out = text;
  out = m.phone;
  logLine(text);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}

void throughPointer(const Member &m) {
  std::string text;
  std::string *out = &text;
  out->append(m.phone);
  logLine(text);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs
}

void throughMapSlot(const Member &m, std::map<int, std::string> &byId) {
  std::string &slot = byId[1];
  slot = m.phone;
  logLine(byId[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs
}

void throughRangeFor(const Member &m) {
  std::vector<std::string> lines(2);
  for (std::string &line : lines)
    line = m.phone;
  logLine(lines.front());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs
}

// Into the caller's object, through a reference to its field.
static void copyPhone(Member &to, const Member &from) {
  std::string &field = to.ip;
  field = from.phone;
}
void throughParameterField(const Member &m) {
  Member copy;
  copyPhone(copy, m);
  logLine(copy.ip);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs
}

// --- quiet ----------------------------------------------------------------

void allowedThroughReference(const Member &m) {
  std::string text;
  std::string &out = text;
  out = m.ip;
  logLine(text);
}

// The pointer moved on before the write: the first place is untouched.
void pointerMovedOn(const Member &m) {
  std::string first, second;
  std::string *out = &first;
  out = &second;
  *out = m.phone;
  logLine(first);
}

// Overwritten through the reference: what was there is gone.
void overwrittenThroughReference(const Member &m) {
  std::string text = m.phone;
  std::string &out = text;
  out = "redacted";
  logLine(text);
}

// A pointer a method returned is not taken as part of the method's object
// (lookups return objects their object does not own); in the same
// expression, `*msg.mutable_body() = m.phone`, it is.
void throughAccessorPointer(const Member &m) {
  Message msg;
  std::string *body = msg.mutable_body();
  *body = m.phone;
  logMessage(msg);
}

// A copy, not a reference: the container keeps what it had.
void copiedElement(const Member &m) {
  std::vector<std::string> lines(2);
  for (std::string line : lines)
    line = m.phone;
  logLine(lines.front());
}
