//===- Calls.cpp - what a call does to the data passed to it --------------===//
//
// computeCall decides what kind of callee a call has and hands it on:
//   - a call through a function value: FunctionValues.cpp;
//   - a callee defined in this translation unit: its summary (Summaries.cpp),
//     and those of the overrides a virtual call may run;
//   - an unknown callee (no body here): the API catalog (Catalog.cpp), the
//     record privacy-scan completes from other files, lambdas handed to it,
//     and the conservative rule (what goes in comes out).
// docs/limitations.md, "Across functions", states what each case assumes.
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "privacy/Annotations.h"
#include "privacy/PersonalData.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace privacy::dataflow {

using namespace clang;

Taint FunctionAnalyzer::computeCall(const Expr *Call,
                                    const FunctionDecl *Callee,
                                    const Expr *Object,
                                    llvm::ArrayRef<const Expr *> Args) {
  Taint Result;
  // __builtin_expect and friends carry no data; library builtins (printf,
  // snprintf, memcpy) are ordinary calls for the catalog.
  if (unsigned ID = Callee ? Callee->getBuiltinID() : 0;
      ID && !Ctx.BuiltinInfo.isPredefinedLibFunction(ID) &&
      !Ctx.BuiltinInfo.isLibFunction(ID)) {
    mergeValues(Args, Result);
    return Result;
  }
  // Calls through function values run every target known.
  llvm::ArrayRef<const Expr *> CallArgs = Args;
  const Expr *Through = functionValueCalled(Call, Callee, Object, CallArgs);
  if (Through && IndirectDepth < MaxIndirectCallNesting)
    return computeIndirectCall(Call, Through, CallArgs);
  if (Through)
    noteLimit(AnalysisLimit::IndirectCallNesting, Call->getExprLoc());
  if (Callee)
    return computeDirectCall(Call, Callee, Object, Args);
  // Through a function value nested too deep: conservative.
  mergeValues(Args, Result);
  if (const auto *CE = dyn_cast<CallExpr>(Call))
    Result.merge(value(CE->getCallee()));
  return Result;
}

/// The function value a call runs, if it runs one: the callee expression of
/// a call without a named callee, the object of std::function's operator(),
/// the first argument of std::invoke (then dropped from \p Args).
const Expr *FunctionAnalyzer::functionValueCalled(
    const Expr *Call, const FunctionDecl *Callee, const Expr *Object,
    llvm::ArrayRef<const Expr *> &Args) {
  if (!Callee) {
    if (const auto *CE = dyn_cast<CallExpr>(Call))
      return CE->getCallee();
    return nullptr;
  }
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
      MD && MD->getOverloadedOperator() == OO_Call && Object &&
      !TU.definitionOf(MD) && mayHoldFunction(Object->getType()))
    return Object; // std::function<...>::operator()
  if (!Args.empty() && Callee->isInStdNamespace() && Callee->getIdentifier() &&
      (Callee->getName() == "invoke" || Callee->getName() == "invoke_r")) {
    const Expr *Through = Args.front();
    Args = Args.drop_front();
    return Through;
  }
  return nullptr;
}

Taint FunctionAnalyzer::computeDirectCall(const Expr *Call,
                                          const FunctionDecl *Callee,
                                          const Expr *Object,
                                          llvm::ArrayRef<const Expr *> Args) {
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  Taint Result;
  std::optional<MapInsertion> Insertion =
      beginMapInsertion(Callee, Object, Args);
  TU.Out->Calls.push_back({FD, Callee, Loc});
  bool Anonymizes =
      findAnnotation(Callee, AnnotationKind::Anonymize).has_value();
  const FunctionDecl *Def = TU.definitionOf(Callee);
  // A body a macro wrote (oatpp's QUERY) is the framework's: the catalog
  // describes it, as it does a body in a system header (docs/catalogs.md).
  if (Def && generatedByMacro(Def) && !TU.catalogEntries(Callee).empty())
    Def = nullptr;
  const FunctionSummary *S = Def ? TU.summaryOf(Def) : nullptr;
  std::vector<SinkAnnotation> Sinks = sinkAnnotationsOf(Callee, SM);
  bool FunctionLevelSink = recordDeclaredSinks(
      Callee, Sinks, Loc, Object, Args, S && TU.hasBody(Def) ? S : nullptr);

  applyOverriders(Call, Callee, Object, Args, Anonymizes, Result);
  if (S) {
    applyDefinedCallee(Call, Callee, Def, *S, Object, Args, FunctionLevelSink,
                       Anonymizes, Result);
  } else if (!Def || !TU.hasBody(Def)) {
    applyUnknownCallee(Call, Callee, Object, Args, !Sinks.empty(), Anonymizes,
                       Result);
  } else {
    // A body we are still analysing (recursion): what goes in comes out,
    // and it may keep any of it.
    mergeValues(Args, Result);
    notePassedOn(Callee, Call, Args, nullptr);
  }
  if (Anonymizes)
    Result = {};
  markBoundValue(Call, Callee, Result);
  if (Insertion)
    finishMapInsertion(*Insertion);
  dropMapKeys(Callee, Object, Result);
  addCalleeFacts(Callee, Loc, Result);
  return Result;
}

