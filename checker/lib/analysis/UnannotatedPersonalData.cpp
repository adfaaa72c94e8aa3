//===- UnannotatedPersonalData.cpp - personal data nobody marked ----------===//
#include "privacy/UnannotatedPersonalData.h"
#include "privacy/Annotations.h"
#include "privacy/Classifier.h"
#include "privacy/RunChecks.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <map>
#include <set>

namespace privacy {

using namespace clang;

namespace {

/// The qualified names a type goes by: each typedef on the way, then the
/// class; through pointers, references, arrays and the standard library's
/// templates (std::optional<QHostAddress>, std::vector<in_addr>).
void typeNames(const ASTContext &Ctx, QualType T, std::vector<std::string> &Out,
               unsigned Depth = 0) {
  if (T.isNull() || Depth > 8)
    return;
  T = T.getNonReferenceType();
  if (const ArrayType *A = Ctx.getAsArrayType(T))
    return typeNames(Ctx, A->getElementType(), Out, Depth + 1);
  if (T->isPointerType())
    return typeNames(Ctx, T->getPointeeType(), Out, Depth + 1);
  for (QualType Step = T;;) {
    if (const auto *TT = dyn_cast<TypedefType>(Step.getTypePtr()))
      Out.push_back(TT->getDecl()->getQualifiedNameAsString());
    QualType Next = Step.getSingleStepDesugaredType(Ctx);
    if (Next == Step)
      break;
    Step = Next;
  }
  const auto *Record = T->getAsRecordDecl();
  if (!Record)
    return;
  Out.push_back(Record->getQualifiedNameAsString());
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    if (Spec->isInStdNamespace() && Spec->getTemplateArgs().size() > 0 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      typeNames(Ctx, Spec->getTemplateArgs()[0].getAsType(), Out, Depth + 1);
}

struct Candidate {
  const DeclaratorDecl *D;
  bool IsField;
};

class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(ASTContext &Ctx, const Policy *P, const Classifier &Classes,
         FindingSink &Sink)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), P(P), Classes(Classes),
        Sink(Sink) {
    // A fix-it that spells PRIVACY_DATA where annotations/privacy.h is not
    // included would break the build.
    const IdentifierInfo &Macro = Ctx.Idents.get("PRIVACY_DATA");
    CanAnnotate = Macro.hasMacroDefinition();
  }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  // Declarations that begin at the same place share a declarator group
  // ("std::string email, phone;"): an attribute there would mark them all.
  bool VisitDeclaratorDecl(DeclaratorDecl *D) {
    SourceLocation Begin = D->getBeginLoc();
    if (Begin.isValid() && Begin.isFileID())
      ++DeclsBeginningAt[Begin.getRawEncoding()];
    return true;
  }
  bool VisitFieldDecl(FieldDecl *FD) {
    if (!findAnnotation(FD->getParent(), AnnotationKind::Data))
      Candidates.push_back({FD, /*IsField=*/true});
    return true;
  }
  // Locals are followed by the dataflow from what initialises them; globals
  // and statics are not. A static member or an extern variable is reported
  // once, where it is first declared (the class or the header), not again
  // where it is defined.
  bool VisitVarDecl(VarDecl *VD) {
    if (!isa<ParmVarDecl>(VD) && !VD->isImplicit() && !VD->hasLocalStorage() &&
        VD->isFirstDecl())
      Candidates.push_back({VD, /*IsField=*/false});
    return true;
  }

