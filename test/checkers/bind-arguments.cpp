// std::bind and std::bind_front that fix some arguments: each fixed argument
// and each placeholder reaches the parameter it stands for, also with a
// bound object, through a std::function, and called at once.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t -- -- -std=c++20

#include "privacy.h"
#include <functional>
#include <string>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);

// The body of a message, which is logged; the address is not.
std::string bodyOf(const std::string &to, const std::string &body) {
  return body;
}

struct Mailer {
  std::string bodyOf(const std::string &to, const std::string &body) {
    return prefix + body;
  }
  std::string prefix;
};

void fixedBody(const Visitor &v) {
  using namespace std::placeholders;
  auto f = std::bind(&bodyOf, _1, v.email);
  logLine(f(v.ip));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}

void placeholderBody(const Visitor &v) {
  auto f = std::bind(&bodyOf, v.ip, std::placeholders::_1);
  logLine(f(v.email));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void swapped(const Visitor &v) {
  using namespace std::placeholders;
  auto f = std::bind(bodyOf, _2, _1);
  logLine(f(v.email, v.ip));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void front(const Visitor &v) {
  auto g = std::bind_front(&bodyOf, v.ip);
  logLine(g(v.email));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void objectAndFixed(const Visitor &v) {
  Mailer m;
  auto f = std::bind(&Mailer::bodyOf, &m, v.ip, std::placeholders::_1);
  logLine(f(v.email));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void frontObject(const Visitor &v) {
  Mailer m;
  auto f = std::bind_front(&Mailer::bodyOf, m, v.ip);
  logLine(f(v.email));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void throughFunction(const Visitor &v) {
  std::function<std::string(const std::string &)> h =
      std::bind(&bodyOf, std::placeholders::_1, v.email);
  logLine(h(v.ip));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void calledAtOnce(const Visitor &v) {
  logLine(std::bind(&bodyOf, std::placeholders::_1, v.email)(v.ip));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

// --- quiet: the e-mail goes to the parameter that is not returned --------

void fixedAddress(const Visitor &v) {
  using namespace std::placeholders;
  auto f = std::bind(&bodyOf, v.email, _1);
  logLine(f(v.ip));
}

void placeholderAddress(const Visitor &v) {
  auto f = std::bind(&bodyOf, std::placeholders::_1, v.ip);
  logLine(f(v.email));
}

void swappedBack(const Visitor &v) {
  using namespace std::placeholders;
  auto f = std::bind(bodyOf, _2, _1);
  logLine(f(v.ip, v.email));
}

void frontAddress(const Visitor &v) {
  auto g = std::bind_front(&bodyOf, v.email);
  logLine(g(v.ip));
}

void objectAndFixedAddress(const Visitor &v) {
  Mailer m;
  auto f = std::bind(&Mailer::bodyOf, &m, v.email, std::placeholders::_1);
  logLine(f(v.ip));
}

void throughFunctionAddress(const Visitor &v) {
  std::function<std::string(const std::string &)> h =
      std::bind(&bodyOf, v.email, std::placeholders::_1);
  logLine(h(v.ip));
}

void calledAtOnceAddress(const Visitor &v) {
  logLine(std::bind(&bodyOf, v.email, std::placeholders::_1)(v.ip));
}