/// Data reaching the sinks the callee's annotations declare; returns
/// whether one is declared on the whole function. A sink declared on the
/// whole function whose \p Body is seen takes only the arguments the body
/// may keep (docs/limitations.md, "Functions declared as sinks").
bool FunctionAnalyzer::recordDeclaredSinks(const FunctionDecl *Callee,
                                           std::vector<SinkAnnotation> &Sinks,
                                           SourceLocation Loc,
                                           const Expr *Object,
                                           llvm::ArrayRef<const Expr *> Args,
                                           const FunctionSummary *Body) {
  bool FunctionLevelSink = false;
  std::optional<std::set<unsigned>> Kept; // of Body, once a sink needs it
  for (SinkAnnotation &S : Sinks) {
    S.Site.Loc = Loc;
    Taint In;
    std::optional<DeclaredSinkCall> Declared;
    if (S.Param < 0) {
      FunctionLevelSink = true;
      if (Body && !Kept)
        Kept = keptParams(*Body);
      // Without the body here, what each argument carried: privacy-scan
      // may find the body in another file.
      if (!Body)
        Declared = DeclaredSinkCall{Callee, {}};
      for (size_t I = 0; I < Args.size(); ++I) {
        bool Takes = S.takes(I) && (!Kept || Kept->count(I));
        if (Takes)
          In.merge(value(Args[I]));
        if (Declared)
          Declared->Args.push_back(Takes ? value(Args[I]) : Taint());
      }
      // The object is what a method without arguments sends, stores or
      // logs (`saveBans()`); beside arguments it is the sender, not the data
      // (SPEC §1: a sink on a function takes its arguments).
      if (Object && Args.empty())
        In.merge(value(Object));
    } else if (static_cast<size_t>(S.Param) < Args.size()) {
      In = value(Args[S.Param]);
    }
    recordFlow(S.Site, In, Declared);
  }
  return FunctionLevelSink;
}

/// A virtual call (not qualified) may run every override seen.
void FunctionAnalyzer::applyOverriders(const Expr *Call,
                                       const FunctionDecl *Callee,
                                       const Expr *Object,
                                       llvm::ArrayRef<const Expr *> Args,
                                       bool Anonymizes, Taint &Result) {
  bool Dispatches = false;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
      Dispatches = !ME->hasQualifier();
  if (!Dispatches && !isa<CXXOperatorCallExpr>(Call))
    return;
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  for (const FunctionDecl *Override : TU.overridersOf(Callee))
    if (const FunctionSummary *OS = TU.summaryOf(Override)) {
      TU.Out->Calls.push_back({FD, Override, Loc});
      recordInternalCall(*OS, Override, Call, Object, Args);
      Taint Returned;
      applySummary(*OS, Override, Call, Object, Args, /*ImportFlows=*/true,
                   Returned);
      if (!Anonymizes)
        Result.merge(Returned);
    }
}

