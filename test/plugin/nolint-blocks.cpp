// Blocks of lines, check lists and globs silence the compiler
// plugin's findings exactly as they silence clang-tidy's: both runs must
// print the same warnings.
// RUN: %clangxx -std=c++17 -fsyntax-only -fplugin=%privacy_compiler_plugin -fplugin-arg-privacy-policy=%S/../checkers/Inputs/policy.json -I%annotations %s 2>&1 | FileCheck --implicit-check-not=warning: --implicit-check-not=error: %s
// RUN: %clang_tidy --quiet -checks='-*,privacy-*' -config="{CheckOptions: {PolicyFile: '%S/../checkers/Inputs/policy.json'}}" %s -- -std=c++17 -I%annotations 2>&1 | FileCheck --implicit-check-not=warning: --implicit-check-not=error: %s

#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("phone_mobile") std::string phone;
};

PRIVACY_TRANSFER("freshworks", "US") void fileTicket(const std::string &body);
PRIVACY_LOG void logLine(const std::string &line);

// NOLINTBEGIN
void bare(const Account &a) {
  fileTicket(a.address);
  logLine(a.phone);
}
// NOLINTEND

// NOLINTBEGIN(privacy-log-*, bugprone-*)
void listed(const Account &a) {
  logLine(a.phone);
  fileTicket(a.address);
  // CHECK-DAG: nolint-blocks.cpp:[[@LINE-1]]:3: warning: transferring personal data 'address' abroad {{.*}}[privacy-cross-border-transfer]
}
// NOLINTEND(privacy-log-*,bugprone-*)

// NOLINTBEGIN(privacy-cross-border-transfer)
// NOLINTBEGIN(bugprone-*)
void nested(const Account &a) {
  fileTicket(a.address);
  logLine(a.phone);
  // CHECK-DAG: nolint-blocks.cpp:[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs {{.*}}[privacy-log-leak]
}
// NOLINTEND(bugprone-*)
// NOLINTEND(privacy-cross-border-transfer)

void afterTheBlocks(const Account &a) {
  fileTicket(a.address); // NOLINT(*-border-*)
  // NOLINTNEXTLINE(privacy-log-leak, privacy-cross-border-transfer)
  logLine(a.phone);
  logLine(a.phone); // NOLINT(-privacy-log-leak)
  // CHECK-DAG: nolint-blocks.cpp:[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs {{.*}}[privacy-log-leak]
}
