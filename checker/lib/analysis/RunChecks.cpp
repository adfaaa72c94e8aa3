//===- RunChecks.cpp - the checks of one translation unit -----------------===//
#include "privacy/RunChecks.h"
#include "privacy/Classifier.h"
#include "privacy/ConsentGuards.h"
#include "privacy/Dataflow.h"
#include "privacy/Messages.h"

#include "clang/Basic/SourceManager.h"

#include <set>
#include <tuple>

namespace privacy {

CheckSet CheckSet::all() {
  CheckSet S;
  S.Bits.set();
  return S;
}

CheckSet CheckSet::where(llvm::function_ref<bool(CheckKind)> Wanted) {
  CheckSet S;
#define PRIVACY_CHECK(Enum, Name, Summary, Description, DocPage)               \
  if (Wanted(CheckKind::Enum))                                                 \
    S.insert(CheckKind::Enum);
#include "privacy/Checks.def"
  return S;
}

CheckContext::CheckContext(clang::ASTContext &Ctx, const Policy *P,
                           FlowsProvider Flows,
                           std::shared_ptr<const ConsentGuards> Guards)
    : Ctx(Ctx), P(P), ProvideFlows(std::move(Flows)),
      Guards(std::move(Guards)) {}

const TranslationUnitFlows &CheckContext::flows() const {
  if (!Flows)
    Flows = ProvideFlows();
  return *Flows;
}

const Classifier *CheckContext::classifier() const {
  if (TheClassifier)
    return TheClassifier;
  std::shared_ptr<const ClassifierLoadResult> Shipped =
      loadClassifiersCached(defaultClassifierDir(), {});
  return Shipped->ok() ? Shipped->Loaded.get() : nullptr;
}

const ConsentGuards &CheckContext::guards() const {
  if (!Guards)
    Guards = analyzeConsentGuards(Ctx, flows());
  return *Guards;
}

namespace {
/// Passes on the first of the findings that say the same thing on the same
/// line: `qWarning() << a << b` with both carrying an item is two sinks on
/// one line, and one finding for the reader (docs/limitations.md, "What is
/// reported once").
class OncePerLine : public FindingSink {
public:
  OncePerLine(const clang::SourceManager &SM, FindingSink &Next)
      : SM(SM), Next(Next) {}
  void report(const FindingFacts &F) override {
    std::tuple<CheckKind, unsigned, unsigned, std::string> Key{
        F.Check, SM.getFileID(F.Loc).getHashValue(),
        SM.getSpellingLineNumber(F.Loc), findingMessage(F.Reason)};
    if (Seen.insert(std::move(Key)).second)
      Next.report(F);
  }

private:
  const clang::SourceManager &SM;
  FindingSink &Next;
  std::set<std::tuple<CheckKind, unsigned, unsigned, std::string>> Seen;
};
} // namespace

void runChecks(const CheckContext &C, const CheckSet &Enabled,
               FindingSink &Sink) {
  OncePerLine Once(C.ast().getSourceManager(), Sink);
#define PRIVACY_CHECK(Enum, Name, Summary, Description, DocPage)               \
  if (Enabled.contains(CheckKind::Enum))                                       \
    check##Enum(C, Once);
#include "privacy/Checks.def"
}

void runChecks(clang::ASTContext &Ctx, const Policy *P,
               const ApiCatalog *Catalog, const CheckSet &Enabled,
               FindingSink &Sink) {
  CheckContext C(Ctx, P,
                 [&Ctx, Catalog] { return analyzeFlows(Ctx, Catalog); });
  runChecks(C, Enabled, Sink);
}

} // namespace privacy
