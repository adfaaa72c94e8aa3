//===- InvalidAnnotation.cpp - privacy-invalid-annotation -----------------===//
//
// Privacy annotations that cannot be right: an unknown kind, the wrong
// number or type of arguments, a declaration they do not apply to, and
// PRIVACY_CONSENT_CHECK on a function not returning bool, PRIVACY_DATA or
// PRIVACY_ANONYMIZE on one returning void, an annotation that lands on a
// declaration the user did not write (SPEC §1). With a policy,
// also ids it does not define (with a did-you-mean). Recipients and stores
// the policy does not name are reported here only when they look like a
// typo of a declared one; otherwise the flow checks report where data
// actually reaches them.
//
//===----------------------------------------------------------------------===//
#include "privacy/Annotations.h"
#include "privacy/FileAnnotations.h"
#include "privacy/Policy.h"
#include "privacy/RunChecks.h"
#include "privacy/Suggest.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace privacy {

using namespace clang;

// ISO 3166-1 alpha-2, officially assigned codes.
static constexpr llvm::StringLiteral CountryCodes =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI "
    "BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN "
    "CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK "
    "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
    "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
    "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP "
    "NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF "
    "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW";

static bool isCountryCode(llvm::StringRef Code) {
  if (Code.size() != 2 || !llvm::isUpper(Code[0]) || !llvm::isUpper(Code[1]))
    return false;
  for (size_t I = 0; I + 2 <= CountryCodes.size(); I += 3)
    if (CountryCodes.substr(I, 2) == Code)
      return true;
  return false;
}

namespace {

class Validator : public RecursiveASTVisitor<Validator> {
  using Base = RecursiveASTVisitor<Validator>;

public:
  Validator(ASTContext &Ctx, const Policy *P, FindingSink &Sink)
      : SM(Ctx.getSourceManager()), LangOpts(Ctx.getLangOpts()), P(P),
        Sink(Sink) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return Base::TraverseDecl(D);
  }

  bool VisitDecl(Decl *D) {
    check(D);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *LE) {
    check(LE->getCallOperator());
    return true;
  }

private:
  void report(const AnnotateAttr *A, FindingReason Reason) {
    Sink.report({CheckKind::InvalidAnnotation, SM.getFileLoc(A->getLocation()),
                 std::move(Reason), /*Notes=*/{}});
  }

  void check(const Decl *D) {
    if (!D->hasAttrs())
      return;
    for (const AnnotateAttr *A : D->specific_attrs<AnnotateAttr>()) {
      // Entries of annotations files were checked when the file was loaded
      // (AnnotationsFile.h) and fitted to the declaration when applied.
      if (A->isInherited() || isFromAnnotationsFile(A) ||
          !Seen.insert(A).second)
        continue;
      llvm::StringRef Text = A->getAnnotation();
      if (!Text.starts_with(AnnotationPrefix))
        continue;
      if (const AnnotationInfo *Info = annotationBySpelling(Text))
        checkKnown(D, A, *Info);
      else
        reportUnknownKind(A, Text);
    }
  }

  void reportUnknownKind(const AnnotateAttr *A, llvm::StringRef Text) {
    std::vector<std::string> Known;
    for (const AnnotationInfo &Info : allAnnotations())
      Known.push_back(std::string(AnnotationPrefix) +
                      std::string(Info.Spelling));
    report(A, reason::UnknownAnnotation{Text.str(), closestMatch(Text, Known)});
  }

  void checkKnown(const Decl *D, const AnnotateAttr *A,
                  const AnnotationInfo &Info) {
    std::string Macro(Info.Macro);
    unsigned Subject = subjectOf(D);
    bool Applies = (Info.Subjects & Subject) ||
                   (Subject == SubjLambda && (Info.Subjects & SubjFunction));
    if (!Applies) {
      report(A, reason::MisplacedAnnotation{
                    Macro, Subject ? std::string(subjectName(Subject)) : "",
                    describeSubjects(Info.Subjects)});
      return;
    }

    if (landsOnGenerated(D, A, Macro))
      return;

    int Count = static_cast<int>(A->args_size());
    if (Count < Info.MinArgs || (Info.MaxArgs >= 0 && Count > Info.MaxArgs)) {
      report(A, reason::WrongArgumentCount{Macro, Info.MinArgs, Info.MaxArgs,
                                           Count});
      return;
    }

    std::vector<std::string> Args;
    unsigned Index = 0;
    for (const Expr *Arg : A->args()) {
      ++Index;
      std::optional<std::string> Value = stringArgument(Arg);
      if (!Value || Value->empty()) {
        bool IsCountry = Info.Kind == AnnotationKind::Transfer && Index == 2;
        report(A, reason::ArgumentNotAnId{Macro, Index, IsCountry,
                                          std::string(idKindName(Info.Ids))});
        return;
      }
      Args.push_back(*Value);
    }

    if (Info.Kind == AnnotationKind::ConsentCheck) {
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (FD && !FD->getReturnType()->isBooleanType())
        report(A,
               reason::ConsentCheckNotBool{FD->getNameAsString(),
                                           FD->getReturnType().getAsString()});
    }
    if (Info.Kind == AnnotationKind::Data ||
        Info.Kind == AnnotationKind::Anonymize) {
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (FD && FD->getReturnType()->isVoidType() && Subject == SubjFunction)
        report(A, reason::ReturnsVoid{Macro, FD->getNameAsString()});
    }
    if (Info.Kind == AnnotationKind::Transfer && Args.size() == 2 &&
        !isCountryCode(Args[1]))
      report(A, reason::NotACountryCode{Args[1]});
    if (Info.Kind == AnnotationKind::Purpose)
      checkOnePurposeList(D, A, Args);
    if (P)
      checkIds(A, Info, Args);
  }

