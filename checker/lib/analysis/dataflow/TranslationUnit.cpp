//===- TranslationUnit.cpp - which functions, in which order --------------===//
//
// Every function with a body outside system headers is analysed once,
// callees first so that their summaries are ready at the call sites; a
// second round runs when functions stored in fields and globals became known
// after a function had read them. The result of the last translation unit is
// kept for the checks that share it.
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <functional>
#include <mutex>

namespace privacy {

using namespace clang;

namespace dataflow {

TranslationUnitAnalysis::TranslationUnitAnalysis(ASTContext &Ctx,
                                                 const ApiCatalog *Catalog,
                                                 FlowOptions Options)
    : Ctx(Ctx), Catalog(Catalog), Options(Options) {
  if (!Catalog)
    return;
  for (const CatalogEntry &E : Catalog->entries())
    FdSources.insert(E.FdFrom.begin(), E.FdFrom.end());
  StatementFunctionNames = statementFunctionNames(*Catalog);
}

const std::vector<const FunctionDecl *> &
TranslationUnitAnalysis::overridersOf(const FunctionDecl *FD) const {
  static const std::vector<const FunctionDecl *> None;
  auto It = Overriders.find(FD ? FD->getCanonicalDecl() : nullptr);
  return It == Overriders.end() ? None : It->second;
}

ExternalCall &TranslationUnitAnalysis::addExternalCall(ExternalCall EC) {
  auto Key = std::make_tuple(EC.Caller, EC.Callee, EC.Loc.getRawEncoding(),
                             EC.Internal);
  auto [It, New] = ExternalIndex.try_emplace(Key, Out->ExternalCalls.size());
  if (New) {
    Out->ExternalCalls.push_back(std::move(EC));
    return Out->ExternalCalls.back();
  }
  ExternalCall &Old = Out->ExternalCalls[It->second];
  mergeArguments(Old.Args, Old.ArgFields, EC.Args, EC.ArgFields);
  Old.Object.merge(EC.Object);
  for (auto &[Name, T] : EC.ObjectFields)
    Old.ObjectFields[Name].merge(T);
  Old.Fallback.merge(EC.Fallback);
  Old.FieldsExact = Old.FieldsExact && EC.FieldsExact;
  if (Old.ReturnLabel.empty())
    Old.ReturnLabel = EC.ReturnLabel;
  if (Old.ThrowLabel.empty())
    Old.ThrowLabel = EC.ThrowLabel;
  if (Old.WriteLabels.empty())
    Old.WriteLabels = std::move(EC.WriteLabels);
  return Old;
}

std::string TranslationUnitAnalysis::returnLabel(const Expr *Call) {
  auto [It, New] = ReturnIds.try_emplace(Call, NextReturnId);
  NextReturnId += New;
  return privacy::returnLabel(It->second);
}

std::string TranslationUnitAnalysis::throwLabel(const Expr *Call) {
  auto [It, New] = ThrowIds.try_emplace(Call, NextReturnId);
  NextReturnId += New;
  return privacy::returnLabel(It->second);
}

std::string TranslationUnitAnalysis::writeLabel(const Expr *Call, int Arg) {
  auto [It, New] = WriteIds.try_emplace({Call, Arg}, NextReturnId);
  NextReturnId += New;
  return privacy::returnLabel(It->second);
}

const FunctionSummary *
TranslationUnitAnalysis::summaryOf(const FunctionDecl *FD) const {
  auto It = Out->Summaries.find(FD);
  return It != Out->Summaries.end() && It->second.Ready ? &It->second : nullptr;
}

bool TranslationUnitAnalysis::hasBody(const FunctionDecl *FD) const {
  return FD && Analysable.count(FD->getCanonicalDecl());
}

const FunctionDecl *
TranslationUnitAnalysis::definitionOf(const FunctionDecl *FD) const {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = FD->getDefinition();
  return Def && Analysable.count(Def->getCanonicalDecl()) ? Def : nullptr;
}

std::string TranslationUnitAnalysis::captureLabel(const VarDecl *V) {
  std::ostringstream Id;
  Id << static_cast<const void *>(V);
  std::string Label = privacy::captureLabel(V->getName().str(), Id.str());
  CapturedVars[Label] = V;
  return Label;
}

namespace {

class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(const SourceManager &SM) : SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    add(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    add(LE->getCallOperator());
    // A generic lambda's body is a template: what runs is the instance a
    // call resolves to, one per set of argument types used. Only those
    // that some call instantiated exist.
    if (const FunctionTemplateDecl *Generic = LE->getDependentCallOperator())
      for (const FunctionDecl *Instance : Generic->specializations())
        add(Instance);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasGlobalStorage() && VD->getInit() && !VD->isTemplated() &&
        !VD->isInvalidDecl())
      Globals.push_back(VD);
    return true;
  }

