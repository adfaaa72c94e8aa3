//===- FunctionValues.cpp - calls through function values -----------------===//
//
// A value may carry "#fn:" labels for the functions it may point to, and
// "#slot:" labels for the field or global it was read from; a call through
// it runs every target known. A callback that is a parameter of the
// function ("$p1") is recorded in the summary and run where the function is
// called. docs/limitations.md, "Calls through function values".
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace privacy {

using namespace clang;

bool mayHoldFunction(QualType T) {
  for (int Depth = 0; Depth < MaxFunctionTypeNesting && !T.isNull(); ++Depth) {
    T = T.getNonReferenceType().getCanonicalType();
    if (T->isFunctionPointerType() || T->isMemberFunctionPointerType() ||
        T->isFunctionType() || T->isBlockPointerType())
      return true;
    if (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr())) {
      T = AT->getElementType();
      continue;
    }
    if (T->isPointerType()) {
      T = T->getPointeeType(); // a table of handlers: `handler_fn *table`
      continue;
    }
    const auto *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return false;
    if (RD->isLambda())
      return true;
    // std::function, std::move_only_function, boost::function,
    // llvm::function_ref, and the like.
    if (RD->getIdentifier() && RD->getName().contains_insensitive("function"))
      return true;
    // Containers of them: std::vector<std::function<...>>,
    // std::map<std::string, handler_fn>.
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type &&
            mayHoldFunction(Arg.getAsType()))
          return true;
    return false;
  }
  return false;
}

namespace dataflow {

//===----------------------------------------------------------------------===//
// Labels for functions and slots (TranslationUnitAnalysis).
//===----------------------------------------------------------------------===//

const std::string &TranslationUnitAnalysis::fnLabel(const FunctionDecl *FD) {
  FD = FD->getCanonicalDecl();
  auto It = LabelOfFunction.find(FD);
  if (It != LabelOfFunction.end())
    return It->second;
  std::ostringstream S;
  S << static_cast<const void *>(FD);
  std::string Label = markerLabel(taint::MarkerKind::Function, S.str());
  FunctionLabels[Label] = FD;
  return LabelOfFunction[FD] = Label;
}

const FunctionDecl *
TranslationUnitAnalysis::functionOf(const std::string &Label) const {
  auto It = FunctionLabels.find(Label);
  return It == FunctionLabels.end() ? nullptr : It->second;
}

std::vector<const FunctionDecl *>
TranslationUnitAnalysis::targetsOf(const std::string &Label) const {
  if (const FunctionDecl *Fn = functionOf(Label)) {
    // A generic lambda (or a function template) as a value runs the
    // instances that were instantiated: a call through a function value
    // does not say which.
    if (const FunctionTemplateDecl *Generic =
            Fn->getDescribedFunctionTemplate()) {
      std::vector<const FunctionDecl *> Instances;
      for (const FunctionDecl *Instance : Generic->specializations())
        if (hasBody(Instance))
          Instances.push_back(Instance);
      return Instances;
    }
    return {Fn};
  }
  auto Slot = SlotLabels.find(Label);
  if (Slot == SlotLabels.end())
    return {};
  auto It = SlotTargets.find(Slot->second);
  if (It == SlotTargets.end())
    return {};
  return {It->second.begin(), It->second.end()};
}

std::string
TranslationUnitAnalysis::callbackResultLabel(const FunctionDecl *Owner,
                                             size_t Index) {
  auto [It, New] = CallbackResultIds.try_emplace(
      {Owner, Index}, static_cast<unsigned>(Out->CallbackResults.size()));
  if (New)
    Out->CallbackResults.push_back({Owner, Index});
  return privacy::callbackResultLabel(It->second);
}

bool TranslationUnitAnalysis::isSlot(const ValueDecl *D) {
  if (!D)
    return false;
  if (const auto *VD = dyn_cast<VarDecl>(D); VD && !VD->hasGlobalStorage())
    return false;
  auto [It, New] = SlotTypes.try_emplace(D, false);
  if (New)
    It->second = mayHoldFunction(D->getType());
  return It->second;
}

const std::string &TranslationUnitAnalysis::slotLabel(const ValueDecl *D) {
  auto It = LabelOfSlot.find(D);
  if (It != LabelOfSlot.end())
    return It->second;
  std::ostringstream S;
  S << D->getName().str() << "@" << static_cast<const void *>(D);
  std::string Label = markerLabel(taint::MarkerKind::Slot, S.str());
  SlotLabels[Label] = D;
  return LabelOfSlot[D] = Label;
}

void TranslationUnitAnalysis::addSlotTarget(const ValueDecl *Slot,
                                            const FunctionDecl *Target) {
  if (!SlotTargets[Slot].insert(Target->getCanonicalDecl()).second)
    return;
  ++FactsVersion;
  if (SlotsRead.count(Slot))
    SlotsGrewAfterRead = true;
}

/// A target known before the first round: no function has read the slot.
void TranslationUnitAnalysis::seedSlotTarget(const ValueDecl *Slot,
                                             const FunctionDecl *Target) {
  fnLabel(Target);
  SlotTargets[Slot].insert(Target->getCanonicalDecl());
}

void forEachInitialised(
    const InitListExpr *ILE,
    llvm::function_ref<void(const Expr *, const FieldDecl *)> Each) {
  if (ILE->isSyntacticForm() && ILE->getSemanticForm())
    ILE = ILE->getSemanticForm();
  const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
  if (RD && (RD = RD->getDefinition()) && !ILE->getType()->isArrayType()) {
    unsigned Index = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (Index >= ILE->getNumInits())
        break;
      Each(ILE->getInit(Index++), F);
    }
    return;
  }
  for (const Expr *E : ILE->inits())
    Each(E, nullptr);
}

