//===- PrivacyPlugin.cpp - the checks inside a normal compile -------------===//
//
// clang++-19 -fplugin=lib/libprivacy-plugin.so
//            -fplugin-arg-privacy-policy=privacy-policy.json ...
//
// Runs every privacy check after the compiler's own work and reports their
// warnings as compiler warnings, ending with the same [privacy-<check>] tag
// as clang-tidy and honouring the same NOLINT comments, so any editor or
// build log that shows compiler diagnostics shows them. With
// -fplugin-arg-privacy-summary it also writes the translation unit's
// summary next to the object file (<object>.privacy.json), so a build --
// local or distributed -- produces everything privacy-scan needs to join.
//
// Arguments (each as -fplugin-arg-privacy-<arg>):
//   policy=FILE     the policy; default: nearest privacy-policy.json above
//                   the main file
//   catalog=FILE    an extra API catalog (may repeat)
//   annotations=FILE an annotations file (may repeat); default:
//                   privacy-annotations.json beside the policy, if any
//   classifier=FILE an extra classifier file for
//                   privacy-unannotated-personal-data (may repeat)
//   checks=LIST     comma-separated check names or globs (privacy-log-leak,
//                   privacy-*); default: all
//   summary         write <object>.privacy.json
//
//===----------------------------------------------------------------------===//
#include "privacy/summary/Summarizer.h"
#include "privacy/summary/SummaryJson.h"

#include "privacy/AnnotationsFile.h"
#include "privacy/ApiCatalog.h"
#include "privacy/Classifier.h"
#include "privacy/FileAnnotations.h"
#include "privacy/Messages.h"
#include "privacy/Nolint.h"
#include "privacy/OutputFile.h"
#include "privacy/PolicyLoader.h"
#include "privacy/RunChecks.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <set>

using namespace clang;

namespace privacy::plugin {

namespace {

struct PluginOptions {
  std::string PolicyFile;
  std::vector<std::string> Catalogs;
  std::vector<std::string> Annotations;
  std::vector<std::string> Classifiers;
  std::vector<std::string> CheckPatterns; // empty: all
  bool WriteSummary = false;
  std::string ObjectFile;

