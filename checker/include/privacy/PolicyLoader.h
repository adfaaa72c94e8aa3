//===- PolicyLoader.h - read, validate and cross-check a policy -*- C++ -*-===//
//
// A policy is loaded in three steps, each reporting every problem it finds:
// JSON syntax (file:line:col), the JSON Schema of rules/schema (a real
// validator), then the cross-references the schema cannot express (unknown
// ids are errors, a self-contradicting policy gets warnings). Any error
// means no policy: the tools never run on half a policy.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_POLICYLOADER_H
#define PRIVACY_POLICYLOADER_H

#include "privacy/Policy.h"

#include <memory>
#include <string>
#include <vector>

namespace privacy {

struct PolicyDiagnostic {
  enum Severity { Error, Warning };
  Severity Level = Error;
  std::string File;
  unsigned Line = 0, Column = 0; // 0: unknown
  std::string Pointer;           // JSON pointer of the key at fault
  std::string Message;

  /// "FILE:LINE:COL: error: MESSAGE [at /pointer]", as compilers print.
  std::string format() const;
  /// "FILE:LINE:COL: MESSAGE [at /pointer]", for fronts that print the
  /// severity themselves.
  std::string formatWithoutLevel() const;
};

struct PolicyLoadResult {
  std::shared_ptr<const Policy> Loaded; // null when any error was found
  std::vector<PolicyDiagnostic> Diagnostics;
  bool ok() const { return Loaded != nullptr; }
  bool hasErrors() const;
};

/// Loads and checks the policy in \p Path.
PolicyLoadResult loadPolicyFile(const std::string &Path);
/// Same, from text already read; \p Path names it in diagnostics.
PolicyLoadResult parsePolicy(const std::string &Text, const std::string &Path);

/// The file name looked for when no policy is configured.
inline constexpr const char *DefaultPolicyFileName = "privacy-policy.json";

/// The nearest "privacy-policy.json" in \p StartDir or its parents; empty
/// when there is none.
std::string findPolicyFileUpwards(const std::string &StartDir);

/// Loads each policy file once per process (thread-safe); reloads a file
/// whose modification time changed. Results are shared and immutable.
std::shared_ptr<const PolicyLoadResult>
loadPolicyCached(const std::string &Path);

} // namespace privacy

#endif // PRIVACY_POLICYLOADER_H
