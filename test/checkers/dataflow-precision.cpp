// Cases that must stay quiet, and near misses that must not: regressions in
// precision show here first.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak,privacy-cross-border-transfer %t

#include "privacy.h"
#include <string>
#include <vector>

struct Account {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
  std::string nickname;
  int visits;
};
struct Pair {
  std::string first;
  std::string second;
};

PRIVACY_LOG void logLine(const std::string &line);
PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);
PRIVACY_ANONYMIZE std::string domainOf(const std::string &email);
PRIVACY_ANONYMIZE int bucket(int n);

// Overwritten with clean data: the taint ends.
void overwritten(const Account &a) {
  std::string s = a.email;
  s = "nobody";
  logLine(s);
  int n = a.visits;
  n = 0;
  logLine(std::to_string(n));
}

// Overwritten on one branch only: still personal data after the join.
void overwrittenOnOneBranch(const Account &a, bool redact) {
  std::string s = a.email;
  if (redact)
    s = "nobody";
  logLine(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logLine'
}

// Overwritten on every branch: clean.
void overwrittenOnEveryBranch(const Account &a, bool brief) {
  std::string s = a.email;
  if (brief)
    s = "-";
  else
    s = "n/a";
  logLine(s);
}

// Tainted inside a loop, logged after it.
void loop(const std::vector<Account> &accounts) {
  std::string last;
  for (const Account &a : accounts)
    last = a.email;
  logLine(last);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logLine'
}

// Anonymised values are not personal data.
void anonymised(const Account &a) {
  logLine(domainOf(a.email));
  logLine(std::to_string(bucket(a.visits)));
}

// A sibling field of a struct is not tainted by its neighbour.
void siblingField(const Account &a) {
  Pair p;
  p.first = a.email;
  p.second = a.nickname;
  logLine(p.second);
  Pair q = p;
  logLine(q.second);
  logLine(q.first);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logLine'
}

// An unannotated field of an object with personal data in other fields.
void unannotatedField(const Account &a) {
  logLine(a.nickname);
  logLine(std::to_string(a.visits));
}

// Another item, allowed there: logs may hold ip_address; freshworks may get
// email.
void allowedItems(const Account &a) {
  logLine(a.ip);
  fileTicket(a.email);
}

// Comparisons answer yes or no; the answer is not the data.
void comparisons(const Account &a, const std::string &probe) {
  bool same = a.email == probe;
  logLine(same ? "match" : "no match");
}

// Passed through a helper field by field: only the field that holds data.
std::string secondOf(const Pair &p) { return p.second; }
void fieldThroughCall(const Account &a) {
  Pair p;
  p.first = a.email;
  p.second = "x";
  logLine(secondOf(p));
}

// A helper that logs only its second parameter.
void logSecond(const std::string &, const std::string &b) { logLine(b); }
void parameterPrecision(const Account &a) {
  logSecond(a.email, a.nickname);
}

// A clean field of a struct taken from a container is clean.
struct Event {
  PRIVACY_DATA("email") std::string actor;
  std::string kind;
};
void containerElements(const std::vector<Event> &events) {
  std::string subject;
  for (const Event &e : events)
    subject += e.kind;
  logLine(subject);
  logLine(events[0].kind);
  logLine(events[0].actor);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logLine'
}
