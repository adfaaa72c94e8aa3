//===- ConsentGuards.cpp - where consent is known to be given -------------===//
#include "privacy/ConsentGuards.h"
#include "privacy/AnalysisLimits.h"
#include "privacy/Annotations.h"
#include "privacy/PersonalData.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <optional>

namespace privacy {

using namespace clang;

namespace {

/// A consent known true, and for whom.
using Fact = std::pair<std::string, ConsentSubject>;
using Facts = std::set<Fact>;
/// A bool variable or field, as a path from its root (`pr.marketing`).
using StorePath = std::vector<const Decl *>;

/// What is known at a point: consents, and the bool variables and fields
/// that hold a check's result (true implies those facts).
struct GuardState {
  Facts Known;
  std::map<StorePath, Facts> Holds;
  bool operator==(const GuardState &O) const {
    return Known == O.Known && Holds == O.Holds;
  }
  bool operator!=(const GuardState &O) const { return !(*this == O); }
};

bool isUnresolvedName(const std::string &Consent) {
  return !Consent.empty() && Consent[0] == ConsentGuards::UnresolvedPrefix;
}

/// A class of the program (not of a system header): an object that can be
/// one data subject. std::string or std::vector are not.
bool isProgramRecord(QualType T) {
  const RecordDecl *RD = recordOfType(T);
  if (!RD)
    return false;
  return !RD->getASTContext().getSourceManager().isInSystemHeader(
      RD->getLocation());
}

/// An expression as a path from a variable or `*this` through fields, with
/// the spelling of each prefix.
struct AccessPath {
  std::vector<const Decl *> Path;
  std::vector<std::string> Spellings;
  bool EndsInObject = false; // the last step is an object of the program
};

/// \p E without what does not change which object it is: parentheses,
/// casts, copies, temporaries, `*`, `&`, std::move.
const Expr *sameObject(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E);
             C && C->getNumArgs() == 1 &&
             C->getConstructor()->isCopyOrMoveConstructor())
      E = C->getArg(0);
    else if (const auto *U = dyn_cast<UnaryOperator>(E);
             U && (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf))
      E = U->getSubExpr();
    else if (const auto *CE = dyn_cast<CallExpr>(E);
             CE && CE->isCallToStdMove() && CE->getNumArgs() == 1)
      E = CE->getArg(0);
    else
      return E;
  }
  return E;
}

/// The access path of \p E. \p Aliases counts the locals followed back to
/// their initialiser (`int uid = m.id;` is about `m`); a store path
/// (FollowLocals false) names the variable itself.
std::optional<AccessPath> accessPath(const Expr *E, bool FollowLocals,
                                     int Aliases = 0) {
  E = sameObject(E);
  if (!E)
    return std::nullopt;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || VD->isImplicit()) // a range-for's iterator: unnamed
      return std::nullopt;
    if (FollowLocals && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
        VD->getInit() && Aliases < MaxConsentSubjectAliases)
      if (auto Init = accessPath(VD->getInit(), FollowLocals, Aliases + 1))
        return Init;
    return AccessPath{
        {VD}, {VD->getNameAsString()}, isProgramRecord(VD->getType())};
  }
  if (isa<CXXThisExpr>(E))
    return AccessPath{{nullptr}, {"this"}, true};
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field)
      return std::nullopt;
    std::optional<AccessPath> Base =
        accessPath(ME->getBase(), FollowLocals, Aliases);
    if (!Base)
      return std::nullopt;
    const auto *This =
        dyn_cast<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
    std::string Spelling = This && This->isImplicit()
                               ? Field->getNameAsString()
                               : Base->Spellings.back() +
                                     (ME->isArrow() ? "->" : ".") +
                                     Field->getNameAsString();
    Base->Path.push_back(Field);
    Base->Spellings.push_back(std::move(Spelling));
    Base->EndsInObject = isProgramRecord(Field->getType());
    return Base;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    // A value the object gives (`p.id()`) identifies the object; another
    // object it gives (`p.referrer()`) cannot be named.
    if (!FollowLocals || isProgramRecord(MC->getType()))
      return std::nullopt;
    std::optional<AccessPath> Object =
        accessPath(MC->getImplicitObjectArgument(), FollowLocals, Aliases);
    if (!Object)
      return std::nullopt;
    if (!Object->EndsInObject) {
      Object->Path.pop_back();
      Object->Spellings.pop_back();
    }
    if (Object->Path.empty())
      return std::nullopt;
    Object->EndsInObject = true;
    return Object;
  }
  return std::nullopt;
}