void FunctionAnalyzer::applyDefinedCallee(
    const Expr *Call, const FunctionDecl *Callee, const FunctionDecl *Def,
    const FunctionSummary &S, const Expr *Object,
    llvm::ArrayRef<const Expr *> Args, bool FunctionLevelSink, bool Anonymizes,
    Taint &Result) {
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  recordInternalCall(S, Def, Call, Object, Args);
  Taint Returned;
  applySummary(S, Def, Call, Object, Args, /*ImportFlows=*/!FunctionLevelSink,
               Returned);
  recordPurposeCrossing(Callee, Loc, S);
  if (!Anonymizes)
    Result.merge(Returned);
}

/// Data a function with a purpose of its own reads and returns is used
/// under the caller's purposes from here on.
void FunctionAnalyzer::recordPurposeCrossing(const FunctionDecl *Callee,
                                             SourceLocation Loc,
                                             const FunctionSummary &S) {
  auto CalleePurpose = purposeOfContext(Callee);
  bool Crosses = CalleePurpose && (!OwnPurpose || OwnPurpose->From.Attr !=
                                                      CalleePurpose->From.Attr);
  if (!Crosses)
    return;
  PurposeCrossing C;
  C.Caller = FD;
  C.Callee = Callee;
  C.Loc = Loc;
  for (const auto &[Label, Tr] : S.Return.labels())
    if (!isPlaceholder(Label))
      C.Data.add(Label, extendTrace(Tr, Loc,
                                    "returned by " + quoted(Callee) + " here"));
  recordCrossing(std::move(C));
}

/// A callee without a body here: the catalog, else what other files may
/// say of it, else the conservative rule.
void FunctionAnalyzer::applyUnknownCallee(const Expr *Call,
                                          const FunctionDecl *Callee,
                                          const Expr *Object,
                                          llvm::ArrayRef<const Expr *> Args,
                                          bool HasDeclaredSinks,
                                          bool Anonymizes, Taint &Result) {
  bool Decided = applyCatalog(Callee, Call, Object, Args, Result);
  ExternalCall *Recorded = nullptr;
  if (!SM.isInSystemHeader(Callee->getLocation()) && !HasDeclaredSinks &&
      TU.Catalog && TU.catalogEntries(Callee).empty())
    Recorded =
        &recordExternalCall(Call, Callee, Object, Args, Anonymizes, Result);
  applyLambdaArguments(Call, Args);
  if (Decided || Anonymizes)
    return;
  notePassedOn(Callee, Call, Args, nullptr);
  Taint Guess;
  applyConservativeRule(Call, Callee, Object, Args, Guess);
  // For privacy-scan, whose join knows whether another file defines the
  // callee, the guess waits beside the call's placeholder.
  if (Recorded && TU.Options.DeferCallsIntoOtherFiles &&
      !Recorded->ReturnLabel.empty())
    Recorded->Fallback.merge(Guess);
  else
    Result.merge(Guess);
}

/// The parameters of this function whose data reaches arguments of
/// \p Callee (only those at the indices in \p Only, when given) that it may
/// keep (FunctionSummary::PassedOn). A comparison keeps nothing; an
/// anonymised parameter keeps nothing of what is passed there.
void FunctionAnalyzer::notePassedOn(const FunctionDecl *Callee,
                                    const Expr *Call,
                                    llvm::ArrayRef<const Expr *> Args,
                                    const std::set<unsigned> *Only) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->isComparisonOp())
    return;
  for (size_t I = 0; I < Args.size(); ++I)
    if ((!Only || Only->count(I)) && !anonymizesParam(Callee, I))
      addParamsOf(value(Args[I]), Summary.PassedOn);
}

/// A parameter of this type lets the callee write into what the caller
/// passes: a reference or a pointer to something not const (not a function).
static bool mayWriteInto(QualType T) {
  if (!T->isLValueReferenceType() && !T->isPointerType())
    return false;
  QualType Pointee = T->getPointeeType();
  return !Pointee.isConstQualified() && !Pointee->isFunctionType();
}