  /// The annotation is written by the user but the declaration it sits on
  /// is not: an implicit one, or one whose name another macro's expansion
  /// produced (a framework's `DTO_FIELD(String, email, ...)` declaring a
  /// static helper before the field). An annotation inside a macro that
  /// also writes the declaration, or a declaration whose name the user
  /// spelled as a macro argument, is the user's own (docs/checks/
  /// invalid-annotation.md, "Annotations that land elsewhere").
  bool landsOnGenerated(const Decl *D, const AnnotateAttr *A,
                        const std::string &Macro) {
    const auto *ND = dyn_cast<NamedDecl>(D);
    if (!ND)
      return false;
    std::string Subject(subjectName(subjectOf(D)));
    if (D->isImplicit()) {
      report(A, reason::AnnotationOnGenerated{Macro, Subject,
                                              ND->getNameAsString(), ""});
      return true;
    }
    SourceLocation Name = D->getLocation();
    if (Name.isInvalid() || !Name.isMacroID() || SM.isMacroArgExpansion(Name))
      return false;
    SourceLocation DeclTop = SM.getExpansionLoc(Name);
    if (DeclTop == SM.getExpansionLoc(A->getLocation()))
      return false;
    // The outermost macro whose expansion declares it: the one the user
    // wrote, and so the one to name.
    SourceLocation Loc = Name;
    while (SM.getImmediateMacroCallerLoc(Loc).isMacroID())
      Loc = SM.getImmediateMacroCallerLoc(Loc);
    std::string By = Lexer::getImmediateMacroName(Loc, SM, LangOpts).str();
    report(A, reason::AnnotationOnGenerated{Macro, Subject,
                                            ND->getNameAsString(), By});
    return true;
  }

  /// A function has one list of purposes: a second PRIVACY_PURPOSE with
  /// other purposes, on the same or an earlier declaration, would make what
  /// applies depend on which declaration is looked at.
  void checkOnePurposeList(const Decl *D, const AnnotateAttr *A,
                           const std::vector<std::string> &Args) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD)
      return;
    for (const FunctionDecl *Redecl = FD; Redecl;
         Redecl = Redecl->getPreviousDecl()) {
      for (const Annotation &Other : annotationsOn(Redecl)) {
        if (Other.Kind != AnnotationKind::Purpose)
          continue;
        if (Redecl == FD && Other.Attr == A)
          break; // only those before this one on the same declaration
        if (Other.Args == Args)
          continue; // the same list repeated is harmless
        report(A, reason::SecondPurposeList{FD->getNameAsString(), Other.Args,
                                            Redecl != FD});
        return;
      }
    }
  }

  void checkIds(const AnnotateAttr *A, const AnnotationInfo &Info,
                const std::vector<std::string> &Args) {
    if (Info.Ids == IdKind::None)
      return;
    size_t IdCount = Info.Kind == AnnotationKind::Transfer ? 1 : Args.size();
    for (size_t I = 0; I < IdCount && I < Args.size(); ++I) {
      const std::string &Id = Args[I];
      if (policyDeclares(*P, Info.Ids, Id))
        continue;
      std::string Suggestion = closestMatch(Id, policyIds(*P, Info.Ids));
      if (unknownIdLeftToFlowChecks(Info.Kind) && Suggestion.empty())
        continue;
      report(A, reason::UnknownId{std::string(idKindName(Info.Ids)), Id,
                                  std::string(Info.Macro), Suggestion});
    }
  }

  const SourceManager &SM;
  const LangOptions &LangOpts;
  const Policy *P;
  FindingSink &Sink;
  llvm::DenseSet<const AnnotateAttr *> Seen;
};

} // namespace

// The shape of an annotation can be checked without a policy.
void checkInvalidAnnotation(const CheckContext &C, FindingSink &Sink) {
  Validator V(C.ast(), C.policy(), Sink);
  V.TraverseDecl(C.ast().getTranslationUnitDecl());
}

} // namespace privacy
