//===- Findings.h - what the analysis reports, and to whom -----*- C++ -*-===//
//
// The analysis never prints. It hands each finding, already worded, to a
// FindingSink that the front (clang-tidy check, compiler plugin,
// privacy-scan) implements, as Thread Safety Analysis does with its handler.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_FINDINGS_H
#define PRIVACY_FINDINGS_H

#include "clang/Basic/SourceLocation.h"

namespace clang {
class FunctionDecl;
}
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace privacy {

enum class CheckKind {
#define PRIVACY_CHECK(Enum, Name) Enum,
#include "privacy/Checks.def"
};

/// "privacy-purpose-limitation", ...
llvm::StringRef checkName(CheckKind K);

struct FindingNote {
  clang::SourceLocation Loc;
  std::string Message;
};

struct Finding {
  CheckKind Check;
  clang::SourceLocation Loc; // a file location (macro expansions resolved)
  std::string Message;
  std::vector<FindingNote> Notes; // in path order
  /// privacy-missing-consent: the function the use is in and the consents
  /// that would guard it, so that privacy-scan can take guards in callers
  /// in other files into account.
  const clang::FunctionDecl *Function = nullptr;
  std::vector<std::string> Consents;
};

class FindingSink {
public:
  virtual ~FindingSink() = default;
  virtual void report(const Finding &F) = 0;
};

} // namespace privacy

#endif // PRIVACY_FINDINGS_H