/// What the arguments carry, for privacy-scan to apply the callee's summary
/// from another file.
ExternalCall &FunctionAnalyzer::recordExternalCall(
    const Expr *Call, const FunctionDecl *Callee, const Expr *Object,
    llvm::ArrayRef<const Expr *> Args, bool Anonymizes, Taint &Result) {
  ExternalCall EC;
  EC.Caller = FD;
  EC.Callee = Callee;
  EC.Loc = SM.getFileLoc(Call->getExprLoc());
  EC.FieldsExact = true; // argFields lists every field
  for (size_t I = 0; I < Args.size(); ++I) {
    // What the callee anonymises on the way does not reach its summary.
    bool Anonymized = anonymizesParam(Callee, I);
    EC.Args.push_back(Anonymized ? Taint() : value(Args[I]));
    EC.ArgFields.push_back(Anonymized ? std::map<std::string, Taint>()
                                      : argFields(Args[I]));
  }
  if (Object) {
    EC.Object = value(Object);
    EC.ObjectFields = argFields(Object);
  }
  // privacy-scan puts in what the callee returns; a constructor of
  // another file returns the object it builds, whose fields the join takes
  // from its summary (docs/scan.md, "Calls into other files").
  // (An implicit or defaulted constructor is defined wherever it is used:
  // no other file's summary says more of it.)
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee);
  bool BuildsElsewhere = Ctor && buildsObject(Ctor) && !Ctor->isImplicit() &&
                         !Ctor->isDefaulted() &&
                         TU.Options.DeferCallsIntoOtherFiles;
  if ((!Callee->getReturnType()->isVoidType() || BuildsElsewhere) &&
      !Anonymizes) {
    EC.ReturnLabel = TU.returnLabel(Call);
    Result.add(EC.ReturnLabel, nullptr);
  }
  // A handler around the call catches what the callee throws: privacy-scan
  // puts in what its summary says (docs/limitations.md, "Exceptions").
  if (const clang::CXXTryStmt *Try = enclosingTry(Call)) {
    EC.ThrowLabel = TU.throwLabel(Call);
    ThrownInto[Try].add(EC.ThrowLabel, nullptr);
  }
  // What the callee writes into its arguments and its object: privacy-scan
  // puts in what its summary says (SPEC §1: a function of the program is
  // known by its summary; only unknown code writes nothing).
  if (TU.Options.DeferCallsIntoOtherFiles && !Anonymizes) {
    auto Written = [&](int Arg, const Expr *Into) {
      std::string Label = TU.writeLabel(Call, Arg);
      EC.WriteLabels.push_back({Arg, Label});
      Taint Placeholder;
      Placeholder.add(Label, nullptr);
      write(Into, Placeholder, EC.Loc, /*Strong=*/false);
    };
    for (size_t I = 0; I < Args.size() && I < Callee->getNumParams(); ++I)
      if (mayWriteInto(Callee->getParamDecl(I)->getType()) && pathOf(Args[I]))
        Written(static_cast<int>(I), Args[I]);
    const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
    if (Object && MD && MD->isInstance() && !MD->isConst() &&
        !isa<CXXConstructorDecl>(MD) && pathOf(Object))
      Written(-1, Object);
  }
  Summary.ReachesOtherFiles = true;
  ExternalCall &Added = TU.addExternalCall(std::move(EC));
  if (!Added.ReturnLabel.empty())
    TU.ReturnOwners[Added.ReturnLabel] = &Added - TU.Out->ExternalCalls.data();
  return Added;
}