/// The subject of an access path: itself when it is an object, else the
/// object it is a part of.
ConsentSubject subjectOfPath(std::optional<AccessPath> AP) {
  if (!AP)
    return {};
  if (!AP->EndsInObject) {
    AP->Path.pop_back();
    AP->Spellings.pop_back();
  }
  if (AP->Path.empty())
    return {};
  return {AP->Path, AP->Spellings.back()};
}

std::optional<StorePath> storePath(const Expr *E) {
  std::optional<AccessPath> AP = accessPath(E, /*FollowLocals=*/false);
  if (!AP)
    return std::nullopt;
  return AP->Path;
}

bool hasPrefix(const StorePath &Path, const StorePath &Prefix) {
  return Path.size() >= Prefix.size() &&
         std::equal(Prefix.begin(), Prefix.end(), Path.begin());
}

Facts unite(Facts A, const Facts &B) {
  A.insert(B.begin(), B.end());
  return A;
}

/// Known on both sides. A consent known for anyone on one side and for a
/// subject on the other is known for that subject.
Facts meet(const Facts &A, const Facts &B) {
  Facts Out;
  for (const Fact &F : A) {
    if (B.count(F)) {
      Out.insert(F);
    } else if (F.second.anyone()) {
      for (const Fact &G : B)
        if (G.first == F.first)
          Out.insert(G);
    } else if (B.count({F.first, ConsentSubject{}})) {
      Out.insert(F);
    }
  }
  return Out;
}

GuardState meet(const GuardState &A, const GuardState &B) {
  GuardState Out;
  Out.Known = meet(A.Known, B.Known);
  for (const auto &[Path, F] : A.Holds) {
    auto It = B.Holds.find(Path);
    if (It == B.Holds.end())
      continue;
    Facts Both = meet(F, It->second);
    if (!Both.empty())
      Out.Holds[Path] = std::move(Both);
  }
  return Out;
}

bool guards(const Facts &Known, const std::string &Consent,
            const ConsentSubject &Used) {
  for (const Fact &F : Known)
    if (F.first == Consent && F.second.relatedTo(Used))
      return true;
  return false;
}

} // namespace

bool ConsentSubject::relatedTo(const ConsentSubject &Other) const {
  if (anyone() || Other.anyone())
    return true;
  size_t N = std::min(Path.size(), Other.Path.size());
  return std::equal(Path.begin(), Path.begin() + N, Other.Path.begin());
}

ConsentSubject consentSubjectOf(const Expr *E) {
  if (!E)
    return {};
  return subjectOfPath(accessPath(E, /*FollowLocals=*/true));
}

struct ConsentGuards::FunctionState {
  const SourceManager *SM = nullptr;
  const FunctionDecl *FD = nullptr;
  std::unique_ptr<CFG> Graph;
  std::vector<std::optional<GuardState>> In, Out; // nullopt: not reached
  std::map<unsigned, Facts> AtLoc;                // file location → known
  std::map<unsigned, unsigned> BlockAtLoc;        // file location → block id
  ConsentSet Checked;                             // consents checked anywhere
  std::vector<std::pair<unsigned, unsigned>> CheckArguments; // file offsets
  /// What every `true` return implies; nullopt when none returns true.
  std::optional<Facts> Returns;
};

ConsentGuards::~ConsentGuards() = default;

