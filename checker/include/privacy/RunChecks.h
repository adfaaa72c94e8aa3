//===- RunChecks.h - the checks of one translation unit ---------*- C++ -*-===//
//
// The one sequence every front runs: the clang-tidy module (each check its
// own instance), the compiler plugin and privacy-scan's per-TU summaries.
// The fronts find and load the policy and the API catalogs, since each
// reports a broken one its own way, pick the checks to run, and honour
// NOLINT where it is theirs to: clang-tidy does it itself, the plugin in its
// sink, privacy-scan after the join.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_RUNCHECKS_H
#define PRIVACY_RUNCHECKS_H

#include "privacy/Findings.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <bitset>
#include <functional>
#include <memory>

namespace privacy {

class ApiCatalog;
class Classifier;
class ConsentGuards;
class Policy;
struct TranslationUnitFlows;

/// How many checks Checks.def lists.
inline constexpr size_t CheckCount = 0
#define PRIVACY_CHECK(Enum, Name, Summary, Description, DocPage) +1
#include "privacy/Checks.def"
    ;

/// Some of the checks of Checks.def.
class CheckSet {
public:
  static CheckSet all();
  /// The checks \p Wanted says yes to.
  static CheckSet where(llvm::function_ref<bool(CheckKind)> Wanted);
  void insert(CheckKind K) { Bits.set(static_cast<size_t>(K)); }
  bool contains(CheckKind K) const { return Bits.test(static_cast<size_t>(K)); }

private:
  std::bitset<CheckCount> Bits;
};

/// What the checks read of one translation unit. The flows and the consent
/// guards are analysed when a check first asks for them, once.
class CheckContext {
public:
  using FlowsProvider =
      std::function<std::shared_ptr<const TranslationUnitFlows>()>;

  /// \p P is null when no policy could be loaded (the front said why): the
  /// checks that need one then report nothing.
  CheckContext(clang::ASTContext &Ctx, const Policy *P, FlowsProvider Flows,
               std::shared_ptr<const ConsentGuards> Guards = nullptr);

  clang::ASTContext &ast() const { return Ctx; }
  const Policy *policy() const { return P; }
  const TranslationUnitFlows &flows() const;
  const ConsentGuards &guards() const;
  /// What privacy-unannotated-personal-data takes for personal data: the
  /// front's (with the user's classifier files), else the shipped one;
  /// null when the shipped one cannot be loaded (the fronts that load it
  /// say why).
  const Classifier *classifier() const;
  void setClassifier(const Classifier *C) { TheClassifier = C; }

private:
  clang::ASTContext &Ctx;
  const Policy *P;
  const Classifier *TheClassifier = nullptr;
  FlowsProvider ProvideFlows;
  mutable std::shared_ptr<const TranslationUnitFlows> Flows;
  mutable std::shared_ptr<const ConsentGuards> Guards;
};

/// Runs each check of \p Enabled, in the order of Checks.def, into \p Sink.
void runChecks(const CheckContext &C, const CheckSet &Enabled,
               FindingSink &Sink);

/// Same, with the flows analysed here using \p Catalog.
void runChecks(clang::ASTContext &Ctx, const Policy *P,
               const ApiCatalog *Catalog, const CheckSet &Enabled,
               FindingSink &Sink);

// Each check of Checks.def, defined in its own file (lib/analysis/<Enum>.cpp).
#define PRIVACY_CHECK(Enum, Name, Summary, Description, DocPage)               \
  void check##Enum(const CheckContext &C, FindingSink &Sink);
#include "privacy/Checks.def"

} // namespace privacy

#endif // PRIVACY_RUNCHECKS_H
