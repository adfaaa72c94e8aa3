//===- Dataflow.cpp - following personal data through the code ------------===//
#include "privacy/Dataflow.h"
#include "privacy/Annotations.h"
#include "privacy/PersonalData.h"
#include "privacy/Purposes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "CfgOrder.h"

#include <mutex>
#include <set>
#include <sstream>

namespace privacy {

using namespace clang;

llvm::StringRef sinkKindName(SinkKind K) {
  switch (K) {
  case SinkKind::Transfer:
    return "transfer";
  case SinkKind::Store:
    return "store";
  case SinkKind::Log:
    return "log";
  case SinkKind::Network:
    return "network";
  case SinkKind::Purpose:
    return "purpose";
  }
  return "sink";
}

std::string catalogName(const FunctionDecl *FD) {
  std::vector<std::string> Parts;
  Parts.push_back(FD->getDeclName().getAsString());
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName().str());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (!RD->getIdentifier())
        continue;
      Parts.push_back(RD->getName().str());
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Name.empty())
      Name += "::";
    Name += *It;
  }
  return Name;
}

bool mayHoldFunction(QualType T) {
  for (int Depth = 0; Depth < 6 && !T.isNull(); ++Depth) {
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
    if (RD->getIdentifier() &&
        RD->getName().contains_insensitive("function"))
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

namespace {

//===----------------------------------------------------------------------===//
// Paths: a variable (or *this) and a chain of fields.
//===----------------------------------------------------------------------===//

struct Path {
  const ValueDecl *Root = nullptr; // null with IsThis
  bool IsThis = false;
  std::vector<const FieldDecl *> Fields;

  bool operator<(const Path &O) const {
    return std::tie(Root, IsThis, Fields) < std::tie(O.Root, O.IsThis, O.Fields);
  }
  bool sameRoot(const Path &O) const {
    return Root == O.Root && IsThis == O.IsThis;
  }
  /// Whether this path is \p O or an enclosing object of it.
  bool covers(const Path &O) const {
    return sameRoot(O) && Fields.size() <= O.Fields.size() &&
           std::equal(Fields.begin(), Fields.end(), O.Fields.begin());
  }
  std::string describe() const {
    std::string S = IsThis ? std::string("this")
                           : Root ? Root->getNameAsString() : "?";
    for (const FieldDecl *F : Fields)
      S += (S == "this" ? "->" : ".") + F->getNameAsString();
    return S;
  }
};

using State = std::map<Path, Taint>;

/// The first entry of \p S with \p P's root: entries with one root are
/// contiguous, since paths sort by root first.
State::const_iterator firstWithRoot(const State &S, const Path &P) {
  Path Root;
  Root.Root = P.Root;
  Root.IsThis = P.IsThis;
  return S.lower_bound(Root);
}

/// Forgets what \p S knew of \p P and its fields.
void eraseCovered(State &S, const Path &P) {
  auto It = firstWithRoot(S, P);
  while (It != S.end() && It->first.sameRoot(P))
    It = P.covers(It->first) ? S.erase(It) : std::next(It);
}

bool joinInto(State &Into, const State &From) {
  if (Into.empty()) {
    Into = From;
    return !From.empty();
  }
  // Both sorted: each entry's place is found from the previous one.
  bool Changed = false;
  auto Hint = Into.begin();
  for (const auto &[P, T] : From) {
    auto It = Into.try_emplace(Hint, P);
    Changed |= It->second.merge(T);
    Hint = std::next(It);
  }
  return Changed;
}

const Expr *ignoreNoise(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(Next))
      Next = C->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const FieldDecl *fieldNamed(const RecordDecl *RD, llvm::StringRef Name) {
  if (!RD || !(RD = RD->getDefinition()))
    return nullptr;
  for (const FieldDecl *F : RD->fields())
    if (F->getName() == Name)
      return F;
  return nullptr;
}

std::string quoted(const NamedDecl *D) {
  return "'" + D->getQualifiedNameAsString() + "'";
}

//===----------------------------------------------------------------------===//
// The translation unit: functions, their order, summaries, results.
//===----------------------------------------------------------------------===//

class TranslationUnitAnalysis;

/// A callback passed on by more callers than this is not followed, and a
/// summary keeps at most this many calls through function values: code
/// that passes a handful of handlers through every layer (parsers, event
/// loops) would otherwise carry them all everywhere.
constexpr unsigned MaxCallbackHops = 3;
constexpr size_t MaxIndirectCalls = 64;

/// Arguments known only as taints: a callback run from a callee's summary.
struct GivenArgs {
  std::vector<Taint> Args;
  std::vector<std::map<std::string, Taint>> Fields;
};

class FunctionAnalyzer {
public:
  FunctionAnalyzer(TranslationUnitAnalysis &TU, const FunctionDecl *FD);
  void run();

private:
  // Expressions.
  Taint value(const Expr *E);
  Taint compute(const Expr *E);
  Taint computeCall(const Expr *Call, const FunctionDecl *Callee,
                    const Expr *Object, llvm::ArrayRef<const Expr *> Args);
  Taint computeIndirectCall(const Expr *Call, const Expr *Through,
                            llvm::ArrayRef<const Expr *> Args);
  void readSlot(const ValueDecl *D, Taint &Into);
  std::map<std::string, Taint> argFields(const Expr *A);
  Taint readPath(const Path &P);
  void write(const Expr *Target, const Taint &T, SourceLocation Loc,
             bool Strong);
  void writePath(const Path &P, bool Exact, const Taint &T, SourceLocation Loc,
                 bool Strong);
  std::optional<Path> pathOf(const Expr *E, bool *Exact = nullptr);
  Taint sourcesOf(const Decl *D, QualType T, const Expr *At);
  Taint placeholderFor(const Path &P);

  // Calls.
  void applySummary(const FunctionSummary &S, const FunctionDecl *Callee,
                    const Expr *Call, const Expr *Object,
                    llvm::ArrayRef<const Expr *> Args, bool ImportFlows,
                    Taint &Result);
  Taint resolvePlaceholder(const std::string &Label, const Expr *Object,
                           llvm::ArrayRef<const Expr *> Args,
                           const Taint *LambdaParams,
                           const GivenArgs *Given = nullptr);
  Taint substitute(const Taint &T, const Expr *Call, const FunctionDecl *Callee,
                   const Expr *Object, llvm::ArrayRef<const Expr *> Args,
                   const Taint *LambdaParams = nullptr,
                   const GivenArgs *Given = nullptr,
                   SourceLocation At = SourceLocation(),
                   std::map<std::string, Taint> *Resolved = nullptr);
  void recordInternalCall(const FunctionSummary &S, const FunctionDecl *Callee,
                          SourceLocation Loc, const Expr *Object,
                          llvm::ArrayRef<const Expr *> Args);
  void recordIndirectCall(const std::string &Callee, const FunctionDecl *In,
                          SourceLocation Loc, GivenArgs Args, unsigned Hops);
  void runCallbackTargets(const FunctionDecl *CallsFrom, SourceLocation CallLoc,
                          const Expr *OuterCall, const Taint &CalleeValue,
                          const GivenArgs &Given, unsigned Hops);
  bool applyCatalog(const FunctionDecl *Callee, const Expr *Call,
                    const Expr *Object, llvm::ArrayRef<const Expr *> Args,
                    Taint &Result);
  void applyLambdaArguments(const Expr *Call, llvm::ArrayRef<const Expr *> Args);
  void recordFlow(const SinkSite &Site, const Taint &Data);
  void recordCrossing(PurposeCrossing C);
  void recordPurposeUse(const Expr *E, const Taint &T);

  // Statements.
  void processElement(const CFGElement &E);
  void processDecl(const VarDecl *VD);

  TranslationUnitAnalysis &TU;
  const FunctionDecl *FD;
  ASTContext &Ctx;
  const SourceManager &SM;
  FunctionSummary Summary;
  State Cur;
  std::map<const Expr *, Taint> Values;
  /// Expressions the CFG evaluates as elements of their own, recomputed at
  /// each visit; any other (an initialiser's wrappers) is recomputed from
  /// them when asked, so a value from an earlier round is never reused.
  llvm::DenseSet<const Stmt *> Elements;
  std::set<std::tuple<unsigned, int, std::string, std::string>> FlowKeys;
  bool CoversNetwork = false, CoversStore = false, CoversLog = false;
  std::set<std::string> CoveredNetworkParams, CoveredStoreParams,
      CoveredLogParams;
  std::optional<PurposeSource> OwnPurpose; // of FD itself, if any
  std::map<std::pair<unsigned, std::string>, size_t> IndirectIndex;
  std::set<std::string> CallbacksApplied;
  int IndirectDepth = 0;
  std::unique_ptr<ParentMap> Parents; // of FD's body, made when first needed
};

/// Adds what a later round of a fixpoint saw at the same call.
void mergeArguments(std::vector<Taint> &Args,
                    std::vector<std::map<std::string, Taint>> &Fields,
                    const std::vector<Taint> &MoreArgs,
                    const std::vector<std::map<std::string, Taint>> &MoreFields) {
  Args.resize(std::max(Args.size(), MoreArgs.size()));
  for (size_t I = 0; I < MoreArgs.size(); ++I)
    Args[I].merge(MoreArgs[I]);
  Fields.resize(std::max(Fields.size(), MoreFields.size()));
  for (size_t I = 0; I < MoreFields.size(); ++I)
    for (const auto &[Name, T] : MoreFields[I])
      Fields[I][Name].merge(T);
}

class TranslationUnitAnalysis {
public:
  TranslationUnitAnalysis(ASTContext &Ctx, const ApiCatalog *Catalog)
      : Ctx(Ctx), Catalog(Catalog) {
    if (Catalog)
      for (const CatalogEntry &E : Catalog->entries())
        FdSources.insert(E.FdFrom.begin(), E.FdFrom.end());
  }

  std::shared_ptr<TranslationUnitFlows> run();
  void seedSlotsFromInitialisers(const std::vector<const clang::VarDecl *> &Globals);
  void seedSlot(const clang::Expr *Init, const clang::ValueDecl *Slot);

  ASTContext &Ctx;
  const ApiCatalog *Catalog;
  std::shared_ptr<TranslationUnitFlows> Out =
      std::make_shared<TranslationUnitFlows>();
  llvm::DenseSet<const FunctionDecl *> Analysable;
  /// Virtual methods (canonical) → the overriding definitions in this
  /// translation unit: a virtual call may run any of them.
  std::map<const FunctionDecl *, std::vector<const FunctionDecl *>> Overriders;
  const std::vector<const FunctionDecl *> &overridersOf(const FunctionDecl *FD) const {
    static const std::vector<const FunctionDecl *> None;
    auto It = Overriders.find(FD ? FD->getCanonicalDecl() : nullptr);
    return It == Overriders.end() ? None : It->second;
  }
  std::map<std::string, const VarDecl *> CapturedVars;
  // Functions whose result is a file descriptor some sink cares about
  // (socket, accept): their results carry the marker "#fd:<name>".
  std::set<std::string> FdSources;
  std::set<std::tuple<unsigned, int, std::string, std::string>> FindingKeys;
  std::set<std::tuple<unsigned, int, const FunctionDecl *, std::string>>
      CrossingKeys;

  // Function values.
  std::map<std::string, const FunctionDecl *> FunctionLabels;
  std::map<const FunctionDecl *, std::string> LabelOfFunction;
  std::map<std::string, const ValueDecl *> SlotLabels;
  std::map<const ValueDecl *, std::string> LabelOfSlot;
  std::map<const ValueDecl *, std::set<const FunctionDecl *>> SlotTargets;
  llvm::DenseMap<const ValueDecl *, bool> SlotTypes;
  std::set<const ValueDecl *> SlotsRead;
  /// A slot gained a target after a function read it: one more round.
  bool SlotsGrewAfterRead = false;

  /// Calls into other files, one per site and callee (later rounds of a
  /// function's fixpoint see more).
  std::map<std::tuple<const FunctionDecl *, const FunctionDecl *, unsigned, bool>,
           size_t>
      ExternalIndex;
  std::map<const Expr *, unsigned> ReturnIds;
  void addExternalCall(ExternalCall EC) {
    auto Key = std::make_tuple(EC.Caller, EC.Callee, EC.Loc.getRawEncoding(),
                               EC.Internal);
    auto [It, New] = ExternalIndex.try_emplace(Key, Out->ExternalCalls.size());
    if (New) {
      Out->ExternalCalls.push_back(std::move(EC));
      return;
    }
    ExternalCall &Old = Out->ExternalCalls[It->second];
    mergeArguments(Old.Args, Old.ArgFields, EC.Args, EC.ArgFields);
    Old.Object.merge(EC.Object);
    if (Old.ReturnLabel.empty())
      Old.ReturnLabel = EC.ReturnLabel;
  }
  std::string returnLabel(const Expr *Call) {
    auto [It, New] = ReturnIds.try_emplace(Call, ReturnIds.size());
    return "$r" + std::to_string(It->second);
  }

  const std::string &fnLabel(const FunctionDecl *FD) {
    FD = FD->getCanonicalDecl();
    auto It = LabelOfFunction.find(FD);
    if (It != LabelOfFunction.end())
      return It->second;
    std::ostringstream S;
    S << "#fn:" << static_cast<const void *>(FD);
    FunctionLabels[S.str()] = FD;
    return LabelOfFunction[FD] = S.str();
  }
  const FunctionDecl *functionOf(const std::string &Label) const {
    auto It = FunctionLabels.find(Label);
    return It == FunctionLabels.end() ? nullptr : It->second;
  }
  /// The functions a label may call: the function itself, or every function
  /// stored in the slot it was read from. (A slot's value carries only its
  /// marker, so values stay small in code full of function tables.)
  std::vector<const FunctionDecl *> targetsOf(const std::string &Label) const {
    if (const FunctionDecl *Fn = functionOf(Label))
      return {Fn};
    auto Slot = SlotLabels.find(Label);
    if (Slot == SlotLabels.end())
      return {};
    auto It = SlotTargets.find(Slot->second);
    if (It == SlotTargets.end())
      return {};
    return {It->second.begin(), It->second.end()};
  }
  /// Fields and globals whose type may hold a function.
  bool isSlot(const ValueDecl *D) {
    if (!D)
      return false;
    if (const auto *VD = dyn_cast<VarDecl>(D); VD && !VD->hasGlobalStorage())
      return false;
    auto [It, New] = SlotTypes.try_emplace(D, false);
    if (New)
      It->second = mayHoldFunction(D->getType());
    return It->second;
  }
  const std::string &slotLabel(const ValueDecl *D) {
    auto It = LabelOfSlot.find(D);
    if (It != LabelOfSlot.end())
      return It->second;
    std::ostringstream S;
    S << "#slot:" << D->getName().str() << "@" << static_cast<const void *>(D);
    SlotLabels[S.str()] = D;
    return LabelOfSlot[D] = S.str();
  }
  void addSlotTarget(const ValueDecl *Slot, const FunctionDecl *Target) {
    if (SlotTargets[Slot].insert(Target->getCanonicalDecl()).second &&
        SlotsRead.count(Slot))
      SlotsGrewAfterRead = true;
  }

  const FunctionSummary *summaryOf(const FunctionDecl *FD) const {
    auto It = Out->Summaries.find(FD);
    return It != Out->Summaries.end() && It->second.Ready ? &It->second
                                                          : nullptr;
  }
  bool hasBody(const FunctionDecl *FD) const {
    return FD && Analysable.count(FD->getCanonicalDecl());
  }
  const FunctionDecl *definitionOf(const FunctionDecl *FD) const {
    if (!FD)
      return nullptr;
    const FunctionDecl *Def = FD->getDefinition();
    return Def && Analysable.count(Def->getCanonicalDecl()) ? Def : nullptr;
  }
  std::string captureLabel(const VarDecl *V) {
    std::ostringstream S;
    S << "$c" << V->getName().str() << "@" << static_cast<const void *>(V);
    CapturedVars[S.str()] = V;
    return S.str();
  }
};

//===----------------------------------------------------------------------===//
// Annotations that make a call a sink.
//===----------------------------------------------------------------------===//

struct SinkAnnotation {
  SinkSite Site;
  int Param = -1; // -1: the whole function (every argument)
};

std::vector<SinkAnnotation> sinkAnnotationsOf(const FunctionDecl *Callee,
                                              const SourceManager &SM) {
  std::vector<SinkAnnotation> Out;
  auto Add = [&](const Annotation &A, int Param) {
    SinkAnnotation S;
    S.Param = Param;
    S.Site.DeclaredAt = SM.getFileLoc(A.Loc);
    S.Site.Via = quoted(Callee);
    switch (A.Kind) {
    case AnnotationKind::Transfer:
      S.Site.Kind = SinkKind::Transfer;
      S.Site.Target = A.Args.empty() ? "" : A.Args[0];
      S.Site.Country = A.Args.size() > 1 ? A.Args[1] : "";
      break;
    case AnnotationKind::Store:
      S.Site.Kind = SinkKind::Store;
      S.Site.Target = A.Args.empty() ? "" : A.Args[0];
      break;
    case AnnotationKind::Log:
      S.Site.Kind = SinkKind::Log;
      break;
    default:
      return;
    }
    Out.push_back(std::move(S));
  };
  for (AnnotationKind K :
       {AnnotationKind::Transfer, AnnotationKind::Store, AnnotationKind::Log}) {
    if (auto A = findAnnotation(Callee, K))
      Add(*A, -1);
    for (unsigned I = 0; I < Callee->getNumParams(); ++I)
      if (auto A = findAnnotation(Callee->getParamDecl(I), K))
        Add(*A, static_cast<int>(I));
  }
  return Out;
}

} // namespace

std::vector<SinkFlow> declaredSinkFlows(const FunctionDecl *FD,
                                        const SourceManager &SM) {
  std::vector<SinkFlow> Out;
  for (const SinkAnnotation &A : sinkAnnotationsOf(FD, SM)) {
    SinkFlow F;
    F.Site = A.Site;
    F.Site.InFunction = FD;
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      if (A.Param < 0 || static_cast<unsigned>(A.Param) == I)
        F.Data.add(paramLabel(I), nullptr);
    if (!F.Data.empty())
      Out.push_back(std::move(F));
  }
  return Out;
}

namespace {

//===----------------------------------------------------------------------===//
// FunctionAnalyzer
//===----------------------------------------------------------------------===//

FunctionAnalyzer::FunctionAnalyzer(TranslationUnitAnalysis &TU,
                                   const FunctionDecl *FD)
    : TU(TU), FD(FD), Ctx(TU.Ctx), SM(TU.Ctx.getSourceManager()),
      OwnPurpose(purposeOfContext(FD)) {
  // A sink declared on the whole function covers the APIs it uses for that
  // kind of sink; one declared on a parameter covers what that parameter
  // brings in (see recordFlow).
  for (const SinkAnnotation &S : sinkAnnotationsOf(FD, SM)) {
    bool &Whole = S.Site.Kind == SinkKind::Transfer ? CoversNetwork
                  : S.Site.Kind == SinkKind::Store  ? CoversStore
                                                    : CoversLog;
    std::set<std::string> &Params =
        S.Site.Kind == SinkKind::Transfer ? CoveredNetworkParams
        : S.Site.Kind == SinkKind::Store  ? CoveredStoreParams
                                          : CoveredLogParams;
    if (S.Param < 0)
      Whole = true;
    else
      Params.insert(paramLabel(S.Param));
  }
}

Taint FunctionAnalyzer::placeholderFor(const Path &P) {
  Taint T;
  std::string Label;
  if (P.IsThis) {
    Label = thisLabel();
  } else if (const auto *PD = dyn_cast_or_null<ParmVarDecl>(P.Root);
             PD && PD->getDeclContext() == FD) {
    Label = paramLabel(PD->getFunctionScopeIndex());
  } else if (const auto *VD = dyn_cast_or_null<VarDecl>(P.Root);
             VD && VD->hasLocalStorage() && VD->getDeclContext() != FD &&
             !VD->isLocalVarDeclOrParm()) {
    return T;
  } else if (VD && VD->hasLocalStorage() &&
             !FD->Encloses(VD->getDeclContext()) &&
             VD->getDeclContext() != FD) {
    Label = TU.captureLabel(VD); // captured by this lambda
  } else {
    return T;
  }
  for (const FieldDecl *F : P.Fields)
    Label += "." + F->getNameAsString();
  T.add(Label, nullptr);
  return T;
}

Taint FunctionAnalyzer::readPath(const Path &P) {
  Taint T;
  bool Seeded = false; // some entry covers the root itself
  for (auto It = firstWithRoot(Cur, P);
       It != Cur.end() && It->first.sameRoot(P); ++It) {
    const auto &[Q, QT] = *It;
    if (Q.covers(P)) {
      Seeded = true;
      // A whole-object placeholder read through fields names those fields,
      // so a summary stays field-sensitive.
      for (const auto &[Label, Tr] : QT.labels()) {
        std::string Refined = Label;
        if (isPlaceholder(Label))
          for (size_t I = Q.Fields.size(); I < P.Fields.size(); ++I) {
            // Library types (std::pair::first of a map's element) are not
            // what the placeholder stands for: keep it whole.
            if (SM.isInSystemHeader(P.Fields[I]->getLocation()))
              break;
            Refined += "." + P.Fields[I]->getNameAsString();
          }
        T.add(Refined, Tr);
      }
    } else if (P.covers(Q)) {
      // Reading an object reads the data in its fields; which functions a
      // field holds is asked of that field.
      for (const auto &[Label, Tr] : QT.labels())
        if (!isMarker(Label))
          T.add(Label, Tr);
    }
  }
  if (!Seeded)
    T.merge(placeholderFor(P));
  return T;
}

std::optional<Path> FunctionAnalyzer::pathOf(const Expr *E, bool *Exact) {
  if (Exact)
    *Exact = true;
  E = ignoreNoise(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      Path P;
      P.Root = VD;
      return P;
    }
    return std::nullopt;
  }
  if (isa<CXXThisExpr>(E)) {
    Path P;
    P.IsThis = true;
    return P;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F)
      return std::nullopt;
    bool BaseExact = true;
    auto Base = pathOf(ME->getBase(), &BaseExact);
    if (!Base)
      return std::nullopt;
    if (Exact)
      *Exact = BaseExact && (!ME->isArrow() || Base->IsThis);
    Base->Fields.push_back(F);
    return Base;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf) {
      auto P = pathOf(UO->getSubExpr());
      if (Exact)
        *Exact = false;
      return P;
    }
    return std::nullopt;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    auto P = pathOf(ASE->getBase());
    if (Exact)
      *Exact = false;
    return P;
  }
  // An element of a container is part of it: `handlers[name] = fn`.
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2) {
    auto P = pathOf(OC->getArg(0));
    if (Exact)
      *Exact = false;
    return P;
  }
  return std::nullopt;
}