namespace {

/// The subject \p Arg of a wrapper call stands for, then \p Fields of it.
ConsentSubject subjectWithFields(const Expr *Arg,
                                 const std::vector<const FieldDecl *> &Fields) {
  if (Fields.empty())
    return consentSubjectOf(Arg);
  std::optional<AccessPath> AP = accessPath(Arg, /*FollowLocals=*/true);
  if (!AP || !AP->EndsInObject)
    return {};
  for (const FieldDecl *F : Fields) {
    AP->Path.push_back(F);
    AP->Spellings.push_back(AP->Spellings.back() + "." + F->getNameAsString());
    AP->EndsInObject = isProgramRecord(F->getType());
  }
  return subjectOfPath(std::move(AP));
}

/// Whose consent a check call asks about: its object, else the first
/// argument that names a subject; anyone when none does.
ConsentSubject subjectOfCheck(const CallExpr *Call) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    ConsentSubject S = consentSubjectOf(MC->getImplicitObjectArgument());
    if (!S.anyone())
      return S;
  }
  for (const Expr *Arg : Call->arguments()) {
    ConsentSubject S = consentSubjectOf(Arg);
    if (!S.anyone())
      return S;
  }
  return {};
}

class Analyzer {
public:
  Analyzer(ConsentGuards::FunctionState &S, ConsentGuards &G) : S(S), G(G) {}