/// Unknown code: what goes in comes out. It puts nothing into its arguments
/// or its object: where library types do keep what they are given (strings,
/// containers, streams), the API catalog's propagators say so (SPEC §1,
/// docs/limitations.md "Unknown code").
void FunctionAnalyzer::applyConservativeRule(const Expr *Call,
                                             const FunctionDecl *Callee,
                                             const Expr *Object,
                                             llvm::ArrayRef<const Expr *> Args,
                                             Taint &Result) {
  // A number, flag or enumerator that unknown code returns by value,
  // computed from a string or an object (a size, a count, a position, a
  // status), is not the data it looked at; numbers computed from numbers
  // may be (htonl(ip)). An element returned by reference is part of the
  // object (`v[i]`, `*it`).
  // Conversions that keep the data (std::stoi, QString::toLongLong) are
  // propagators in the catalogs (docs/limitations.md, "Unknown code").
  QualType Returned = Callee->getReturnType();
  if (!Returned->isReferenceType() && isScalarValue(Returned)) {
    for (size_t I = 0; I < Args.size(); ++I)
      if (isScalarValue(Args[I]->getType()) && !anonymizesParam(Callee, I))
        Result.merge(value(Args[I]));
    return;
  }
  // What an object holds stays with it: unknown code handed the object
  // returns what the value itself carries (docs/limitations.md, "Objects
  // and their fields").
  // A library value (a string or buffer a serialiser filled) is what it
  // holds.
  auto Through = [&](const Expr *E) {
    const RecordDecl *RD = recordOfType(E->getType());
    bool OfProgram = RD && !SM.isInSystemHeader(RD->getLocation());
    for (const auto &[Label, Path] : value(E).labels())
      if (!OfProgram || !isHeld(Path))
        Result.add(Label, isPlaceholder(Label) ? opaqueTrace(Path) : Path);
  };
  for (size_t I = 0; I < Args.size(); ++I)
    if (!anonymizesParam(Callee, I))
      Through(Args[I]);
  if (Object)
    Through(Object);
  // A struct of the program returned by value from unknown code may hold
  // what its fields are declared to be. (One returned by reference lives
  // elsewhere: reading it says so field by field.)
  if (const RecordDecl *RD = recordOfType(Returned);
      RD && RD->getDefinition() && !Returned->isReferenceType() &&
      !Returned->isPointerType() &&
      !SM.isInSystemHeader(RD->getDefinition()->getLocation()))
    Result.merge(sourcesOf(nullptr, Callee->getReturnType(), Call));
}

/// Arithmetic types, bool and enumerations: values that hold a number, not
/// text or an object. Characters are text: `s[0]` of an e-mail is part of
/// it.
bool FunctionAnalyzer::isScalarValue(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isAnyCharacterType() || T->isCharType())
    return false;
  return T->isArithmeticType() || T->isEnumeralType();
}

/// The variable or field a chained call writes into: `os << a << b` and
/// `s.append(a).append(b)` write into the stream or string at the root.
const Expr *FunctionAnalyzer::chainRoot(const Expr *Receiver) {
  while (Receiver && !pathOf(Receiver)) {
    const Expr *R = ignoreNoise(Receiver);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(R))
      Receiver = OC->getNumArgs() ? OC->getArg(0) : nullptr;
    else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(R))
      Receiver = MC->getImplicitObjectArgument();
    else
      Receiver = nullptr;
  }
  return Receiver;
}

/// What a call's result is whatever the callee does: a descriptor from
/// socket(), an item its annotation says it returns.
void FunctionAnalyzer::addCalleeFacts(const FunctionDecl *Callee,
                                      SourceLocation Loc, Taint &Result) {
  if (!TU.FdSources.empty()) {
    std::string Name = catalogName(Callee);
    if (TU.FdSources.count(Name))
      Result.add(markerLabel(taint::MarkerKind::FileDescriptor, Name), nullptr);
  }
  if (auto O = dataOfDecl(Callee); O && isa<FunctionDecl>(O->Source))
    Result.add(O->Item, extendTrace(nullptr, Loc,
                                    "'" + O->Item + "' is returned by " +
                                        quoted(Callee) + " here"));
}

void FunctionAnalyzer::applyLambdaArguments(const Expr *Call,
                                            llvm::ArrayRef<const Expr *> Args) {
  // A lambda handed to code we cannot see (std::for_each, a callback
  // registry) is assumed to be called with what the other arguments hold.
  for (size_t I = 0; I < Args.size(); ++I) {
    const auto *LE = dyn_cast<LambdaExpr>(ignoreNoise(Args[I]));
    if (!LE)
      continue;
    const CXXMethodDecl *Op = LE->getCallOperator();
    const FunctionSummary *S = TU.summaryOf(Op);
    if (!S)
      continue;
    Taint Others;
    for (size_t J = 0; J < Args.size(); ++J)
      if (J != I)
        Others.merge(value(Args[J]));
    SourceLocation Loc = SM.getFileLoc(LE->getBeginLoc());
    Taint Given = Others.withStep(Loc, "handed to the lambda here");
    auto Substitute = [&](const Taint &T) {
      return substitute(T, Call, Op, nullptr, {}, &Given);
    };
    for (const SinkFlow &F : S->Flows)
      recordFlow(F.Site, Substitute(F.Data),
                 substituteDeclared(F.Declared, Substitute));
  }
}

} // namespace privacy::dataflow
