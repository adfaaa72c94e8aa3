//===- Binds.cpp - calls through std::bind and std::bind_front -----------===//
//
// A value made by std::bind, std::bind_front or std::bind_back calls its
// function with the arguments the bind expression fixed and those the call
// passes, each where the bind expression puts it:
// `std::bind(&send, p.email, _1)(p.rrn)` calls send(p.email, p.rrn). The
// bind expression is found where the value is made: the callee of the call
// itself, or the initialiser of a local variable that is never assigned
// again (docs/limitations.md, "Calls through function values").
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace privacy::dataflow {

using namespace clang;

namespace {

enum class BindKind { Placeholders, Front, Back };

std::optional<BindKind> bindKindOf(const FunctionDecl *Callee) {
  if (!Callee || !Callee->isInStdNamespace() || !Callee->getIdentifier())
    return std::nullopt;
  StringRef Name = Callee->getName();
  if (Name == "bind")
    return BindKind::Placeholders;
  if (Name == "bind_front")
    return BindKind::Front;
  if (Name == "bind_back")
    return BindKind::Back;
  return std::nullopt;
}

/// N-1 for std::placeholders::_N.
std::optional<unsigned> placeholderIndex(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(ignoreNoise(E));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->getIdentifier())
    return std::nullopt;
  const auto *NS = dyn_cast<NamespaceDecl>(VD->getDeclContext());
  if (!NS || !NS->getIdentifier() || NS->getName() != "placeholders" ||
      !NS->getParent()->getRedeclContext()->isStdNamespace())
    return std::nullopt;
  StringRef Name = VD->getName();
  unsigned N = 0;
  if (!Name.consume_front("_") || Name.getAsInteger(10, N) || N == 0)
    return std::nullopt;
  return N - 1;
}

/// Whether \p S assigns \p VD a new value (`f = std::bind(...)`).
bool assignsTo(const Stmt *S, const VarDecl *VD) {
  if (!S)
    return false;
  auto Names = [&](const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(ignoreNoise(E));
    return DRE && DRE->getDecl() == VD;
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->isAssignmentOp() && Names(BO->getLHS()))
    return true;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
      Names(OC->getArg(0)))
    return true;
  for (const Stmt *Child : S->children())
    if (assignsTo(Child, VD))
      return true;
  return false;
}

/// Where each argument of the bound function comes from, for a call
/// passing \p CallArgCount arguments: N >= 0 is the call's argument N, -N
/// the bind expression's argument N (a fixed one). Nullopt when a
/// placeholder names an argument the call does not pass.
std::optional<std::vector<int>> argumentLayout(const CallExpr *Bind,
                                               size_t CallArgCount) {
  std::vector<int> Layout;
  auto Fixed = [&] {
    for (unsigned I = 1; I < Bind->getNumArgs(); ++I)
      Layout.push_back(-static_cast<int>(I));
  };
  auto Passed = [&] {
    for (size_t I = 0; I < CallArgCount; ++I)
      Layout.push_back(static_cast<int>(I));
  };
  switch (*bindKindOf(Bind->getDirectCallee())) {
  case BindKind::Front:
    Fixed();
    Passed();
    break;
  case BindKind::Back:
    Passed();
    Fixed();
    break;
  case BindKind::Placeholders:
    for (unsigned I = 1; I < Bind->getNumArgs(); ++I) {
      std::optional<unsigned> Index = placeholderIndex(Bind->getArg(I));
      if (!Index)
        Layout.push_back(-static_cast<int>(I));
      else if (*Index < CallArgCount)
        Layout.push_back(static_cast<int>(*Index));
      else
        return std::nullopt;
    }
    break;
  }
  return Layout;
}

} // namespace

const CallExpr *FunctionAnalyzer::bindExpressionOf(const Expr *Through) {
  const Expr *E = ignoreNoise(Through);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) ||
        VD->getType()->isReferenceType() || !VD->getInit() ||
        assignsTo(FD->getBody(), VD))
      return nullptr;
    E = ignoreNoise(VD->getInit());
    // `std::function<...> f = std::bind(...)`: its converting constructor.
    if (const auto *CCE = dyn_cast<CXXConstructExpr>(E);
        CCE && CCE->getNumArgs() == 1)
      E = ignoreNoise(CCE->getArg(0));
  }
  const auto *CE = dyn_cast<CallExpr>(E);
  if (!CE || CE->getNumArgs() == 0 || !bindKindOf(CE->getDirectCallee()))
    return nullptr;
  return CE;
}