  /// What a call's `true` result implies: a PRIVACY_CONSENT_CHECK, a
  /// consent wrapper, or (as an unresolved name) a bool function defined in
  /// another file; nullopt for any other call.
  std::optional<Facts> callFacts(const Expr *E) const {
    const auto *Call = dyn_cast_or_null<CallExpr>(E ? sameCall(E) : nullptr);
    if (!Call || !Call->getDirectCallee())
      return std::nullopt;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (auto A = findAnnotation(Callee, AnnotationKind::ConsentCheck)) {
      if (A->Args.empty() || A->Args[0].empty())
        return std::nullopt;
      return Facts{{A->Args[0], subjectOfCheck(Call)}};
    }
    Callee = Callee->getCanonicalDecl();
    auto W = G.Wrappers.find(Callee);
    if (W != G.Wrappers.end()) {
      Facts Out;
      for (const WrappedConsent &C : W->second) {
        const Expr *Arg = nullptr;
        if (C.Param >= 0 && unsigned(C.Param) < Call->getNumArgs() &&
            !isa<CXXOperatorCallExpr>(Call))
          Arg = Call->getArg(C.Param);
        else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
                 MC && C.Param == WrappedConsent::ThisParam)
          Arg = MC->getImplicitObjectArgument();
        Out.insert({C.Consent,
                    Arg ? subjectWithFields(Arg, C.Fields) : ConsentSubject{}});
      }
      return Out;
    }
    if (!Callee->hasBody() && Callee->getReturnType()->isBooleanType() &&
        !S.SM->isInSystemHeader(Callee->getLocation()))
      return Facts{{unresolvedName(Callee), subjectOfCheck(Call)}};
    return std::nullopt;
  }

  /// Facts known when \p Cond evaluated to \p Value in state \p St.
  Facts implied(const Expr *Cond, bool Value, const GuardState &St) const {
    if (!Cond)
      return {};
    Cond = Cond->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ExprWithCleanups>(Cond))
      return implied(C->getSubExpr(), Value, St);
    if (std::optional<Facts> F = callFacts(Cond))
      return Value ? *F : Facts{};
    if (isa<DeclRefExpr>(Cond) || isa<MemberExpr>(Cond)) {
      std::optional<StorePath> Path = storePath(Cond);
      if (!Path || !Value)
        return {};
      auto It = St.Holds.find(*Path);
      return It != St.Holds.end() ? It->second : Facts{};
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
      if (UO->getOpcode() == UO_LNot)
        return implied(UO->getSubExpr(), !Value, St);
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      const Expr *L = BO->getLHS(), *R = BO->getRHS();
      switch (BO->getOpcode()) {
      case BO_LAnd:
        return Value ? unite(implied(L, true, St), implied(R, true, St))
                     : Facts{};
      case BO_LOr:
        return Value ? meet(implied(L, true, St), implied(R, true, St))
                     : unite(implied(L, false, St), implied(R, false, St));
      case BO_EQ:
      case BO_NE: {
        // check(u) == true, ok != false
        bool Eq = BO->getOpcode() == BO_EQ;
        if (const auto *B =
                dyn_cast<CXXBoolLiteralExpr>(R->IgnoreParenImpCasts()))
          return implied(L, (B->getValue() == Eq) ? Value : !Value, St);
        if (const auto *B =
                dyn_cast<CXXBoolLiteralExpr>(L->IgnoreParenImpCasts()))
          return implied(R, (B->getValue() == Eq) ? Value : !Value, St);
        return {};
      }
      default:
        return {};
      }
    }
    return {};
  }

  /// The state after \p Node: a bool variable or field set from a check
  /// holds its facts until it is written again.
  void transfer(const Stmt *Node, GuardState &St) const {
    auto Kill = [&](const Expr *E) {
      if (std::optional<StorePath> Path = storePath(E))
        for (auto It = St.Holds.begin(); It != St.Holds.end();)
          It = hasPrefix(It->first, *Path) ? St.Holds.erase(It) : std::next(It);
    };
    if (const auto *DS = dyn_cast<DeclStmt>(Node)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D)) {
          St.Holds.erase(StorePath{VD});
          if (const Expr *Init = VD->getInit())
            if (Facts F = implied(Init, true, St); !F.empty())
              St.Holds[StorePath{VD}] = std::move(F);
        }
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(Node)) {
      if (!BO->isAssignmentOp())
        return;
      Facts F;
      if (BO->getOpcode() == BO_Assign)
        F = implied(BO->getRHS(), true, St);
      Kill(BO->getLHS());
      if (!F.empty())
        if (std::optional<StorePath> Path = storePath(BO->getLHS()))
          St.Holds[*Path] = std::move(F);
      return;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(Node)) {
      if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
        Kill(UO->getSubExpr());
      return;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Node)) {
      if (Op->isAssignmentOp() && Op->getNumArgs() > 0)
        Kill(Op->getArg(0));
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(Node)) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        if (const CXXMethodDecl *M = MC->getMethodDecl(); M && !M->isConst())
          Kill(MC->getImplicitObjectArgument());
      // Passed by non-const reference: the callee may write it.
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        for (unsigned I = 0;
             I < Call->getNumArgs() && I < Callee->getNumParams(); ++I) {
          QualType T = Callee->getParamDecl(I)->getType();
          if (T->isReferenceType() && !T->getPointeeType().isConstQualified())
            Kill(Call->getArg(I));
        }
    }
  }

  GuardState walk(const CFGBlock &B, GuardState St) const {
    for (const CFGElement &E : B)
      if (auto Node = E.getAs<CFGStmt>())
        transfer(Node->getStmt(), St);
    return St;
  }

  /// What is known on the edge from \p Pred to its successor number \p Index.
  GuardState edge(const CFGBlock &Pred, unsigned Index) const {
    GuardState St = *S.Out[Pred.getBlockID()];
    if (Pred.succ_size() == 2)
      if (const Stmt *Cond = Pred.getTerminatorCondition())
        if (const auto *E = dyn_cast<Expr>(Cond))
          St.Known = unite(St.Known, implied(E, Index == 0, St));
    return St;
  }

  void findChecks(const Stmt *Body);
  void run();

private:
  static const Expr *sameCall(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr()->IgnoreParenImpCasts();
    return E;
  }
  std::string unresolvedName(const FunctionDecl *Callee) const {
    auto It = std::find(G.Unresolved.begin(), G.Unresolved.end(), Callee);
    size_t Index = It - G.Unresolved.begin();
    if (It == G.Unresolved.end())
      G.Unresolved.push_back(Callee);
    return ConsentGuards::UnresolvedPrefix + std::to_string(Index);
  }

  ConsentGuards::FunctionState &S;
  ConsentGuards &G;
};