/// Functions in the initialisers of globals: `static const struct ops
/// http_ops = { .send = http_send };`, `handler_fn table[] = { a, b };`.
void TranslationUnitAnalysis::seedSlot(const Expr *Init,
                                       const ValueDecl *Slot) {
  if (!Init)
    return;
  Init = ignoreNoise(Init);
  if (const auto *ILE = dyn_cast<InitListExpr>(Init)) {
    forEachInitialised(ILE, [&](const Expr *E, const FieldDecl *F) {
      seedSlot(E, F ? F : Slot); // a field, or an element of an array
    });
    return;
  }
  if (!isSlot(Slot))
    return;
  // Every function named in the initialiser, except those called there.
  struct Finder : RecursiveASTVisitor<Finder> {
    std::vector<const FunctionDecl *> Found;
    bool shouldVisitLambdaBody() const { return false; }
    bool TraverseCallExpr(CallExpr *CE) {
      for (Expr *A : CE->arguments())
        TraverseStmt(A);
      return true;
    }
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl()))
        Found.push_back(Fn);
      return true;
    }
    bool VisitLambdaExpr(LambdaExpr *LE) {
      Found.push_back(LE->getCallOperator());
      return true;
    }
  } F;
  F.TraverseStmt(const_cast<Expr *>(Init));
  for (const FunctionDecl *Fn : F.Found)
    seedSlotTarget(Slot, Fn);
}

void TranslationUnitAnalysis::seedSlotsFromInitialisers(
    const std::vector<const VarDecl *> &Globals) {
  for (const VarDecl *VD : Globals)
    seedSlot(VD->getInit(), VD);
}

//===----------------------------------------------------------------------===//
// Calls through function values (FunctionAnalyzer).
//===----------------------------------------------------------------------===//

/// A method that needs an object besides the function value
/// (`&Mailer::send`).
bool needsObject(const FunctionDecl *Target) {
  const auto *MD = dyn_cast<CXXMethodDecl>(Target);
  return MD && MD->isInstance() && !MD->getParent()->isLambda();
}

bool FunctionAnalyzer::runValueTargets(const Expr *Call,
                                       const std::string &Label,
                                       llvm::ArrayRef<const Expr *> Args,
                                       std::set<const FunctionDecl *> &Seen,
                                       ObjectOfTarget ObjectOf, Taint &Result) {
  bool Ran = false;
  for (const FunctionDecl *Target : TU.targetsOf(Label)) {
    if (!Seen.insert(Target).second)
      continue;
    llvm::ArrayRef<const Expr *> TargetArgs = Args;
    std::optional<const Expr *> Object = ObjectOf(Target, TargetArgs);
    if (!Object)
      continue;
    Result.merge(computeCall(Call, Target, *Object, TargetArgs));
    Ran = true;
  }
  return Ran;
}

