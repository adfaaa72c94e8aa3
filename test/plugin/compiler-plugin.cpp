// The compiler plugin reports the checks' warnings during a normal compile,
// with the same [privacy-<check>] tags and NOLINT comments as clang-tidy.
// RUN: %clangxx -std=c++17 -fsyntax-only -fplugin=%privacy_compiler_plugin -fplugin-arg-privacy-policy=%S/../checkers/Inputs/policy.json -I%annotations %s 2>&1 | FileCheck --implicit-check-not=warning: %s
// RUN: %clangxx -std=c++17 -fsyntax-only -fplugin=%privacy_compiler_plugin -fplugin-arg-privacy-policy=%S/../checkers/Inputs/policy.json -fplugin-arg-privacy-checks=privacy-log-leak -I%annotations %s 2>&1 | FileCheck --check-prefix=ONLY-LOGS --implicit-check-not=warning: %s

#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("phone_mobile") std::string phone;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);
PRIVACY_LOG void logLine(const std::string &line);

void findings(const Account &a) {
  fileTicket(a.address);
  // CHECK: compiler-plugin.cpp:[[@LINE-1]]:3: warning: transferring personal data 'address' abroad to 'freshworks' (US) is not allowed by the policy (items allowed for 'freshworks': name, email) [privacy-cross-border-transfer]
  // CHECK: note: 'address' is read from field 'Account::address' here
  // CHECK: note: recipient 'freshworks' is declared here
  logLine(a.phone);
  // CHECK: compiler-plugin.cpp:[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs through 'logLine' is not allowed by the policy (logs may contain: ip_address) [privacy-log-leak]
  // ONLY-LOGS: compiler-plugin.cpp:[[@LINE-2]]:3: warning: writing personal data 'phone_mobile' to logs through 'logLine'
}

void suppressed(const Account &a) {
  fileTicket(a.address); // NOLINT(privacy-cross-border-transfer)
  logLine(a.phone); // NOLINT
  // NOLINTNEXTLINE(privacy-*)
  logLine(a.phone);
  logLine(a.phone); // NOLINT(privacy-cross-border-transfer): another check
  // CHECK: compiler-plugin.cpp:[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs
  // ONLY-LOGS: compiler-plugin.cpp:[[@LINE-2]]:3: warning: writing personal data 'phone_mobile' to logs
}
