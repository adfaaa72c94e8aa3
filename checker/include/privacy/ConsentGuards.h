//===- ConsentGuards.h - where consent is known to be given ----*- C++ -*-===//
//
// A must-analysis on each function's CFG: the consents known to have been
// checked true at each point. A call of a PRIVACY_CONSENT_CHECK("c")
// function guards the branch where it returned true: `if (check(u))`, an
// early return or continue on `!check(u)`, a bool that holds its result and
// is tested later, checks combined with && and ||. A result that is never
// tested guards nothing. A function called only where consent is known
// starts with it known (a guard in a caller covers its callees).
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_CONSENTGUARDS_H
#define PRIVACY_CONSENTGUARDS_H

#include "privacy/Dataflow.h"
#include "privacy/Findings.h"

#include "clang/AST/ASTContext.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace privacy {

using ConsentSet = std::set<std::string>;

class ConsentGuards {
public:
  /// Consents known true right before \p Loc (a statement's file location)
  /// inside \p FD, including those every caller of \p FD guarantees.
  ConsentSet knownAt(const clang::FunctionDecl *FD,
                     clang::SourceLocation Loc) const;

  /// Notes that walk one path from the start of \p FD to \p Loc on which
  /// \p Consent is not known, naming each branch taken; empty when every
  /// path is guarded.
  std::vector<PathNote> unguardedPath(const clang::FunctionDecl *FD,
                                      clang::SourceLocation Loc,
                                      const std::string &Consent) const;

  /// Whether \p Loc is inside an argument of a PRIVACY_CONSENT_CHECK call
  /// in \p FD: identifying whose consent to check is not a use that needs
  /// that consent.
  bool inConsentCheckArgument(const clang::FunctionDecl *FD,
                              clang::SourceLocation Loc) const;

  /// Whether \p FD calls any PRIVACY_CONSENT_CHECK function for \p Consent.
  bool checksConsent(const clang::FunctionDecl *FD,
                     const std::string &Consent) const;

  struct FunctionState;
  std::map<const clang::FunctionDecl *, std::unique_ptr<FunctionState>>
      Functions;
  std::map<const clang::FunctionDecl *, ConsentSet> Entry;
  ~ConsentGuards();
};

/// Analyses every function of the translation unit that \p Flows saw.
std::shared_ptr<const ConsentGuards>
analyzeConsentGuards(clang::ASTContext &Ctx, const TranslationUnitFlows &Flows);

} // namespace privacy

#endif // PRIVACY_CONSENTGUARDS_H