/// The object a pointer to a member function is called on: the left of
/// `(u.*fn)(x)` or `(p->*fn)(x)`; the first argument when the call passes
/// one more argument than the method takes (`std::invoke(fn, u, x)`,
/// `std::function<void(U &, T)>`, `std::mem_fn`), then dropped from
/// \p Args; else the function value itself, which carries the object it
/// was bound to (`std::bind(&U::send, &u, _1)`): what the method reads of
/// its object is then all the value holds (docs/limitations.md).
const Expr *
FunctionAnalyzer::objectOfMemberCall(const Expr *Call, const Expr *Through,
                                     const FunctionDecl *Target,
                                     llvm::ArrayRef<const Expr *> &Args) {
  if (const auto *BO = dyn_cast<BinaryOperator>(ignoreNoise(Through));
      BO && BO->isPtrMemOp())
    return BO->getLHS();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    if (const auto *BO =
            dyn_cast<BinaryOperator>(MC->getCallee()->IgnoreParens());
        BO && BO->isPtrMemOp())
      return BO->getLHS();
  if (!Args.empty() && Args.size() == Target->getNumParams() + 1) {
    const Expr *Object = Args.front();
    Args = Args.drop_front();
    return Object;
  }
  return Through;
}

std::optional<size_t>
FunctionAnalyzer::recordIndirectCall(const std::string &Callee,
                                     const FunctionDecl *In, SourceLocation Loc,
                                     GivenArgs Args, unsigned Hops) {
  if (Hops > MaxCallbackHops) {
    noteLimit(AnalysisLimit::CallbackHops, Loc);
    return std::nullopt;
  }
  // A slot other files fill can bring their functions back here; a
  // callback parameter is resolved by the callers, in this file or not.
  if (!isPlaceholder(Callee))
    Summary.ReachesOtherFiles = true;
  auto Key = std::make_pair(Loc.getRawEncoding(), Callee);
  auto It = IndirectIndex.find(Key);
  if (It == IndirectIndex.end()) {
    if (Summary.IndirectCalls.size() >= MaxIndirectCalls) {
      noteLimit(AnalysisLimit::IndirectCalls, Loc);
      return std::nullopt;
    }
    IndirectIndex[Key] = Summary.IndirectCalls.size();
    Summary.IndirectCalls.push_back(
        {Callee, In, Loc, std::move(Args.Args), std::move(Args.Fields), Hops});
    return Summary.IndirectCalls.size() - 1;
  }
  // Later rounds of the fixpoint see more.
  IndirectCall &Old = Summary.IndirectCalls[It->second];
  mergeArguments(Old.Args, Old.ArgFields, Args.Args, Args.Fields);
  return It->second;
}

/// The call sites and the labels the arguments carry: what a target does
/// with the same labels at the same call was recorded already.
static std::string callbackSignature(SourceLocation CallLoc,
                                     SourceLocation OuterLoc,
                                     const GivenArgs &Given) {
  std::string Signature = std::to_string(CallLoc.getRawEncoding()) + "|" +
                          std::to_string(OuterLoc.getRawEncoding());
  for (const Taint &T : Given.Args) {
    Signature += "|";
    for (const auto &[L, Tr] : T.labels())
      Signature += L + ",";
  }
  for (const auto &Fields : Given.Fields)
    for (const auto &[Name, T] : Fields) {
      Signature += "|" + Name + ":";
      for (const auto &[L, Tr] : T.labels())
        Signature += L + ",";
    }
  return Signature;
}

