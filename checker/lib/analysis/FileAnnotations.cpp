//===- FileAnnotations.cpp - annotations files applied to the AST ---------===//
#include "privacy/FileAnnotations.h"
#include "privacy/Annotations.h"
#include "privacy/Dataflow.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <map>

namespace privacy {

using namespace clang;

bool isFromAnnotationsFile(const AnnotateAttr *A) { return A->isImplicit(); }

namespace {

struct Candidate {
  size_t FileIndex;
  const FileAnnotation *Entry;
};

/// The last component of a qualified name ("email" of "UserDto::email"):
/// only declarations with that name are worth naming in full.
llvm::StringRef lastComponent(llvm::StringRef Qualified) {
  size_t Colons = Qualified.rfind("::");
  return Colons == llvm::StringRef::npos ? Qualified
                                         : Qualified.drop_front(Colons + 2);
}

/// The same annotation (kind and arguments) is already on \p D.
bool alreadyAnnotated(const Decl *D, llvm::StringRef Spelling,
                      const std::vector<std::string> &Args) {
  for (const AnnotateAttr *A : D->specific_attrs<AnnotateAttr>()) {
    if (A->getAnnotation() != Spelling || A->args_size() != Args.size())
      continue;
    bool Same = true;
    unsigned I = 0;
    for (const Expr *Arg : A->args())
      Same = Same && stringArgument(Arg) == Args[I++];
    if (Same)
      return true;
  }
  return false;
}

class Applier : public RecursiveASTVisitor<Applier> {
public:
  Applier(ASTContext &Ctx, const AnnotationsFiles &Files) : Ctx(Ctx) {
    for (size_t F = 0; F < Files.size(); ++F)
      for (const FileAnnotation &E : Files[F]->Entries)
        ByLastName[lastComponent(E.Decl)].push_back({F, &E});
  }

  // Class template members are annotated on the instantiations too: their
  // fields do not look back at the pattern (Annotations.cpp,
  // findAnnotation).
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitNamedDecl(NamedDecl *ND) {
    // Templates are reached through the declaration they template, lambdas
    // and local variables have no name a file could give.
    if (ND->isImplicit() || isa<TemplateDecl>(ND) || isa<ParmVarDecl>(ND))
      return true;
    if (const auto *VD = dyn_cast<VarDecl>(ND))
      if (VD->isLocalVarDeclOrParm())
        return true;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(ND))
      if (MD->getParent()->isLambda())
        return true;
    // Most names are identifiers: looked up without building a string.
    const IdentifierInfo *Id = ND->getIdentifier();
    auto It = Id ? ByLastName.find(Id->getName())
                 : ByLastName.find(ND->getDeclName().getAsString());
    if (It == ByLastName.end())
      return true;
    std::string Name = catalogName(ND);
    for (const Candidate &C : It->second)
      if (C.Entry->Decl == Name)
        apply(ND, C);
    return true;
  }

  /// Why each entry that matched nothing did not, by entry.
  std::map<const FileAnnotation *, std::string> Rejected;
  std::map<const FileAnnotation *, bool> Matched;

private:
  void apply(NamedDecl *ND, const Candidate &C) {
    const FileAnnotation &E = *C.Entry;
    const AnnotationInfo &Info = annotationInfo(E.Kind);
    std::string Macro(Info.Macro);
    Decl *Target = ND->getCanonicalDecl();
    if (E.Param) {
      auto *FD = dyn_cast<FunctionDecl>(Target);
      if (!FD) {
        reject(E, "'" + E.Decl + "' is a " +
                      std::string(subjectName(subjectOf(ND))) +
                      ", not a function with parameters");
        return;
      }
      if (*E.Param >= FD->getNumParams()) {
        reject(E, "'" + E.Decl + "' has " + std::to_string(FD->getNumParams()) +
                      " parameter" + (FD->getNumParams() == 1 ? "" : "s") +
                      ", no parameter " + std::to_string(*E.Param));
        return;
      }
      Target = FD->getParamDecl(*E.Param);
    }
    unsigned Subject = subjectOf(Target);
    if (!(Info.Subjects & Subject)) {
      reject(E, "'" + E.Decl + "' is a " + std::string(subjectName(Subject)) +
                    "; " + Macro + " applies to " +
                    describeSubjects(Info.Subjects));
      return;
    }
    if (const auto *FD = dyn_cast<FunctionDecl>(Target)) {
      QualType Returns = FD->getReturnType();
      if (E.Kind == AnnotationKind::ConsentCheck && !Returns->isBooleanType()) {
        reject(E, "'" + E.Decl + "' returns '" + Returns.getAsString() + "'; " +
                      Macro + " applies to functions returning bool");
        return;
      }
      if ((E.Kind == AnnotationKind::Data ||
           E.Kind == AnnotationKind::Anonymize) &&
          Returns->isVoidType()) {
        reject(E, "'" + E.Decl + "' returns void; " + Macro +
                      " on a function marks its return value");
        return;
      }
    }
    Matched[&E] = true;
    // An annotation of the same kind written in the code wins.
    for (const Annotation &Written : annotationsOn(Target))
      if (Written.Kind == E.Kind && !isFromAnnotationsFile(Written.Attr))
        return;
    std::string Spelling =
        std::string(AnnotationPrefix) + std::string(Info.Spelling);
    if (alreadyAnnotated(Target, Spelling, E.Args))
      return;
    SourceLocation Loc = Target->getLocation();
    llvm::SmallVector<Expr *, 2> Args;
    for (const std::string &Arg : E.Args) {
      QualType Type = Ctx.getStringLiteralArrayType(Ctx.CharTy, Arg.size());
      Args.push_back(StringLiteral::Create(
          Ctx, Arg, StringLiteralKind::Ordinary, /*Pascal=*/false, Type, Loc));
    }
    Target->addAttr(AnnotateAttr::CreateImplicit(
        Ctx, Spelling, Args.data(), Args.size(), SourceRange(Loc)));
  }

  void reject(const FileAnnotation &E, std::string Why) {
    Rejected.emplace(&E, std::move(Why)); // the first reason is kept
  }

  ASTContext &Ctx;
  llvm::StringMap<std::vector<Candidate>> ByLastName;
};

} // namespace

std::vector<AppliedAnnotationsFile>
applyFileAnnotations(ASTContext &Ctx, const AnnotationsFiles &Files) {
  std::vector<AppliedAnnotationsFile> Out;
  if (Files.empty())
    return Out;
  Applier A(Ctx, Files);
  A.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const auto &File : Files) {
    AppliedAnnotationsFile Applied;
    Applied.File = File.get();
    for (const FileAnnotation &E : File->Entries) {
      if (A.Matched.count(&E))
        continue;
      auto Why = A.Rejected.find(&E);
      Applied.Unmatched.push_back(
          {&E, Why == A.Rejected.end() ? std::string() : Why->second});
    }
    Out.push_back(std::move(Applied));
  }
  return Out;
}

} // namespace privacy
