// What an object holds in its annotated fields is held, not read: a pointer
// or reference to the object that is returned, stored or passed on is not a
// use of those items (SPEC §1, "What counts as a use"), and unknown code
// handed the object does not return them (docs/limitations.md, "Objects and
// their fields"). Handed whole to a sink, the object discloses them all.
// RUN: %check_clang_tidy --policy %S/Inputs/voice-policy.json %s privacy-purpose-limitation,privacy-log-leak %t

#include "privacy.h"
#include <string>

struct User;
PRIVACY_LOG void log_line(const std::string &line);
PRIVACY_LOG void log_user(const User &u);
std::string describe(const User *u); // defined elsewhere
void setName(const std::string &);

struct User {
  PRIVACY_DATA("user_name") std::string name;
  PRIVACY_DATA("password") std::string pass;
  PRIVACY_DATA("ip_address") std::string host;
  int slack;
  std::string summary() const; // defined elsewhere
};

class PRIVACY_PURPOSE("voice") Network {
public:
  User *user() const { return user_; }
  const std::string &name() const { return name_; }

private:
  User *user_;
  std::string name_;
};

class Uploader {
public:
  PRIVACY_LOG void write(const std::string &line); // logs its argument
  PRIVACY_LOG void dumpAll() const;                // logs its object
  User who;
};

// --- quiet ------------------------------------------------------------------

// A logging method with arguments logs them, not the object it is called on.
void ping(Uploader &u) { u.write("ping"); }

// The pointer comes back from a function with a purpose of its own; only
// the int is read of it.
struct Timer {
  explicit Timer(Network *n) : n_(n) { slack = n_->user()->slack; }
  Network *n_;
  int slack;
};
PRIVACY_PURPOSE("voice") void startTimer(Network *n) { Timer t(n); }

// A method of the object without a body returns a part of it that cannot
// be seen: not everything it holds.
PRIVACY_PURPOSE("voice") void label(Network *n) {
  setName(n->user()->summary());
}

// Unknown code given the whole object: what comes back is not what it holds.
PRIVACY_PURPOSE("voice") void relabel(Network *n) {
  setName(describe(n->user()));
}
void logDescribed(Network *n) { log_line(describe(n->user())); }

// Only the name is read, and 'voice' allows it.
PRIVACY_PURPOSE("voice") void rename(Network *n) { setName(n->user()->name); }

// --- findings ---------------------------------------------------------------

// The field read itself is a use.
PRIVACY_PURPOSE("voice") void leakPass(Network *n) { setName(n->user()->pass); }
// CHECK-MESSAGES: :[[@LINE-1]]:73: warning: using personal data 'password' from field 'User::pass' for purpose 'voice' is not allowed

// Handed whole to a log: every item the object holds.
void dump(Network *n) { log_user(*n->user()); }
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: writing personal data 'ip_address' to logs through 'log_user'
// CHECK-MESSAGES: :[[@LINE-2]]:25: warning: writing personal data 'password' to logs through 'log_user'

// A field read from the returned pointer reaches the log.
void logHost(Network *n) { log_line(n->user()->host); }
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: writing personal data 'ip_address' to logs through 'log_line'

// A logging method without arguments logs its object: what it holds.
void dumpUploader(const Uploader &u) { u.dumpAll(); }
// CHECK-MESSAGES: :[[@LINE-1]]:42: warning: writing personal data 'ip_address' to logs through 'Uploader::dumpAll'
// CHECK-MESSAGES: :[[@LINE-2]]:42: warning: writing personal data 'password' to logs through 'Uploader::dumpAll'