Taint FunctionAnalyzer::sourcesOf(const Decl *D, QualType Type, const Expr *At) {
  Taint T;
  SourceLocation Loc = SM.getFileLoc(At->getExprLoc());
  if (auto O = dataOfDecl(D))
    T.add(O->Item, extendTrace(nullptr, Loc,
                               "'" + O->Item + "' is read from " +
                                   describeSource(O->Source) + " here"));
  // A whole object carries its annotated fields.
  if (const RecordDecl *RD = recordOfType(Type)) {
    std::vector<std::pair<const RecordDecl *, int>> Work{{RD, 0}};
    std::set<const RecordDecl *> Seen;
    while (!Work.empty()) {
      auto [R, Depth] = Work.back();
      Work.pop_back();
      if (!(R = R->getDefinition()) || !Seen.insert(R).second || Depth > 3)
        continue;
      if (auto A = findAnnotation(R, AnnotationKind::Data))
        if (!A->Args.empty() && !A->Args[0].empty())
          T.add(A->Args[0],
                extendTrace(nullptr, Loc,
                            "'" + A->Args[0] + "' is read with an object of " +
                                quoted(R) + " here"));
      for (const FieldDecl *F : R->fields()) {
        if (auto A = findAnnotation(F, AnnotationKind::Data))
          if (!A->Args.empty() && !A->Args[0].empty())
            T.add(A->Args[0],
                  extendTrace(nullptr, Loc,
                              "'" + A->Args[0] + "' is read with its field " +
                                  quoted(F) + " here"));
        if (const RecordDecl *Inner = recordOfType(F->getType()))
          if (!F->getType()->isPointerType())
            Work.push_back({Inner, Depth + 1});
      }
    }
  }
  return T;
}

