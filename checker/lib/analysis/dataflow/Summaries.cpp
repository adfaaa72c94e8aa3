//===- Summaries.cpp - a callee's summary applied at a call ---------------===//
//
// A summary speaks of placeholders for what the caller passes ("$p0.name",
// "$this", "$c<name>@<id>"); at a call each is resolved to what the caller
// holds there, and the summary's return, out-effects, sink flows and
// callbacks become the caller's. Flows and crossings are recorded here.
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "privacy/PersonalData.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace privacy::dataflow {

using namespace clang;

void FunctionAnalyzer::applySummary(const FunctionSummary &S,
                                    const FunctionDecl *Callee,
                                    const Expr *Call, const Expr *Object,
                                    llvm::ArrayRef<const Expr *> Args,
                                    bool ImportFlows, Taint &Result) {
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  // What each placeholder stands for at this call, resolved once: the
  // summary's parts name the same parameters, as they were at the call.
  std::map<std::string, Taint> Resolved;
  Substituter Substitute = [&](const Taint &T) {
    return substitute(T, Call, Callee, Object, Args, nullptr, nullptr,
                      SourceLocation(), &Resolved);
  };
  Result.merge(Substitute(S.Return).withStep(
      Loc, "returned by " + quoted(Callee) + " here"));
  // A temporary built by a constructor of the program, whose fields are not
  // followed one by one (Objects.cpp), is what the constructor wrote into it
  // (`log("from " + CString(ip))`).
  bool Temporary = isa<CXXConstructExpr>(Call) && !Object &&
                   !ConstructingInto && !BuildingFields;
  for (const auto &[Key, Effect] : S.OutEffects) {
    Taint Written = Substitute(Effect);
    if (Written.empty())
      continue;
    std::optional<taint::Label> Into;
    if (Temporary && (Into = taint::Label::parse(Key)) &&
        Into->as<taint::ThisPlaceholder>())
      Result.merge(Written);
    else
      applyOutEffect(Key, Written, Loc, Object, Args);
  }
  if (!S.Thrown.empty())
    recordThrown(Call, Substitute(S.Thrown).withStep(
                           Loc, "thrown out of " + quoted(Callee) + " here"));
  importSummaryFlows(S, Callee, ImportFlows, Substitute);
  runSummaryCallbacks(S, Callee, Call, Object, Args, Substitute);
  if (!S.PassedOn.empty())
    notePassedOn(Callee, Call, Args, &S.PassedOn);
}

/// What the callee wrote through a parameter or into its object, written
/// into the argument: key "$p1.name" → argument 1's field name.
void FunctionAnalyzer::applyOutEffect(const std::string &Key,
                                      const Taint &Written, SourceLocation Loc,
                                      const Expr *Object,
                                      llvm::ArrayRef<const Expr *> Args) {
  std::optional<taint::Label> Into = taint::Label::parse(Key);
  if (!Into)
    return;
  bool IntoThis = Into->as<taint::ThisPlaceholder>() != nullptr;
  const Expr *Target = nullptr;
  if (IntoThis)
    Target = Object;
  else if (const auto *Param = Into->as<taint::ParamPlaceholder>();
           Param && Param->Index < Args.size())
    Target = Args[Param->Index];
  std::optional<Path> P;
  QualType Type;
  if (Target) {
    // Into the field the callee wrote, where the argument is a path.
    P = pathOf(Target);
    if (!P) {
      write(Target, Written, Loc, /*Strong=*/false);
      return;
    }
    Type = Target->getType();
  } else if (IntoThis && ConstructingInto) {
    // A constructor's writes into `*this`: the variable it constructs.
    P = *ConstructingInto;
    Type = ConstructingType;
  } else if (IntoThis && BuildingFields) {
    // An object built with no variable: its fields by name (Objects.cpp).
    const taint::FieldPath *Fields = Into->fields();
    std::string Field = Fields && !Fields->empty() ? Fields->front() : "";
    (*BuildingFields)[Field].merge(Written);
    return;
  } else {
    return;
  }
  for (const std::string &Name : *Into->fields()) {
    const FieldDecl *F = fieldNamed(recordOfType(Type), Name);
    if (!F)
      break;
    P->Fields.push_back(F);
    Type = F->getType();
  }
  writePath(*P, /*Exact=*/false, Written, Loc, /*Strong=*/false);
}

