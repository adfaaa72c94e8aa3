// Objects built outside a declaration of their own: by new,
// std::make_unique, std::make_shared, emplace_back and emplace, and
// temporaries. What the constructor puts into each field is in that field
// of the object built, as for a named local (constructor-members.cpp).
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak %t

#include "privacy.h"
#include <list>
#include <memory>
#include <string>
#include <vector>

struct Patient {
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("ip_address") std::string ip;
};

PRIVACY_LOG void logLine(const std::string &line);

class Reminder {
public:
  explicit Reminder(const Patient &p) : to_(p.ip), note_(p.email) {}
  Reminder(const Patient &p, int) : to_(p.ip), note_("later") {}
  void fire() const { logLine(note_); }
  void ping() const { logLine(to_); }
  std::string note() const { return note_; }
  std::string to() const { return to_; }

private:
  std::string to_, note_;
};

void byNew(const Patient &p) {
  Reminder *r = new Reminder(p);
  logLine(r->note());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  delete r;
}

void byMakeUnique(const Patient &p) {
  auto r = std::make_unique<Reminder>(p);
  logLine(r->note());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void byMakeShared(const Patient &p) {
  std::shared_ptr<Reminder> r = std::make_shared<Reminder>(p);
  logLine((*r).note());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void byUniquePtrOfNew(const Patient &p) {
  std::unique_ptr<Reminder> r(new Reminder(p));
  logLine(r->note());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void byEmplaceBack(const Patient &p) {
  std::vector<Reminder> v;
  v.emplace_back(p);
  logLine(v[0].note());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void byEmplace(const Patient &p) {
  std::vector<Reminder> v;
  v.emplace(v.begin(), p);
  logLine(v.front().note());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void byEmplaceFront(const Patient &p) {
  std::list<Reminder> l;
  l.emplace_front(p);
  logLine(l.front().note());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void emplacedStrings(const Patient &p) {
  std::vector<std::string> v;
  v.emplace_back(p.email);
  logLine(v[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void temporary(const Patient &p) {
  logLine(Reminder(p).note());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
  logLine(Reminder{p}.note());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
  logLine(std::make_unique<Reminder>(p)->note());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

void temporaryByNew(const Patient &p) {
  logLine((new Reminder(p))->note());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: writing personal data 'email' to logs
}

// --- quiet: the field read holds only what logs may contain --------------

void byNewTo(const Patient &p) {
  Reminder *r = new Reminder(p);
  logLine(r->to());
  delete r;
}

void byMakeUniqueTo(const Patient &p) {
  auto r = std::make_unique<Reminder>(p);
  logLine(r->to());
  r->ping();
}

void byMakeSharedTo(const Patient &p) {
  std::shared_ptr<Reminder> r = std::make_shared<Reminder>(p);
  logLine((*r).to());
}

void byUniquePtrOfNewTo(const Patient &p) {
  std::unique_ptr<Reminder> r(new Reminder(p));
  logLine(r->to());
}

void byEmplaceBackTo(const Patient &p) {
  std::vector<Reminder> v;
  v.emplace_back(p);
  logLine(v[0].to());
}

// The other constructor keeps no e-mail.
void byEmplaceBackLater(const Patient &p) {
  std::vector<Reminder> v;
  v.emplace_back(p, 1);
  logLine(v[0].note());
}

void byEmplaceTo(const Patient &p) {
  std::vector<Reminder> v;
  v.emplace(v.begin(), p);
  v[0].ping();
}

void byEmplaceFrontTo(const Patient &p) {
  std::list<Reminder> l;
  l.emplace_front(p);
  logLine(l.front().to());
}

void emplacedAddress(const Patient &p) {
  std::vector<std::string> v;
  v.emplace_back(p.ip);
  logLine(v[0]);
}

void temporaryTo(const Patient &p) {
  logLine(Reminder(p).to());
  Reminder{p}.ping();
  Reminder(p, 2).fire();
  std::make_unique<Reminder>(p)->ping();
}

void temporaryByNewTo(const Patient &p) {
  logLine((new Reminder(p))->to());
}
