// Pointers to member functions and std::bind with an object: every method
// the pointer may hold is a callee, run on the object of the call.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <functional>
#include <string>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);

struct Uploader {
  void cloud(const std::string &s) { logLine(s); }
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  void local(const std::string &s) { kept = s; }
  void flush() { logLine(kept); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: writing personal data 'email' to logs
  std::string kept;
};

void eitherMethod(const Visitor &v, bool remote) {
  Uploader u;
  void (Uploader::*fn)(const std::string &) =
      remote ? &Uploader::cloud : &Uploader::local;
  (u.*fn)(v.email);
  u.flush(); // local() may have kept the e-mail in u
}

void throughPointerToObject(const Visitor &v, Uploader *u) {
  auto fn = &Uploader::cloud;
  (u->*fn)(v.email);
}

struct Archive {
  void store(const std::string &s) { logLine(s); }
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: writing personal data 'email' to logs
  void drop(const std::string &) {}
};

void bound(const Visitor &v) {
  Archive a;
  using namespace std::placeholders;
  auto f = std::bind(&Archive::store, &a, _1);
  f(v.email);
}

void boundIntoFunction(const Visitor &v) {
  Archive a;
  std::function<void(const std::string &)> g =
      std::bind(&Archive::store, &a, std::placeholders::_1);
  g(v.email);
}

void invoked(const Visitor &v) {
  Archive a;
  std::invoke(&Archive::store, a, v.email);
}

// --- quiet ---------------------------------------------------------------

struct Quiet {
  void keep(const std::string &s) { last = s; }
  void drop(const std::string &) {}
  void show() { logLine(shown); }
  std::string last, shown;
};

// Neither method logs what it is given; show() logs another member.
void neitherLogs(const Visitor &v, bool which) {
  Quiet q;
  void (Quiet::*fn)(const std::string &) = which ? &Quiet::keep : &Quiet::drop;
  (q.*fn)(v.email);
  q.show();
}

void boundToDrop(const Visitor &v) {
  Archive a;
  auto f = std::bind(&Archive::drop, &a, std::placeholders::_1);
  f(v.email);
}

void storeOnlyIp(const Visitor &v) {
  Archive a;
  auto fn = &Archive::store;
  (a.*fn)(v.ip);
}