/// The callee's sink flows, with the caller's data put in.
void FunctionAnalyzer::importSummaryFlows(const FunctionSummary &S,
                                          const FunctionDecl *Callee,
                                          bool ImportFlows,
                                          const Substituter &Substitute) {
  std::vector<SinkAnnotation> CalleeSinks;
  if (!ImportFlows)
    CalleeSinks = sinkAnnotationsOf(Callee, SM);
  for (const SinkFlow &F : S.Flows) {
    if (F.Site.Kind == SinkKind::Purpose) {
      // Within one purpose the caller's own reads were judged already.
      if (OwnPurpose &&
          SM.getFileLoc(OwnPurpose->From.Loc) == F.Site.DeclaredAt)
        continue;
    } else if (!ImportFlows && !F.Site.CatalogEntry.empty()) {
      // The callee's declaration covers the APIs it uses for that kind of
      // sink; other sinks in its body still count.
      bool Covered = false;
      for (const SinkAnnotation &A : CalleeSinks)
        Covered |= A.Param < 0 && ((A.Site.Kind == SinkKind::Transfer &&
                                    F.Site.Kind == SinkKind::Network) ||
                                   A.Site.Kind == F.Site.Kind);
      if (Covered)
        continue;
    }
    recordFlow(F.Site, Substitute(F.Data),
               substituteDeclared(F.Declared, Substitute));
  }
}

/// Callbacks the callee runs: what this call passes decides which.
void FunctionAnalyzer::runSummaryCallbacks(const FunctionSummary &S,
                                           const FunctionDecl *Callee,
                                           const Expr *Call, const Expr *Object,
                                           llvm::ArrayRef<const Expr *> Args,
                                           const Substituter &Substitute) {
  for (const IndirectCall &IC : S.IndirectCalls) {
    if (!isPlaceholder(IC.Callee))
      continue;
    Taint CalleeValue = resolvePlaceholder(IC.Callee, Object, Args, nullptr);
    bool Targets = false, PassedOn = false;
    for (const auto &[Label, Tr] : CalleeValue.labels()) {
      Targets |= !TU.targetsOf(Label).empty();
      PassedOn |= isPlaceholder(Label) && !isCapturePlaceholder(Label);
    }
    if (!Targets && !PassedOn)
      continue;
    if (!Targets && IC.Hops >= MaxCallbackHops) {
      noteLimit(AnalysisLimit::CallbackHops, IC.Loc);
      continue;
    }
    GivenArgs Given = argumentsThrough(IC, Substitute);
    runCallbackTargets(IC.In ? IC.In : Callee, IC.Loc, Call, CalleeValue, Given,
                       IC.Hops);
  }
}

/// A field of a value that is no path (`Reminder(p).note_`, `f().note_`):
/// for privacy-scan, what a call into another file returned or built
/// narrowed to that field ("$r3.note_"), which the join takes from a
/// constructor's summary (docs/scan.md); the rest of the value whole.
static Taint returnedField(const Taint &Whole, const std::string &Field,
                           bool Deferred) {
  if (!Deferred)
    return Whole;
  Taint Out;
  for (const auto &[Label, Tr] : Whole.labels())
    Out.add(isReturnPlaceholder(Label) && Label.find('.') == std::string::npos
                ? Label + "." + Field
                : Label,
            Tr);
  return Out;
}