void FunctionAnalyzer::runCallbackTargets(const FunctionDecl *CallsFrom,
                                          SourceLocation CallLoc,
                                          const Expr *OuterCall,
                                          const Taint &CalleeValue,
                                          const GivenArgs &Given,
                                          unsigned Hops) {
  // Flows and calls are sets: callbacks that run callbacks, as parsers'
  // state machines do, would otherwise multiply at every level.
  std::string Signature =
      callbackSignature(CallLoc, SM.getFileLoc(OuterCall->getExprLoc()), Given);
  std::set<const FunctionDecl *> Covered;
  Taint BoundData; // what bind values fixed: data, not callbacks
  runBoundCallbacks(CallsFrom, CallLoc, OuterCall, CalleeValue, Given, Covered,
                    BoundData);
  for (const auto &[Label, Tr] : CalleeValue.labels()) {
    if (BoundData.has(Label))
      continue;
    if (isPlaceholder(Label) && !isCapturePlaceholder(Label)) {
      // Passed in by our own caller: resolved where we are called.
      recordIndirectCall(Label, CallsFrom, CallLoc, Given, Hops + 1);
      continue;
    }
    for (const FunctionDecl *Target : TU.targetsOf(Label)) {
      if (needsObject(Target) || Covered.count(Target) ||
          !CallbacksApplied.insert(Signature + "|" + TU.fnLabel(Target)).second)
        continue;
      ++TU.FactsVersion; // a later visit of this call does not run it again
      runCallbackTarget(Target, CallsFrom, CallLoc, OuterCall, Given);
    }
  }
}

/// One target of a callback a callee runs, called with \p Given.
void FunctionAnalyzer::runCallbackTarget(const FunctionDecl *Target,
                                         const FunctionDecl *CallsFrom,
                                         SourceLocation CallLoc,
                                         const Expr *OuterCall,
                                         const GivenArgs &Given) {
  TU.Out->Calls.push_back({CallsFrom, Target, CallLoc});
  bool FunctionLevelSink = false;
  const FunctionDecl *Def = TU.definitionOf(Target);
  const FunctionSummary *S = Def ? TU.summaryOf(Def) : nullptr;
  // As at a direct call, a body seen keeps only some of the arguments
  // (recordDeclaredSinks).
  const FunctionSummary *Body = S && TU.hasBody(Def) ? S : nullptr;
  std::optional<std::set<unsigned>> Kept; // of Body, once a sink needs it
  std::vector<SinkAnnotation> Sinks = sinkAnnotationsOf(Target, SM);
  for (SinkAnnotation &A : Sinks) {
    A.Site.Loc = CallLoc;
    Taint In;
    if (A.Param < 0) {
      FunctionLevelSink = true;
      if (Body && !Kept)
        Kept = keptParams(*Body);
      for (size_t I = 0; I < Given.Args.size(); ++I)
        if (A.takes(I) && (!Kept || Kept->count(I)))
          In.merge(Given.Args[I]);
    } else if (static_cast<size_t>(A.Param) < Given.Args.size()) {
      In = Given.Args[A.Param];
    }
    recordFlow(A.Site, In);
  }
  if (!S && !TU.hasBody(Target) && Sinks.empty())
    applyCatalogSinksTo(Target, CallLoc, Given); // `each(&puts, text)`
  if (!S) {
    if (!TU.hasBody(Target) && Sinks.empty() &&
        !SM.isInSystemHeader(Target->getLocation())) {
      // Defined in another file: privacy-scan applies its summary.
      ExternalCall EC;
      EC.Caller = FD;
      EC.Callee = Target;
      EC.Loc = SM.getFileLoc(OuterCall->getExprLoc());
      EC.Args = Given.Args;
      EC.ArgFields = Given.Fields;
      if (Given.Object)
        EC.Object = *Given.Object;
      TU.addExternalCall(std::move(EC));
      Summary.ReachesOtherFiles = true;
    }
    return;
  }
  for (const SinkFlow &F : S->Flows) {
    if (F.Site.Kind == SinkKind::Purpose) {
      if (OwnPurpose &&
          SM.getFileLoc(OwnPurpose->From.Loc) == F.Site.DeclaredAt)
        continue;
    } else if (FunctionLevelSink && !F.Site.CatalogEntry.empty()) {
      continue; // the target's declaration covers the APIs it uses
    }
    auto Substitute = [&](const Taint &T) {
      return substitute(T, OuterCall, Def, nullptr, {}, nullptr, &Given,
                        CallLoc);
    };
    recordFlow(F.Site, Substitute(F.Data),
               substituteDeclared(F.Declared, Substitute));
  }
  // A callback handed a callback: what the target calls through the
  // function values it is given. Bounded by nesting, and each run once per
  // call and labels (runCallbackTargets): parsers' state machines, whose
  // callbacks run callbacks, would otherwise multiply at every level.
  if (CallbackNesting >= MaxIndirectCallNesting)
    return;
  ++CallbackNesting;
  for (const IndirectCall &IC : S->IndirectCalls) {
    if (!isPlaceholder(IC.Callee) || isCapturePlaceholder(IC.Callee))
      continue;
    auto Substitute = [&](const Taint &T) {
      return substitute(T, OuterCall, Def, nullptr, {}, nullptr, &Given,
                        CallLoc);
    };
    Taint Single;
    Single.add(IC.Callee, nullptr);
    Taint CalleeValue = Substitute(Single);
    if (CalleeValue.empty())
      continue;
    GivenArgs Inner = argumentsThrough(IC, Substitute);
    runCallbackTargets(IC.In ? IC.In : Def, IC.Loc, OuterCall, CalleeValue,
                       Inner, IC.Hops);
  }
  --CallbackNesting;
}