  bool enabled(llvm::StringRef Check) const {
    if (CheckPatterns.empty())
      return true;
    for (const std::string &P : CheckPatterns) {
      llvm::StringRef Pattern(P);
      if (Pattern.ends_with("*") ? Check.starts_with(Pattern.drop_back())
                                 : Check == Pattern)
        return true;
    }
    return false;
  }
};

/// The NOLINT comments of each file a finding is in, read once, as
/// clang-tidy reads them (privacy/Nolint.h). Like clang-tidy, a file's
/// unmatched NOLINTBEGIN or NOLINTEND is reported as an error the first
/// time a finding in that file is looked at.
class NolintFilter {
public:
  NolintFilter(DiagnosticsEngine &Diags, const SourceManager &SM)
      : Diags(Diags), SM(SM),
        Unmatched(Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0")) {}

  bool suppresses(SourceLocation Loc, llvm::StringRef Check) {
    if (Loc.isInvalid())
      return false;
    auto [File, Offset] = SM.getDecomposedSpellingLoc(Loc);
    auto It = Files.find(File);
    if (It == Files.end()) {
      bool Invalid = false;
      llvm::StringRef Text = SM.getBufferData(File, &Invalid);
      auto Comments = std::make_unique<NolintComments>(Invalid ? std::string()
                                                               : Text.str());
      for (const NolintComments::Unmatched &U : Comments->unmatched())
        Diags.Report(SM.getComposedLoc(File, U.Offset), Unmatched)
            << (U.Message + " [" + NolintComments::unmatchedCheckName() + "]")
                   .str();
      It = Files.emplace(File, std::move(Comments)).first;
    }
    return It->second->suppresses(Offset, Check);
  }

private:
  DiagnosticsEngine &Diags;
  const SourceManager &SM;
  unsigned Unmatched;
  std::map<FileID, std::unique_ptr<NolintComments>> Files;
};

class DiagnosticsSink : public FindingSink {
public:
  DiagnosticsSink(DiagnosticsEngine &Diags, const SourceManager &SM,
                  const PluginOptions &Options)
      : Diags(Diags), Options(Options), Nolint(Diags, SM),
        Warning(Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0")),
        Note(Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0")) {}

  void report(const FindingFacts &Facts) override {
    Finding F = wordFinding(Facts);
    llvm::StringRef Check = checkName(F.Check);
    if (!Options.enabled(Check) || Nolint.suppresses(F.Loc, Check))
      return;
    {
      // Emitted at the end of the scope, before its notes.
      DiagnosticBuilder Report = Diags.Report(F.Loc, Warning);
      Report << (F.Message + " [" + Check.str() + "]");
      for (const TextInsertion &Fix : F.Fixes)
        Report << FixItHint::CreateInsertion(Fix.Loc, Fix.Text);
    }
    for (const FindingNote &N : F.Notes)
      Diags.Report(N.Loc, Note) << N.Message;
  }

private:
  DiagnosticsEngine &Diags;
  const PluginOptions &Options;
  NolintFilter Nolint;
  unsigned Warning, Note;
};

class PrivacyConsumer : public ASTConsumer {
public:
  explicit PrivacyConsumer(PluginOptions Options)
      : Options(std::move(Options)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = Ctx.getDiagnostics();
    if (Diags.hasErrorOccurred())
      return; // code that does not compile is the compiler's to report
    const SourceManager &SM = Ctx.getSourceManager();
    const Policy *P = loadPolicy(Diags, SM);
    if (!P)
      return;
    unsigned CatalogError =
        Diags.getCustomDiagID(DiagnosticsEngine::Error, "API catalog %0");
    std::string CatalogDir = defaultApiCatalogDir();
    if (CatalogDir.empty())
      Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0"))
          << MissingRulesMessage;
    auto Catalog = loadApiCatalogsCached(CatalogDir, Options.Catalogs);
    for (const PolicyDiagnostic &D : Catalog->Diagnostics)
      if (D.Level == PolicyDiagnostic::Error)
        Diags.Report(CatalogError) << D.formatWithoutLevel();
    if (!Catalog->ok())
      return;
    unsigned ClassifierError =
        Diags.getCustomDiagID(DiagnosticsEngine::Error, "classifier %0");
    auto Classes =
        loadClassifiersCached(defaultClassifierDir(), Options.Classifiers);
    for (const PolicyDiagnostic &D : Classes->Diagnostics)
      if (D.Level == PolicyDiagnostic::Error)
        Diags.Report(ClassifierError) << D.formatWithoutLevel();
    if (!Classes->ok())
      return;
    std::optional<AnnotationsFiles> Annotations = loadAnnotations(Diags, *P);
    if (!Annotations)
      return;
    // Before anything reads the AST: a file annotation is the macro.
    reportUnfitting(Diags, applyFileAnnotations(Ctx, *Annotations));

    DiagnosticsSink Sink(Diags, SM, Options);
    std::shared_ptr<const TranslationUnitFlows> Flows =
        analyzeFlows(Ctx, Catalog->Loaded.get());
    reportLimitsHit(*Flows, SM);
    CheckContext Context(Ctx, P, [Flows] { return Flows; });
    Context.setClassifier(Classes->Loaded.get());
    runChecks(Context, CheckSet::where([&](CheckKind K) {
                return Options.enabled(checkName(K));
              }),
              Sink);

    if (Options.WriteSummary)
      writeSummary(Ctx, *P, Catalog->Loaded.get(), *Annotations,
                   Classes->Loaded.get());
  }

private:
  /// Bounds the analysis reached: the same note as privacy-scan's
  /// (docs/limitations.md, "Bounds of the analysis").
  static void reportLimitsHit(const TranslationUnitFlows &Flows,
                              const SourceManager &SM) {
    std::vector<std::string> Notes = describeLimitsHit(Flows.LimitsHit);
    if (Notes.empty())
      return;
    llvm::StringRef File;
    if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
      File = Main->getName();
    for (const std::string &Note : Notes)
      llvm::errs() << "privacy-plugin: note: " << File << ": " << Note << "\n";
  }

  const Policy *loadPolicy(DiagnosticsEngine &Diags, const SourceManager &SM) {
    std::string Path = Options.PolicyFile;
    if (Path.empty()) {
      llvm::SmallString<256> Dir;
      if (OptionalFileEntryRef Main =
              SM.getFileEntryRefForID(SM.getMainFileID()))
        Dir = Main->getName();
      llvm::sys::fs::make_absolute(Dir);
      llvm::sys::path::remove_filename(Dir);
      Path = findPolicyFileUpwards(Dir.str().str());
      if (Path.empty()) {
        Diags.Report(Diags.getCustomDiagID(
            DiagnosticsEngine::Error,
            "no privacy policy: pass -fplugin-arg-privacy-policy=FILE or put "
            "%0 in the source's directory or a parent"))
            << DefaultPolicyFileName;
        return nullptr;
      }
    }
    Loaded = loadPolicyCached(Path);
    unsigned Error =
        Diags.getCustomDiagID(DiagnosticsEngine::Error, "privacy policy %0");
    for (const PolicyDiagnostic &D : Loaded->Diagnostics)
      if (D.Level == PolicyDiagnostic::Error)
        Diags.Report(Error) << D.formatWithoutLevel();
    return Loaded->ok() ? Loaded->Loaded.get() : nullptr;
  }

  /// The annotations files; nullopt (with errors reported) when one is
  /// broken: the plugin never runs on half a configuration.
  std::optional<AnnotationsFiles> loadAnnotations(DiagnosticsEngine &Diags,
                                                  const Policy &P) {
    unsigned Error =
        Diags.getCustomDiagID(DiagnosticsEngine::Error, "annotations file %0");
    return loadAnnotationsFiles(
        annotationsFilePaths(Options.Annotations, P.Path), &P,
        [&](const PolicyDiagnostic &D) {
          if (D.Level == PolicyDiagnostic::Error)
            Diags.Report(Error) << D.formatWithoutLevel();
        });
  }

  /// An entry whose declaration is here but cannot take it is wrong
  /// wherever it is read; one that matches nothing here may match in
  /// another file (privacy-scan reports those).
  static void
  reportUnfitting(DiagnosticsEngine &Diags,
                  const std::vector<AppliedAnnotationsFile> &Applied) {
    unsigned Warning = Diags.getCustomDiagID(
        DiagnosticsEngine::Warning, "annotations file %0: the annotation of "
                                    "'%1' applies to no declaration: %2");
    for (const AppliedAnnotationsFile &File : Applied)
      for (const UnmatchedFileAnnotation &U : File.Unmatched)
        if (!U.Why.empty())
          Diags.Report(Warning)
              << (File.File->Path + ":" + std::to_string(U.Entry->Line) + ":" +
                  std::to_string(U.Entry->Column))
              << U.Entry->Decl << U.Why;
  }

  void writeSummary(ASTContext &Ctx, const Policy &P, const ApiCatalog *Catalog,
                    const AnnotationsFiles &Annotations,
                    const Classifier *Classes) {
    std::string Object = Options.ObjectFile;
    if (Object.empty() || Object == "-")
      return;
    llvm::SmallString<256> Root;
    llvm::sys::fs::current_path(Root);
    std::string Summary =
        summary::summaryText(summary::summarizeTranslationUnit(
            Ctx, P, Catalog, Root.str().str(), nullptr, Annotations, Classes));
    std::string Path = Object + ".privacy.json";
    if (std::error_code EC = writeOutput(Path, Summary)) {
      DiagnosticsEngine &Diags = Ctx.getDiagnostics();
      Diags.Report(
          Diags.getCustomDiagID(DiagnosticsEngine::Warning,
                                "cannot write the privacy summary '%0': %1"))
          << Path << EC.message();
    }
  }

  PluginOptions Options;
  std::shared_ptr<const PolicyLoadResult> Loaded;
};

class PrivacyPluginAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    PluginOptions O = Options;
    O.ObjectFile = CI.getFrontendOpts().OutputFile;
    return std::make_unique<PrivacyConsumer>(std::move(O));
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    for (const std::string &Arg : Args) {
      llvm::StringRef A(Arg);
      auto [Key, Value] = A.split('=');
      if (Key == "policy" && !Value.empty()) {
        Options.PolicyFile = Value.str();
      } else if (Key == "catalog" && !Value.empty()) {
        Options.Catalogs.push_back(Value.str());
      } else if (Key == "annotations" && !Value.empty()) {
        Options.Annotations.push_back(Value.str());
      } else if (Key == "classifier" && !Value.empty()) {
        Options.Classifiers.push_back(Value.str());
      } else if (Key == "checks" && !Value.empty()) {
        llvm::SmallVector<llvm::StringRef, 8> Names;
        Value.split(Names, ',', -1, /*KeepEmpty=*/false);
        for (llvm::StringRef N : Names)
          Options.CheckPatterns.push_back(N.trim().str());
      } else if (A == "summary") {
        Options.WriteSummary = true;
      } else {
        Diags.Report(Diags.getCustomDiagID(
            DiagnosticsEngine::Error,
            "unknown privacy plugin argument '%0' (expected policy=FILE, "
            "catalog=FILE, annotations=FILE, classifier=FILE, checks=LIST or "
            "summary)"))
            << Arg;
        return false;
      }
    }
    return true;
  }

  ActionType getActionType() override { return AddAfterMainAction; }

private:
  PluginOptions Options;
};

} // namespace

static FrontendPluginRegistry::Add<PrivacyPluginAction>
    X("privacy", "check the code against its privacy policy");

} // namespace privacy::plugin
