//===- PersonalData.cpp - which values are personal data ------------------===//
#include "privacy/PersonalData.h"
#include "privacy/Annotations.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

namespace privacy {

using namespace clang;

static std::optional<DataOrigin> originFrom(const Decl *Source,
                                            std::optional<Annotation> Marker) {
  if (!Marker || Marker->Args.empty() || Marker->Args[0].empty())
    return std::nullopt;
  DataOrigin O;
  O.Item = Marker->Args[0];
  O.Source = Source;
  O.Marker = std::move(*Marker);
  return O;
}

const RecordDecl *recordOfType(QualType T) {
  while (!T.isNull()) {
    if (const auto *RT = T->getAs<RecordType>())
      return RT->getDecl();
    if (T->isReferenceType() || T->isPointerType())
      T = T->getPointeeType();
    else if (T->isArrayType())
      T = T->getAsArrayTypeUnsafe()->getElementType();
    else
      return nullptr;
  }
  return nullptr;
}

std::optional<DataOrigin> dataOfDecl(const Decl *D) {
  if (!D)
    return std::nullopt;
  if (auto O = originFrom(D, findAnnotation(D, AnnotationKind::Data)))
    return O;
  // Every member of a PRIVACY_DATA class is part of that personal data.
  if (const auto *FD = dyn_cast<FieldDecl>(D))
    if (auto O = originFrom(
            D, findAnnotation(FD->getParent(), AnnotationKind::Data)))
      return O;
  // So is every object of one.
  QualType T;
  if (const auto *VD = dyn_cast<ValueDecl>(D))
    T = isa<FunctionDecl>(VD) ? cast<FunctionDecl>(VD)->getReturnType()
                              : VD->getType();
  if (const RecordDecl *RD = recordOfType(T))
    return originFrom(D, findAnnotation(RD, AnnotationKind::Data));
  return std::nullopt;
}

std::optional<DataOrigin> dataOfExpr(const Expr *E) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    // A function named as a callee is not a read; its call is.
    if (isa<VarDecl>(DRE->getDecl()) || isa<BindingDecl>(DRE->getDecl()))
      return dataOfDecl(DRE->getDecl());
    return std::nullopt;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (!isa<FieldDecl>(ME->getMemberDecl()) &&
        !isa<VarDecl>(ME->getMemberDecl()))
      return std::nullopt;
    if (auto O = dataOfDecl(ME->getMemberDecl()))
      return O;
    return dataOfExpr(ME->getBase()); // part of personal data
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      return originFrom(Callee, findAnnotation(Callee, AnnotationKind::Data));
    return std::nullopt;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    return dataOfExpr(ASE->getBase());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_Deref)
      return dataOfExpr(UO->getSubExpr());
  return std::nullopt;
}

std::string describeSource(const Decl *D) {
  const auto *ND = dyn_cast_or_null<NamedDecl>(D);
  if (!ND)
    return "value";
  std::string Name = "'" + ND->getQualifiedNameAsString() + "'";
  if (isa<FieldDecl>(D))
    return "field " + Name;
  if (isa<ParmVarDecl>(D))
    return "parameter '" + ND->getNameAsString() + "'";
  if (isa<VarDecl>(D))
    return "variable " + Name;
  if (isa<FunctionDecl>(D))
    return "return value of " + Name;
  return Name;
}

namespace {

class UseCollector : public RecursiveASTVisitor<UseCollector> {
  using Base = RecursiveASTVisitor<UseCollector>;

public:
  explicit UseCollector(ASTContext &Ctx) : SM(Ctx.getSourceManager()) {
    Contexts.push_back(Ctx.getTranslationUnitDecl());
  }

  std::vector<PersonalDataUse> Uses;

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    auto *DC = dyn_cast<DeclContext>(D);
    bool IsContext = DC && (isa<FunctionDecl>(D) || isa<RecordDecl>(D) ||
                            isa<NamespaceDecl>(D));
    if (IsContext)
      Contexts.push_back(DC);
    bool Result = Base::TraverseDecl(D);
    if (IsContext)
      Contexts.pop_back();
    return Result;
  }

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    Contexts.push_back(LE->getCallOperator());
    bool Result = Base::TraverseLambdaExpr(LE);
    Contexts.pop_back();
    return Result;
  }

  // Unevaluated operands read nothing.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *) { return true; }

  // The target of an assignment is written, not read.
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      cover(BO->getLHS());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() > 0)
      cover(OC->getArg(0));
    return true;
  }
  // A library method that changes an object, called for that change alone
  // (`names.insert(id, n);`, `names.remove(id);`, `s.clear();`), writes into
  // the object; it reads nothing of what the object holds (SPEC §1, "What
  // counts as a use"; docs/limitations.md). Its result, when used, is a read.
  bool VisitCompoundStmt(CompoundStmt *CS) {
    for (Stmt *S : CS->body()) {
      const auto *E = dyn_cast<Expr>(S);
      const auto *MC =
          E ? dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit()) : nullptr;
      const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
      if (MD && !MD->isConst() && !MD->isStatic() &&
          SM.isInSystemHeader(MD->getLocation()))
        cover(MC->getImplicitObjectArgument());
    }
    return true;
  }
  // `(void)x;` silences an unused warning; it processes nothing.
  bool VisitExplicitCastExpr(ExplicitCastExpr *CE) {
    if (CE->getType()->isVoidType())
      cover(CE->getSubExpr());
    return true;
  }

  // Naming whose consent to check is not processing for the purpose.
  bool VisitCallExpr(CallExpr *E) {
    if (const FunctionDecl *Callee = E->getDirectCallee())
      if (findAnnotation(Callee, AnnotationKind::ConsentCheck))
        for (const Expr *Arg : E->arguments())
          cover(Arg);
    return consider(E);
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) { return consider(E); }
  bool VisitMemberExpr(MemberExpr *E) { return consider(E); }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *E) { return consider(E); }
  bool VisitUnaryOperator(UnaryOperator *E) {
    return E->getOpcode() == UO_Deref ? consider(E) : true;
  }

private:
  bool consider(Expr *E) {
    if (Covered.count(E)) {
      coverParts(E);
      return true;
    }
    if (auto Origin = dataOfExpr(E)) {
      Uses.push_back({E, std::move(*Origin), Contexts.back()});
      coverParts(E);
    }
    return true;
  }

  void cover(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    Covered.insert(E);
    coverParts(E);
  }

  // The parts of a read that reads them (the base of a member access, the
  // object of a member call) are the same read.
  void coverParts(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    const Expr *Part = nullptr;
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      Part = ME->getBase();
    else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      Part = ASE->getBase();
    else if (const auto *UO = dyn_cast<UnaryOperator>(E))
      Part = UO->getOpcode() == UO_Deref ? UO->getSubExpr() : nullptr;
    else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      Part = MC->getImplicitObjectArgument();
    if (Part)
      cover(Part);
  }

  const SourceManager &SM;
  std::vector<const DeclContext *> Contexts;
  llvm::DenseSet<const Expr *> Covered;
};

} // namespace

std::vector<PersonalDataUse> collectPersonalDataUses(ASTContext &Ctx) {
  UseCollector Collector(Ctx);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(Collector.Uses);
}

} // namespace privacy
