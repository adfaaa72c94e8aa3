//===- FunctionAnalyzer.cpp - one function to a fixpoint on its CFG -------===//
//
// The driver of the per-function analysis: the CFG, the fixpoint over its
// blocks, and the statements that are not expressions (declarations,
// returns, member initialisers). Expressions are in Transfer.cpp.
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "privacy/PersonalData.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"

namespace privacy::dataflow {

using namespace clang;

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
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (const auto *CCE = Init->isBaseInitializer()
                                ? dyn_cast_or_null<CXXConstructExpr>(
                                      ignoreNoise(Init->getInit()))
                                : nullptr;
          CCE && TU.definitionOf(CCE->getConstructor()) &&
          !SM.isInSystemHeader(CCE->getConstructor()->getLocation()))
        ConstructedBases.insert(CCE);
}

/// Whether \p S holds a try statement (not counting lambdas' bodies, which
/// are functions of their own).
static bool containsTry(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<CXXTryStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsTry(Child))
      return true;
  return false;
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
  collectPreparedStatements(Body);
  // A handler is reached from every call in its try block that may throw,
  // not only from a `throw` written there; only functions with a try
  // statement pay for the extra blocks.
  HasTry = Ctx.getLangOpts().CXXExceptions && containsTry(Body);
  Options.AddEHEdges = HasTry;
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(FD, const_cast<Stmt *>(Body), &Ctx, Options);
  if (Graph) {
    for (const CFGBlock *Block : *Graph)
      for (const CFGElement &Elem : *Block)
        if (auto St = Elem.getAs<CFGStmt>()) {
          Elements.insert(St->getStmt());
          // An element of two blocks is of neither: every read is noted.
          auto [It, New] =
              BlockOfElement.try_emplace(St->getStmt(), Block->getBlockID());
          if (!New && It->second != Block->getBlockID())
            It->second = ~0u;
          if (const auto *DS = dyn_cast<DeclStmt>(St->getStmt()))
            for (const Decl *D : DS->decls())
              noteConstructedVariable(dyn_cast<VarDecl>(D));
        }
    iterateToFixpoint(*Graph);
  }
  finish();
}

void FunctionAnalyzer::iterateToFixpoint(const CFG &Graph) {
  // Forward analysis to a fixpoint: states only grow at joins, and a strong
  // update inside a loop is re-joined with the loop's entry. Rounds visit
  // the blocks in reverse post-order until one changes no block's state;
  // a round skips a block whose visit would repeat the last one: nothing it
  // reads (its predecessors' states, values of other blocks, the facts of
  // TU.FactsVersion) changed since. A function with a try statement visits
  // every block (what its handlers catch is kept beside the state).
  unsigned NumBlocks = Graph.getNumBlockIDs();
  std::vector<State> Out(NumBlocks);
  std::vector<bool> Visited(NumBlocks);
  std::vector<unsigned long> FactsSeen(NumBlocks);
  // The calls each block's last visit listed (TU.Out->Calls has one entry
  // per visit of a call): a skipped visit lists them again, as it would.
  std::vector<std::vector<CallSite>> CallsOfBlock(NumBlocks);
  std::vector<CallSite> &Calls = TU.Out->Calls;
  Pending.assign(NumBlocks, true);
  PostOrderCFGView Order(&Graph); // iterates in reverse post-order
  bool Changed = true;
  for (int Round = 0; Changed && Round < MaxFixpointRounds; ++Round) {
    Changed = false;
    for (const CFGBlock *Block : Order) {
      unsigned ID = Block->getBlockID();
      if (!Pending[ID] && !HasTry && FactsSeen[ID] == TU.FactsVersion) {
        Calls.insert(Calls.end(), CallsOfBlock[ID].begin(),
                     CallsOfBlock[ID].end());
        continue;
      }
      size_t CallsBefore = Calls.size();
      Pending[ID] = false;
      FactsSeen[ID] = TU.FactsVersion;
      VisitingBlock = ID;
      // The first predecessor's state copied over Cur's (its nodes reused),
      // the others joined in.
      bool Joined = false;
      for (const CFGBlock::AdjacentBlock &Pred : Block->preds())
        if (const CFGBlock *PB = Pred.getReachableBlock())
          if (Visited[PB->getBlockID()]) {
            if (Joined)
              Cur.join(Out[PB->getBlockID()], &Joins);
            else
              Cur = Out[PB->getBlockID()];
            Joined = true;
          }
      if (!Joined)
        Cur.clear();
      if (const auto *Catch = dyn_cast_or_null<CXXCatchStmt>(Block->getLabel()))
        enterHandler(Catch);
      for (const CFGElement &Elem : *Block)
        processElement(Elem);
      CallsOfBlock[ID].assign(Calls.begin() + CallsBefore, Calls.end());
      if (!Visited[ID] || Out[ID] != Cur) {
        Changed = true;
        Visited[ID] = true;
        std::swap(Out[ID], Cur); // Cur is overwritten before the next block
        for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
          if (const CFGBlock *SB = Succ.getReachableBlock())
            Pending[SB->getBlockID()] = true;
      }
    }
  }
  Pending.clear();
  if (Changed)
    noteLimit(AnalysisLimit::FixpointRounds, FD->getLocation());
}