void FunctionAnalyzer::readSlot(const ValueDecl *D, Taint &Into) {
  if (!TU.isSlot(D))
    return;
  TU.SlotsRead.insert(D);
  Into.add(TU.slotLabel(D), nullptr);
}

std::map<std::string, Taint> FunctionAnalyzer::argFields(const Expr *A) {
  // For an argument of a struct type of the program: what each field
  // holds, so that a callee reading one field is not taken to read them all.
  std::map<std::string, Taint> Fields;
  const RecordDecl *RD = recordOfType(A->getType());
  if (RD && (RD = RD->getDefinition()) &&
      !SM.isInSystemHeader(RD->getLocation()))
    for (const FieldDecl *F : RD->fields())
      Fields[F->getNameAsString()] = resolvePlaceholder(
          "$p0." + F->getNameAsString(), nullptr, {A}, nullptr);
  return Fields;
}

Taint FunctionAnalyzer::value(const Expr *E) {
  if (!E)
    return {};
  if (Elements.count(E)) {
    auto It = Values.find(E);
    if (It != Values.end())
      return It->second;
  }
  return compute(E);
}

void FunctionAnalyzer::write(const Expr *Target, const Taint &T,
                             SourceLocation Loc, bool Strong) {
  bool Exact = false;
  auto P = pathOf(Target, &Exact);
  if (P)
    writePath(*P, Exact, T, Loc, Strong);
}

void FunctionAnalyzer::writePath(const Path &Where, bool Exact, const Taint &T,
                                 SourceLocation Loc, bool Strong) {
  const Path *P = &Where;
  Taint Stored = T.withStep(Loc, "stored in '" + P->describe() + "'");
  // A pointer's data may be what it points to, kept when it moves on; a
  // function pointer only says which function it calls.
  bool Local = P->Root && isa<VarDecl>(P->Root) &&
               cast<VarDecl>(P->Root)->hasLocalStorage() &&
               !P->Root->getType()->isReferenceType() &&
               (!P->Root->getType()->isPointerType() ||
                P->Root->getType()->isFunctionPointerType());
  if (Strong && Exact && (Local || P->IsThis)) {
    eraseCovered(Cur, *P);
    Cur[*P] = Stored;
  } else {
    Cur[*P].merge(Stored);
  }
  // Writes through reference or pointer parameters, and into the object,
  // are what the caller sees.
  const auto *PD = dyn_cast_or_null<ParmVarDecl>(P->Root);
  bool ThroughParam = PD && PD->getDeclContext() == FD &&
                      (PD->getType()->isReferenceType() ||
                       PD->getType()->isPointerType());
  if (ThroughParam || P->IsThis) {
    std::string Key =
        P->IsThis ? thisLabel() : paramLabel(PD->getFunctionScopeIndex());
    for (const FieldDecl *F : P->Fields)
      Key += "." + F->getNameAsString();
    Summary.OutEffects[Key].merge(Stored);
  }
  // Functions stored in a field or a global may be called from anywhere.
  const ValueDecl *Slot = !P->Fields.empty() ? P->Fields.back() : P->Root;
  if (TU.isSlot(Slot))
    for (const auto &[Label, Tr] : Stored.labels()) {
      if (isMarker(Label))
        for (const FunctionDecl *Target : TU.targetsOf(Label))
          TU.addSlotTarget(Slot, Target); // `a->fn = b->fn` too
      else if (isPlaceholder(Label) && Label.rfind("$c", 0) != 0)
        Summary.SlotWrites[Slot].add(Label, Tr);
    }
}

