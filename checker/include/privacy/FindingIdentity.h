//===- FindingIdentity.h - what a finding is, apart from its words -*- C++ -*-//
//
// A finding's fingerprint (docs/scan.md, "Fingerprints and baselines") must
// survive a change of wording, of the policy's contents and of line numbers,
// and change when the finding does. So it is built from facts, not from the
// message: the check, the item, the sink or purpose (FindingSubject), the
// function the finding is in and the code it is about (CodeAnchor).
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_FINDINGIDENTITY_H
#define PRIVACY_FINDINGIDENTITY_H

#include "privacy/Findings.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace privacy {

/// The item a finding is about and its sink or purpose: a recipient or
/// store id, the function that logs or sends ("'printf'"), a purpose id;
/// for a finding about an annotation, the macro, spelling or declaration
/// at fault. Never words of the policy.
struct FindingSubject {
  std::string Item;
  std::string Target;
};

FindingSubject findingSubject(const FindingReason &Reason);

/// Where a finding is in the code, apart from its line: the named function
/// it is in (qualified; empty outside functions) and a hash of the source
/// text of the expression or statement at the place, blanks normalised
/// (normalizedCode), so that reindenting keeps it.
struct CodeAnchor {
  std::string Function;
  std::string CodeHash;
};

/// The anchors of \p Locs, in their order: for a place in a function body,
/// the outermost expression (or declaration or return statement) that holds
/// it below the nearest enclosing statement that is not one; elsewhere, the
/// innermost declaration that holds it (a function without its body, a
/// class by its head). An empty anchor when no declaration holds it.
std::vector<CodeAnchor> codeAnchors(clang::ASTContext &Ctx,
                                    llvm::ArrayRef<clang::SourceLocation> Locs);

/// \p Text without its blanks (spaces, tabs, line ends), but for one space
/// where a run of them separates two words ("const char *p"): reindenting
/// or spacing code differently keeps it.
std::string normalizedCode(llvm::StringRef Text);

/// 64-bit FNV-1a of \p Text, as 16 hexadecimal digits: the same on every
/// machine and in every release, as fingerprints need.
std::string stableHash(llvm::StringRef Text);

} // namespace privacy

#endif // PRIVACY_FINDINGIDENTITY_H
