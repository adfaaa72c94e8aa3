//===- ConsentGuards.h - where consent is known to be given ----*- C++ -*-===//
//
// A must-analysis on each function's CFG: the consents known to have been
// checked true at each point, and for whom. A call of a
// PRIVACY_CONSENT_CHECK("c") function, or of a consent wrapper (a function
// whose every `true` return implies such a check), guards the branch where
// it returned true: `if (check(u))`, an early return or continue on
// `!check(u)`, a bool variable or field that holds its result and is tested
// later (until it is written again), checks combined with && and ||. A
// result that is never tested guards nothing. A function called only where
// consent is known starts with it known (a guard in a caller covers its
// callees). docs/consent-and-erasure.md says how a data subject is told
// apart.
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
#include <tuple>
#include <vector>

namespace privacy {

using ConsentSet = std::set<std::string>;

/// Whose consent a check asked about, or whose data an expression is: a
/// path from a variable, a parameter or `*this` (a null root) through
/// fields, to an object of a class of the program. An empty path is a
/// subject the analysis cannot name: such a check guards everyone, and such
/// a use is guarded by a check for anyone.
struct ConsentSubject {
  std::vector<const clang::Decl *> Path;
  std::string Spelling; // as written: "referrer", "order.customer", "this"
  bool anyone() const { return Path.empty(); }
  /// Whether a check for one may guard a use of the other: either is
  /// anyone, or one path is a prefix of the other.
  bool relatedTo(const ConsentSubject &Other) const;
  bool operator<(const ConsentSubject &O) const { return Path < O.Path; }
  bool operator==(const ConsentSubject &O) const { return Path == O.Path; }
};

/// The subject \p E is about: `m.id` and `m.email` are about `m`,
/// `order.customer.email` about `order.customer`, a local initialised from
/// one of them about the same; anyone when it cannot tell.
ConsentSubject consentSubjectOf(const clang::Expr *E);

/// What a consent wrapper's `true` implies, in terms of its parameters.
struct WrappedConsent {
  std::string Consent;
  /// Whose: parameter Param (>= 0), the object (ThisParam), or anyone
  /// (AnyoneParam), then Fields of it.
  int Param = -1;
  std::vector<const clang::FieldDecl *> Fields;
  static constexpr int AnyoneParam = -1, ThisParam = -2;
  bool operator<(const WrappedConsent &O) const {
    return std::tie(Consent, Param, Fields) <
           std::tie(O.Consent, O.Param, O.Fields);
  }
  bool operator==(const WrappedConsent &O) const {
    return std::tie(Consent, Param, Fields) ==
           std::tie(O.Consent, O.Param, O.Fields);
  }
};

class ConsentGuards {
public:
  /// Consents known true right before \p Loc (a statement's file location)
  /// inside \p FD, for anyone, including those every caller of \p FD
  /// guarantees.
  ConsentSet knownAt(const clang::FunctionDecl *FD,
                     clang::SourceLocation Loc) const;

  /// Consents that guard a use of \p Used at \p Loc: checked for a
  /// subject related to it (ConsentSubject::relatedTo).
  ConsentSet guardingAt(const clang::FunctionDecl *FD,
                        clang::SourceLocation Loc,
                        const ConsentSubject &Used) const;

  /// The subjects \p Consent is known for at \p Loc that are not related
  /// to \p Used: whose consent was asked instead, for the message.
  std::vector<std::string> checkedForOthers(const clang::FunctionDecl *FD,
                                            clang::SourceLocation Loc,
                                            const std::string &Consent,
                                            const ConsentSubject &Used) const;

  /// Functions with no body in this translation unit that return bool and
  /// whose `true` is known at \p Loc for a subject related to \p Used:
  /// privacy-scan's join learns whether they wrap a consent check.
  std::vector<const clang::FunctionDecl *>
  unresolvedGuardsAt(const clang::FunctionDecl *FD, clang::SourceLocation Loc,
                     const ConsentSubject &Used) const;

  /// What \p FD's `true` implies: the consents it wraps (empty when it is
  /// no wrapper), and the functions of other files it wraps.
  std::vector<WrappedConsent>
  wrappedConsents(const clang::FunctionDecl *FD) const;
  std::vector<const clang::FunctionDecl *>
  wrappedCalls(const clang::FunctionDecl *FD) const;

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
  /// Consents every call site of a function knows, for anyone; names of
  /// unresolved guards (UnresolvedPrefix) included.
  std::map<const clang::FunctionDecl *, ConsentSet> Entry;
  /// Consent wrappers of this translation unit, by canonical declaration.
  std::map<const clang::FunctionDecl *, std::set<WrappedConsent>> Wrappers;
  /// Bool functions without a body here, as pseudo-consents: the consent
  /// name UnresolvedPrefix + its index here.
  std::vector<const clang::FunctionDecl *> Unresolved;
  static constexpr char UnresolvedPrefix = '?';
  ~ConsentGuards();
};

/// Analyses every function of the translation unit that \p Flows saw.
std::shared_ptr<const ConsentGuards>
analyzeConsentGuards(clang::ASTContext &Ctx, const TranslationUnitFlows &Flows);

} // namespace privacy

#endif // PRIVACY_CONSENTGUARDS_H
