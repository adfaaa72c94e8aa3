//===- FindingIdentity.cpp ------------------------------------------------===//
#include "privacy/FindingIdentity.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <cctype>
#include <cstdio>
#include <map>

namespace privacy {

using namespace clang;

namespace {

template <typename... Ts> struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <typename... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

FindingSubject findingSubject(const FindingReason &Reason) {
  return std::visit(
      Overloaded{
          [](const reason::CountryDiffers &R) {
            return FindingSubject{R.Item, R.Recipient};
          },
          [](const reason::TransferAbroadUndeclared &R) {
            return FindingSubject{R.Item, R.Recipient};
          },
          [](const reason::TransferAbroadUnnamed &R) {
            return FindingSubject{R.Item, R.Recipient};
          },
          [](const reason::RecipientUnnamed &R) {
            return FindingSubject{R.Item, R.Recipient};
          },
          [](const reason::RecipientUndeclaredForItem &R) {
            return FindingSubject{R.Item, R.Recipient};
          },
          [](const reason::RecipientUndeclaredForPurpose &R) {
            return FindingSubject{R.Item, R.Recipient + "#" + R.Purpose};
          },
          [](const reason::NetworkWithoutRecipient &R) {
            return FindingSubject{R.Item, R.Via};
          },
          [](const reason::StoreNotNamedInCode &R) {
            return FindingSubject{R.Item, R.Via};
          },
          [](const reason::StoreUnnamed &R) {
            return FindingSubject{R.Item, R.Store};
          },
          [](const reason::StoreUndeclaredForItem &R) {
            return FindingSubject{R.Item, R.Store};
          },
          [](const reason::StoreWithoutErase &R) {
            return FindingSubject{"", R.Store};
          },
          [](const reason::LogUndeclared &R) {
            return FindingSubject{R.Item, R.Via};
          },
          [](const reason::PurposeNotAllowed &R) {
            return FindingSubject{R.Use.Item, R.Purpose};
          },
          [](const reason::ConsentMissing &R) {
            return FindingSubject{R.Use.Item, R.Purpose};
          },
          // The item it would suggest comes from the policy: not part of it.
          [](const reason::LooksLikePersonalData &R) {
            return FindingSubject{"", R.QualifiedName};
          },
          [](const reason::UnknownAnnotation &R) {
            return FindingSubject{"", R.Spelling};
          },
          [](const reason::MisplacedAnnotation &R) {
            return FindingSubject{"", R.Macro};
          },
          [](const reason::AnnotationOnGenerated &R) {
            return FindingSubject{"", R.Macro + "@" + R.Name};
          },
          [](const reason::ReturnsVoid &R) {
            return FindingSubject{"", R.Macro};
          },
          [](const reason::WrongArgumentCount &R) {
            return FindingSubject{"", R.Macro};
          },
          [](const reason::ArgumentNotAnId &R) {
            return FindingSubject{"", R.Macro + "#" + std::to_string(R.Index)};
          },
          [](const reason::ConsentCheckNotBool &R) {
            return FindingSubject{"", R.Function};
          },
          [](const reason::NotACountryCode &R) {
            return FindingSubject{"", R.Code};
          },
          [](const reason::SecondPurposeList &R) {
            return FindingSubject{"", R.Function};
          },
          [](const reason::UnknownId &R) {
            return FindingSubject{R.IdKind == "item" ? R.Id : "",
                                  R.IdKind + ":" + R.Id};
          },
      },
      Reason);
}

std::string normalizedCode(llvm::StringRef Text) {
  auto IsWord = [](char C) {
    return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
  };
  std::string Out;
  bool Blank = false;
  for (char C : Text) {
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f' ||
        C == '\v') {
      Blank = true;
      continue;
    }
    // A blank matters only between two words ("const char").
    if (Blank && !Out.empty() && IsWord(Out.back()) && IsWord(C))
      Out += ' ';
    Blank = false;
    Out += C;
  }
  return Out;
}

std::string stableHash(llvm::StringRef Text) {
  uint64_t Hash = 1469598103934665603ULL;
  for (unsigned char C : Text) {
    Hash ^= C;
    Hash *= 1099511628211ULL;
  }
  char Buf[17];
  snprintf(Buf, sizeof Buf, "%016llx", static_cast<unsigned long long>(Hash));
  return Buf;
}

namespace {

/// A place as a file and an offset in it.
struct FilePlace {
  FileID File;
  unsigned Offset = 0;
};

/// Finds the declarations and statements that hold one place, outermost
/// first, descending only into those that hold it.
class PlaceFinder : public RecursiveASTVisitor<PlaceFinder> {
  using Base = RecursiveASTVisitor<PlaceFinder>;

public:
  PlaceFinder(const SourceManager &SM, FilePlace Place)
      : SM(SM), Place(Place) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (isa<TranslationUnitDecl>(D))
      return Base::TraverseDecl(D);
    if (D->isImplicit() || !holds(D->getSourceRange()))
      return true;
    Decls.push_back(D);
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      if (!(MD && MD->getParent()->isLambda()))
        Function = FD;
    }
    return Base::TraverseDecl(D);
  }

  bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr) {
    if (!S || !holds(S->getSourceRange()))
      return true;
    Stmts.push_back(S);
    // No queue: children are traversed now, so Stmts stays outermost first.
    return Base::TraverseStmt(S, nullptr);
  }

  std::vector<const Decl *> Decls;
  std::vector<const Stmt *> Stmts;
  const FunctionDecl *Function = nullptr;

private:
  bool holds(SourceRange R) const {
    if (R.isInvalid())
      return false;
    CharSourceRange File = SM.getExpansionRange(R);
    auto [BeginFile, Begin] = SM.getDecomposedLoc(File.getBegin());
    auto [EndFile, End] = SM.getDecomposedLoc(File.getEnd());
    return BeginFile == Place.File && EndFile == Place.File &&
           Begin <= Place.Offset && Place.Offset <= End;
  }

  const SourceManager &SM;
  FilePlace Place;
};

std::string sourceText(const ASTContext &Ctx, SourceRange R) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange File = SM.getExpansionRange(R);
  bool Invalid = false;
  llvm::StringRef Text =
      Lexer::getSourceText(File, SM, Ctx.getLangOpts(), &Invalid);
  return Invalid ? "" : normalizedCode(Text);
}

/// The part of \p D that stands for it: a function without its body, a
/// class or namespace by its head, anything else whole.
SourceRange headOf(const Decl *D) {
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    if (const Stmt *Body = FD->getBody())
      return {FD->getBeginLoc(), Body->getBeginLoc()};
  if (const auto *ND = dyn_cast<NamedDecl>(D))
    if (isa<TagDecl, NamespaceDecl>(D))
      return {D->getBeginLoc(), ND->getLocation()};
  return D->getSourceRange();
}

/// Statements that are the outermost piece of code a place belongs to: an
/// expression and these, below a statement of another kind.
bool isCodePiece(const Stmt *S) { return isa<Expr, DeclStmt, ReturnStmt>(S); }

CodeAnchor anchorOf(ASTContext &Ctx, FilePlace Place) {
  PlaceFinder Finder(Ctx.getSourceManager(), Place);
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  CodeAnchor A;
  if (Finder.Function)
    A.Function = Finder.Function->getQualifiedNameAsString();
  const std::vector<const Stmt *> &Path = Finder.Stmts;
  std::optional<SourceRange> Range;
  if (!Path.empty()) {
    size_t Start = 0;
    for (size_t I = 0; I < Path.size(); ++I)
      if (!isCodePiece(Path[I]))
        Start = I + 1;
    Range = (Start < Path.size() ? Path[Start] : Path.back())->getSourceRange();
  } else if (!Finder.Decls.empty()) {
    Range = headOf(Finder.Decls.back());
  }
  if (Range)
    A.CodeHash = stableHash(sourceText(Ctx, *Range));
  return A;
}

} // namespace

std::vector<CodeAnchor> codeAnchors(ASTContext &Ctx,
                                    llvm::ArrayRef<SourceLocation> Locs) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<CodeAnchor> Out;
  // Places repeat (several flows at one call): each is looked up once.
  std::map<std::pair<unsigned, unsigned>, CodeAnchor> Known;
  for (SourceLocation Loc : Locs) {
    if (Loc.isInvalid()) {
      Out.emplace_back();
      continue;
    }
    auto [File, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
    auto Key = std::make_pair(File.getHashValue(), Offset);
    auto It = Known.find(Key);
    if (It == Known.end())
      It = Known.emplace(Key, anchorOf(Ctx, {File, Offset})).first;
    Out.push_back(It->second);
  }
  return Out;
}

} // namespace privacy