std::optional<Taint>
FunctionAnalyzer::computeBoundCall(const Expr *Call, const CallExpr *Bind,
                                   llvm::ArrayRef<const Expr *> CallArgs) {
  std::optional<std::vector<int>> Layout =
      argumentLayout(Bind, CallArgs.size());
  if (!Layout)
    return std::nullopt; // not a call this bind expression accepts
  std::vector<const Expr *> Args;
  for (int From : *Layout)
    Args.push_back(From >= 0 ? CallArgs[From] : Bind->getArg(-From));
  Taint CalleeValue = value(Bind->getArg(0));
  Taint Result;
  bool Resolved = false;
  std::set<const FunctionDecl *> Seen;
  ++IndirectDepth;
  for (const auto &[Label, Tr] : CalleeValue.labels())
    Resolved |= runValueTargets(
        Call, Label, Args, Seen,
        [&](const FunctionDecl *Target,
            llvm::ArrayRef<const Expr *> &TargetArgs)
            -> std::optional<const Expr *> {
          if (needsObject(Target)) {
            if (TargetArgs.empty())
              return std::nullopt;
            // `std::bind(&Mailer::send, &m, ...)`
            const Expr *Object = TargetArgs.front();
            TargetArgs = TargetArgs.drop_front();
            return Object;
          }
          // A lambda: the closure bound.
          return isa<CXXMethodDecl>(Target) ? Bind->getArg(0) : nullptr;
        },
        Result);
  --IndirectDepth;
  if (!Resolved) {
    mergeValues(Args, Result); // no target known: what goes in comes out
    Result.merge(CalleeValue);
  }
  return Result;
}

//===----------------------------------------------------------------------===//
// Bind values that travel: copied, assigned, stored in a field or global,
// passed to a function that calls them.
//===----------------------------------------------------------------------===//

std::vector<const TranslationUnitAnalysis::BoundValue *>
TranslationUnitAnalysis::boundValuesOf(const std::string &Label) const {
  std::vector<const BoundValue *> Out;
  auto Add = [&](const std::string &BindLabel) {
    auto It = BoundValues.find(BindLabel);
    if (It != BoundValues.end())
      Out.push_back(&It->second);
  };
  if (taint::isMarkerOf(Label, taint::MarkerKind::Bind)) {
    Add(Label);
  } else if (taint::isMarkerOf(Label, taint::MarkerKind::Slot)) {
    auto Slot = SlotLabels.find(Label);
    if (Slot != SlotLabels.end())
      if (auto It = SlotBinds.find(Slot->second); It != SlotBinds.end())
        for (const std::string &BindLabel : It->second)
          Add(BindLabel);
  }
  return Out;
}

void TranslationUnitAnalysis::addSlotBind(const ValueDecl *Slot,
                                          const std::string &Label) {
  if (!SlotBinds[Slot].insert(Label).second)
    return;
  ++FactsVersion;
  if (SlotsRead.count(Slot))
    SlotsGrewAfterRead = true;
}

void TranslationUnitAnalysis::exportBoundValues() {
  for (const auto &[Label, B] : BoundValues) {
    BoundValueFacts Facts;
    switch (*bindKindOf(B.Bind->getDirectCallee())) {
    case BindKind::Placeholders:
      Facts.Passed = BoundValueFacts::Order::Placeholders;
      break;
    case BindKind::Front:
      Facts.Passed = BoundValueFacts::Order::AfterFixed;
      break;
    case BindKind::Back:
      Facts.Passed = BoundValueFacts::Order::BeforeFixed;
      break;
    }
    for (unsigned I = 1; I < B.Bind->getNumArgs(); ++I) {
      std::optional<unsigned> Index =
          Facts.Passed == BoundValueFacts::Order::Placeholders
              ? placeholderIndex(B.Bind->getArg(I))
              : std::nullopt;
      Facts.Placeholders.push_back(Index);
      Facts.Fixed.push_back(
          Index || I - 1 >= B.FixedHere.size() ? Taint() : B.FixedHere[I - 1]);
    }
    Facts.In = B.In;
    for (const auto &[L, T] : B.Callee.labels())
      for (const FunctionDecl *Target : targetsOf(L))
        Facts.Callees.push_back(Target);
    Facts.Loc = B.Bind->getBeginLoc();
    Out->BoundValues[Label] = std::move(Facts);
  }
  Out->SlotBinds = SlotBinds;
}