/// The consents checked anywhere in a function and the arguments of the
/// checks: identifying whose consent to check is not a use that needs it.
class CheckFinder : public RecursiveASTVisitor<CheckFinder> {
public:
  CheckFinder(ConsentGuards::FunctionState &S, const Analyzer &A)
      : S(S), A(A) {}
  bool VisitCallExpr(CallExpr *CE) {
    std::optional<Facts> F = A.callFacts(CE);
    if (!F)
      return true;
    bool Real = false;
    for (const Fact &C : *F)
      if (!isUnresolvedName(C.first)) {
        S.Checked.insert(C.first);
        Real = true;
      }
    if (Real)
      for (const Expr *Arg : CE->arguments()) {
        SourceLocation B = S.SM->getFileLoc(Arg->getBeginLoc()),
                       E = S.SM->getFileLoc(Arg->getEndLoc());
        S.CheckArguments.push_back({B.getRawEncoding(), E.getRawEncoding()});
      }
    return true;
  }

private:
  ConsentGuards::FunctionState &S;
  const Analyzer &A;
};

void Analyzer::run() {
  CheckFinder(S, *this).TraverseStmt(S.FD->getBody());
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = false;
  Options.AddTemporaryDtors = false;
  S.Graph =
      CFG::buildCFG(S.FD, S.FD->getBody(), &S.FD->getASTContext(), Options);
  if (!S.Graph)
    return;
  const CFG &G = *S.Graph;
  S.In.assign(G.getNumBlockIDs(), std::nullopt);
  S.Out.assign(G.getNumBlockIDs(), std::nullopt);
  S.In[G.getEntry().getBlockID()] = GuardState{};
  S.Out[G.getEntry().getBlockID()] = walk(G.getEntry(), GuardState{});
  PostOrderCFGView Order(&G); // iterates in reverse post-order
  // Must-analysis: the meet keeps what every path knows; facts only shrink.
  bool Changed = true;
  for (int Round = 0; Changed && Round < MaxConsentBlockRounds; ++Round) {
    Changed = false;
    for (const CFGBlock *B : Order) {
      if (B == &G.getEntry())
        continue;
      std::optional<GuardState> Meet;
      for (const CFGBlock *Pred : B->preds()) {
        if (!Pred || !S.Out[Pred->getBlockID()])
          continue;
        unsigned Index = 0;
        for (const CFGBlock::AdjacentBlock &Succ : Pred->succs()) {
          if (Succ.getReachableBlock() == B) {
            GuardState E = edge(*Pred, Index);
            Meet = Meet ? meet(*Meet, E) : E;
          }
          ++Index;
        }
      }
      if (Meet && Meet != S.In[B->getBlockID()]) {
        S.In[B->getBlockID()] = Meet;
        S.Out[B->getBlockID()] = walk(*B, *Meet);
        Changed = true;
      }
    }
  }
  for (const CFGBlock *B : G) {
    if (!S.In[B->getBlockID()])
      continue;
    GuardState St = *S.In[B->getBlockID()];
    for (const CFGElement &E : *B) {
      auto Element = E.getAs<CFGStmt>();
      if (!Element)
        continue;
      const Stmt *Node = Element->getStmt();
      for (SourceLocation Loc :
           {Node->getBeginLoc(), isa<Expr>(Node)
                                     ? cast<Expr>(Node)->getExprLoc()
                                     : Node->getBeginLoc()}) {
        unsigned Key = S.SM->getFileLoc(Loc).getRawEncoding();
        auto [It, New] = S.AtLoc.emplace(Key, St.Known);
        if (!New)
          It->second = meet(It->second, St.Known);
        S.BlockAtLoc.emplace(Key, B->getBlockID());
      }
      // What returning true here implies: the function as a wrapper.
      if (const auto *Ret = dyn_cast<ReturnStmt>(Node)) {
        const Expr *Value = Ret->getRetValue();
        const auto *Literal = dyn_cast_or_null<CXXBoolLiteralExpr>(
            Value ? Value->IgnoreParenImpCasts() : nullptr);
        if (Value && !(Literal && !Literal->getValue())) {
          Facts F = unite(St.Known, implied(Value, true, St));
          S.Returns = S.Returns ? meet(*S.Returns, F) : F;
        }
      }
      transfer(Node, St);
    }
  }
}