Taint FunctionAnalyzer::compute(const Expr *E) {
  Taint Result;
  E = E->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      Path P;
      P.Root = VD;
      Result = readPath(P);
      recordPurposeUse(DRE, Result);
      // A local object's fields are followed one by one; what its type
      // could hold says nothing about what it does hold. Objects from
      // elsewhere (parameters, globals, references) hold what their type
      // says they may.
      bool TrackedLocal = VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
                          !VD->getType()->isReferenceType() &&
                          !VD->getType()->isPointerType();
      Result.merge(sourcesOf(VD, TrackedLocal ? QualType() : VD->getType(), DRE));
      readSlot(VD, Result);
    } else if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl())) {
      Result.add(TU.fnLabel(Fn), nullptr); // `handler = sendReport`
    }
  } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl())) {
      if (auto P = pathOf(ME)) {
        Result = readPath(*P);
        recordPurposeUse(ME, Result);
      } else {
        Result = value(ME->getBase());
      }
      Result.merge(sourcesOf(F, F->getType(), ME));
      readSlot(F, Result);
    } else if (isa<VarDecl>(ME->getMemberDecl())) {
      Result = sourcesOf(ME->getMemberDecl(),
                         cast<VarDecl>(ME->getMemberDecl())->getType(), ME);
      readSlot(ME->getMemberDecl(), Result);
    } else if (const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
               MD && MD->isStatic()) {
      Result.add(TU.fnLabel(MD), nullptr);
    }
  } else if (isa<CXXThisExpr>(E)) {
    Path P;
    P.IsThis = true;
    Result = readPath(P);
  } else if (const auto *CE = dyn_cast<CastExpr>(E)) {
    // Casts keep the data; a cast to void discards it.
    if (!CE->getType()->isVoidType())
      Result = value(CE->getSubExpr());
  } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    Result = value(UO->getSubExpr());
    if (UO->getOpcode() == UO_LNot)
      Result = {};
  } else if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    SourceLocation Loc = SM.getFileLoc(BO->getOperatorLoc());
    switch (BO->getOpcode()) {
    case BO_Assign:
      Result = value(BO->getRHS());
      write(BO->getLHS(), Result, Loc, /*Strong=*/true);
      break;
    case BO_Comma:
      Result = value(BO->getRHS());
      break;
    case BO_LT: case BO_GT: case BO_LE: case BO_GE: case BO_EQ: case BO_NE:
    case BO_LAnd: case BO_LOr: case BO_Cmp:
      break; // a yes/no answer about data is not the data
    default:
      Result = value(BO->getLHS());
      Result.merge(value(BO->getRHS()));
      if (BO->isCompoundAssignmentOp())
        write(BO->getLHS(), Result, Loc, /*Strong=*/false);
      break;
    }
  } else if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    Result = value(CO->getTrueExpr());
    Result.merge(value(CO->getFalseExpr()));
  } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    Result = value(ASE->getBase());
  } else if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    for (const Expr *Init : ILE->inits())
      Result.merge(value(Init));
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    OverloadedOperatorKind Op = OC->getOperator();
    SourceLocation Loc = SM.getFileLoc(OC->getOperatorLoc());
    if (Op == OO_Equal && OC->getNumArgs() == 2) {
      Result = value(OC->getArg(1));
      write(OC->getArg(0), Result, Loc, /*Strong=*/true);
    } else if (Op == OO_EqualEqual || Op == OO_ExclaimEqual || Op == OO_Less ||
               Op == OO_Greater || Op == OO_LessEqual ||
               Op == OO_GreaterEqual || Op == OO_Spaceship) {
      // Comparisons answer yes or no.
    } else {
      const FunctionDecl *Callee = OC->getDirectCallee();
      const Expr *Object = nullptr;
      std::vector<const Expr *> Args(OC->arg_begin(), OC->arg_end());
      if (isa_and_nonnull<CXXMethodDecl>(Callee) && !Args.empty()) {
        Object = Args.front();
        Args.erase(Args.begin());
      }
      Result = computeCall(OC, Callee, Object, Args);
    }
  } else if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    std::vector<const Expr *> Args(MCE->arg_begin(), MCE->arg_end());
    Result = computeCall(MCE, MCE->getMethodDecl(),
                         MCE->getImplicitObjectArgument(), Args);
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    std::vector<const Expr *> Args(Call->arg_begin(), Call->arg_end());
    Result = computeCall(Call, Call->getDirectCallee(), nullptr, Args);
  } else if (const auto *CCE = dyn_cast<CXXConstructExpr>(E)) {
    std::vector<const Expr *> Args(CCE->arg_begin(), CCE->arg_end());
    Result = computeCall(CCE, CCE->getConstructor(), nullptr, Args);
  } else if (const auto *NE = dyn_cast<CXXNewExpr>(E)) {
    if (NE->getInitializer())
      Result = value(NE->getInitializer());
  } else if (const auto *LE = dyn_cast<LambdaExpr>(E)) {
    // The closure carries what it captures, and the function it is.
    for (const Expr *Init : LE->capture_inits())
      if (Init)
        Result.merge(value(Init));
    Result.add(TU.fnLabel(LE->getCallOperator()), nullptr);
  } else if (const auto *DAE = dyn_cast<CXXDefaultArgExpr>(E)) {
    Result = value(DAE->getExpr());
  } else if (const auto *DIE = dyn_cast<CXXDefaultInitExpr>(E)) {
    Result = value(DIE->getExpr());
  } else if (const auto *FE = dyn_cast<FullExpr>(E)) {
    Result = value(FE->getSubExpr());
  } else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E)) {
    Result = value(MTE->getSubExpr());
  } else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E)) {
    Result = value(BTE->getSubExpr());
  } else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E)) {
    Result = value(FC->getSubExpr());
  } else if (const auto *SE = dyn_cast<StmtExpr>(E)) {
    if (const auto *Last = dyn_cast_or_null<Expr>(SE->getSubStmt()->body_back()))
      Result = value(Last);
  }
  Values[E] = Result;
  return Result;
}

void FunctionAnalyzer::recordFlow(const SinkSite &Site, const Taint &Data) {
  bool FromCatalog = !Site.CatalogEntry.empty();
  // A declared sink on the way covers what the API underneath does.
  if (FromCatalog &&
      ((Site.Kind == SinkKind::Network && CoversNetwork) ||
       (Site.Kind == SinkKind::Store && CoversStore) ||
       (Site.Kind == SinkKind::Log && CoversLog)))
    return;
  const std::set<std::string> *CoveredParams =
      !FromCatalog                          ? nullptr
      : Site.Kind == SinkKind::Network ? &CoveredNetworkParams
      : Site.Kind == SinkKind::Store   ? &CoveredStoreParams
      : Site.Kind == SinkKind::Log     ? &CoveredLogParams
                                       : nullptr;
  SinkFlow Concrete{Site, {}}, Pending{Site, {}};
  for (const auto &[Label, Tr] : Data.labels()) {
    if (Label.empty() || Label[0] == '#')
      continue;
    if (CoveredParams && CoveredParams->count(Label.substr(0, Label.find('.'))))
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
    if (!Label.empty() && Label[0] != '#' && !isPlaceholder(Label) &&
        TU.CrossingKeys.insert({C.Loc.getRawEncoding(), 0, C.Callee, Label})
            .second)
      Concrete.add(Label, Tr);
  if (Concrete.empty())
    return;
  C.Data = std::move(Concrete);
  TU.Out->Crossings.push_back(std::move(C));
}

void FunctionAnalyzer::recordPurposeUse(const Expr *E, const Taint &T) {
  if (!OwnPurpose || T.empty())
    return;
  // Parents within this function's body only: a parent map of the whole
  // translation unit (system headers included) costs more than the rest.
  if (!Parents)
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(FD->getBody()));
  auto ParentExpr = [&](const Stmt *S) {
    return dyn_cast_or_null<Expr>(Parents->getParent(S));
  };
  // A member chain is one use: its outermost expression.
  const Expr *PE = ParentExpr(E);
  while (PE && (isa<ImplicitCastExpr>(PE) || isa<ParenExpr>(PE)))
    PE = ParentExpr(PE);
  if (PE && isa<MemberExpr>(PE))
    return;
  // Naming whose consent to check is not processing for the purpose.
  const Stmt *Up = E;
  for (int Depth = 0; Up && Depth < 6; ++Depth) {
    const Stmt *Parent = Parents->getParent(Up);
    if (const auto *Call = dyn_cast_or_null<CallExpr>(Parent))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (findAnnotation(Callee, AnnotationKind::ConsentCheck))
          return;
    Up = dyn_cast_or_null<Expr>(Parent);
  }
  Taint Placeholders;
  for (const auto &[Label, Tr] : T.labels())
    if (isPlaceholder(Label) && Label.rfind("$c", 0) != 0 &&
        !isReturnPlaceholder(Label))
      Placeholders.add(Label, Tr);
  if (Placeholders.empty())
    return;
  SinkSite Site;
  Site.Kind = SinkKind::Purpose;
  Site.InFunction = FD;
  Site.Loc = SM.getFileLoc(E->getExprLoc());
  Site.Via = quoted(FD);
  Site.DeclaredAt = SM.getFileLoc(OwnPurpose->From.Loc);
  for (const std::string &P : OwnPurpose->Purposes)
    Site.Target += (Site.Target.empty() ? "" : ",") + P;
  recordFlow(Site, Placeholders);
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
  std::vector<std::string> Parts;
  {
    std::string Rest = Label.substr(1);
    size_t Dot;
    while ((Dot = Rest.find('.')) != std::string::npos) {
      Parts.push_back(Rest.substr(0, Dot));
      Rest = Rest.substr(Dot + 1);
    }
    Parts.push_back(Rest);
  }
  const std::string &Head = Parts.front();
  std::vector<std::string> FieldNames(Parts.begin() + 1, Parts.end());

  const Expr *Base = nullptr;
  std::optional<Path> BasePath;
  if (Given && Head[0] == 'p') {
    // Known only as taints: a field the caller knew, else the whole
    // argument (its placeholders narrowed to the field).
    unsigned Index = std::stoul(Head.substr(1));
    if (Index >= Given->Args.size())
      return {};
    if (!FieldNames.empty() && Index < Given->Fields.size()) {
      auto It = Given->Fields[Index].find(FieldNames.front());
      if (It != Given->Fields[Index].end())
        return It->second;
    }
    Taint Out;
    for (const auto &[L, Tr] : Given->Args[Index].labels()) {
      std::string Refined = L;
      if (isPlaceholder(L))
        for (const std::string &F : FieldNames)
          Refined += "." + F;
      Out.add(Refined, Tr);
    }
    return Out;
  }
  if (Given && Head == "this")
    return {}; // the object of a callback is not known here
  if (Head == "this") {
    Base = Object;
  } else if (Head[0] == 'p') {
    if (LambdaParams)
      return *LambdaParams;
    unsigned Index = std::stoul(Head.substr(1));
    if (Index < Args.size())
      Base = Args[Index];
  } else if (Head[0] == 'c') {
    auto It = TU.CapturedVars.find("$" + Head);
    if (It == TU.CapturedVars.end())
      return {};
    Path P;
    P.Root = It->second;
    BasePath = P;
  }
  if (Base)
    BasePath = pathOf(Base);
  if (Base && (FieldNames.empty() || !BasePath))
    return value(Base);
  if (!BasePath)
    return {};
  // Field by field where the caller's value is a path: what the caller
  // holds there, and what those fields are declared to be.
  Path P = *BasePath;
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
    for (const auto &[ActualLabel, CallerPath] : Actual.labels())
      Out.add(ActualLabel,
              concatTraces(extendTrace(CallerPath, Loc, PassedHere), CalleePath));
  }
  return Out;
}

