// emplace, try_emplace and insert_or_assign on the standard maps tell the
// key from the mapped value: at() and [] read the mapped value, which holds
// no key; the map whole, and anything the code does not make decidable,
// keeps both. A mapped type of the program built by try_emplace, and an
// element of a set built by emplace, run its constructor as emplace_back
// does.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t -- -- -std=c++20

#include "privacy.h"
#include <map>
#include <set>
#include <string>
#include <unordered_map>

struct Visitor {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
  int id;
};

PRIVACY_LOG void logLine(const std::string &line);
PRIVACY_LOG void logCount(unsigned long n);

void mappedRead(const Visitor &v) {
  std::map<int, std::string> m;
  m.emplace(v.id, v.email);
  logLine(m.at(v.id));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
}

void tryEmplaceRead(const Visitor &v) {
  std::unordered_map<std::string, std::string> m;
  m.try_emplace(v.ip, v.email);
  logLine(m[v.ip]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void insertOrAssignRead(const Visitor &v) {
  std::map<std::string, std::string> m;
  m.insert_or_assign(v.ip, v.email);
  logLine(m.at(v.ip));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

// An item put in as a key and, elsewhere, as a value is a value.
void alsoAValue(const Visitor &v) {
  std::map<std::string, std::string> m;
  m.emplace(v.email, v.ip);
  m["contact"] = v.email;
  logLine(m.at("contact"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

// The map whole holds its keys.
std::string joinAll(const std::map<std::string, int> &m);
void wholeMap(const Visitor &v) {
  std::map<std::string, int> m;
  m.emplace(v.email, 1);
  logLine(joinAll(m));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

// A mapped value of the program built from several arguments.
struct Entry {
  Entry(const std::string &to, const std::string &body) : to_(to), body_(body) {}
  void fire() const { logLine(body_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: writing personal data 'email' to logs
  std::string to_, body_;
};

void builtMapped(const Visitor &v) {
  std::map<int, Entry> m;
  m.try_emplace(v.id, v.ip, v.email);
  m.at(v.id).fire();
}

// An element of a set of the program built from several arguments.
struct Note {
  Note(const std::string &to, const std::string &body) : to_(to), body_(body) {}
  void fire() const { logLine(body_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: writing personal data 'email' to logs
  std::string to_, body_;
  bool operator<(const Note &o) const { return false; }
};

void builtInSet(const Visitor &v) {
  std::set<Note> s;
  s.emplace(v.ip, v.email);
  s.begin()->fire();
}

// --- quiet: only keys hold the e-mail ------------------------------------

void keyOnly(const Visitor &v) {
  std::map<std::string, std::string> m;
  m.emplace(v.email, v.ip);
  logLine(m.at(v.email));
}

void keyOnlyTryEmplace(const Visitor &v) {
  std::unordered_map<std::string, std::string> m;
  m.try_emplace(v.email, "clean");
  logLine(m[v.email]);
}

void keyOnlyInsertOrAssign(const Visitor &v) {
  std::map<std::string, std::string> m;
  m.insert_or_assign(v.email, v.ip);
  m.insert_or_assign(v.email, "again");
  logLine(m.at(v.email));
}

void countOnly(const Visitor &v) {
  std::map<std::string, int> m;
  m.emplace(v.email, 1);
  logCount(m.size());
}

struct QuietEntry {
  QuietEntry(const std::string &to, const std::string &body)
      : to_(to), body_(body) {}
  void fire() const { logLine(body_); }
  std::string to_, body_;
};

void builtMappedQuiet(const Visitor &v) {
  std::map<std::string, QuietEntry> m;
  m.try_emplace(v.email, v.email, v.ip);
  m.at(v.email).fire();
}