/// A wrapper's facts in terms of its parameters.
std::set<WrappedConsent> wrappedBy(const FunctionDecl *FD, const Facts &F) {
  std::set<WrappedConsent> Out;
  for (const auto &[Consent, Who] : F) {
    WrappedConsent W;
    W.Consent = Consent;
    if (!Who.anyone()) {
      if (!Who.Path[0])
        W.Param = WrappedConsent::ThisParam;
      else if (const auto *P = dyn_cast<ParmVarDecl>(Who.Path[0]);
               P &&
               cast<FunctionDecl>(P->getDeclContext())->getCanonicalDecl() ==
                   FD->getCanonicalDecl())
        W.Param = int(P->getFunctionScopeIndex());
      if (W.Param != WrappedConsent::AnyoneParam)
        for (size_t I = 1; I < Who.Path.size(); ++I)
          W.Fields.push_back(cast<FieldDecl>(Who.Path[I]));
    }
    Out.insert(std::move(W));
  }
  return Out;
}

} // namespace

namespace {

/// The facts at \p Loc in \p FD, with those every caller guarantees (for
/// anyone).
Facts factsAt(const ConsentGuards &G, const FunctionDecl *FD,
              SourceLocation Loc) {
  Facts Known;
  if (!FD)
    return Known;
  FD = FD->getCanonicalDecl();
  auto E = G.Entry.find(FD);
  if (E != G.Entry.end())
    for (const std::string &C : E->second)
      Known.insert({C, ConsentSubject{}});
  auto F = G.Functions.find(FD);
  if (F != G.Functions.end()) {
    auto It = F->second->AtLoc.find(Loc.getRawEncoding());
    if (It != F->second->AtLoc.end())
      Known.insert(It->second.begin(), It->second.end());
  }
  return Known;
}

} // namespace

ConsentSet ConsentGuards::knownAt(const FunctionDecl *FD,
                                  SourceLocation Loc) const {
  ConsentSet Known;
  for (const Fact &F : factsAt(*this, FD, Loc))
    if (!isUnresolvedName(F.first))
      Known.insert(F.first);
  return Known;
}

ConsentSet ConsentGuards::guardingAt(const FunctionDecl *FD, SourceLocation Loc,
                                     const ConsentSubject &Used) const {
  ConsentSet Known;
  for (const Fact &F : factsAt(*this, FD, Loc))
    if (!isUnresolvedName(F.first) && F.second.relatedTo(Used))
      Known.insert(F.first);
  return Known;
}

std::vector<std::string>
ConsentGuards::checkedForOthers(const FunctionDecl *FD, SourceLocation Loc,
                                const std::string &Consent,
                                const ConsentSubject &Used) const {
  std::set<std::string> Others;
  for (const Fact &F : factsAt(*this, FD, Loc))
    if (F.first == Consent && !F.second.relatedTo(Used))
      Others.insert(F.second.Spelling);
  return {Others.begin(), Others.end()};
}

std::vector<const FunctionDecl *>
ConsentGuards::unresolvedGuardsAt(const FunctionDecl *FD, SourceLocation Loc,
                                  const ConsentSubject &Used) const {
  std::set<size_t> Indices;
  for (const Fact &F : factsAt(*this, FD, Loc))
    if (isUnresolvedName(F.first) && F.second.relatedTo(Used))
      Indices.insert(std::stoul(F.first.substr(1)));
  std::vector<const FunctionDecl *> Out;
  for (size_t I : Indices)
    if (I < Unresolved.size())
      Out.push_back(Unresolved[I]);
  return Out;
}

