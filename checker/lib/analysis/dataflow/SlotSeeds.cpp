//===- SlotSeeds.cpp - functions fields and globals hold, before analysis -===//
//
// A call through a field or a global runs every function stored there
// anywhere in the file (docs/limitations.md, "Calls through function
// values"). The analysis learns those functions as it analyses the storing
// functions, which, callees first, often come after the functions calling
// through the slot (a tree walker called by the functions that set its
// callback); the whole file was then analysed a second time. This pass
// finds them first, from every store in the file, flow-insensitively:
// `w.xCallback = visit;`, a parameter stored (`p->xDel = xDel;`) and
// what callers pass for it, a function's returned function stored
// (`t->xCompare = compareFor(s);`), one slot copied to another; in C++ a
// `std::function` assigned, a lambda, a container of functions filled, a
// library call passing on what it is given. What it misses the analysis
// still finds, at the cost of the second round (docs/limitations.md,
// "MaxSlotRounds").
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"

namespace privacy {

using namespace clang;

namespace dataflow {

namespace {

/// A place a function value can be in: a variable, a parameter, a field,
/// or (a FunctionDecl) what that function returns.
using Place = const Decl *;

/// \p D as a place, if its type can hold a function.
Place holding(const ValueDecl *D) {
  return D && mayHoldFunction(D->getType()) ? D : nullptr;
}

/// Subset constraints between places, and the functions named into them.
class FunctionValueGraph {
public:
  explicit FunctionValueGraph(const SourceManager &SM) : SM(SM) {}

  /// Code we see only the declaration of, or a library's (`std::move`,
  /// `std::make_pair`, a container's `at`): what goes in may come out.
  bool opaque(const FunctionDecl *Callee) const {
    const FunctionDecl *Def = Callee->getDefinition();
    return !Def || SM.isInSystemHeader(Def->getLocation());
  }

  /// What \p E may evaluate to: functions it names and places it reads.
  void sourcesOf(const Expr *E, std::vector<const FunctionDecl *> &Fns,
                 std::vector<Place> &From) const {
    if (!E)
      return;
    E = ignoreNoise(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl())) {
        // A template's instances are for the analysis to pick.
        if (!Fn->getDescribedFunctionTemplate())
          Fns.push_back(Fn);
      } else if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        From.push_back(VD);
      }
    } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (isa<FieldDecl, VarDecl>(ME->getMemberDecl()))
        From.push_back(ME->getMemberDecl());
    } else if (const auto *CE = dyn_cast<CastExpr>(E)) {
      if (!CE->getType()->isVoidType())
        sourcesOf(CE->getSubExpr(), Fns, From);
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)
        sourcesOf(UO->getSubExpr(), Fns, From);
    } else if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
      sourcesOf(CO->getTrueExpr(), Fns, From);
      sourcesOf(CO->getFalseExpr(), Fns, From);
    } else if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->getOpcode() == BO_Comma || BO->getOpcode() == BO_Assign)
        sourcesOf(BO->getRHS(), Fns, From);
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      sourcesOf(AS->getBase(), Fns, From); // an element of a table
    } else if (const auto *LE = dyn_cast<LambdaExpr>(E)) {
      // The closure is its call operator, and carries what it captures.
      if (!LE->getCallOperator()->getDescribedFunctionTemplate())
        Fns.push_back(LE->getCallOperator());
      for (const Expr *Init : LE->capture_inits())
        sourcesOf(Init, Fns, From);
    } else if (const auto *CCE = dyn_cast<CXXConstructExpr>(E)) {
      // A library's object (`std::function`, a map of handlers) holds
      // what it is built from; a class of the program, what its
      // constructor stores (its parameters, below).
      if (opaque(CCE->getConstructor()))
        for (const Expr *Arg : CCE->arguments())
          sourcesOf(Arg, Fns, From);
    } else if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
      for (const Expr *Init : ILE->inits())
        sourcesOf(Init, Fns, From);
    } else if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(E)) {
      sourcesOf(IL->getSubExpr(), Fns, From);
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee)
        return;
      if (!opaque(Callee)) {
        From.push_back(Callee->getDefinition()->getCanonicalDecl());
        return;
      }
      for (const Expr *Arg : Call->arguments())
        sourcesOf(Arg, Fns, From);
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        sourcesOf(MC->getImplicitObjectArgument(), Fns, From);
    }
  }

  /// The place an assignment to \p E writes, if one holds functions.
  static Place placeWritten(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      return placeWritten(AS->getBase());
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Subscript && Op->getNumArgs())
      return placeWritten(Op->getArg(0)); // `handlers[name] = fn`
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return holding(dyn_cast<VarDecl>(DRE->getDecl()));
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      if (isa<VarDecl, FieldDecl>(ME->getMemberDecl()))
        return holding(ME->getMemberDecl());
    return nullptr;
  }

  void flow(const Expr *From, Place To) {
    if (!To || !From)
      return;
    std::vector<const FunctionDecl *> Fns;
    std::vector<Place> Places;
    sourcesOf(From, Fns, Places);
    for (const FunctionDecl *Fn : Fns)
      add(To, Fn);
    for (Place P : Places)
      if (P != To)
        addEdge(P, To);
  }

  /// `T x = {f, g}`: each field of a struct, every element of an array.
  void initialise(const Expr *Init, Place Into) {
    if (!Init)
      return;
    const auto *ILE = dyn_cast<InitListExpr>(ignoreNoise(Init));
    if (!ILE) {
      flow(Init, Into);
      return;
    }
    forEachInitialised(ILE, [&](const Expr *E, const FieldDecl *F) {
      initialise(E, F ? holding(F) : Into); // a field, or an array's element
    });
  }

  /// Arguments into the parameters of the function called.
  void call(const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args) {
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    if (!Def)
      return;
    for (unsigned I = 0; I < Args.size() && I < Def->getNumParams(); ++I)
      flow(Args[I], holding(Def->getParamDecl(I)));
  }

  /// A call through a function value: its arguments go to every function
  /// the value may hold, known now or later.
  void callThrough(const Expr *Callee, llvm::ArrayRef<const Expr *> Args) {
    std::vector<const FunctionDecl *> Fns;
    std::vector<Place> Places;
    sourcesOf(Callee, Fns, Places);
    for (const FunctionDecl *Fn : Fns)
      call(Fn, Args);
    for (Place P : Places) {
      CallsThrough[P].push_back(Args);
      for (const FunctionDecl *Fn : Held.lookup(P))
        call(Fn, Args);
    }
  }

  void add(Place To, const FunctionDecl *Fn) {
    if (!Held[To].insert(Fn))
      return;
    Work.push_back({To, Fn});
  }

  /// Every place's functions, to the fixpoint.
  void solve() {
    while (!Work.empty()) {
      auto [From, Fn] = Work.pop_back_val();
      // Neither list changes while it is walked: calls add edges and
      // functions, never calls through a value; adding a function adds
      // neither.
      if (auto It = CallsThrough.find(From); It != CallsThrough.end())
        for (llvm::ArrayRef<const Expr *> Args : It->second)
          call(Fn, Args);
      if (auto It = Edges.find(From); It != Edges.end())
        for (Place P : It->second)
          add(P, Fn);
    }
  }

  llvm::DenseMap<Place, llvm::SmallSetVector<const FunctionDecl *, 4>> Held;

