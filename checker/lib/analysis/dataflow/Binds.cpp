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
  BindKind Kind = *bindKindOf(Bind->getDirectCallee());
  std::vector<const Expr *> Bound(Bind->arg_begin() + 1, Bind->arg_end());
  std::vector<const Expr *> Args;
  switch (Kind) {
  case BindKind::Front:
    Args = Bound;
    Args.insert(Args.end(), CallArgs.begin(), CallArgs.end());
    break;
  case BindKind::Back:
    Args.assign(CallArgs.begin(), CallArgs.end());
    Args.insert(Args.end(), Bound.begin(), Bound.end());
    break;
  case BindKind::Placeholders:
    for (const Expr *B : Bound) {
      std::optional<unsigned> Index = placeholderIndex(B);
      if (!Index)
        Args.push_back(B);
      else if (*Index < CallArgs.size())
        Args.push_back(CallArgs[*Index]);
      else
        return std::nullopt; // not a call this bind expression accepts
    }
    break;
  }
  Taint CalleeValue = value(Bind->getArg(0));
  Taint Result;
  bool Resolved = false;
  std::set<const FunctionDecl *> Seen;
  ++IndirectDepth;
  for (const auto &[Label, Tr] : CalleeValue.labels())
    for (const FunctionDecl *Target : TU.targetsOf(Label)) {
      if (!Seen.insert(Target).second)
        continue;
      llvm::ArrayRef<const Expr *> TargetArgs = Args;
      const Expr *Object = nullptr;
      if (needsObject(Target)) {
        if (TargetArgs.empty())
          continue;
        Object = TargetArgs.front(); // `std::bind(&Mailer::send, &m, ...)`
        TargetArgs = TargetArgs.drop_front();
      } else if (isa<CXXMethodDecl>(Target)) {
        Object = Bind->getArg(0); // a lambda: the closure bound
      }
      Result.merge(computeCall(Call, Target, Object, TargetArgs));
      Resolved = true;
    }
  --IndirectDepth;
  if (!Resolved) {
    mergeValues(Args, Result); // no target known: what goes in comes out
    Result.merge(CalleeValue);
  }
  return Result;
}

} // namespace privacy::dataflow