void FunctionAnalyzer::noteValueRead(const Expr *E) {
  if (Pending.empty())
    return; // not in the fixpoint
  auto Block = BlockOfElement.find(E);
  if (Block == BlockOfElement.end() || Block->second == VisitingBlock)
    return;
  llvm::SmallVector<unsigned, 2> &Readers = ValueReaders[E];
  if (llvm::find(Readers, VisitingBlock) == Readers.end())
    Readers.push_back(VisitingBlock);
}

void FunctionAnalyzer::valueChanged(const Expr *E) {
  auto It = ValueReaders.find(E);
  if (It != ValueReaders.end())
    for (unsigned Reader : It->second)
      Pending[Reader] = true;
}

void FunctionAnalyzer::finish() {
  checkPlaceholderCount(Summary.Return, FD->getLocation());
  Summary.Ready = true;
  TU.Out->Summaries[FD] = std::move(Summary);
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
      std::optional<Taint> Before;
      if (auto It = Values.find(E); It != Values.end()) {
        Before = std::move(It->second);
        Values.erase(It); // recompute under the current state
      }
      Taint After = compute(E);
      if (!Before || !sameValue(*Before, After))
        valueChanged(E);
    }
  } else if (auto I = Elem.getAs<CFGInitializer>()) {
    processMemberInitializer(I->getInitializer());
  }
}

void FunctionAnalyzer::processMemberInitializer(
    const CXXCtorInitializer *Init) {
  const FieldDecl *F = Init->getMember();
  // A base of a library initialised from data (`CString(const std::string
  // &s) : std::string(s) {}`) is part of the object: the object holds it. A
  // base of the program wrote into the object's fields already.
  if (!F && (!Init->isBaseInitializer() ||
             ConstructedBases.count(ignoreNoise(Init->getInit()))))
    return;
  Taint T = value(Init->getInit());
  if (T.empty())
    return;
  Path P;
  P.IsThis = true;
  if (F)
    P.Fields.push_back(F);
  SourceLocation Loc = SM.getFileLoc(Init->getSourceLocation());
  Taint Stored = storedIn(T, Loc, P);
  Cur[P].merge(Stored);
  recordSlotWrite(P, Stored); // `Hooks(Fn f) : on_done(f) {}`
  std::string Key = thisLabel();
  if (F)
    taint::appendField(Key, F->getNameAsString());
  Summary.OutEffects[Key].merge(Stored);
}

/// A variable a constructor of the program initialises, or a pointer or
/// smart pointer to the object it builds (`new`, std::make_unique): the
/// constructor's writes into `*this` are written into it (computeConstruct,
/// computeBuilt).
void FunctionAnalyzer::noteConstructedVariable(const VarDecl *VD) {
  if (!VD || !VD->getInit() || VD->getType()->isReferenceType())
    return;
  if (const Expr *Construction = constructionIn(VD->getInit()))
    ConstructedVariables[Construction] = VD;
}

void FunctionAnalyzer::processDecl(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!Init)
    return;
  Path P;
  P.Root = VD;
  if (initialiseElements(VD, P, Init) || initialiseFieldByField(VD, P, Init) ||
      copyFieldByField(VD, P, Init))
    return;
  SourceLocation Loc = SM.getFileLoc(VD->getLocation());
  Taint T = value(Init);
  // The constructor has started the variable afresh and written its
  // fields; keep them.
  if (!ConstructedVariables.count(constructionIn(Init)))
    Cur.eraseCovered(P);
  if (!T.empty())
    Cur[P].merge(storedIn(T, Loc, P));
}

