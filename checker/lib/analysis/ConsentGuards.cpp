//===- ConsentGuards.cpp - where consent is known to be given -------------===//
#include "privacy/ConsentGuards.h"
#include "privacy/AnalysisLimits.h"
#include "privacy/Annotations.h"

#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <optional>

namespace privacy {

using namespace clang;

struct ConsentGuards::FunctionState {
  const SourceManager *SM = nullptr;
  const FunctionDecl *FD = nullptr;
  std::unique_ptr<CFG> Graph;
  std::vector<std::optional<ConsentSet>> In; // nullopt: not reached
  std::map<unsigned, ConsentSet> AtLoc;      // file location → known
  std::map<unsigned, unsigned> BlockAtLoc;   // file location → block id
  ConsentSet Checked;                        // consents checked anywhere
  std::vector<std::pair<unsigned, unsigned>> CheckArguments; // file offsets
  std::map<const VarDecl *, std::string> ResultVars; // bool ok = check(u)
};

ConsentGuards::~ConsentGuards() = default;

namespace {

std::optional<std::string> consentOfCall(const Expr *E) {
  const auto *Call =
      dyn_cast_or_null<CallExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  if (!Call || !Call->getDirectCallee())
    return std::nullopt;
  if (auto A =
          findAnnotation(Call->getDirectCallee(), AnnotationKind::ConsentCheck))
    if (!A->Args.empty() && !A->Args[0].empty())
      return A->Args[0];
  return std::nullopt;
}

class Analyzer {
public:
  explicit Analyzer(ConsentGuards::FunctionState &S) : S(S) {}

  /// Consents known when \p Cond evaluated to \p Value.
  ConsentSet implied(const Expr *Cond, bool Value) {
    if (!Cond)
      return {};
    Cond = Cond->IgnoreParenImpCasts();
    if (auto C = consentOfCall(Cond))
      return Value ? ConsentSet{*C} : ConsentSet{};
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Cond)) {
      auto It = S.ResultVars.find(dyn_cast<VarDecl>(DRE->getDecl()));
      if (It != S.ResultVars.end() && Value)
        return {It->second};
      return {};
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
      if (UO->getOpcode() == UO_LNot)
        return implied(UO->getSubExpr(), !Value);
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      const Expr *L = BO->getLHS(), *R = BO->getRHS();
      switch (BO->getOpcode()) {
      case BO_LAnd:
        return Value ? unite(implied(L, true), implied(R, true)) : ConsentSet{};
      case BO_LOr:
        return Value ? intersect(implied(L, true), implied(R, true))
                     : unite(implied(L, false), implied(R, false));
      case BO_EQ:
      case BO_NE: {
        // check(u) == true, ok != false
        bool Eq = BO->getOpcode() == BO_EQ;
        if (const auto *B =
                dyn_cast<CXXBoolLiteralExpr>(R->IgnoreParenImpCasts()))
          return implied(L, (B->getValue() == Eq) ? Value : !Value);
        if (const auto *B =
                dyn_cast<CXXBoolLiteralExpr>(L->IgnoreParenImpCasts()))
          return implied(R, (B->getValue() == Eq) ? Value : !Value);
        return {};
      }
      default:
        return {};
      }
    }
    return {};
  }

  static ConsentSet unite(ConsentSet A, const ConsentSet &B) {
    A.insert(B.begin(), B.end());
    return A;
  }
  static ConsentSet intersect(const ConsentSet &A, const ConsentSet &B) {
    ConsentSet Out;
    std::set_intersection(A.begin(), A.end(), B.begin(), B.end(),
                          std::inserter(Out, Out.begin()));
    return Out;
  }

  /// What is known on the edge from \p Pred to its successor number \p Index.
  ConsentSet edge(const CFGBlock &Pred, unsigned Index) {
    ConsentSet Known = *S.In[Pred.getBlockID()];
    if (Pred.succ_size() == 2)
      if (const Stmt *Cond = Pred.getTerminatorCondition())
        if (const auto *E = dyn_cast<Expr>(Cond))
          Known = unite(Known, implied(E, Index == 0));
    return Known;
  }

  void findResultVars(const Stmt *Body);
  void run();

private:
  ConsentGuards::FunctionState &S;
};