Taint FunctionAnalyzer::resolvePlaceholder(const std::string &Label,
                                           const Expr *Object,
                                           llvm::ArrayRef<const Expr *> Args,
                                           const Taint *LambdaParams,
                                           const GivenArgs *Given) {
  // "$p<N>[.field...]", "$this[.field...]", "$c<name>@<id>[.field...]"
  if (isReturnPlaceholder(Label)) {
    // A call into another file: the same wherever this summary is used.
    Taint Same;
    Same.add(Label, nullptr);
    return Same;
  }
  std::optional<taint::Label> Parsed = taint::Label::parse(Label);
  if (!Parsed || !Parsed->isPlaceholder())
    return {};
  const std::vector<std::string> &FieldNames = *Parsed->fields();
  const auto *Param = Parsed->as<taint::ParamPlaceholder>();
  bool IsThis = Parsed->as<taint::ThisPlaceholder>() != nullptr;

  if (Given && Param)
    return resolveGivenPlaceholder(Param->Index, FieldNames, *Given);
  if (Given && IsThis) {
    if (!Given->Object)
      return {}; // the object of a callback is not known here
    // A method bound with its object: what that object carried.
    return resolveGivenPlaceholder(
        0, FieldNames, {{*Given->Object}, {Given->ObjectFields}, {}, {}});
  }
  const Expr *Base = nullptr;
  std::optional<Path> BasePath;
  if (IsThis) {
    Base = Object;
  } else if (Param) {
    if (LambdaParams)
      return *LambdaParams;
    if (Param->Index < Args.size())
      Base = Args[Param->Index];
  } else if (Parsed->as<taint::CapturePlaceholder>()) {
    auto It = TU.CapturedVars.find(Parsed->withoutFields().str());
    if (It == TU.CapturedVars.end())
      return {};
    Path P;
    P.Root = It->second;
    BasePath = P;
  }
  if (Base)
    if (const std::map<std::string, Taint> *Built = builtFields(Base))
      return builtField(*Built, FieldNames); // a temporary's fields
  if (Base)
    BasePath = pathOf(Base);
  if (Base && (FieldNames.empty() || !BasePath))
    return FieldNames.empty()
               ? value(Base)
               : returnedField(value(Base), FieldNames.front(),
                               TU.Options.DeferCallsIntoOtherFiles);
  if (!BasePath)
    return {};
  return resolveFieldsOf(Base, *BasePath, FieldNames);
}

/// Arguments known only as taints: a field the caller knew, else the whole
/// argument (its placeholders narrowed to the field).
Taint FunctionAnalyzer::resolveGivenPlaceholder(
    unsigned Index, const std::vector<std::string> &FieldNames,
    const GivenArgs &Given) {
  if (Index >= Given.Args.size())
    return {};
  if (!FieldNames.empty() && Index < Given.Fields.size()) {
    auto It = Given.Fields[Index].find(FieldNames.front());
    if (It != Given.Fields[Index].end())
      return It->second;
  }
  Taint Out;
  for (const auto &[L, Tr] : Given.Args[Index].labels()) {
    std::string Refined = L;
    if (isPlaceholder(L)) {
      for (const std::string &F : FieldNames)
        taint::appendField(Refined, F);
      checkPlaceholderFields(Refined, SourceLocation());
    }
    Out.add(Refined, Tr);
  }
  return Out;
}

/// Field by field where the caller's value is a path: what the caller
/// holds there, and what those fields are declared to be.
Taint FunctionAnalyzer::resolveFieldsOf(
    const Expr *Base, Path P, const std::vector<std::string> &FieldNames) {
  QualType T = Base ? Base->getType() : P.Root->getType();
  // The field is not one of the caller's value (an element of a container
  // the callee took apart): all of the value may be in it.
  if (!FieldNames.empty() && !fieldNamed(recordOfType(T), FieldNames.front()))
    return Base ? value(Base) : readPath(P);
  Taint Declared;
  for (const std::string &Name : FieldNames) {
    const FieldDecl *F = fieldNamed(recordOfType(T), Name);
    if (!F)
      break;
    P.Fields.push_back(F);
    T = F->getType();
    Declared = Base ? sourcesOf(F, F->getType(), Base) : Taint();
  }
  Taint Out = readPath(P);
  Out.merge(Declared);
  return Out;
}