std::vector<WrappedConsent>
ConsentGuards::wrappedConsents(const FunctionDecl *FD) const {
  std::vector<WrappedConsent> Out;
  auto It = FD ? Wrappers.find(FD->getCanonicalDecl()) : Wrappers.end();
  if (It != Wrappers.end())
    for (const WrappedConsent &W : It->second)
      if (!isUnresolvedName(W.Consent))
        Out.push_back(W);
  return Out;
}

std::vector<const FunctionDecl *>
ConsentGuards::wrappedCalls(const FunctionDecl *FD) const {
  std::set<size_t> Indices;
  auto It = FD ? Wrappers.find(FD->getCanonicalDecl()) : Wrappers.end();
  if (It != Wrappers.end())
    for (const WrappedConsent &W : It->second)
      if (isUnresolvedName(W.Consent))
        Indices.insert(std::stoul(W.Consent.substr(1)));
  std::vector<const FunctionDecl *> Out;
  for (size_t I : Indices)
    if (I < Unresolved.size())
      Out.push_back(Unresolved[I]);
  return Out;
}

bool ConsentGuards::inConsentCheckArgument(const FunctionDecl *FD,
                                           SourceLocation Loc) const {
  auto F = FD ? Functions.find(FD->getCanonicalDecl()) : Functions.end();
  if (F == Functions.end())
    return false;
  const SourceManager &SM = *F->second->SM;
  for (const auto &[B, E] : F->second->CheckArguments) {
    SourceLocation Begin = SourceLocation::getFromRawEncoding(B),
                   End = SourceLocation::getFromRawEncoding(E);
    if (!SM.isBeforeInTranslationUnit(Loc, Begin) &&
        !SM.isBeforeInTranslationUnit(End, Loc))
      return true;
  }
  return false;
}

bool ConsentGuards::checksConsent(const FunctionDecl *FD,
                                  const std::string &Consent) const {
  auto F = FD ? Functions.find(FD->getCanonicalDecl()) : Functions.end();
  return F != Functions.end() && F->second->Checked.count(Consent);
}

std::vector<PathNote>
ConsentGuards::unguardedPath(const FunctionDecl *FD, SourceLocation Loc,
                             const std::string &Consent) const {
  std::vector<PathNote> Notes;
  auto F = FD ? Functions.find(FD->getCanonicalDecl()) : Functions.end();
  if (F == Functions.end() || !F->second->Graph)
    return Notes;
  const FunctionState &S = *F->second;
  auto BlockIt = S.BlockAtLoc.find(Loc.getRawEncoding());
  if (BlockIt == S.BlockAtLoc.end())
    return Notes;
  Analyzer A(const_cast<FunctionState &>(S),
             const_cast<ConsentGuards &>(*this));
  // Walk back from the use along edges on which the consent is not known.
  const CFG &G = *S.Graph;
  const CFGBlock *Cur = nullptr;
  for (const CFGBlock *B : G)
    if (B->getBlockID() == BlockIt->second)
      Cur = B;
  std::set<unsigned> Seen;
  while (Cur && Cur != &G.getEntry() && Seen.insert(Cur->getBlockID()).second) {
    const CFGBlock *Next = nullptr;
    for (const CFGBlock *Pred : Cur->preds()) {
      if (!Pred || !S.Out[Pred->getBlockID()])
        continue;
      unsigned Index = 0;
      for (const CFGBlock::AdjacentBlock &Succ : Pred->succs()) {
        if (Succ.getReachableBlock() == Cur &&
            !guards(A.edge(*Pred, Index).Known, Consent, ConsentSubject{}) &&
            !Next) {
          Next = Pred;
          if (Pred->succ_size() == 2)
            if (const Stmt *Cond = Pred->getTerminatorCondition())
              Notes.push_back({S.SM->getFileLoc(Cond->getBeginLoc()),
                               note::UnguardedBranch{Index == 0, Consent}});
        }
        ++Index;
      }
    }
    Cur = Next;
  }
  std::reverse(Notes.begin(), Notes.end());
  if (Notes.size() > MaxConsentPathNotes)
    Notes.erase(Notes.begin(), Notes.end() - MaxConsentPathNotes);
  return Notes;
}

