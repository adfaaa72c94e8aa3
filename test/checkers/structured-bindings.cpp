// Pairs, tuples and structured bindings: each element, field or binding
// holds what was put into it, not the whole object (docs/limitations.md,
// "Within a function").
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <string>
#include <tuple>
#include <utility>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};
struct Contact {
  std::string to;
  std::string from;
};

PRIVACY_LOG void logLine(const std::string &line);

void bindingToMadePair(const Visitor &v) {
  auto [who, where] = std::make_pair(v.email, v.ip);
  logLine(who);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}

void pairMembers(const Visitor &v) {
  std::pair<std::string, std::string> both(v.ip, v.email);
  logLine(both.second);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void tupleGet(const Visitor &v) {
  auto t = std::make_tuple(v.ip, 42, v.email);
  logLine(std::get<2>(t));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void tieAssigns(const Visitor &v) {
  std::string a, b;
  std::tie(a, b) = std::make_pair(v.ip, v.email);
  logLine(b);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void copiedPair(const Visitor &v) {
  std::pair<std::string, std::string> both{v.email, v.ip};
  auto copy = both;
  auto [first, second] = copy;
  logLine(first);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void bindingToStruct(const Visitor &v) {
  Contact c{v.email, "shop"};
  auto [to, from] = c;
  logLine(to);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void bindingByReference(const Visitor &v) {
  Contact c{"shop", "desk"};
  auto &[to, from] = c;
  c.to = v.email; // seen through the binding, which names c.to itself
  logLine(to);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void bindingToAnnotatedFields(const Visitor &v) {
  const auto &[email, ip] = v;
  logLine(email);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void bindingToArray(const Visitor &v) {
  std::string parts[2] = {v.email, "x"};
  auto [a, b] = parts; // the elements of an array are one (limitations.md)
  logLine(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

// --- quiet: the other element holds only what logs may contain ----------

void otherElementOfMadePair(const Visitor &v) {
  auto [who, where] = std::make_pair(v.email, v.ip);
  logLine(where);
}

void otherPairMember(const Visitor &v) {
  std::pair<std::string, std::string> both(v.ip, v.email);
  logLine(both.first);
}

void otherTupleElement(const Visitor &v) {
  auto t = std::make_tuple(v.ip, 42, v.email);
  logLine(std::get<0>(t));
}

void otherTiedVariable(const Visitor &v) {
  std::string a, b;
  std::tie(a, b) = std::make_pair(v.ip, v.email);
  logLine(a);
}

void otherFieldOfStruct(const Visitor &v) {
  Contact c{v.email, "shop"};
  auto [to, from] = c;
  logLine(from);
}

void otherFieldByReference(const Visitor &v) {
  Contact c{"shop", "desk"};
  auto &[to, from] = c;
  c.to = v.email;
  logLine(from);
}

void otherAnnotatedField(const Visitor &v) {
  const auto &[email, ip] = v;
  logLine(ip);
}

void arrayWithoutPersonalData(const Visitor &v) {
  std::string parts[2] = {"x", "y"};
  auto [a, b] = parts;
  logLine(a);
  (void)v;
}
