// Each construct the dataflow follows, one finding each.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

struct Account {
  PRIVACY_DATA("email") std::string email;
  std::string nickname;
  int visits;
};
struct Envelope {
  std::string to;
  std::string subject;
};

PRIVACY_LOG void logLine(const std::string &line);
PRIVACY_LOG void logNumber(long n);
PRIVACY_DATA("email") std::string emailOf(int user);

void locals(const Account &a) {
  std::string e = a.email;
  std::string copy;
  copy = e;
  logLine(copy);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logLine'
}

void referencesAndPointers(const Account &a) {
  const std::string &ref = a.email;
  logLine(ref);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
  const std::string *ptr = &a.email;
  logLine(*ptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
}

void memberAccessAndStructCopies(const Account &a) {
  Envelope env;
  env.to = a.email;
  Envelope second = env; // a whole-struct copy keeps the field's data
  logLine(second.to);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
  Envelope braced{a.email, "hello"};
  logLine(braced.to);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
}

void arithmetic(PRIVACY_DATA("email") long hashedEmail) {
  long mixed = hashedEmail * 31 + 7;
  logNumber(mixed);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logNumber'
}

void stringBuilding(const Account &a) {
  std::string s = "to: ";
  s += a.email;
  logLine(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
  std::string t;
  t.append(a.email);
  logLine(t);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
  char buf[128];
  std::snprintf(buf, sizeof buf, "to %s", a.email.c_str());
  logLine(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
  std::ostringstream os;
  os << "to " << a.email;
  logLine(os.str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
}

void containers(const Account &a) {
  std::vector<std::string> v;
  v.push_back(a.email);
  logLine(v.front());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
  std::set<std::string> s;
  s.insert(a.email);
  for (const std::string &x : s)
    logLine(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email'
  std::map<int, std::string> m;
  m.emplace(1, a.email);
  logLine(m[1]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
}

std::string wrap(const std::string &s) { return "<" + s + ">"; }
std::string wrapTwice(const std::string &s) { return wrap(wrap(s)); }
void logIt(const std::string &s) { logLine(s); }
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: writing personal data 'email'
void logViaTwo(const std::string &s) { logIt(s); }

void returnsAndCalls(const Account &a) {
  logLine(wrap(a.email));       // one call
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
  logLine(wrapTwice(a.email));  // two calls deep
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
  logLine(emailOf(3));          // an annotated function's return
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
  logViaTwo(a.email);           // the sink two calls down: reported there
}

void lambdas(const Account &a) {
  std::string e = a.email;
  auto byRef = [&] { logLine(e); };
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: writing personal data 'email'
  byRef();
  auto byParam = [](const std::string &s) { logLine(s); };
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: writing personal data 'email'
  byParam(a.email);
}

void callbacks(const std::vector<Account> &accounts) {
  std::vector<std::string> emails;
  for (const Account &a : accounts)
    emails.push_back(a.email);
  auto each = [](const std::string &e) { logLine(e); };
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: writing personal data 'email'
  for (const std::string &e : emails)
    each(e);
}

// Built up in a loop, then copied into a new variable after it.
void afterLoop(const std::vector<Account> &accounts) {
  std::string joined = "[";
  for (const Account &a : accounts)
    joined += a.email;
  std::string closed = joined + "]";
  logLine(closed);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email'
}

// Keys of a map filled in a loop.
void mapKeys(const std::vector<Account> &accounts) {
  std::map<std::string, int> counts;
  for (const Account &a : accounts)
    counts[a.email] += 1;
  for (const auto &kv : counts)
    logLine(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email'
}

// Keys of a map built from a parameter: the caller's data, though the
// callee reads it as `kv.first` of the map's elements.
void logKeys(const std::string &value) {
  std::map<std::string, int> counts;
  counts[value] += 1;
  for (const auto &kv : counts)
    logLine(kv.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: writing personal data 'email'
}
void keysOf(const Account &a) { logKeys(a.email); }
