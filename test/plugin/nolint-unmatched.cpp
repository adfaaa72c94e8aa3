// An end-of-block comment whose list matches no open block is not a bare
// line comment, and a block that never ends silences nothing: the compiler
// plugin reports both as errors, as clang-tidy does, and keeps the warnings.
// (The checks below spell the comments' names with a regex, so that they
// are not comments of that kind themselves.)
// RUN: not %clangxx -std=c++17 -fsyntax-only -fplugin=%privacy_compiler_plugin -fplugin-arg-privacy-policy=%S/../checkers/Inputs/policy.json -I%annotations %s 2>&1 | FileCheck --implicit-check-not=warning: --implicit-check-not=error: %s
// RUN: not %clang_tidy --quiet -checks='-*,privacy-*' -config="{CheckOptions: {PolicyFile: '%S/../checkers/Inputs/policy.json'}}" %s -- -std=c++17 -I%annotations 2>&1 | FileCheck --implicit-check-not=warning: --implicit-check-not=error: %s

#include "privacy.h"
#include <string>

struct Account {
  PRIVACY_DATA("phone_mobile") std::string phone;
};

PRIVACY_LOG void logLine(const std::string &line);

void endOfAnotherCheck(const Account &a) {
  logLine(a.phone); // NOLINTEND(bugprone-foo)
  // CHECK-DAG: nolint-unmatched.cpp:[[@LINE-1]]:24: error: unmatched 'NOLIN{{T}}END' comment without a previous 'NOLIN{{T}}BEGIN' comment [clang-tidy-nolint]
  // CHECK-DAG: nolint-unmatched.cpp:[[@LINE-2]]:3: warning: writing personal data 'phone_mobile' to logs {{.*}}[privacy-log-leak]
}

// NOLINTBEGIN(privacy-*)
// CHECK-DAG: nolint-unmatched.cpp:[[@LINE-1]]:4: error: unmatched 'NOLIN{{T}}BEGIN' comment without a subsequent 'NOLIN{{T}}END' comment [clang-tidy-nolint]
void neverEnded(const Account &a) {
  logLine(a.phone);
  // CHECK-DAG: nolint-unmatched.cpp:[[@LINE-1]]:3: warning: writing personal data 'phone_mobile' to logs {{.*}}[privacy-log-leak]
}
