//===- UnannotatedPersonalData.cpp - personal data nobody marked ----------===//
#include "privacy/UnannotatedPersonalData.h"
#include "privacy/Annotations.h"
#include "privacy/RunChecks.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"

#include <set>

namespace privacy {

using namespace clang;

std::vector<std::string> identifierWords(llvm::StringRef Name) {
  std::vector<std::string> Words;
  std::string Word;
  auto Flush = [&] {
    if (!Word.empty())
      Words.push_back(Word);
    Word.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!llvm::isAlnum(C)) {
      Flush();
      continue;
    }
    // A new word at lower→Upper and at the last capital of an acronym
    // ("IPAddress" → ip, address).
    bool PreviousLower = I > 0 && !llvm::isUpper(Name[I - 1]);
    if (llvm::isUpper(C) && !Word.empty() &&
        (PreviousLower || (I + 1 < Name.size() && llvm::isLower(Name[I + 1]))))
      Flush();
    Word += llvm::toLower(C);
  }
  Flush();
  // "m_email", "email_": prefixes and suffixes of members carry no meaning.
  if (!Words.empty() && (Words.front() == "m" || Words.front() == "s"))
    Words.erase(Words.begin());
  return Words;
}

namespace {

/// Word sequences that name personal data, and what to call it.
struct Pattern {
  std::vector<const char *> Words;
  const char *Kind;
};

const Pattern Patterns[] = {
    {{"email"}, "an e-mail address"},
    {{"e", "mail"}, "an e-mail address"},
    {{"mail", "address"}, "an e-mail address"},
    {{"phone"}, "a phone number"},
    {{"mobile"}, "a phone number"},
    {{"telephone"}, "a phone number"},
    {{"tel", "no"}, "a phone number"},
    {{"fax"}, "a fax number"},
    {{"password"}, "a password"},
    {{"passwd"}, "a password"},
    {{"ssn"}, "a national identification number"},
    {{"rrn"}, "a resident registration number"},
    {{"resident", "registration"}, "a resident registration number"},
    {{"passport"}, "a passport number"},
    {{"birthday"}, "a date of birth"},
    {{"birth", "date"}, "a date of birth"},
    {{"date", "of", "birth"}, "a date of birth"},
    {{"dob"}, "a date of birth"},
    {{"credit", "card"}, "a card number"},
    {{"card", "number"}, "a card number"},
    {{"iban"}, "a bank account"},
    {{"account", "number"}, "a bank account"},
    {{"ip", "address"}, "an IP address"},
    {{"ip", "addr"}, "an IP address"},
    {{"client", "ip"}, "an IP address"},
    {{"remote", "ip"}, "an IP address"},
    {{"home", "address"}, "a postal address"},
    {{"street", "address"}, "a postal address"},
    {{"postal", "address"}, "a postal address"},
    {{"shipping", "address"}, "a postal address"},
    {{"zip", "code"}, "a postal address"},
    {{"full", "name"}, "a person's name"},
    {{"first", "name"}, "a person's name"},
    {{"last", "name"}, "a person's name"},
    {{"surname"}, "a person's name"},
    {{"user", "name"}, "a user id"},
    {{"username"}, "a user id"},
    {{"user", "id"}, "a user id"},
    {{"login", "id"}, "a user id"},
    {{"geo", "location"}, "a location"},
    {{"latitude"}, "a location"},
    {{"longitude"}, "a location"},
};

const char *looksLike(const std::vector<std::string> &Words) {
  for (const Pattern &P : Patterns)
    for (size_t Start = 0; Start + P.Words.size() <= Words.size(); ++Start) {
      bool Match = true;
      for (size_t I = 0; I < P.Words.size() && Match; ++I)
        Match = Words[Start + I] == P.Words[I];
      if (Match)
        return P.Kind;
    }
  return nullptr;
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(ASTContext &Ctx, const Policy *P, FindingSink &Sink)
      : SM(Ctx.getSourceManager()), P(P), Sink(Sink) {}

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFieldDecl(FieldDecl *FD) {
    if (!findAnnotation(FD->getParent(), AnnotationKind::Data))
      check(FD, /*IsField=*/true);
    return true;
  }
  // Locals are followed by the dataflow from what initialises them; globals
  // and statics are not. A static member or an extern variable is reported
  // once, where it is first declared (the class or the header), not again
  // where it is defined.
  bool VisitVarDecl(VarDecl *VD) {
    if (!isa<ParmVarDecl>(VD) && !VD->isImplicit() && !VD->hasLocalStorage() &&
        VD->isFirstDecl())
      check(VD, /*IsField=*/false);
    return true;
  }

private:
  void check(const ValueDecl *D, bool IsField) {
    if (!D->getIdentifier() || D->getLocation().isMacroID() ||
        findAnnotation(D, AnnotationKind::Data))
      return;
    // Booleans and functions about data ("hasEmail", "emailValid") are
    // facts about it, not the data.
    QualType T = D->getType();
    if (T->isBooleanType() || T->isFunctionPointerType())
      return;
    // Constants are written in the code, not collected from anybody
    // (`const std::string USERNAME_PARAM = "username"`).
    if (isa<VarDecl>(D) && T.isConstQualified())
      return;
    std::vector<std::string> Words = identifierWords(D->getName());
    const char *Kind = looksLike(Words);
    if (!Kind)
      return;
    for (const std::string &W : Words)
      if (W == "valid" || W == "verified" || W == "count" || W == "len" ||
          W == "length" || W == "size" || W == "format" || W == "regex" ||
          W == "pattern" || W == "label" || W == "field" || W == "column" ||
          W == "key" || W == "max" || W == "min" ||
          // objects that deal with the data, not the data
          W == "provider" || W == "factory" || W == "handler" ||
          W == "callback" || W == "manager" || W == "policy")
        return;
    SourceLocation Loc = SM.getFileLoc(D->getLocation());
    if (!Reported.insert(Loc.getRawEncoding()).second)
      return;
    Sink.report(
        {CheckKind::UnannotatedPersonalData, Loc,
         reason::LooksLikePersonalData{IsField, D->getQualifiedNameAsString(),
                                       Kind, suggestItem(Words)},
         /*Notes=*/{}});
  }

  /// The policy item whose id shares the most words with the name.
  std::string suggestItem(const std::vector<std::string> &Words) {
    if (!P)
      return "";
    std::string Best;
    size_t BestShared = 0;
    for (const std::string &Id : P->itemIds()) {
      size_t Shared = 0;
      for (const std::string &W : identifierWords(Id))
        Shared += std::find(Words.begin(), Words.end(), W) != Words.end();
      if (Shared > BestShared) {
        Best = Id;
        BestShared = Shared;
      }
    }
    return Best;
  }

  const SourceManager &SM;
  const Policy *P;
  FindingSink &Sink;
  std::set<unsigned> Reported;
};

} // namespace

// Fields and global or static variables outside system headers whose names
// look like personal data and that carry no PRIVACY_DATA, themselves or
// through their class. With a policy, an item whose id matches the name is
// suggested; names can be judged without one.
void checkUnannotatedPersonalData(const CheckContext &C, FindingSink &Sink) {
  Finder(C.ast(), C.policy(), Sink)
      .TraverseDecl(C.ast().getTranslationUnitDecl());
}

} // namespace privacy
