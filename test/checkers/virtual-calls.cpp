// A virtual call may run every override seen: their sinks and their reads
// are followed from the call.
// RUN: %check_clang_tidy --policy %S/Inputs/policy.json %s privacy-log-leak,privacy-purpose-limitation %t

#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("phone_mobile") std::string phone;
  PRIVACY_DATA("email") std::string email;
};

PRIVACY_LOG void logLine(const std::string &line);

struct Notifier {
  virtual ~Notifier() = default;
  virtual void notify(const std::string &text) = 0;
  virtual void describe(const Account &a) { (void)a; }
};

struct QuietNotifier : Notifier {
  void notify(const std::string &) override {}
};

struct LoggingNotifier : Notifier {
  void notify(const std::string &text) override { logLine(text); }
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: writing personal data 'phone_mobile' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  void describe(const Account &a) override { logLine(a.email); }
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: writing personal data 'email' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  // CHECK-MESSAGES: :[[@LINE-2]]:56: warning: using personal data 'email' from field 'Account::email' for purpose 'statistics' (as called from 'report') is not allowed by the policy (allowed purposes: marketing, membership, support) [privacy-purpose-limitation]
};

PRIVACY_PURPOSE("statistics") void report(Notifier &n, const Account &a) {
  n.notify(a.phone); // dispatches to LoggingNotifier::notify too
  n.describe(a);
}

// A qualified call runs exactly that method.
void qualified(LoggingNotifier &n, const Account &a) { n.Notifier::describe(a); }
