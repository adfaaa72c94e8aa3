//===- Limits.cpp - the bounds of the analysis the engine reached ---------===//
//
// Each bound of privacy/AnalysisLimits.h that loses precision is recorded
// where it is hit, once per limit and function, so that privacy-scan and
// the plugin can say a file's result may miss something
// (docs/limitations.md, "Bounds of the analysis").
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "clang/AST/DeclCXX.h"

namespace privacy {

using namespace clang;

namespace {

struct LimitText {
  std::string Reached;     // what happened, before "in 'function'"
  std::string Consequence; // what the analysis did about it
  std::string Anchor;      // the section of docs/limitations.md
};

LimitText textOf(AnalysisLimit L) {
  auto N = [](auto Bound) { return std::to_string(Bound); };
  switch (L) {
  case AnalysisLimit::FixpointRounds:
    return {"no fixpoint after " + N(MaxFixpointRounds) + " rounds",
            "what its loops carry may be incomplete", "maxfixpointrounds"};
  case AnalysisLimit::SlotRounds:
    return {"functions stored in fields and globals still changed after " +
                N(MaxSlotRounds) + " rounds",
            "calls through them may miss targets", "maxslotrounds"};
  case AnalysisLimit::PlaceholderLabels:
    return {"a value reached " + N(MaxPlaceholderLabels) + " placeholders",
            "further ones folded", "maxplaceholderlabels"};
  case AnalysisLimit::PlaceholderFields:
    return {
        "a placeholder named more than " + N(MaxPlaceholderFields) + " fields",
        "deeper fields folded into the enclosing one", "maxplaceholderfields"};
  case AnalysisLimit::CallbackHops:
    return {"a callback was passed on through more than " + N(MaxCallbackHops) +
                " callers",
            "not followed further", "maxcallbackhops"};
  case AnalysisLimit::IndirectCalls:
    return {"more than " + N(MaxIndirectCalls) +
                " calls through function values",
            "further ones left out of the summary", "maxindirectcalls"};
  case AnalysisLimit::IndirectCallNesting:
    return {"calls through function values nested more than " +
                N(MaxIndirectCallNesting) + " deep",
            "deeper ones treated as unknown code", "maxindirectcallnesting"};
  case AnalysisLimit::RecordNesting:
    return {"annotated fields nested more than " + N(MaxRecordNesting) +
                " structs deep",
            "not read as sources", "maxrecordnesting"};
  }
  return {"a bound of the analysis was reached", "", "bounds-of-the-analysis"};
}

/// 'ns::f', or for a lambda the function it is written in.
std::string functionName(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || !MD->getParent()->isLambda())
    return "'" + FD->getQualifiedNameAsString() + "'";
  for (const DeclContext *DC = MD->getParent()->getParent(); DC;
       DC = DC->getParent())
    if (const auto *Outer = dyn_cast<FunctionDecl>(DC))
      return "a lambda in " + functionName(Outer);
  return "a lambda";
}

} // namespace

std::vector<std::string> describeLimitsHit(const std::vector<LimitHit> &Hits) {
  // Per limit, in the order of the enumeration: the first function that hit
  // it, and how many others did.
  std::map<AnalysisLimit, std::vector<const FunctionDecl *>> ByLimit;
  for (const LimitHit &H : Hits)
    ByLimit[H.Limit].push_back(H.Function);
  std::vector<std::string> Lines;
  for (const auto &[Limit, Functions] : ByLimit) {
    LimitText T = textOf(Limit);
    std::string Line = T.Reached;
    if (const FunctionDecl *First = Functions.front()) {
      Line += " in " + functionName(First);
      if (size_t Others = Functions.size() - 1)
        Line += " (and " + std::to_string(Others) + " other function" +
                (Others == 1 ? "" : "s") + ")";
    }
    if (!T.Consequence.empty())
      Line += ": " + T.Consequence;
    Lines.push_back(Line + " (docs/limitations.md#" + T.Anchor + ")");
  }
  return Lines;
}

namespace dataflow {

void TranslationUnitAnalysis::noteLimit(AnalysisLimit Limit,
                                        const FunctionDecl *FD,
                                        SourceLocation Loc) {
  if (LimitKeys.insert({Limit, FD}).second)
    Out->LimitsHit.push_back({Limit, FD, Loc});
}

void FunctionAnalyzer::noteLimit(AnalysisLimit Limit, SourceLocation Loc) {
  unsigned Bit = 1u << static_cast<unsigned>(Limit);
  if (NotedLimits & Bit)
    return;
  NotedLimits |= Bit;
  TU.noteLimit(Limit, FD,
               SM.getFileLoc(Loc.isValid() ? Loc : FD->getLocation()));
}

void FunctionAnalyzer::checkPlaceholderCount(const Taint &T,
                                             SourceLocation Loc) {
  // Taint folds further placeholders once a value holds this many.
  if (T.size() < MaxPlaceholderLabels ||
      (NotedLimits &
       (1u << static_cast<unsigned>(AnalysisLimit::PlaceholderLabels))))
    return;
  size_t Placeholders = 0;
  for (const auto &Entry : T.labels())
    Placeholders += isPlaceholder(Entry.first);
  if (Placeholders >= MaxPlaceholderLabels)
    noteLimit(AnalysisLimit::PlaceholderLabels, Loc);
}

void FunctionAnalyzer::checkPlaceholderFields(const std::string &Label,
                                              SourceLocation Loc) {
  // Taint folds a placeholder naming more fields than this.
  if (NotedLimits &
      (1u << static_cast<unsigned>(AnalysisLimit::PlaceholderFields)))
    return;
  if (taint::fieldCount(Label) > MaxPlaceholderFields)
    noteLimit(AnalysisLimit::PlaceholderFields, Loc);
}

} // namespace dataflow
} // namespace privacy