std::shared_ptr<const ConsentGuards>
analyzeConsentGuards(ASTContext &Ctx, const TranslationUnitFlows &Flows) {
  auto Guards = std::make_shared<ConsentGuards>();
  const SourceManager &SM = Ctx.getSourceManager();
  auto Analyse = [&](const FunctionDecl *FD) {
    auto S = std::make_unique<ConsentGuards::FunctionState>();
    S->SM = &SM;
    S->FD = FD;
    Analyzer(*S, *Guards).run();
    return S;
  };
  // Consent wrappers first, least fixpoint: a wrapper of a wrapper is known
  // once the inner one is.
  std::vector<const FunctionDecl *> Candidates;
  for (const auto &[FD, Summary] : Flows.Summaries) {
    (void)Summary;
    if (FD->hasBody() && FD->getReturnType()->isBooleanType() &&
        !findAnnotation(FD, AnnotationKind::ConsentCheck))
      Candidates.push_back(FD);
  }
  for (int Round = 0; Round < MaxConsentWrapperRounds; ++Round) {
    bool Changed = false;
    for (const FunctionDecl *FD : Candidates) {
      std::unique_ptr<ConsentGuards::FunctionState> S = Analyse(FD);
      std::set<WrappedConsent> Wrapped;
      if (S->Returns)
        Wrapped = wrappedBy(FD, *S->Returns);
      auto &Known = Guards->Wrappers[FD->getCanonicalDecl()];
      if (Wrapped != Known) {
        Known = std::move(Wrapped);
        Changed = true;
      }
    }
    if (!Changed)
      break;
  }
  for (auto It = Guards->Wrappers.begin(); It != Guards->Wrappers.end();)
    It = It->second.empty() ? Guards->Wrappers.erase(It) : std::next(It);
  for (const auto &[FD, Summary] : Flows.Summaries) {
    (void)Summary;
    if (FD->hasBody())
      Guards->Functions[FD->getCanonicalDecl()] = Analyse(FD);
  }
  // A guard in a caller covers its callee: what every call site knows.
  std::map<const FunctionDecl *, std::vector<const CallSite *>> CallersOf;
  for (const CallSite &C : Flows.Calls)
    CallersOf[C.Callee->getCanonicalDecl()].push_back(&C);
  std::map<const FunctionDecl *, std::optional<ConsentSet>> Entry;
  for (const auto &[FD, Sites] : CallersOf)
    Entry[FD] = std::nullopt; // top, until a call site says otherwise
  // Until nothing changes: a function's set, once met, only shrinks as its
  // callers' do, so the rounds end. A bound on them would stop a path
  // without the guard short of the callee (a round may advance one call
  // when callees come first), and its use would be taken for guarded.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[FD, Sites] : CallersOf) {
      std::optional<ConsentSet> Meet;
      for (const CallSite *C : Sites) {
        const FunctionDecl *Caller = C->Caller->getCanonicalDecl();
        ConsentSet Known;
        auto CallerEntry = Entry.find(Caller);
        if (CallerEntry != Entry.end()) {
          if (!CallerEntry->second)
            continue; // not known yet
          Known = *CallerEntry->second;
        }
        auto F = Guards->Functions.find(Caller);
        if (F != Guards->Functions.end()) {
          auto It = F->second->AtLoc.find(C->Loc.getRawEncoding());
          if (It != F->second->AtLoc.end())
            for (const Fact &Known1 : It->second)
              Known.insert(Known1.first);
        }
        if (!Meet) {
          Meet = Known;
        } else {
          ConsentSet Both;
          std::set_intersection(Meet->begin(), Meet->end(), Known.begin(),
                                Known.end(), std::inserter(Both, Both.begin()));
          Meet = std::move(Both);
        }
      }
      if (Meet && Meet != Entry[FD]) {
        Entry[FD] = Meet;
        Changed = true;
      }
    }
  }
  for (auto &[FD, Known] : Entry)
    if (Known)
      Guards->Entry[FD] = *Known;
  return Guards;
}

} // namespace privacy
