//===- PurposeLimitation.h - data used beyond its purposes -----*- C++ -*-===//
//
// Purpose limitation (GDPR Art. 5(1)(b), PIPA Art. 3(2) and 18): personal
// data may be processed only for the purposes it was collected for.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_PURPOSELIMITATION_H
#define PRIVACY_PURPOSELIMITATION_H

#include "privacy/Dataflow.h"
#include "privacy/Findings.h"
#include "privacy/Policy.h"
#include "privacy/Purposes.h"

#include "clang/AST/ASTContext.h"

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace privacy {

/// A purpose a function without one of its own runs under, because an
/// annotated function calls it (directly or through others).
struct InheritedPurpose {
  PurposeSource Source;
  const clang::FunctionDecl *Entry = nullptr; // the annotated caller
  std::vector<CallSite> Chain;                // Entry → ... → the function
};

/// Whether \p FD is itself a declared sink or eraser (PRIVACY_TRANSFER,
/// PRIVACY_STORE, PRIVACY_LOG, PRIVACY_ERASE on the function): its body is
/// plumbing, judged by where the data goes, not by its callers' purposes.
bool isDeclaredSink(const clang::FunctionDecl *FD);

/// For every function reached from an annotated function through functions
/// without a purpose of their own: the purposes it inherits, one chain each
/// (the shortest).
std::map<const clang::FunctionDecl *, std::vector<InheritedPurpose>>
inheritedPurposes(const TranslationUnitFlows &Flows);

/// The function whose purposes code in \p DC runs under when it has none of
/// its own: the innermost function that is not a lambda.
const clang::FunctionDecl *purposeCarrier(const clang::DeclContext *DC);

/// One use of one item under one purpose, with the notes that explain it.
struct PurposedUse {
  std::string Item, Purpose;
  clang::SourceLocation Loc;
  /// The function the use executes in (a lambda's call operator for code
  /// in a lambda); null outside functions.
  const clang::FunctionDecl *Function = nullptr;
  DataUse Use;
  /// The expression read, for a direct read (whose data it is); null for
  /// data passed in or returned.
  const clang::Expr *UseExpr = nullptr;
  /// The annotated function the purpose is inherited from; empty when it is
  /// the use's own.
  std::string CalledFrom;
  std::vector<PathNote> Before, After; // notes around the purpose's
};

/// The privacy-purpose-limitation finding for \p U, or none when the policy
/// allows it (or names neither the item nor the purpose).
std::optional<reason::PurposeNotAllowed> judgePurposedUse(const Policy &P,
                                                          const PurposedUse &U);

/// Every use of personal data under a purpose, as privacy-purpose-limitation
/// and privacy-missing-consent judge them: direct reads (under the
/// function's own purposes, or those inherited from its callers), data
/// passed into a function with a purpose of its own and used there, and
/// data returned from one.
void forEachPurposedUse(clang::ASTContext &Ctx,
                        const TranslationUnitFlows *Flows,
                        const std::function<void(const PurposedUse &)> &Each);

} // namespace privacy

#endif // PRIVACY_PURPOSELIMITATION_H
