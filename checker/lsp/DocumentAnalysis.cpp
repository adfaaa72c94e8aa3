//===- DocumentAnalysis.cpp - the checks on one open document -------------===//
#include "DocumentAnalysis.h"
#include "TextPositions.h"

#include "CompileDatabase.h"

#include "privacy/Annotations.h"
#include "privacy/Dataflow.h"
#include "privacy/Messages.h"
#include "privacy/Nolint.h"
#include "privacy/RunChecks.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Tooling.h"

#include <map>
#include <memory>

namespace privacy::lsp {

using namespace clang;

namespace {

/// LSP positions of the files of one translation unit, from the buffers
/// the SourceManager holds (so an unsaved document is measured as edited).
class Positions {
public:
  Positions(const SourceManager &SM, PositionEncoding Encoding)
      : SM(SM), Encoding(Encoding) {}

  /// The range of the token at file location \p Loc.
  std::optional<Location> tokenAt(SourceLocation Loc) {
    Loc = SM.getFileLoc(Loc);
    if (Loc.isInvalid())
      return std::nullopt;
    auto [File, Offset] = SM.getDecomposedLoc(Loc);
    const LineTable *Table = table(File);
    OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
    if (!Table || !Entry)
      return std::nullopt;
    unsigned Length = Lexer::MeasureTokenLength(Loc, SM, LangOptions());
    llvm::SmallString<256> Path(Entry->getName());
    llvm::sys::fs::make_absolute(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    return Location{uriFromPath(Path.str().str()),
                    {Table->positionOf(Offset),
                     Table->positionOf(Offset + std::max(Length, 1u))}};
  }

  const LineTable *table(FileID File) {
    auto It = Tables.find(File);
    if (It != Tables.end())
      return It->second.get();
    bool Invalid = false;
    llvm::StringRef Text = SM.getBufferData(File, &Invalid);
    auto &Slot = Tables[File];
    if (!Invalid)
      Slot = std::make_unique<LineTable>(Text, Encoding);
    return Slot.get();
  }

private:
  const SourceManager &SM;
  PositionEncoding Encoding;
  std::map<FileID, std::unique_ptr<LineTable>> Tables;
};

/// Annotated declarations of the main file and the uses of them, for
/// hovers; and where each declaration of the main file begins, for the
/// PRIVACY_DATA code action.
class DocumentWalker : public RecursiveASTVisitor<DocumentWalker> {
public:
  DocumentWalker(const SourceManager &SM, Positions &Where,
                 std::vector<HoverTarget> &Targets)
      : SM(SM), Where(Where), Targets(Targets) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldWalkTypesOfTypeLocs() const { return false; }

