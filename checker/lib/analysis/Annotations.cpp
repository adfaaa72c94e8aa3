//===- Annotations.cpp - reading privacy annotations off the AST ----------===//
#include "privacy/Annotations.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"

namespace privacy {

using namespace clang;

static bool isLambdaCallOperator(const Decl *D) {
  const auto *MD = dyn_cast<CXXMethodDecl>(D);
  return MD && MD->getParent()->isLambda();
}

unsigned subjectOf(const Decl *D) {
  if (isa<FieldDecl>(D))
    return SubjField;
  if (isa<ParmVarDecl>(D))
    return SubjParameter;
  if (isa<VarDecl>(D))
    return SubjVariable;
  if (isLambdaCallOperator(D))
    return SubjLambda;
  if (isa<FunctionDecl>(D) || isa<FunctionTemplateDecl>(D))
    return SubjFunction;
  if (const auto *RD = dyn_cast<RecordDecl>(D))
    return isa<CXXRecordDecl>(RD) && cast<CXXRecordDecl>(RD)->isLambda()
               ? SubjLambda
               : SubjRecord;
  if (isa<NamespaceDecl>(D))
    return SubjNamespace;
  return 0;
}

std::optional<std::string> stringArgument(const Expr *E) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *CE = dyn_cast<ConstantExpr>(E))
    E = CE->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *SL = dyn_cast<StringLiteral>(E))
    if (SL->getCharByteWidth() == 1)
      return SL->getString().str();
  return std::nullopt;
}

std::vector<Annotation> annotationsOn(const Decl *D) {
  std::vector<Annotation> Out;
  if (!D || !D->hasAttrs())
    return Out;
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    if (A->isInherited())
      continue;
    const AnnotationInfo *Info = annotationBySpelling(A->getAnnotation());
    if (!Info)
      continue;
    Annotation Ann{Info->Kind, A, D, {}, A->getLocation()};
    for (const Expr *Arg : A->args())
      Ann.Args.push_back(stringArgument(Arg).value_or(""));
    Out.push_back(std::move(Ann));
  }
  return Out;
}

static std::optional<Annotation> findOwn(const Decl *D, AnnotationKind Kind) {
  for (const Decl *Redecl : D->redecls())
    for (Annotation &A : annotationsOn(Redecl))
      if (A.Kind == Kind)
        return std::move(A);
  return std::nullopt;
}

std::optional<Annotation> findAnnotation(const Decl *D, AnnotationKind Kind) {
  if (!D)
    return std::nullopt;
  if (auto Found = findOwn(D, Kind))
    return Found;
  // Instantiations carry the attributes of their pattern, but members of
  // class templates and explicit specialisations may not: ask the pattern.
  if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      if (Pattern != FD)
        return findOwn(Pattern, Kind);
  } else if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
    if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
      if (Pattern != RD)
        return findOwn(Pattern, Kind);
  } else if (const auto *PD = dyn_cast<ParmVarDecl>(D)) {
    // A parameter's annotation may sit on another declaration of the
    // function.
    if (const auto *Fn = dyn_cast<FunctionDecl>(PD->getDeclContext())) {
      unsigned Index = PD->getFunctionScopeIndex();
      for (const FunctionDecl *Redecl : Fn->redecls())
        if (Index < Redecl->getNumParams())
          for (Annotation &A : annotationsOn(Redecl->getParamDecl(Index)))
            if (A.Kind == Kind)
              return std::move(A);
    }
  }
  return std::nullopt;
}

} // namespace privacy