Taint FunctionAnalyzer::resolveCallbackResult(const std::string &Label,
                                              const Expr *OuterCall,
                                              SourceLocation Loc,
                                              const Substituter &Through) {
  Taint Unresolved;
  Unresolved.add(Label, nullptr);
  std::optional<taint::Label> Parsed = taint::Label::parse(Label);
  const auto *K =
      Parsed ? Parsed->as<taint::CallbackResultPlaceholder>() : nullptr;
  if (!K || K->Call >= TU.Out->CallbackResults.size())
    return {};
  auto [Owner, Index] = TU.Out->CallbackResults[K->Call];
  const FunctionSummary *S = Owner == FD ? nullptr : TU.summaryOf(Owner);
  if (!S || Index >= S->IndirectCalls.size())
    return Unresolved; // our own call, or a summary being made: later
  const IndirectCall &IC = S->IndirectCalls[Index];
  Taint CalleeLabel;
  CalleeLabel.add(IC.Callee, nullptr);
  Taint CalleeValue = Through(CalleeLabel);
  GivenArgs Given = argumentsThrough(IC, Through);
  Taint Out;
  // A target we cannot see: what goes in comes out.
  auto Open = [&](const std::string &L, const Trace &Tr) {
    Out.add(L, Tr);
    for (const Taint &A : Given.Args)
      Out.merge(A);
  };
  if (CallbackNesting >= MaxIndirectCallNesting) {
    noteLimit(AnalysisLimit::IndirectCallNesting, Loc);
    for (const auto &[L, Tr] : CalleeValue.labels())
      Open(L, Tr);
    return Out;
  }
  ++CallbackNesting;
  for (const auto &[L, Tr] : CalleeValue.labels()) {
    std::vector<const FunctionDecl *> Targets = TU.targetsOf(L);
    for (const FunctionDecl *Target : Targets)
      Out.merge(returnOfTarget(Target, OuterCall, Loc, Given));
    if (!Targets.empty())
      continue;
    if (isPlaceholder(L) && !isCapturePlaceholder(L) &&
        !isReturnPlaceholder(L)) {
      // Passed in by our own caller: our callers resolve it.
      if (std::optional<size_t> Mine = recordIndirectCall(
              L, IC.In ? IC.In : Owner, IC.Loc, Given, IC.Hops + 1)) {
        Out.add(TU.callbackResultLabel(FD, *Mine), Tr);
        continue;
      }
    }
    Open(L, Tr);
  }
  --CallbackNesting;
  return Out;
}

Taint FunctionAnalyzer::returnOfTarget(const FunctionDecl *Target,
                                       const Expr *OuterCall,
                                       SourceLocation Loc,
                                       const GivenArgs &Given) {
  if (findAnnotation(Target, AnnotationKind::Anonymize))
    return {}; // with a body or not, as at a direct call
  Taint Kept;  // what unknown code may return: its arguments
  for (size_t I = 0; I < Given.Args.size(); ++I)
    if (!anonymizesParam(Target, I))
      Kept.merge(Given.Args[I]);
  if (needsObject(Target))
    return Kept; // the object is not known here
  const FunctionDecl *Def = TU.definitionOf(Target);
  if (const FunctionSummary *S = Def ? TU.summaryOf(Def) : nullptr)
    return substitute(S->Return, OuterCall, Def, nullptr, {}, nullptr, &Given,
                      Loc)
        .withStep(Loc, "returned by " + quoted(Target) + " here");
  if (Def && TU.hasBody(Def))
    return Kept; // being analysed (recursion)
  // The annotation or the catalog may decide it (Catalog.cpp).
  std::optional<std::vector<unsigned>> Params = TU.returnedParams(Target);
  if (!Params)
    return Kept;
  Taint Out;
  for (unsigned I : *Params)
    if (I < Given.Args.size())
      Out.merge(Given.Args[I].withStep(
          Loc, "copied by '" + catalogName(Target) + "' here"));
  return Out;
}