void FunctionAnalyzer::applySummary(const FunctionSummary &S,
                                    const FunctionDecl *Callee,
                                    const Expr *Call, const Expr *Object,
                                    llvm::ArrayRef<const Expr *> Args,
                                    bool ImportFlows, Taint &Result) {
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  // What each placeholder stands for at this call, resolved once: the
  // summary's parts name the same parameters, as they were at the call.
  std::map<std::string, Taint> Resolved;
  auto Substitute = [&](const Taint &T) {
    return substitute(T, Call, Callee, Object, Args, nullptr, nullptr,
                      SourceLocation(), &Resolved);
  };
  Result.merge(Substitute(S.Return)
                   .withStep(Loc, "returned by " + quoted(Callee) + " here"));
  for (const auto &[Key, Effect] : S.OutEffects) {
    Taint Written = Substitute(Effect);
    if (Written.empty())
      continue;
    // Key "$p1.name" → argument 1's field name.
    std::string Head = Key.substr(1, Key.find('.') == std::string::npos
                                         ? std::string::npos
                                         : Key.find('.') - 1);
    const Expr *Target = nullptr;
    if (Head == "this")
      Target = Object;
    else if (Head[0] == 'p' && std::stoul(Head.substr(1)) < Args.size())
      Target = Args[std::stoul(Head.substr(1))];
    if (!Target)
      continue;
    // Into the field the callee wrote, where the argument is a path.
    auto P = pathOf(Target);
    if (!P) {
      write(Target, Written, Loc, /*Strong=*/false);
      continue;
    }
    QualType Type = Target->getType();
    for (size_t Dot = Key.find('.'); Dot != std::string::npos;) {
      size_t Next = Key.find('.', Dot + 1);
      std::string Name = Key.substr(Dot + 1, Next == std::string::npos
                                                 ? std::string::npos
                                                 : Next - Dot - 1);
      const FieldDecl *F = fieldNamed(recordOfType(Type), Name);
      if (!F)
        break;
      P->Fields.push_back(F);
      Type = F->getType();
      Dot = Next;
    }
    writePath(*P, /*Exact=*/false, Written, Loc, /*Strong=*/false);
  }
  std::vector<SinkAnnotation> CalleeSinks;
  if (!ImportFlows)
    CalleeSinks = sinkAnnotationsOf(Callee, SM);
  for (const SinkFlow &F : S.Flows) {
    if (F.Site.Kind == SinkKind::Purpose) {
      // Within one purpose the caller's own reads were judged already.
      if (OwnPurpose && SM.getFileLoc(OwnPurpose->From.Loc) == F.Site.DeclaredAt)
        continue;
    } else if (!ImportFlows && !F.Site.CatalogEntry.empty()) {
      // The callee's declaration covers the APIs it uses for that kind of
      // sink; other sinks in its body still count.
      bool Covered = false;
      for (const SinkAnnotation &A : CalleeSinks)
        Covered |= A.Param < 0 &&
                   ((A.Site.Kind == SinkKind::Transfer && F.Site.Kind == SinkKind::Network) ||
                    A.Site.Kind == F.Site.Kind);
      if (Covered)
        continue;
    }
    recordFlow(F.Site, Substitute(F.Data));
  }
  // Callbacks the callee runs: what this call passes decides which.
  for (const IndirectCall &IC : S.IndirectCalls) {
    if (!isPlaceholder(IC.Callee))
      continue;
    Taint CalleeValue = resolvePlaceholder(IC.Callee, Object, Args, nullptr);
    bool Targets = false, PassedOn = false;
    for (const auto &[Label, Tr] : CalleeValue.labels()) {
      Targets |= !TU.targetsOf(Label).empty();
      PassedOn |= isPlaceholder(Label) && Label.rfind("$c", 0) != 0;
    }
    if (!Targets && (!PassedOn || IC.Hops >= MaxCallbackHops))
      continue;
    GivenArgs Given;
    for (const Taint &T : IC.Args)
      Given.Args.push_back(Substitute(T));
    for (const auto &Fields : IC.ArgFields) {
      std::map<std::string, Taint> Substituted;
      for (const auto &[Name, T] : Fields)
        Substituted[Name] = Substitute(T);
      Given.Fields.push_back(std::move(Substituted));
    }
    runCallbackTargets(IC.In ? IC.In : Callee, IC.Loc, Call, CalleeValue,
                       Given, IC.Hops);
  }
}

void FunctionAnalyzer::recordInternalCall(const FunctionSummary &S,
                                          const FunctionDecl *Callee,
                                          SourceLocation Loc,
                                          const Expr *Object,
                                          llvm::ArrayRef<const Expr *> Args) {
  if (!S.ReachesOtherFiles)
    return;
  ExternalCall EC;
  EC.Caller = FD;
  EC.Callee = Callee;
  EC.Loc = Loc;
  EC.Internal = true;
  for (const Expr *A : Args)
    EC.Args.push_back(value(A)); // what comes back is rare: no field detail
  if (Object)
    EC.Object = value(Object);
  TU.addExternalCall(std::move(EC));
  Summary.ReachesOtherFiles = true;
}

void FunctionAnalyzer::recordIndirectCall(const std::string &Callee,
                                          const FunctionDecl *In,
                                          SourceLocation Loc, GivenArgs Args,
                                          unsigned Hops) {
  if (Hops > MaxCallbackHops)
    return;
  // A slot other files fill can bring their functions back here; a
  // callback parameter is resolved by the callers, in this file or not.
  if (!isPlaceholder(Callee))
    Summary.ReachesOtherFiles = true;
  auto Key = std::make_pair(Loc.getRawEncoding(), Callee);
  auto It = IndirectIndex.find(Key);
  if (It == IndirectIndex.end()) {
    if (Summary.IndirectCalls.size() >= MaxIndirectCalls)
      return;
    IndirectIndex[Key] = Summary.IndirectCalls.size();
    Summary.IndirectCalls.push_back({Callee, In, Loc, std::move(Args.Args),
                                     std::move(Args.Fields), Hops});
    return;
  }
  // Later rounds of the fixpoint see more.
  IndirectCall &Old = Summary.IndirectCalls[It->second];
  mergeArguments(Old.Args, Old.ArgFields, Args.Args, Args.Fields);
}

/// A method that needs an object the function value does not carry
/// (`&Mailer::send`): its calls are not followed.
static bool needsObject(const FunctionDecl *Target) {
  const auto *MD = dyn_cast<CXXMethodDecl>(Target);
  return MD && MD->isInstance() && !MD->getParent()->isLambda();
}