/// Aggregates field by field, so one field's data stays in its field; an
/// array of structs (a table of handlers) keeps every element's field in
/// that field, the elements together.
bool FunctionAnalyzer::initialiseFieldByField(const VarDecl *VD, const Path &P,
                                              const Expr *Init) {
  const auto *ILE = dyn_cast<InitListExpr>(ignoreNoise(Init));
  if (!ILE)
    return false;
  const RecordDecl *RD = recordOfType(VD->getType());
  if (!RD || VD->getType()->isPointerType() || !ILE->isSemanticForm() ||
      !(RD = RD->getDefinition()))
    return false;
  std::vector<const InitListExpr *> Records;
  if (VD->getType()->isArrayType()) {
    if (VD->getType()->getArrayElementTypeNoTypeQual()->isArrayType())
      return false;
    for (const Expr *E : ILE->inits()) {
      const auto *Element = dyn_cast<InitListExpr>(ignoreNoise(E));
      if (!Element)
        return false; // `{a, b}` of struct variables: copied whole
      Records.push_back(Element);
    }
  } else {
    Records.push_back(ILE);
  }
  SourceLocation Loc = SM.getFileLoc(VD->getLocation());
  Cur.eraseCovered(P);
  for (const InitListExpr *Record : Records)
    forEachInitialised(Record, [&](const Expr *E, const FieldDecl *F) {
      if (!F)
        return;
      Taint T = value(E);
      if (T.empty())
        return;
      Path FP = P;
      FP.Fields.push_back(F);
      Cur[FP].merge(storedIn(T, Loc, FP));
      recordSlotWrite(FP, Cur[FP]); // `Hooks h{&upload};`
    });
  return true;
}

/// Copying a struct of the program from a path copies it field by field,
/// so that one field's data stays in that field of the copy.
bool FunctionAnalyzer::copyFieldByField(const VarDecl *VD, const Path &P,
                                        const Expr *Init) {
  const Expr *Source = ignoreNoise(Init);
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(Source))
    if (CCE->getNumArgs() == 1 &&
        CCE->getConstructor()->isCopyOrMoveConstructor())
      Source = ignoreNoise(CCE->getArg(0));
  const RecordDecl *RD = recordOfType(VD->getType());
  auto From = pathOf(Source);
  if (!From || !RD || !RD->getDefinition() || VD->getType()->isPointerType() ||
      VD->getType()->isReferenceType() ||
      SM.isInSystemHeader(RD->getDefinition()->getLocation()))
    return false;
  std::vector<std::pair<Path, Taint>> Copies;
  bool Seeded = false;
  static const State::Entries NoEntries;
  const State::Entries *SameRoot = Cur.withRoot(*From);
  for (const auto &[Q, QT] : SameRoot ? *SameRoot : NoEntries) {
    if (Q.covers(*From)) {
      Seeded = true;
      Taint Refined;
      for (const auto &[Label, Tr] : QT.labels()) {
        std::string L = Label;
        if (isPlaceholder(Label)) {
          for (size_t I = Q.Fields.size(); I < From->Fields.size(); ++I) {
            if (SM.isInSystemHeader(From->Fields[I]->getLocation()))
              break;
            taint::appendField(L, From->Fields[I]->getNameAsString());
          }
          checkPlaceholderFields(L, VD->getLocation());
        }
        Refined.add(L, Tr);
      }
      Copies.push_back({P, Refined});
    } else if (From->covers(Q)) {
      Path To = P;
      To.Fields.insert(To.Fields.end(), Q.Fields.begin() + From->Fields.size(),
                       Q.Fields.end());
      Copies.push_back({To, QT});
    }
  }
  if (!Seeded)
    Copies.push_back({P, placeholderFor(*From)});
  // What the source's own declaration says it is (not its type: the
  // copy has the same type and says so itself).
  const Decl *Last = From->Fields.empty()
                         ? static_cast<const Decl *>(From->Root)
                         : From->Fields.back();
  if (auto O = dataOfDecl(Last)) {
    Taint Own;
    Own.add(O->Item, extendTrace(nullptr, SM.getFileLoc(Source->getExprLoc()),
                                 "'" + O->Item + "' is read from " +
                                     describeSource(O->Source) + " here"));
    Copies.push_back({P, Own});
  }
  SourceLocation Loc = SM.getFileLoc(VD->getLocation());
  Cur.eraseCovered(P);
  for (auto &[To, QT] : Copies)
    if (!QT.empty())
      Cur[To].merge(storedIn(QT, Loc, To));
  return true;
}

} // namespace privacy::dataflow