Taint FunctionAnalyzer::computeIndirectCall(const Expr *Call,
                                            const Expr *Through,
                                            llvm::ArrayRef<const Expr *> Args) {
  if (const CallExpr *Bind = bindExpressionOf(Through))
    if (std::optional<Taint> Bound = computeBoundCall(Call, Bind, Args))
      return *Bound;
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  Taint CalleeValue = value(Through);
  Taint Result;
  bool Resolved = false, Open = false;
  std::set<const FunctionDecl *> Seen;
  Taint BoundData; // what bind values fixed: data, not callbacks
  Resolved = runBoundValues(Call, CalleeValue, Args, Seen, BoundData, Result);
  // Read from a field or global holding functions: every function stored
  // there anywhere is a target (field-based), so the caller's context adds
  // nothing; other files can add targets only to slots declared outside
  // this file.
  bool FromSlot = false;
  for (const auto &[Label, Tr] : CalleeValue.labels())
    FromSlot |= taint::isMarkerOf(Label, taint::MarkerKind::Slot);
  auto Record = [&](const std::string &Label) {
    // The arguments whole: per field of every struct argument at every
    // call through a function value is what made large C code (SQLite)
    // many times slower.
    GivenArgs Given;
    for (const Expr *A : Args)
      Given.Args.push_back(value(A));
    return recordIndirectCall(Label, FD, Loc, std::move(Given), 0);
  };
  ++IndirectDepth;
  for (const auto &[Label, Tr] : CalleeValue.labels()) {
    Resolved |= runValueTargets(
        Call, Label, Args, Seen,
        [&](const FunctionDecl *Target,
            llvm::ArrayRef<const Expr *> &TargetArgs)
            -> std::optional<const Expr *> {
          if (needsObject(Target))
            return objectOfMemberCall(Call, Through, Target, TargetArgs);
          // A lambda's object is the closure the value holds.
          return isa<CXXMethodDecl>(Target) ? Through : nullptr;
        },
        Result);
    if (TU.functionOf(Label)) {
      continue;
    } else if (isPlaceholder(Label) && !isCapturePlaceholder(Label) &&
               !FromSlot && !BoundData.has(Label)) {
      // Passed in by our caller: what the call returns is what the target
      // the caller passes returns ("$k<N>", resolved there). What this
      // function itself read into the arguments comes out as well, for
      // where no caller is seen (docs/limitations.md).
      if (std::optional<size_t> Index = Record(Label)) {
        std::string Via = "a function value";
        if (const auto *DRE = dyn_cast<DeclRefExpr>(ignoreNoise(Through)))
          Via = quoted(DRE->getDecl());
        Result.add(
            TU.callbackResultLabel(FD, *Index),
            extendTrace(Tr, Loc,
                        "returned by the call through " + Via + " here"));
        for (const Expr *A : Args)
          for (const auto &[Arg, ArgPath] : value(A).labels())
            if (!isPlaceholder(Arg) && !isMarker(Arg))
              Result.add(Arg, ArgPath);
        Resolved = true;
      } else {
        Open = true;
      }
    } else if (taint::isMarkerOf(Label, taint::MarkerKind::Slot)) {
      auto It = TU.SlotLabels.find(Label);
      if (It != TU.SlotLabels.end() &&
          !SM.isInMainFile(SM.getFileLoc(It->second->getLocation()))) {
        Record(Label);
        Open = true;
      }
    }
  }
  --IndirectDepth;
  if (!Resolved || Open) {
    // Targets we cannot see: what goes in comes out.
    mergeValues(Args, Result);
    Result.merge(CalleeValue);
  }
  return Result;
}

} // namespace dataflow
} // namespace privacy