void FunctionAnalyzer::runCallbackTargets(const FunctionDecl *CallsFrom,
                                          SourceLocation CallLoc,
                                          const Expr *OuterCall,
                                          const Taint &CalleeValue,
                                          const GivenArgs &Given,
                                          unsigned Hops) {
  SourceLocation OuterLoc = SM.getFileLoc(OuterCall->getExprLoc());
  // What a target does with the same labels at the same call was recorded
  // already (flows and calls are sets): callbacks that run callbacks, as
  // parsers' state machines do, would otherwise multiply at every level.
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
  for (const auto &[Label, Tr] : CalleeValue.labels()) {
    if (isPlaceholder(Label) && Label.rfind("$c", 0) != 0) {
      // Passed in by our own caller: resolved where we are called.
      recordIndirectCall(Label, CallsFrom, CallLoc, Given, Hops + 1);
      continue;
    }
    for (const FunctionDecl *Target : TU.targetsOf(Label)) {
      if (needsObject(Target) ||
          !CallbacksApplied.insert(Signature + "|" + TU.fnLabel(Target)).second)
        continue;
      TU.Out->Calls.push_back({CallsFrom, Target, CallLoc});
      bool FunctionLevelSink = false;
      std::vector<SinkAnnotation> Sinks = sinkAnnotationsOf(Target, SM);
      for (SinkAnnotation &A : Sinks) {
        A.Site.Loc = CallLoc;
        Taint In;
        if (A.Param < 0) {
          FunctionLevelSink = true;
          for (const Taint &T : Given.Args)
            In.merge(T);
        } else if (static_cast<size_t>(A.Param) < Given.Args.size()) {
          In = Given.Args[A.Param];
        }
        recordFlow(A.Site, In);
      }
      const FunctionDecl *Def = TU.definitionOf(Target);
      const FunctionSummary *S = Def ? TU.summaryOf(Def) : nullptr;
      if (!S) {
        if (!TU.hasBody(Target) && Sinks.empty() &&
            !SM.isInSystemHeader(Target->getLocation())) {
          // Defined in another file: privacy-scan applies its summary.
          ExternalCall EC;
          EC.Caller = FD;
          EC.Callee = Target;
          EC.Loc = OuterLoc;
          EC.Args = Given.Args;
          EC.ArgFields = Given.Fields;
          TU.addExternalCall(std::move(EC));
          Summary.ReachesOtherFiles = true;
        }
        continue;
      }
      for (const SinkFlow &F : S->Flows) {
        if (F.Site.Kind == SinkKind::Purpose) {
          if (OwnPurpose && SM.getFileLoc(OwnPurpose->From.Loc) == F.Site.DeclaredAt)
            continue;
        } else if (FunctionLevelSink && !F.Site.CatalogEntry.empty()) {
          continue; // the target's declaration covers the APIs it uses
        }
        recordFlow(F.Site, substitute(F.Data, OuterCall, Def, nullptr, {},
                                      nullptr, &Given, CallLoc));
      }
      // A target's own calls through function values are not followed from
      // here: a callback handed a callback is rare, and following every
      // target's callbacks at every call multiplies in parsers' state machines.
    }
  }
}

Taint FunctionAnalyzer::computeIndirectCall(const Expr *Call,
                                            const Expr *Through,
                                            llvm::ArrayRef<const Expr *> Args) {
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  Taint CalleeValue = value(Through);
  Taint Result;
  bool Resolved = false, Open = false;
  std::set<const FunctionDecl *> Seen;
  // Read from a field or global holding functions: every function stored
  // there anywhere is a target (field-based), so the caller's context adds
  // nothing; other files can add targets only to slots declared outside
  // this file.
  bool FromSlot = false;
  for (const auto &[Label, Tr] : CalleeValue.labels())
    FromSlot |= Label.rfind("#slot:", 0) == 0;
  auto Record = [&](const std::string &Label) {
    // The arguments whole: per field of every struct argument at every
    // call through a function value is what made large C code (SQLite)
    // many times slower.
    GivenArgs Given;
    for (const Expr *A : Args)
      Given.Args.push_back(value(A));
    recordIndirectCall(Label, FD, Loc, std::move(Given), 0);
  };
  ++IndirectDepth;
  for (const auto &[Label, Tr] : CalleeValue.labels()) {
    for (const FunctionDecl *Target : TU.targetsOf(Label)) {
      if (!Seen.insert(Target).second)
        continue;
      if (needsObject(Target)) {
        Open = true;
        continue;
      }
      // A lambda's object is the closure the value holds.
      const Expr *Object =
          isa<CXXMethodDecl>(Target) ? Through : nullptr;
      Result.merge(computeCall(Call, Target, Object, Args));
      Resolved = true;
    }
    if (TU.functionOf(Label)) {
      continue;
    } else if (isPlaceholder(Label) && Label.rfind("$c", 0) != 0 &&
               !FromSlot) {
      Record(Label);
      Open = true;
    } else if (Label.rfind("#slot:", 0) == 0) {
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
    for (const Expr *A : Args)
      Result.merge(value(A));
    Result.merge(CalleeValue);
  }
  return Result;
}

static bool whenHolds(const CatalogEntry &E, llvm::ArrayRef<const Expr *> Args,
                      const SourceManager &SM, const LangOptions &LO) {
  if (E.WhenArg < 0)
    return true;
  if (static_cast<size_t>(E.WhenArg) >= Args.size())
    return false;
  const Expr *Arg = Args[E.WhenArg]->IgnoreParenImpCasts();
  std::string Spelled;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg))
    Spelled = DRE->getDecl()->getNameAsString();
  else
    Spelled = Lexer::getSourceText(
                  CharSourceRange::getTokenRange(Args[E.WhenArg]->getSourceRange()),
                  SM, LO)
                  .str();
  return std::find(E.WhenIn.begin(), E.WhenIn.end(), Spelled) != E.WhenIn.end();
}