Taint FunctionAnalyzer::substitute(const Taint &T, const Expr *Call,
                                   const FunctionDecl *Callee,
                                   const Expr *Object,
                                   llvm::ArrayRef<const Expr *> Args,
                                   const Taint *LambdaParams,
                                   const GivenArgs *Given, SourceLocation At,
                                   std::map<std::string, Taint> *Resolved) {
  Taint Out;
  if (T.empty())
    return Out;
  SourceLocation Loc = At.isValid() ? At : SM.getFileLoc(Call->getExprLoc());
  const std::string Name = quoted(Callee);
  const std::string PassedHere = "passed to " + Name + " here";
  for (const auto &[Label, CalleePath] : T.labels()) {
    if (!isPlaceholder(Label)) {
      Out.add(Label, concatTraces(extendTrace(nullptr, Loc, "call of " + Name),
                                  CalleePath));
      continue;
    }
    auto Resolve = [&] {
      if (isReturnPlaceholder(Label) && !Given && !LambdaParams &&
          TU.Options.DeferCallsIntoOtherFiles)
        return instantiateReturn(Label, Call, Callee, Object, Args);
      if (isCallbackResultPlaceholder(Label))
        return resolveCallbackResult(Label, Call, Loc, [&](const Taint &In) {
          return substitute(In, Call, Callee, Object, Args, LambdaParams, Given,
                            At, Resolved);
        });
      return resolvePlaceholder(Label, Object, Args, LambdaParams, Given);
    };
    Taint Actual;
    if (!Resolved) {
      Actual = Resolve();
    } else {
      auto [It, New] = Resolved->try_emplace(Label);
      if (New)
        It->second = Resolve();
      Actual = It->second;
    }
    for (const auto &[ActualLabel, CallerPath] : Actual.labels()) {
      if (!passesThrough(CallerPath, CalleePath))
        continue;
      // Most labels came in already by another placeholder: skip building
      // a path add() would drop. (A placeholder past the bound on fields
      // is kept under another label: add() decides.)
      if (const Trace *Kept = Out.pathOf(ActualLabel);
          Kept && taint::fieldCount(ActualLabel) <= MaxPlaceholderFields &&
          !mayTellMore(CallerPath, CalleePath, *Kept))
        continue;
      Out.add(
          ActualLabel,
          concatTraces(extendTrace(CallerPath, Loc, PassedHere), CalleePath));
    }
  }
  return Out;
}

/// What a callee's call into another file ("$r<N>" in its summary)
/// returns, seen from this call of the callee: a call of this function's
/// own, with the callee's arguments and guess in this function's terms, so
/// that privacy-scan puts in what that call passed from here (docs/scan.md,
/// "Per-TU summaries"). Without it, what the callee passed of its
/// parameters would be lost where its result is used.
Taint FunctionAnalyzer::instantiateReturn(const std::string &Label,
                                          const Expr *Call,
                                          const FunctionDecl *Callee,
                                          const Expr *Object,
                                          llvm::ArrayRef<const Expr *> Args) {
  Taint Out;
  auto Owner = TU.ReturnOwners.find(Label);
  if (!Call || Owner == TU.ReturnOwners.end() ||
      TU.Out->ExternalCalls[Owner->second].Caller == FD) {
    Out.add(Label, nullptr);
    return Out;
  }
  const ExternalCall Inner = TU.Out->ExternalCalls[Owner->second];
  auto [Known, New] = TU.ReturnInstances.try_emplace({Call, Label});
  if (New)
    Known->second = privacy::returnLabel(TU.NextReturnId++);
  // Built once per function; and a call whose arguments carry its own
  // earlier result (`s = f(s)` in a loop) is being put together already:
  // its placeholder is enough.
  bool BuiltBefore = !InstancesBuilt.insert({Call, Label}).second;
  if (!BuiltBefore)
    ++TU.FactsVersion; // a later visit of this call takes the short way
  if (BuiltBefore || !TU.InstancesInProgress.insert({Call, Label}).second) {
    Out.add(Known->second, nullptr);
    return Out;
  }
  auto Through = [&](const Taint &T) {
    return substitute(T, Call, Callee, Object, Args, nullptr, nullptr, {},
                      nullptr);
  };
  ExternalCall EC;
  EC.Caller = FD;
  EC.Callee = Inner.Callee;
  EC.Loc = SM.getFileLoc(Call->getExprLoc());
  EC.FieldsExact = Inner.FieldsExact;
  for (const Taint &A : Inner.Args)
    EC.Args.push_back(Through(A));
  for (const auto &Fields : Inner.ArgFields)
    EC.ArgFields.push_back(fieldsThrough(Fields, Through));
  EC.Object = Through(Inner.Object);
  EC.ObjectFields = fieldsThrough(Inner.ObjectFields, Through);
  EC.Fallback = Through(Inner.Fallback);
  EC.ReturnLabel = Known->second;
  ExternalCall &Added = TU.addExternalCall(std::move(EC));
  TU.ReturnOwners[Added.ReturnLabel] = &Added - TU.Out->ExternalCalls.data();
  TU.InstancesInProgress.erase({Call, Label});
  Out.add(Known->second, nullptr);
  return Out;
}