  void reportAll() {
    for (const Candidate &C : Candidates)
      check(C.D, C.IsField);
  }

private:
  void check(const DeclaratorDecl *D, bool IsField) {
    if (!D->getIdentifier() || D->isImplicit() ||
        findAnnotation(D, AnnotationKind::Data))
      return;
    // Booleans and functions about data ("hasEmail", "emailValid") are
    // facts about it, not the data; an enumeration is a mode or a kind
    // ("HighlightNickType highlightNick"), which holds no text or number of
    // a person.
    QualType T = D->getType();
    if (T->isBooleanType() || T->isEnumeralType() ||
        T->isFunctionPointerType() || T->isMemberFunctionPointerType())
      return;
    // Constants are written in the code, not collected from anybody
    // (`const std::string USERNAME_PARAM = "username"`).
    if (isa<VarDecl>(D) && T.isConstQualified())
      return;
    std::vector<std::string> Words = identifierWords(D->getName().str());
    const ClassifierCategory *Category = Classes.classifyWords(Words);
    if (!Category) {
      std::vector<std::string> Names;
      typeNames(Ctx, T, Names);
      for (const std::string &Name : Names)
        if ((Category = Classes.classifyType(Name)))
          break;
      // "serverAddr" of type sockaddr_in is the program's own address.
      if (Category && Classes.excluded(Words, *Category))
        Category = nullptr;
    }
    if (!Category)
      return;

    SourceLocation Loc = SM.getFileLoc(D->getLocation());
    if (!Reported.insert({Loc.getRawEncoding(), D->getQualifiedNameAsString()})
             .second)
      return;
    reason::LooksLikePersonalData R{IsField, D->getQualifiedNameAsString(),
                                    Category->Looks, ""};
    R.Category = Category->Id;
    if (P)
      suggestItems(Words, *Category, R);
    if (D->getLocation().isMacroID())
      R.Macro = macroSpelling(D->getLocation());
    FindingFacts F{CheckKind::UnannotatedPersonalData, Loc, R, /*Notes=*/{}};
    if (!R.SuggestedItem.empty() && R.Macro.empty())
      if (std::optional<SourceLocation> At = annotationPlace(D))
        F.Fixes.push_back({*At, "PRIVACY_DATA(\"" + R.SuggestedItem + "\") "});
    Sink.report(F);
  }

  /// The items of the policy that stand for \p Category; the one sharing
  /// the most words with the name when there is one, else all of those
  /// that tie.
  void suggestItems(const std::vector<std::string> &Words,
                    const ClassifierCategory &Category,
                    reason::LooksLikePersonalData &R) {
    std::vector<std::string> Items = Classes.policyItemsFor(Category, *P);
    if (Items.empty()) {
      R.NoPolicyItem = true;
      return;
    }
    // A plural shares its word ("nicks" and the item "nick").
    auto SameWord = [](const std::string &A, const std::string &B) {
      return A == B || A == B + "s" || B == A + "s";
    };
    size_t BestShared = 0;
    std::vector<std::string> Best;
    for (const std::string &Id : Items) {
      size_t Shared = 0;
      for (const std::string &W : identifierWords(Id))
        Shared += std::any_of(Words.begin(), Words.end(),
                              [&](const auto &N) { return SameWord(N, W); });
      if (Best.empty() || Shared > BestShared) {
        Best = {Id};
        BestShared = Shared;
      } else if (Shared == BestShared) {
        Best.push_back(Id);
      }
    }
    if (Best.size() == 1)
      R.SuggestedItem = Best.front();
    else
      R.Candidates = Best;
  }

  /// The macro the user wrote where the declaration comes from.
  std::string macroSpelling(SourceLocation Loc) const {
    SourceLocation Invocation = SM.getExpansionLoc(Loc);
    return Lexer::getSourceText(CharSourceRange::getTokenRange(Invocation), SM,
                                Ctx.getLangOpts())
        .str();
  }

  /// Where PRIVACY_DATA goes: before the declaration, when the user wrote
  /// it (no macro), alone in its declarator group, and privacy.h is in.
  std::optional<SourceLocation> annotationPlace(const DeclaratorDecl *D) const {
    SourceLocation Begin = D->getBeginLoc();
    if (!CanAnnotate || Begin.isInvalid() || Begin.isMacroID())
      return std::nullopt;
    auto It = DeclsBeginningAt.find(Begin.getRawEncoding());
    if (It == DeclsBeginningAt.end() || It->second != 1)
      return std::nullopt;
    return Begin;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const Policy *P;
  const Classifier &Classes;
  FindingSink &Sink;
  bool CanAnnotate = false;
  std::vector<Candidate> Candidates;
  std::map<unsigned, unsigned> DeclsBeginningAt;
  std::set<std::pair<unsigned, std::string>> Reported;
};

} // namespace

// Fields and global or static variables outside system headers whose names
// or types look like personal data (Classifier.h) and that carry no
// PRIVACY_DATA, themselves or through their class. With a policy, the item
// that stands for the category is suggested, and inserted as a fix-it when
// it is the only one; names can be judged without a policy.
void checkUnannotatedPersonalData(const CheckContext &C, FindingSink &Sink) {
  const Classifier *Classes = C.classifier();
  if (!Classes)
    return;
  Finder F(C.ast(), C.policy(), *Classes, Sink);
  F.TraverseDecl(C.ast().getTranslationUnitDecl());
  F.reportAll();
}

} // namespace privacy