/// The value a bind expression makes carries a marker for it; what its
/// fixed arguments carry here is kept with the marker, for a call in
/// another function (a method calling a field set elsewhere).
void FunctionAnalyzer::markBoundValue(const Expr *Call,
                                      const FunctionDecl *Callee,
                                      Taint &Result) {
  const auto *Bind = dyn_cast<CallExpr>(Call);
  if (!Bind || Bind->getNumArgs() == 0 || !bindKindOf(Callee))
    return;
  std::ostringstream Text;
  Text << static_cast<const void *>(Bind);
  std::string Label = markerLabel(taint::MarkerKind::Bind, Text.str());
  TranslationUnitAnalysis::BoundValue &B = TU.BoundValues[Label];
  ++TU.FactsVersion; // what its arguments carry may have grown
  B.Bind = Bind;
  B.In = FD;
  for (const auto &[L, Tr] : value(Bind->getArg(0)).labels())
    if (taint::isMarkerOf(L, taint::MarkerKind::Function) ||
        taint::isMarkerOf(L, taint::MarkerKind::Slot))
      B.Callee.add(L, Tr);
  B.Fixed.resize(Bind->getNumArgs() - 1);
  B.FixedHere.resize(Bind->getNumArgs() - 1);
  B.FixedFields.resize(Bind->getNumArgs() - 1);
  for (unsigned I = 1; I < Bind->getNumArgs(); ++I) {
    for (const auto &[L, Tr] : value(Bind->getArg(I)).labels()) {
      B.FixedHere[I - 1].add(L, Tr);
      if (!isPlaceholder(L))
        B.Fixed[I - 1].add(L, Tr);
    }
    if (placeholderIndex(Bind->getArg(I)))
      continue;
    for (const auto &[Name, T] : argFields(Bind->getArg(I)))
      for (const auto &[L, Tr] : T.labels())
        if (!isPlaceholder(L))
          B.FixedFields[I - 1][Name].add(L, Tr);
  }
  Result.add(Label, nullptr);
}

/// The arguments of \p B's function when its value is called with
/// \p Passed: the fixed ones as the bind expression evaluated them (here,
/// when it is in this function; else what they carried there, without
/// placeholders), the passed ones where its placeholders put them.
std::optional<GivenArgs> FunctionAnalyzer::placeBoundArguments(
    const TranslationUnitAnalysis::BoundValue &B, const GivenArgs &Passed) {
  std::optional<std::vector<int>> Layout =
      argumentLayout(B.Bind, Passed.Args.size());
  if (!Layout)
    return std::nullopt;
  GivenArgs Placed;
  for (int From : *Layout) {
    if (From >= 0) {
      Placed.Args.push_back(Passed.Args[From]);
      Placed.Fields.push_back(static_cast<size_t>(From) < Passed.Fields.size()
                                  ? Passed.Fields[From]
                                  : std::map<std::string, Taint>());
    } else if (B.In == FD) {
      Placed.Args.push_back(value(B.Bind->getArg(-From)));
      Placed.Fields.push_back(argFields(B.Bind->getArg(-From)));
    } else {
      Placed.Args.push_back(B.Fixed[-From - 1]);
      Placed.Fields.push_back(B.FixedFields[-From - 1]);
    }
  }
  return Placed;
}

/// The arguments \p Target is called with from \p Placed: a method takes
/// the first as its object (`std::bind(&U::send, &u, _1)`); nullopt when
/// there is none.
std::optional<GivenArgs> FunctionAnalyzer::givenFor(const FunctionDecl *Target,
                                                    const GivenArgs &Placed) {
  if (!needsObject(Target))
    return Placed;
  if (Placed.Args.empty())
    return std::nullopt;
  GivenArgs Given;
  Given.Object = Placed.Args.front();
  Given.Args.assign(Placed.Args.begin() + 1, Placed.Args.end());
  if (!Placed.Fields.empty()) {
    Given.ObjectFields = Placed.Fields.front();
    Given.Fields.assign(Placed.Fields.begin() + 1, Placed.Fields.end());
  }
  return Given;
}