void FunctionAnalyzer::recordInternalCall(const FunctionSummary &S,
                                          const FunctionDecl *Callee,
                                          const Expr *Call, const Expr *Object,
                                          llvm::ArrayRef<const Expr *> Args) {
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  if (!S.ReachesOtherFiles)
    return;
  ExternalCall EC;
  EC.Caller = FD;
  EC.Callee = Callee;
  EC.Loc = Loc;
  EC.Internal = true;
  // Field by field, as for a call into another file: what comes back (a
  // result, an exception) may carry one field of an argument.
  EC.FieldsExact = true;
  for (const Expr *A : Args) {
    EC.Args.push_back(value(A));
    EC.ArgFields.push_back(argFields(A));
  }
  if (Object) {
    EC.Object = value(Object);
    EC.ObjectFields = argFields(Object);
  }
  // What escapes the callee's own calls into other files is not in its
  // summary's Thrown: a handler around the call takes it from the join,
  // as for a call into another file (docs/limitations.md, "Exceptions").
  if (const CXXTryStmt *Try = enclosingTry(Call)) {
    EC.ThrowLabel = TU.throwLabel(Call);
    ThrownInto[Try].add(EC.ThrowLabel, nullptr);
  }
  TU.addExternalCall(std::move(EC));
  Summary.ReachesOtherFiles = true;
}

void FunctionAnalyzer::recordFlow(
    const SinkSite &Site, const Taint &Data,
    const std::optional<DeclaredSinkCall> &Declared) {
  bool FromCatalog = !Site.CatalogEntry.empty();
  // A declared sink on the way covers what the API underneath does.
  if (FromCatalog && ((Site.Kind == SinkKind::Network && CoversNetwork) ||
                      (Site.Kind == SinkKind::Store && CoversStore) ||
                      (Site.Kind == SinkKind::Log && CoversLog)))
    return;
  const std::set<std::string> *CoveredParams =
      !FromCatalog                     ? nullptr
      : Site.Kind == SinkKind::Network ? &CoveredNetworkParams
      : Site.Kind == SinkKind::Store   ? &CoveredStoreParams
      : Site.Kind == SinkKind::Log     ? &CoveredLogParams
                                       : nullptr;
  SinkFlow Concrete{Site, {}, Declared}, Pending{Site, {}, Declared};
  // Where the sink call is, for the purpose of the sending code
  // (privacy-undeclared-recipient); a callee's site keeps its own.
  if (!Site.InFunction)
    Concrete.Site.InFunction = Pending.Site.InFunction = FD;
  for (const auto &[Label, Tr] : Data.labels()) {
    if (Label.empty() || isMarker(Label))
      continue;
    // Handing an object to a function with a purpose is not a use of what
    // it holds; what the function reads of it is (SPEC §1).
    if (Site.Kind == SinkKind::Purpose && isHeld(Tr))
      continue;
    if (CoveredParams &&
        CoveredParams->count(std::string(taint::withoutFields(Label))))
      continue; // a declared sink on that parameter covers it
    auto Key = std::make_tuple(Site.Loc.getRawEncoding(),
                               static_cast<int>(Site.Kind), Site.Target, Label);
    if (isPlaceholder(Label)) {
      if (FlowKeys.insert(Key).second)
        Pending.Data.add(Label, Tr);
    } else if (TU.FindingKeys.insert(Key).second) {
      Concrete.Data.add(Label, Tr);
    }
  }
  if (!Concrete.Data.empty())
    TU.Out->SinkFlows.push_back(std::move(Concrete));
  if (!Pending.Data.empty())
    Summary.Flows.push_back(std::move(Pending));
}

void FunctionAnalyzer::recordCrossing(PurposeCrossing C) {
  Taint Concrete;
  for (const auto &[Label, Tr] : C.Data.labels())
    if (!Label.empty() && !isMarker(Label) && !isPlaceholder(Label) &&
        !isHeld(Tr) &&
        TU.CrossingKeys.insert({C.Loc.getRawEncoding(), 0, C.Callee, Label})
            .second)
      Concrete.add(Label, Tr);
  if (Concrete.empty())
    return;
  C.Data = std::move(Concrete);
  TU.Out->Crossings.push_back(std::move(C));
}

} // namespace privacy::dataflow