class ResultVarFinder : public RecursiveASTVisitor<ResultVarFinder> {
public:
  explicit ResultVarFinder(ConsentGuards::FunctionState &S) : S(S) {}
  bool VisitVarDecl(VarDecl *VD) {
    if (auto C = consentOfCall(VD->getInit()))
      S.ResultVars[VD] = *C;
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        if (auto C = consentOfCall(BO->getRHS()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            S.ResultVars[VD] = *C;
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (auto C = consentOfCall(CE)) {
      S.Checked.insert(*C);
      for (const Expr *Arg : CE->arguments()) {
        SourceLocation B = S.SM->getFileLoc(Arg->getBeginLoc()),
                       E = S.SM->getFileLoc(Arg->getEndLoc());
        S.CheckArguments.push_back({B.getRawEncoding(), E.getRawEncoding()});
      }
    }
    return true;
  }

private:
  ConsentGuards::FunctionState &S;
};

void Analyzer::run() {
  ResultVarFinder(S).TraverseStmt(S.FD->getBody());
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
  S.In[G.getEntry().getBlockID()] = ConsentSet{};
  PostOrderCFGView Order(&G); // iterates in reverse post-order
  // Must-analysis: the meet is the intersection; facts only shrink.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const CFGBlock *B : Order) {
      if (B == &G.getEntry())
        continue;
      std::optional<ConsentSet> Meet;
      for (const CFGBlock *Pred : B->preds()) {
        if (!Pred || !S.In[Pred->getBlockID()])
          continue;
        unsigned Index = 0;
        for (const CFGBlock::AdjacentBlock &Succ : Pred->succs()) {
          if (Succ.getReachableBlock() == B) {
            ConsentSet E = edge(*Pred, Index);
            Meet = Meet ? intersect(*Meet, E) : E;
          }
          ++Index;
        }
      }
      if (Meet && Meet != S.In[B->getBlockID()]) {
        S.In[B->getBlockID()] = Meet;
        Changed = true;
      }
    }
  }
  for (const CFGBlock *B : G) {
    if (!S.In[B->getBlockID()])
      continue;
    for (const CFGElement &E : *B) {
      auto St = E.getAs<CFGStmt>();
      if (!St)
        continue;
      const Stmt *Node = St->getStmt();
      for (SourceLocation Loc :
           {Node->getBeginLoc(), isa<Expr>(Node)
                                     ? cast<Expr>(Node)->getExprLoc()
                                     : Node->getBeginLoc()}) {
        unsigned Key = S.SM->getFileLoc(Loc).getRawEncoding();
        auto [It, New] = S.AtLoc.emplace(Key, *S.In[B->getBlockID()]);
        if (!New)
          It->second = intersect(It->second, *S.In[B->getBlockID()]);
        S.BlockAtLoc.emplace(Key, B->getBlockID());
      }
    }
  }
}

} // namespace

ConsentSet ConsentGuards::knownAt(const FunctionDecl *FD,
                                  SourceLocation Loc) const {
  ConsentSet Known;
  if (!FD)
    return Known;
  FD = FD->getCanonicalDecl();
  auto E = Entry.find(FD);
  if (E != Entry.end())
    Known = E->second;
  auto F = Functions.find(FD);
  if (F != Functions.end()) {
    auto It = F->second->AtLoc.find(Loc.getRawEncoding());
    if (It != F->second->AtLoc.end())
      Known.insert(It->second.begin(), It->second.end());
  }
  return Known;
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
  Analyzer A(const_cast<FunctionState &>(S));
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
      if (!Pred || !S.In[Pred->getBlockID()])
        continue;
      unsigned Index = 0;
      for (const CFGBlock::AdjacentBlock &Succ : Pred->succs()) {
        if (Succ.getReachableBlock() == Cur &&
            !A.edge(*Pred, Index).count(Consent) && !Next) {
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
  for (const auto &[FD, Summary] : Flows.Summaries) {
    (void)Summary;
    if (!FD->hasBody())
      continue;
    auto S = std::make_unique<ConsentGuards::FunctionState>();
    S->SM = &SM;
    S->FD = FD;
    Analyzer(*S).run();
    Guards->Functions[FD->getCanonicalDecl()] = std::move(S);
  }
  // A guard in a caller covers its callee: what every call site knows.
  std::map<const FunctionDecl *, std::vector<const CallSite *>> CallersOf;
  for (const CallSite &C : Flows.Calls)
    CallersOf[C.Callee->getCanonicalDecl()].push_back(&C);
  std::map<const FunctionDecl *, std::optional<ConsentSet>> Entry;
  for (const auto &[FD, Sites] : CallersOf)
    Entry[FD] = std::nullopt; // top, until a call site says otherwise
  for (int Round = 0; Round < MaxConsentRounds; ++Round) {
    bool Changed = false;
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
            Known.insert(It->second.begin(), It->second.end());
        }
        Meet = Meet ? Analyzer::intersect(*Meet, Known) : Known;
      }
      if (Meet && Meet != Entry[FD]) {
        Entry[FD] = Meet;
        Changed = true;
      }
    }
    if (!Changed)
      break;
  }
  for (auto &[FD, Known] : Entry)
    if (Known)
      Guards->Entry[FD] = *Known;
  return Guards;
}

} // namespace privacy