  std::vector<const FunctionDecl *> Functions;
  /// Variables with static storage and an initialiser (function tables).
  std::vector<const VarDecl *> Globals;

private:
  void add(const FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
        FD->isInvalidDecl() || !Seen.insert(FD).second)
      return;
    Functions.push_back(FD);
  }
  const SourceManager &SM;
  llvm::DenseSet<const FunctionDecl *> Seen;
};

class CalleeCollector : public RecursiveASTVisitor<CalleeCollector> {
public:
  bool shouldVisitLambdaBody() const { return false; }
  // Functions named as values (callbacks) and fields or globals read: their
  // targets should be summarised before the calls through them.
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl()))
      add(Fn);
    else
      Values.push_back(DRE->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    Values.push_back(ME->getMemberDecl());
    return true;
  }
  std::vector<const ValueDecl *> Values;
  bool VisitCallExpr(CallExpr *CE) {
    add(CE->getDirectCallee());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    add(CE->getConstructor());
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    add(LE->getCallOperator());
    if (const FunctionTemplateDecl *Generic = LE->getDependentCallOperator())
      for (const FunctionDecl *Instance : Generic->specializations())
        add(Instance); // run through a function value: any instance
    return true;
  }
  std::vector<const FunctionDecl *> Callees;

private:
  void add(const FunctionDecl *FD) {
    if (FD)
      Callees.push_back(FD);
  }
};

} // namespace

std::shared_ptr<TranslationUnitFlows> TranslationUnitAnalysis::run() {
  FunctionCollector Collector(Ctx.getSourceManager());
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  registerFunctions(Collector.Functions);
  seedSlotsFromInitialisers(Collector.Globals);
  for (const auto &[Slot, Targets] : functionsStoredInSlots(
           Collector.Functions, Collector.Globals, Ctx.getSourceManager(),
           [&](const ValueDecl *D) { return isSlot(D); }))
    for (const FunctionDecl *Target : Targets)
      seedSlotTarget(Slot, Target);
  FunctionMap Calls;
  ReadMap Reads;
  collectCallsAndReads(Collector.Functions, Calls, Reads);

  // Functions stored in fields and globals become known as the functions
  // storing them are analysed; a function that read such a slot before it
  // was filled is analysed again, once, with everything known.
  for (int Round = 0; Round < MaxSlotRounds; ++Round) {
    analyseInOrder(analysisOrder(Collector.Functions, Calls, Reads));
    if (!SlotsGrewAfterRead)
      break;
  }
  if (SlotsGrewAfterRead)
    noteLimit(AnalysisLimit::SlotRounds, nullptr, SourceLocation());
  Out->FunctionValues = FunctionLabels;
  Out->Slots = SlotLabels;
  Out->SlotTargets = SlotTargets;
  exportBoundValues();
  exportCatalogValueSinks();
  exportValueReturns();
  return Out;
}

/// The functions with a body, and the virtual methods each overrides.
void TranslationUnitAnalysis::registerFunctions(
    const std::vector<const FunctionDecl *> &Functions) {
  for (const FunctionDecl *FD : Functions) {
    Analysable.insert(FD->getCanonicalDecl());
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!MD)
      continue;
    forEachOverridden(
        MD, [&](const CXXMethodDecl *Base) { Overriders[Base].push_back(FD); });
  }
}