private:
  void addEdge(Place From, Place To) {
    Edges[From].push_back(To);
    for (const FunctionDecl *Fn : Held.lookup(From))
      add(To, Fn);
  }

  const SourceManager &SM;
  llvm::DenseMap<Place, std::vector<Place>> Edges;
  llvm::DenseMap<Place, std::vector<llvm::ArrayRef<const Expr *>>> CallsThrough;
  /// A function newly in a place, still to pass on.
  llvm::SmallVector<std::pair<Place, const FunctionDecl *>, 64> Work;
};

/// The stores, calls and returns of one function's body.
class StoreCollector : public RecursiveASTVisitor<StoreCollector> {
public:
  StoreCollector(FunctionValueGraph &Graph, const FunctionDecl *Owner)
      : Graph(Graph), Owner(Owner) {}
  bool shouldVisitLambdaBody() const { return false; }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      Graph.flow(BO->getRHS(), FunctionValueGraph::placeWritten(BO->getLHS()));
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->getInit() && !isa<ParmVarDecl>(VD))
      Graph.initialise(VD->getInit(), holding(VD));
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    llvm::ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
    if (!Callee) {
      Graph.callThrough(CE->getCallee(), Args);
      return true;
    }
    // An operator of a class takes the object first.
    const Expr *Object = nullptr;
    if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Callee) &&
        !Args.empty()) {
      Object = Args.front();
      Args = Args.drop_front();
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      Object = MC->getImplicitObjectArgument();
    }
    if (Object && Graph.opaque(Callee) && mayHoldFunction(Object->getType())) {
      const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE);
      if (Op && Op->getOperator() == OO_Call) {
        Graph.callThrough(Object, Args); // `std::function`'s call
        return true;
      }
      // `fn = f`, `handlers.push_back(f)`, `handlers.emplace(name, f)`
      for (const Expr *Arg : Args)
        Graph.flow(Arg, FunctionValueGraph::placeWritten(Object));
      return true;
    }
    Graph.call(Callee, Args);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    Graph.call(CE->getConstructor(),
               llvm::ArrayRef<const Expr *>(CE->getArgs(), CE->getNumArgs()));
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *RS) {
    if (mayHoldFunction(Owner->getReturnType()))
      Graph.flow(RS->getRetValue(), Owner->getCanonicalDecl());
    return true;
  }

private:
  FunctionValueGraph &Graph;
  const FunctionDecl *Owner;
};

} // namespace

std::map<const ValueDecl *, std::set<const FunctionDecl *>>
functionsStoredInSlots(const std::vector<const FunctionDecl *> &Functions,
                       const std::vector<const VarDecl *> &Globals,
                       const SourceManager &SM,
                       llvm::function_ref<bool(const ValueDecl *)> IsSlot) {
  FunctionValueGraph Graph(SM);
  for (const VarDecl *VD : Globals)
    Graph.initialise(VD->getInit(), holding(VD));
  for (const FunctionDecl *FD : Functions) {
    StoreCollector Stores(Graph, FD);
    Stores.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        Stores.TraverseStmt(Init->getInit());
        if (const FieldDecl *F = Init->getMember())
          Graph.initialise(Init->getInit(), holding(F));
      }
  }
  Graph.solve();
  std::map<const ValueDecl *, std::set<const FunctionDecl *>> Slots;
  for (const auto &[Place, Fns] : Graph.Held) {
    const auto *Slot = dyn_cast<ValueDecl>(Place);
    if (Slot && !isa<FunctionDecl, ParmVarDecl>(Slot) && IsSlot(Slot))
      Slots[Slot].insert(Fns.begin(), Fns.end());
  }
  return Slots;
}

} // namespace dataflow
} // namespace privacy