/// The stream a chain of << starts from: `std::cout << a << b`.
static const VarDecl *streamRoot(const Expr *E) {
  for (int Depth = 0; E && Depth < 64; ++Depth) {
    E = ignoreNoise(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      E = OC->getNumArgs() ? OC->getArg(0) : nullptr;
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      E = MC->getImplicitObjectArgument();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

bool FunctionAnalyzer::applyCatalog(const FunctionDecl *Callee,
                                    const Expr *Call, const Expr *Object,
                                    llvm::ArrayRef<const Expr *> Args,
                                    Taint &Result) {
  if (!TU.Catalog || !Callee)
    return false;
  const auto &Entries = TU.Catalog->lookup(catalogName(Callee));
  if (Entries.empty())
    return false;
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  std::string Name = catalogName(Callee);
  bool DecidesReturn = false;
  // Free operator<< takes the stream as argument 0.
  const Expr *Stream = Object ? Object : (Args.empty() ? nullptr : Args[0]);
  for (const CatalogEntry *E : Entries) {
    auto Flowing = [&]() {
      Taint In;
      for (size_t I = 0; I < Args.size(); ++I)
        if (E->Args.contains(static_cast<int>(I)))
          In.merge(value(Args[I]));
      if (E->IncludesObject && Object)
        In.merge(value(Object));
      return In;
    };
    auto Target = [&](const ValueRef &V) -> const Expr * {
      if (V.K == ValueRef::Object)
        return Object;
      if (V.K == ValueRef::Argument && static_cast<size_t>(V.Index) < Args.size())
        return Args[V.Index];
      return nullptr;
    };
    switch (E->Kind) {
    case CatalogEntryKind::Sink: {
      if (!whenHolds(*E, Args, SM, Ctx.getLangOpts()))
        break;
      if (!E->ReceiverIn.empty()) {
        const VarDecl *Root = streamRoot(Stream);
        if (!Root || std::find(E->ReceiverIn.begin(), E->ReceiverIn.end(),
                               Root->getQualifiedNameAsString()) ==
                         E->ReceiverIn.end())
          break;
      }
      if (!E->FdFrom.empty()) {
        // write(2) is a network sink only on a socket.
        Taint Fd = Args.empty() ? Taint() : value(Args[0]);
        bool IsSocket = false;
        for (const std::string &From : E->FdFrom)
          IsSocket |= Fd.has("#fd:" + From);
        if (!IsSocket)
          break;
      }
      SinkSite Site;
      Site.Loc = Loc;
      Site.Via = "'" + Name + "'";
      Site.CatalogEntry = E->DeclaredAt;
      Site.Target = E->Target;
      Site.Country = E->Country;
      switch (E->Sink) {
      case CatalogSinkKind::Transfer: Site.Kind = SinkKind::Transfer; break;
      case CatalogSinkKind::Store: Site.Kind = SinkKind::Store; break;
      case CatalogSinkKind::Log: Site.Kind = SinkKind::Log; break;
      case CatalogSinkKind::Network: Site.Kind = SinkKind::Network; break;
      }
      recordFlow(Site, Flowing());
      break;
    }
    case CatalogEntryKind::Propagator: {
      Taint In = Flowing().withStep(Loc, "copied by '" + Name + "' here");
      if (E->Value.K == ValueRef::Return) {
        Result.merge(In);
        DecidesReturn = true;
      } else if (const Expr *To = Target(E->Value)) {
        write(To, In, Loc, /*Strong=*/false);
      }
      break;
    }
    case CatalogEntryKind::Anonymizer:
      if (E->Value.K == ValueRef::Return)
        DecidesReturn = true;
      break;
    case CatalogEntryKind::Source: {
      Taint Src;
      Src.add(E->Item, extendTrace(nullptr, Loc,
                                   "'" + E->Item + "' comes from '" + Name +
                                       "' here"));
      if (E->Value.K == ValueRef::Return)
        Result.merge(Src);
      else if (const Expr *To = Target(E->Value))
        write(To, Src, Loc, /*Strong=*/false);
      break;
    }
    }
  }
  return DecidesReturn;
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
    for (const SinkFlow &F : S->Flows)
      recordFlow(F.Site, substitute(F.Data, Call, Op, nullptr, {}, &Given));
  }
}

Taint FunctionAnalyzer::computeCall(const Expr *Call, const FunctionDecl *Callee,
                                    const Expr *Object,
                                    llvm::ArrayRef<const Expr *> Args) {
  SourceLocation Loc = SM.getFileLoc(Call->getExprLoc());
  Taint Result;
  // __builtin_expect and friends carry no data; library builtins (printf,
  // snprintf, memcpy) are ordinary calls for the catalog.
  if (unsigned ID = Callee ? Callee->getBuiltinID() : 0;
      ID && !Ctx.BuiltinInfo.isPredefinedLibFunction(ID) &&
      !Ctx.BuiltinInfo.isLibFunction(ID)) {
    for (const Expr *A : Args)
      Result.merge(value(A));
    return Result;
  }
  // Calls through function values run every target known.
  const Expr *Through = nullptr;
  llvm::ArrayRef<const Expr *> CallArgs = Args;
  if (!Callee) {
    if (const auto *CE = dyn_cast<CallExpr>(Call))
      Through = CE->getCallee();
  } else if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
             MD && MD->getOverloadedOperator() == OO_Call && Object &&
             !TU.definitionOf(MD) && mayHoldFunction(Object->getType())) {
    Through = Object; // std::function<...>::operator()
  } else if (!Args.empty() && Callee->isInStdNamespace() &&
             Callee->getIdentifier() &&
             (Callee->getName() == "invoke" || Callee->getName() == "invoke_r")) {
    Through = Args.front();
    CallArgs = Args.drop_front();
  }
  if (Through && IndirectDepth < 4)
    return computeIndirectCall(Call, Through, CallArgs);

  if (Callee) {
    TU.Out->Calls.push_back({FD, Callee, Loc});

    // Declared sinks.
    std::vector<SinkAnnotation> Sinks = sinkAnnotationsOf(Callee, SM);
    bool FunctionLevelSink = false;
    for (SinkAnnotation &S : Sinks) {
      S.Site.Loc = Loc;
      Taint In;
      if (S.Param < 0) {
        FunctionLevelSink = true;
        for (const Expr *A : Args)
          In.merge(value(A));
        if (Object)
          In.merge(value(Object));
      } else if (static_cast<size_t>(S.Param) < Args.size()) {
        In = value(Args[S.Param]);
      }
      recordFlow(S.Site, In);
    }

    // Data a function with a purpose of its own reads and returns is used
    // under the caller's purposes from here on.
    auto CalleePurpose = purposeOfContext(Callee);
    bool Crosses = CalleePurpose && (!OwnPurpose || OwnPurpose->From.Attr !=
                                                        CalleePurpose->From.Attr);

    bool Anonymizes = findAnnotation(Callee, AnnotationKind::Anonymize).has_value();
    const FunctionDecl *Def = TU.definitionOf(Callee);
    const FunctionSummary *S = Def ? TU.summaryOf(Def) : nullptr;
    // A virtual call (not qualified) may run every override seen.
    bool Dispatches = false;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
        Dispatches = !ME->hasQualifier();
    if (Dispatches || isa<CXXOperatorCallExpr>(Call))
      for (const FunctionDecl *Override : TU.overridersOf(Callee))
        if (const FunctionSummary *OS = TU.summaryOf(Override)) {
          TU.Out->Calls.push_back({FD, Override, Loc});
          recordInternalCall(*OS, Override, Loc, Object, Args);
          Taint Returned;
          applySummary(*OS, Override, Call, Object, Args, /*ImportFlows=*/true,
                       Returned);
          if (!Anonymizes)
            Result.merge(Returned);
        }
    if (S) {
      recordInternalCall(*S, Def, Loc, Object, Args);
      Taint Returned;
      applySummary(*S, Def, Call, Object, Args,
                   /*ImportFlows=*/!FunctionLevelSink, Returned);
      if (Crosses) {
        PurposeCrossing C;
        C.Caller = FD;
        C.Callee = Callee;
        C.Loc = Loc;
        for (const auto &[Label, Tr] : S->Return.labels())
          if (!isPlaceholder(Label))
            C.Data.add(Label,
                       extendTrace(Tr, Loc, "returned by " + quoted(Callee) +
                                                " here"));
        recordCrossing(std::move(C));
      }
      if (!Anonymizes)
        Result.merge(Returned);
    } else if (!Def || !TU.hasBody(Def)) {
      bool Decided = applyCatalog(Callee, Call, Object, Args, Result);
      if (!SM.isInSystemHeader(Callee->getLocation()) && Sinks.empty() &&
          TU.Catalog && TU.Catalog->lookup(catalogName(Callee)).empty()) {
        ExternalCall EC;
        EC.Caller = FD;
        EC.Callee = Callee;
        EC.Loc = Loc;
        for (const Expr *A : Args) {
          EC.Args.push_back(value(A));
          EC.ArgFields.push_back(argFields(A));
        }
        if (Object)
          EC.Object = value(Object);
        // privacy-scan puts in what the callee returns.
        if (!Callee->getReturnType()->isVoidType() && !Anonymizes) {
          EC.ReturnLabel = TU.returnLabel(Call);
          Result.add(EC.ReturnLabel, nullptr);
        }
        TU.addExternalCall(std::move(EC));
        Summary.ReachesOtherFiles = true;
      }
      applyLambdaArguments(Call, Args);
      if (!Decided && !Anonymizes) {
        // Unknown code: what goes in comes out, and a non-const method or a
        // stream-like first parameter takes in what it is given.
        Taint In;
        for (const Expr *A : Args)
          In.merge(value(A));
        Result.merge(In);
        if (Object)
          Result.merge(value(Object));
        // A struct of the program returned by value from unknown code may
        // hold what its fields are declared to be. (One returned by
        // reference lives elsewhere: reading it says so field by field.)
        QualType Returned = Callee->getReturnType();
        if (const RecordDecl *RD = recordOfType(Returned);
            RD && RD->getDefinition() && !Returned->isReferenceType() &&
            !Returned->isPointerType() &&
            !SM.isInSystemHeader(RD->getDefinition()->getLocation()))
          Result.merge(sourcesOf(nullptr, Callee->getReturnType(), Call));
        const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
        const Expr *Receiver = nullptr;
        if (MD && Object && !MD->isConst() && !isa<CXXConstructorDecl>(MD))
          Receiver = Object;
        else if (!MD && !Args.empty() && Callee->getNumParams() > 0 &&
                 Callee->getParamDecl(0)->getType()->isLValueReferenceType() &&
                 !Callee->getParamDecl(0)
                      ->getType()
                      ->getPointeeType()
                      .isConstQualified() &&
                 recordOfType(Callee->getParamDecl(0)->getType())) {
          Receiver = Args[0];
          In = {};
          for (size_t I = 1; I < Args.size(); ++I)
            In.merge(value(Args[I]));
        }
        // `os << a << b`: the stream is at the root of the chain.
        while (Receiver && !pathOf(Receiver)) {
          const Expr *R = ignoreNoise(Receiver);
          if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(R))
            Receiver = OC->getNumArgs() ? OC->getArg(0) : nullptr;
          else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(R))
            Receiver = MC->getImplicitObjectArgument();
          else
            Receiver = nullptr;
        }
        if (Receiver && !In.empty())
          write(Receiver, In.withStep(Loc, "added to it by " + quoted(Callee)),
                Loc, /*Strong=*/false);
      }
    } else {
      // A body we are still analysing (recursion): what goes in comes out.
      for (const Expr *A : Args)
        Result.merge(value(A));
    }
    if (Anonymizes)
      Result = {};
    if (!TU.FdSources.empty()) {
      std::string Name = catalogName(Callee);
      if (TU.FdSources.count(Name))
        Result.add("#fd:" + Name, nullptr);
    }
    if (auto O = dataOfDecl(Callee); O && isa<FunctionDecl>(O->Source))
      Result.add(O->Item, extendTrace(nullptr, Loc,
                                      "'" + O->Item + "' is returned by " +
                                          quoted(Callee) + " here"));
    return Result;
  }
  // Through a function value nested too deep: conservative.
  for (const Expr *A : Args)
    Result.merge(value(A));
  if (const auto *CE = dyn_cast<CallExpr>(Call))
    Result.merge(value(CE->getCallee()));
  return Result;
}

void FunctionAnalyzer::processDecl(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!Init)
    return;
  SourceLocation Loc = SM.getFileLoc(VD->getLocation());
  Path P;
  P.Root = VD;
  // Aggregates field by field, so one field's data stays in its field.
  if (const auto *ILE = dyn_cast<InitListExpr>(ignoreNoise(Init))) {
    const RecordDecl *RD = recordOfType(VD->getType());
    if (RD && !VD->getType()->isPointerType() && ILE->isSemanticForm()) {
      eraseCovered(Cur, P);
      unsigned Index = 0;
      if (RD->getDefinition())
        for (const FieldDecl *F : RD->getDefinition()->fields()) {
          if (Index >= ILE->getNumInits())
            break;
          Taint T = value(ILE->getInit(Index++));
          if (T.empty())
            continue;
          Path FP = P;
          FP.Fields.push_back(F);
          Cur[FP] = T.withStep(Loc, "stored in '" + FP.describe() + "'");
        }
      return;
    }
  }
  // Copying a struct of the program from a path copies it field by field,
  // so that one field's data stays in that field of the copy.
  const Expr *Source = ignoreNoise(Init);
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(Source))
    if (CCE->getNumArgs() == 1 && CCE->getConstructor()->isCopyOrMoveConstructor())
      Source = ignoreNoise(CCE->getArg(0));
  const RecordDecl *RD = recordOfType(VD->getType());
  auto From = pathOf(Source);
  if (From && RD && RD->getDefinition() && !VD->getType()->isPointerType() &&
      !VD->getType()->isReferenceType() &&
      !SM.isInSystemHeader(RD->getDefinition()->getLocation())) {
    std::vector<std::pair<Path, Taint>> Copies;
    bool Seeded = false;
    for (auto It = firstWithRoot(Cur, *From);
         It != Cur.end() && It->first.sameRoot(*From); ++It) {
      const auto &[Q, QT] = *It;
      if (Q.covers(*From)) {
        Seeded = true;
        Taint Refined;
        for (const auto &[Label, Tr] : QT.labels()) {
          std::string L = Label;
          if (isPlaceholder(Label))
            for (size_t I = Q.Fields.size(); I < From->Fields.size(); ++I) {
              if (SM.isInSystemHeader(From->Fields[I]->getLocation()))
                break;
              L += "." + From->Fields[I]->getNameAsString();
            }
          Refined.add(L, Tr);
        }
        Copies.push_back({P, Refined});
      } else if (From->covers(Q)) {
        Path To = P;
        To.Fields.insert(To.Fields.end(),
                         Q.Fields.begin() + From->Fields.size(), Q.Fields.end());
        Copies.push_back({To, QT});
      }
    }
    if (!Seeded)
      Copies.push_back({P, placeholderFor(*From)});
    // What the source's own declaration says it is (not its type: the
    // copy has the same type and says so itself).
    const Decl *Last = From->Fields.empty() ? static_cast<const Decl *>(From->Root)
                                            : From->Fields.back();
    if (auto O = dataOfDecl(Last)) {
      Taint Own;
      Own.add(O->Item, extendTrace(nullptr, SM.getFileLoc(Source->getExprLoc()),
                                   "'" + O->Item + "' is read from " +
                                       describeSource(O->Source) + " here"));
      Copies.push_back({P, Own});
    }
    eraseCovered(Cur, P);
    for (auto &[To, QT] : Copies)
      if (!QT.empty())
        Cur[To].merge(QT.withStep(Loc, "stored in '" + To.describe() + "'"));
    return;
  }
  Taint T = value(Init);
  eraseCovered(Cur, P);
  if (!T.empty())
    Cur[P] = T.withStep(Loc, "stored in '" + P.describe() + "'");
}