/// What each function calls and reads, for the order of analysis.
void TranslationUnitAnalysis::collectCallsAndReads(
    const std::vector<const FunctionDecl *> &Functions, FunctionMap &Calls,
    ReadMap &Reads) {
  for (const FunctionDecl *FD : Functions) {
    CalleeCollector CC;
    CC.TraverseStmt(FD->getBody());
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        CC.TraverseStmt(Init->getInit());
    // The constructors std::make_unique and emplace_back run (Objects.cpp).
    for (size_t I = 0, N = CC.Callees.size(); I < N; ++I)
      if (const CXXConstructorDecl *Ctor = constructorBuiltBy(CC.Callees[I]))
        CC.Callees.push_back(Ctor);
    Calls[FD] = std::move(CC.Callees);
    std::vector<const ValueDecl *> &R = Reads[FD];
    for (const ValueDecl *V : CC.Values)
      if (isSlot(V))
        R.push_back(V);
  }
}

/// Callees first, so their summaries are ready at the call sites; the
/// targets of the slots a function reads count as its callees.
std::vector<const FunctionDecl *> TranslationUnitAnalysis::analysisOrder(
    const std::vector<const FunctionDecl *> &Functions, FunctionMap &Calls,
    ReadMap &Reads) {
  FunctionMap Edges;
  for (const FunctionDecl *FD : Functions) {
    for (const FunctionDecl *Callee : Calls[FD]) {
      if (const FunctionDecl *Def = definitionOf(Callee))
        Edges[FD].push_back(Def);
      for (const FunctionDecl *Override : overridersOf(Callee))
        Edges[FD].push_back(Override);
    }
    for (const ValueDecl *V : Reads[FD]) {
      auto It = SlotTargets.find(V);
      if (It != SlotTargets.end())
        for (const FunctionDecl *Target : It->second)
          if (const FunctionDecl *Def = definitionOf(Target))
            Edges[FD].push_back(Def);
    }
  }
  std::vector<const FunctionDecl *> Order;
  std::set<const FunctionDecl *> Done, OnStack;
  std::function<void(const FunctionDecl *)> Visit =
      [&](const FunctionDecl *FD) {
        if (Done.count(FD) || OnStack.count(FD))
          return;
        OnStack.insert(FD);
        for (const FunctionDecl *Callee : Edges[FD])
          Visit(Callee);
        OnStack.erase(FD);
        Done.insert(FD);
        Order.push_back(FD);
      };
  for (const FunctionDecl *FD : Functions)
    Visit(FD);
  return Order;
}

/// One round: every function analysed afresh, in \p Order.
void TranslationUnitAnalysis::analyseInOrder(
    const std::vector<const FunctionDecl *> &Order) {
  Out = std::make_shared<TranslationUnitFlows>();
  FindingKeys.clear();
  CrossingKeys.clear();
  ExternalIndex.clear();
  ReturnOwners.clear();
  SlotsRead.clear();
  SlotsGrewAfterRead = false;
  LimitKeys.clear();
  for (const FunctionDecl *FD : Order)
    FunctionAnalyzer(*this, FD).run();
}

} // namespace dataflow

std::shared_ptr<const TranslationUnitFlows>
analyzeFlows(ASTContext &Ctx, const ApiCatalog *Catalog, FlowOptions Options) {
  return dataflow::TranslationUnitAnalysis(Ctx, Catalog, Options).run();
}

namespace {
struct FlowsCache {
  std::mutex Mutex;
  const ASTContext *Ctx = nullptr;
  const ApiCatalog *Catalog = nullptr;
  std::shared_ptr<const TranslationUnitFlows> Flows;
};
FlowsCache &flowsCache() {
  static FlowsCache Cache;
  return Cache;
}
} // namespace

std::shared_ptr<const TranslationUnitFlows>
analyzeFlowsCached(ASTContext &Ctx, const ApiCatalog *Catalog) {
  FlowsCache &C = flowsCache();
  std::lock_guard<std::mutex> Lock(C.Mutex);
  if (C.Flows && C.Ctx == &Ctx && C.Catalog == Catalog)
    return C.Flows;
  C.Flows = analyzeFlows(Ctx, Catalog);
  C.Ctx = &Ctx;
  C.Catalog = Catalog;
  return C.Flows;
}

void clearFlowsCache() {
  FlowsCache &C = flowsCache();
  std::lock_guard<std::mutex> Lock(C.Mutex);
  C.Flows.reset();
  C.Ctx = nullptr;
  C.Catalog = nullptr;
}

} // namespace privacy