  bool TraverseDecl(Decl *D) {
    // Only what is written in the document: headers are not walked.
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        !SM.isWrittenInMainFile(SM.getFileLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitDeclaratorDecl(DeclaratorDecl *D) {
    addTarget(D, D->getLocation());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    addTarget(E->getDecl(), E->getLocation());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    addTarget(E->getMemberDecl(), E->getMemberLoc());
    return true;
  }

private:
  void addTarget(const Decl *D, SourceLocation At) {
    if (!D || At.isInvalid() || At.isMacroID() || !SM.isWrittenInMainFile(At))
      return;
    const auto *Named = dyn_cast<NamedDecl>(D);
    if (!Named)
      return;
    std::vector<std::string> Written;
    for (const Annotation &A : annotationsOn(D))
      Written.push_back(spelled(A));
    std::optional<Annotation> Data = findAnnotation(D, AnnotationKind::Data);
    if (Written.empty() && !Data)
      return;
    std::optional<Location> L = Where.tokenAt(At);
    if (!L)
      return;
    HoverTarget T;
    T.Where = L->Where;
    T.Subject = std::string(subjectName(subjectOf(D)));
    T.QualifiedName = Named->getQualifiedNameAsString();
    if (Data && !Data->Args.empty())
      T.Item = Data->Args.front();
    T.Annotations = std::move(Written);
    Targets.push_back(std::move(T));
  }

  static std::string spelled(const Annotation &A) {
    std::string S = std::string(A.macro()) + "(";
    for (size_t I = 0; I < A.Args.size(); ++I)
      S += (I ? ", \"" : "\"") + A.Args[I] + "\"";
    return S + ")";
  }

  const SourceManager &SM;
  Positions &Where;
  std::vector<HoverTarget> &Targets;
};

/// Turns each finding of the main file into a DocumentFinding, unless a
/// NOLINT comment of the document silences it (privacy/Nolint.h).
class DocumentSink : public FindingSink {
public:
  DocumentSink(const SourceManager &SM, Positions &Where,
               const std::string &Text, DocumentReport &Out)
      : SM(SM), Where(Where), Nolint(Text), Out(Out) {}

  void report(const FindingFacts &Facts) override {
    Finding F = wordFinding(Facts);
    SourceLocation Loc = SM.getFileLoc(F.Loc);
    // Like clang-tidy without --header-filter: the document's own findings.
    if (Loc.isInvalid() || SM.getFileID(Loc) != SM.getMainFileID())
      return;
    llvm::StringRef Check = checkName(F.Check);
    reportUnmatchedNolintOnce();
    if (Nolint.suppresses(SM.getFileOffset(Loc), Check))
      return;
    std::optional<Location> At = Where.tokenAt(Loc);
    if (!At)
      return;
    DocumentFinding D;
    D.Diag.Where = At->Where;
    D.Diag.Code = Check.str();
    D.Diag.Message = F.Message;
    for (const FindingNote &N : F.Notes)
      if (std::optional<Location> NoteAt = Where.tokenAt(N.Loc))
        D.Diag.Related.push_back({*NoteAt, N.Message});
    const LineTable *Main = Where.table(SM.getMainFileID());
    Position End = Main->endOfLine(At->Where.Start.Line);
    D.Silence = {{End, End}, " // NOLINT(" + Check.str() + ")"};
    // The check's own fix-it (UnannotatedPersonalData.cpp): clang-tidy's
    // --fix and this code action insert the same text.
    if (const auto *R =
            std::get_if<reason::LooksLikePersonalData>(&Facts.Reason)) {
      D.SuggestedItem = R->SuggestedItem;
      for (const TextInsertion &Fix : Facts.Fixes)
        if (SM.isWrittenInMainFile(Fix.Loc)) {
          Position P = Main->positionOf(SM.getFileOffset(Fix.Loc));
          D.Annotate = TextEdit{{P, P}, Fix.Text};
        }
    }
    Out.Findings.push_back(std::move(D));
  }

private:
  /// clang-tidy reports a NOLINTBEGIN without its END (or the reverse) the
  /// first time it looks at a finding of the file; so does this.
  void reportUnmatchedNolintOnce() {
    if (UnmatchedReported)
      return;
    UnmatchedReported = true;
    const LineTable *Main = Where.table(SM.getMainFileID());
    for (const NolintComments::Unmatched &U : Nolint.unmatched()) {
      DocumentFinding D;
      Position P = Main->positionOf(U.Offset);
      D.Diag.Where = {P, {P.Line, P.Character + 1}};
      D.Diag.Severity = DiagnosticSeverity::Error;
      D.Diag.Code = NolintComments::unmatchedCheckName().str();
      D.Diag.Message = U.Message;
      Out.Findings.push_back(std::move(D));
    }
  }

  const SourceManager &SM;
  Positions &Where;
  NolintComments Nolint;
  DocumentReport &Out;
  bool UnmatchedReported = false;
};

class CheckConsumer : public ASTConsumer {
public:
  CheckConsumer(const AnalysisInput &In, DocumentReport &Out)
      : In(In), Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    // Unlike the plugin, and like clang-tidy, the checks run on code that
    // does not compile: an editor's buffer is half-written most of the
    // time, and what could be parsed is still worth checking
    // (docs/limitations.md, "privacy-lsp").
    const SourceManager &SM = Ctx.getSourceManager();
    Positions Where(SM, In.Encoding);
    DocumentWalker Walker(SM, Where, Out.Targets);
    Walker.TraverseDecl(Ctx.getTranslationUnitDecl());
    DocumentSink Sink(SM, Where, In.Text, Out);
    const ApiCatalog *Catalog = In.Catalog;
    runChecks(
        CheckContext(Ctx, In.P,
                     [&Ctx, Catalog] { return analyzeFlows(Ctx, Catalog); }),
        CheckSet::all(), Sink);
  }

private:
  const AnalysisInput &In;
  DocumentReport &Out;
};

class CheckAction : public ASTFrontendAction {
public:
  CheckAction(const AnalysisInput &In, DocumentReport &Out)
      : In(In), Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<CheckConsumer>(In, Out);
  }

private:
  const AnalysisInput &In;
  DocumentReport &Out;
};

class CheckActionFactory : public tooling::FrontendActionFactory {
public:
  CheckActionFactory(const AnalysisInput &In, DocumentReport &Out)
      : In(In), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CheckAction>(In, Out);
  }

private:
  const AnalysisInput &In;
  DocumentReport &Out;
};

} // namespace

DocumentReport analyzeDocument(const AnalysisInput &In) {
  DocumentReport Out;
  scan::SingleCommandDatabase OneCommand(In.Command);
  tooling::ClangTool Tool(OneCommand, {In.File},
                          std::make_shared<PCHContainerOperations>(),
                          scan::analysisFileSystem());
  // The document as the editor has it, saved or not.
  Tool.mapVirtualFile(In.File, In.Text);
  scan::setAnalysisAdjusters(Tool);
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      // -fno-caret-diagnostics also keeps "N errors generated." off the
      // server's standard error.
      {"-resource-dir=" PRIVACY_CLANG_RESOURCE_DIR, "-w",
       "-fno-caret-diagnostics"},
      tooling::ArgumentInsertPosition::END));
  scan::FirstCompilerError Errors;
  Tool.setDiagnosticConsumer(&Errors);
  Tool.setPrintErrorMessage(false);
  CheckActionFactory Factory(In, Out);
  int Status = Tool.run(&Factory);
  Out.FirstError = Errors.First;
  if (Status != 0 && Out.FirstError.empty() && Out.Findings.empty() &&
      Out.Targets.empty())
    Out.Failure = "clang could not analyse '" + In.File + "' with '" +
                  llvm::join(In.Command.CommandLine, " ") + "'";
  return Out;
}

} // namespace privacy::lsp