void FunctionAnalyzer::processElement(const CFGElement &Elem) {
  if (auto S = Elem.getAs<CFGStmt>()) {
    const Stmt *St = S->getStmt();
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          processDecl(VD);
    } else if (const auto *RS = dyn_cast<ReturnStmt>(St)) {
      if (const Expr *RV = RS->getRetValue())
        Summary.Return.merge(value(RV).withStep(
            SM.getFileLoc(RS->getReturnLoc()), "returned here"));
    } else if (const auto *E = dyn_cast<Expr>(St)) {
      Values.erase(E); // recompute under the current state
      compute(E);
    }
  } else if (auto I = Elem.getAs<CFGInitializer>()) {
    const CXXCtorInitializer *Init = I->getInitializer();
    if (const FieldDecl *F = Init->getMember()) {
      Taint T = value(Init->getInit());
      if (!T.empty()) {
        Path P;
        P.IsThis = true;
        P.Fields.push_back(F);
        SourceLocation Loc = SM.getFileLoc(Init->getSourceLocation());
        Taint Stored = T.withStep(Loc, "stored in '" + P.describe() + "'");
        Cur[P].merge(Stored);
        Summary.OutEffects[std::string(thisLabel()) + "." +
                           F->getNameAsString()]
            .merge(Stored);
      }
    }
  }
}

void FunctionAnalyzer::run() {
  const Stmt *Body = FD->getBody();
  if (!Body)
    return;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddInitializers = true;
  Options.AddImplicitDtors = false;
  Options.AddTemporaryDtors = false;
  Options.AddCXXDefaultInitExprInCtors = true;
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(FD, const_cast<Stmt *>(Body), &Ctx, Options);
  if (Graph)
    for (const CFGBlock *Block : *Graph)
      for (const CFGElement &Elem : *Block)
        if (auto St = Elem.getAs<CFGStmt>())
          Elements.insert(St->getStmt());
  if (!Graph) {
    Summary.Ready = true;
    TU.Out->Summaries[FD] = std::move(Summary);
    return;
  }

  // Forward analysis to a fixpoint: states only grow at joins, and a strong
  // update inside a loop is re-joined with the loop's entry.
  std::vector<State> Out(Graph->getNumBlockIDs());
  std::vector<bool> Visited(Graph->getNumBlockIDs());
  std::vector<const CFGBlock *> Order = reversePostOrder(*Graph);
  bool Changed = true;
  for (int Round = 0; Changed && Round < 12; ++Round) {
    Changed = false;
    for (const CFGBlock *Block : Order) {
      Cur.clear();
      for (const CFGBlock::AdjacentBlock &Pred : Block->preds())
        if (const CFGBlock *PB = Pred.getReachableBlock())
          if (Visited[PB->getBlockID()])
            joinInto(Cur, Out[PB->getBlockID()]);
      for (const CFGElement &Elem : *Block)
        processElement(Elem);
      unsigned ID = Block->getBlockID();
      if (!Visited[ID] || !(Out[ID].size() == Cur.size() &&
                            std::equal(Out[ID].begin(), Out[ID].end(),
                                       Cur.begin(), [](auto &A, auto &B) {
                                         return !(A.first < B.first) &&
                                                !(B.first < A.first) &&
                                                A.second == B.second;
                                       }))) {
        Changed = true;
        Visited[ID] = true;
        Out[ID] = Cur;
      }
    }
  }
  Summary.Ready = true;
  TU.Out->Summaries[FD] = std::move(Summary);
}

//===----------------------------------------------------------------------===//
// The translation unit: which functions, in which order.
//===----------------------------------------------------------------------===//

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
    return true;
  }
  std::vector<const FunctionDecl *> Callees;

private:
  void add(const FunctionDecl *FD) {
    if (FD)
      Callees.push_back(FD);
  }
};

std::shared_ptr<TranslationUnitFlows> TranslationUnitAnalysis::run() {
  FunctionCollector Collector(Ctx.getSourceManager());
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const FunctionDecl *FD : Collector.Functions) {
    Analysable.insert(FD->getCanonicalDecl());
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
      std::vector<const CXXMethodDecl *> Work(MD->begin_overridden_methods(),
                                              MD->end_overridden_methods());
      std::set<const CXXMethodDecl *> Seen;
      while (!Work.empty()) {
        const CXXMethodDecl *Base = Work.back();
        Work.pop_back();
        if (!Seen.insert(Base->getCanonicalDecl()).second)
          continue;
        Overriders[Base->getCanonicalDecl()].push_back(FD);
        Work.insert(Work.end(), Base->begin_overridden_methods(),
                    Base->end_overridden_methods());
      }
    }
  }

  seedSlotsFromInitialisers(Collector.Globals);

  // What each function calls and reads, for the order below.
  std::map<const FunctionDecl *, std::vector<const FunctionDecl *>> Calls;
  std::map<const FunctionDecl *, std::vector<const ValueDecl *>> Reads;
  for (const FunctionDecl *FD : Collector.Functions) {
    CalleeCollector CC;
    CC.TraverseStmt(FD->getBody());
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        CC.TraverseStmt(Init->getInit());
    Calls[FD] = std::move(CC.Callees);
    std::vector<const ValueDecl *> &R = Reads[FD];
    for (const ValueDecl *V : CC.Values)
      if (isSlot(V))
        R.push_back(V);
  }

  // Functions stored in fields and globals become known as the functions
  // storing them are analysed; a function that read such a slot before it
  // was filled is analysed again, once, with everything known.
  for (int Round = 0; Round < 2; ++Round) {
    // Callees first, so their summaries are ready at the call sites.
    std::map<const FunctionDecl *, std::vector<const FunctionDecl *>> Edges;
    for (const FunctionDecl *FD : Collector.Functions) {
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
    for (const FunctionDecl *FD : Collector.Functions)
      Visit(FD);

    Out = std::make_shared<TranslationUnitFlows>();
    FindingKeys.clear();
    CrossingKeys.clear();
    ExternalIndex.clear();
    SlotsRead.clear();
    SlotsGrewAfterRead = false;
    for (const FunctionDecl *FD : Order)
      FunctionAnalyzer(*this, FD).run();
    if (!SlotsGrewAfterRead)
      break;
  }
  Out->FunctionValues = FunctionLabels;
  Out->Slots = SlotLabels;
  Out->SlotTargets = SlotTargets;
  return Out;
}

/// Functions in the initialisers of globals: `static const struct ops
/// http_ops = { .send = http_send };`, `handler_fn table[] = { a, b };`.
void TranslationUnitAnalysis::seedSlot(const Expr *Init, const ValueDecl *Slot) {
  if (!Init)
    return;
  Init = ignoreNoise(Init);
  if (const auto *ILE = dyn_cast<InitListExpr>(Init)) {
    if (ILE->isSyntacticForm() && ILE->getSemanticForm())
      ILE = ILE->getSemanticForm();
    const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
    if (RD && (RD = RD->getDefinition()) && !ILE->getType()->isArrayType()) {
      unsigned Index = 0;
      for (const FieldDecl *F : RD->fields()) {
        if (Index >= ILE->getNumInits())
          break;
        seedSlot(ILE->getInit(Index++), F);
      }
      return;
    }
    for (const Expr *E : ILE->inits())
      seedSlot(E, Slot); // the elements of an array
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
  for (const FunctionDecl *Fn : F.Found) {
    fnLabel(Fn);
    SlotTargets[Slot].insert(Fn->getCanonicalDecl());
  }
}

void TranslationUnitAnalysis::seedSlotsFromInitialisers(
    const std::vector<const VarDecl *> &Globals) {
  for (const VarDecl *VD : Globals)
    seedSlot(VD->getInit(), VD);
}

} // namespace

std::shared_ptr<const TranslationUnitFlows>
analyzeFlows(ASTContext &Ctx, const ApiCatalog *Catalog) {
  return TranslationUnitAnalysis(Ctx, Catalog).run();
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