/// A bound target called with taints, not expressions: its sinks and
/// flows, and what it returns.
Taint FunctionAnalyzer::callWithGiven(const Expr *Call,
                                      const FunctionDecl *Target,
                                      const GivenArgs &Given) {
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  runCallbackTarget(Target, FD, Loc, Call, Given);
  Taint Result;
  const FunctionDecl *Def = TU.definitionOf(Target);
  if (const FunctionSummary *S = Def ? TU.summaryOf(Def) : nullptr)
    return substitute(S->Return, Call, Def, nullptr, {}, nullptr, &Given, Loc);
  for (const Taint &T : Given.Args)
    Result.merge(T); // no summary: what goes in comes out
  return Result;
}

/// A call through a value made by bind expressions (a copy of one, a field
/// or global one was stored in): each runs its function with the arguments
/// it fixed. Returns whether one ran; \p Covered gets the functions they
/// ran, which the call does not run again with its own arguments alone,
/// and \p Fixed what the fixed arguments carry here: the value carries it
/// as data, not as a callback passed in. A method bound with its object
/// runs on what that object carried where the value was made.
bool FunctionAnalyzer::runBoundValues(const Expr *Call,
                                      const Taint &CalleeValue,
                                      llvm::ArrayRef<const Expr *> Args,
                                      std::set<const FunctionDecl *> &Covered,
                                      Taint &Fixed, Taint &Result) {
  bool Ran = false;
  for (const auto &[Label, Tr] : CalleeValue.labels())
    for (const TranslationUnitAnalysis::BoundValue *B :
         TU.boundValuesOf(Label)) {
      if (B->In == FD) {
        std::optional<Taint> Bound = computeBoundCall(Call, B->Bind, Args);
        if (!Bound)
          continue;
        Result.merge(*Bound);
        Ran = true;
        for (unsigned I = 1; I < B->Bind->getNumArgs(); ++I)
          Fixed.merge(value(B->Bind->getArg(I)));
        for (const auto &[L, T] : B->Callee.labels())
          for (const FunctionDecl *Target : TU.targetsOf(L))
            Covered.insert(Target);
        continue;
      }
      GivenArgs Passed;
      for (const Expr *A : Args) {
        Passed.Args.push_back(value(A));
        Passed.Fields.push_back(argFields(A));
      }
      std::optional<GivenArgs> Placed = placeBoundArguments(*B, Passed);
      if (!Placed)
        continue;
      for (const auto &[L, T] : B->Callee.labels())
        for (const FunctionDecl *Target : TU.targetsOf(L)) {
          std::optional<GivenArgs> Given = givenFor(Target, *Placed);
          if (!Given || !Covered.insert(Target).second)
            continue;
          Result.merge(callWithGiven(Call, Target, *Given));
          Ran = true;
        }
    }
  return Ran;
}

/// A callee's call through a callback it was handed (\p Given), where the
/// callback is a bind value: each bound function runs with the fixed
/// arguments and the given ones in their places. \p Covered gets the
/// functions run, \p Fixed what the fixed arguments carry here.
void FunctionAnalyzer::runBoundCallbacks(
    const FunctionDecl *CallsFrom, SourceLocation CallLoc,
    const Expr *OuterCall, const Taint &CalleeValue, const GivenArgs &Given,
    std::set<const FunctionDecl *> &Covered, Taint &Fixed) {
  for (const auto &[Label, Tr] : CalleeValue.labels())
    for (const TranslationUnitAnalysis::BoundValue *B :
         TU.boundValuesOf(Label)) {
      std::optional<GivenArgs> Placed = placeBoundArguments(*B, Given);
      if (!Placed)
        continue;
      if (B->In == FD)
        for (unsigned I = 1; I < B->Bind->getNumArgs(); ++I)
          Fixed.merge(value(B->Bind->getArg(I)));
      for (const auto &[L, T] : B->Callee.labels())
        for (const FunctionDecl *Target : TU.targetsOf(L)) {
          std::optional<GivenArgs> Given = givenFor(Target, *Placed);
          if (!Given || !Covered.insert(Target).second)
            continue;
          runCallbackTarget(Target, CallsFrom, CallLoc, OuterCall, *Given);
        }
    }
}

} // namespace privacy::dataflow
