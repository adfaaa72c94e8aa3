//===- PrivacyTidyCheck.cpp - a privacy-* check in clang-tidy -------------===//
#include "PrivacyTidyCheck.h"

#include "privacy/FileAnnotations.h"
#include "privacy/Messages.h"
#include "privacy/RunChecks.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <mutex>
#include <set>

namespace privacy::tidy {

using namespace clang;
using namespace clang::ast_matchers;

PrivacyTidyCheck::PrivacyTidyCheck(llvm::StringRef Name,
                                   clang::tidy::ClangTidyContext *Context,
                                   CheckKind Kind)
    : ClangTidyCheck(Name, Context), Kind(Kind),
      PolicyFile(Options.getLocalOrGlobal("PolicyFile", "")),
      ApiCatalogDir(
          Options.getLocalOrGlobal("ApiCatalogDir", defaultApiCatalogDir())),
      ApiCatalogs(Options.getLocalOrGlobal("ApiCatalogs", "")),
      AnnotationsFilePaths(Options.getLocalOrGlobal("AnnotationsFile", "")),
      ClassifierFiles(Options.getLocalOrGlobal("ClassifierFiles", "")) {}

void PrivacyTidyCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "PolicyFile", PolicyFile);
  Options.store(Opts, "ApiCatalogDir", ApiCatalogDir);
  Options.store(Opts, "ApiCatalogs", ApiCatalogs);
  Options.store(Opts, "AnnotationsFile", AnnotationsFilePaths);
  Options.store(Opts, "ClassifierFiles", ClassifierFiles);
}

void PrivacyTidyCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis is whole-translation-unit; one match starts it.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

// clang-tidy changes into each file's compile directory (-p); a relative
// PolicyFile means relative to where clang-tidy was started, which is the
// directory the plugin was loaded in.
static const std::string &startDirectory() {
  static const std::string Dir = [] {
    llvm::SmallString<256> D;
    llvm::sys::fs::current_path(D);
    return D.str().str();
  }();
  return Dir;
}
[[maybe_unused]] static const bool StartDirectoryKnown =
    !startDirectory().empty();

// Several privacy checks run on each translation unit, but a broken policy
// is one problem: say it once per file, and its warnings once per run.
static bool firstToReport(const std::string &Key) {
  static std::mutex Mutex;
  static std::set<std::string> Reported;
  std::lock_guard<std::mutex> Lock(Mutex);
  return Reported.insert(Key).second;
}

/// \p Path as given, else relative to where clang-tidy was started.
static std::string resolveFromStart(std::string Path) {
  if (!Path.empty() && llvm::sys::path::is_relative(Path) &&
      !llvm::sys::fs::exists(Path)) {
    llvm::SmallString<256> FromStart(startDirectory());
    llvm::sys::path::append(FromStart, Path);
    Path = FromStart.str().str();
  }
  return Path;
}

std::shared_ptr<const PolicyLoadResult>
PrivacyTidyCheck::loadPolicy(const SourceManager &SM) {
  std::string MainFile;
  if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    MainFile = Main->getName().str();
  std::string Path = resolveFromStart(PolicyFile);
  if (Path.empty()) {
    llvm::SmallString<256> Dir(MainFile);
    llvm::sys::fs::make_absolute(Dir);
    llvm::sys::path::remove_filename(Dir);
    Path = findPolicyFileUpwards(Dir.empty() ? "." : Dir.str().str());
    if (Path.empty()) {
      if (firstToReport("missing:" + MainFile))
        configurationDiag("no privacy policy for '%0': set the option "
                          "PolicyFile or put %1 in its directory or a parent",
                          DiagnosticIDs::Error)
            << MainFile << DefaultPolicyFileName;
      return nullptr;
    }
  }
  std::shared_ptr<const PolicyLoadResult> Result = loadPolicyCached(Path);
  for (const PolicyDiagnostic &D : Result->Diagnostics) {
    bool IsError = D.Level == PolicyDiagnostic::Error;
    std::string Key =
        (IsError ? "error:" + MainFile + ":" : "warning:") + D.format();
    if (firstToReport(Key))
      configurationDiag("privacy policy %0",
                        IsError ? DiagnosticIDs::Error : DiagnosticIDs::Warning)
          << D.formatWithoutLevel();
  }
  return Result;
}

std::optional<AnnotationsFiles>
PrivacyTidyCheck::loadAnnotations(const Policy &P) {
  std::vector<std::string> Paths;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  llvm::StringRef(AnnotationsFilePaths)
      .split(Parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts)
    Paths.push_back(resolveFromStart(Part.trim().str()));
  return loadAnnotationsFiles(annotationsFilePaths(std::move(Paths), P.Path),
                              &P, [&](const PolicyDiagnostic &D) {
                                if (firstToReport("annotations:" + D.format()))
                                  configurationDiag(
                                      "annotations file %0",
                                      D.Level == PolicyDiagnostic::Error
                                          ? DiagnosticIDs::Error
                                          : DiagnosticIDs::Warning)
                                      << D.formatWithoutLevel();
                              });
}

const ApiCatalog *PrivacyTidyCheck::loadCatalog() {
  std::vector<std::string> Extra;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  llvm::StringRef(ApiCatalogs).split(Parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts)
    Extra.push_back(Part.trim().str());
  if (ApiCatalogDir.empty() && firstToReport("catalog:none"))
    configurationDiag(MissingRulesMessage, DiagnosticIDs::Warning);
  auto Result = loadApiCatalogsCached(ApiCatalogDir, Extra);
  for (const PolicyDiagnostic &D : Result->Diagnostics)
    if (firstToReport("catalog:" + D.format()))
      configurationDiag("API catalog %0", D.Level == PolicyDiagnostic::Error
                                              ? DiagnosticIDs::Error
                                              : DiagnosticIDs::Warning)
          << D.formatWithoutLevel();
  return Result->ok() ? Result->Loaded.get() : nullptr;
}

const Classifier *PrivacyTidyCheck::loadClassifier() {
  std::vector<std::string> Extra;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  llvm::StringRef(ClassifierFiles).split(Parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts)
    Extra.push_back(resolveFromStart(Part.trim().str()));
  auto Result = loadClassifiersCached(defaultClassifierDir(), Extra);
  for (const PolicyDiagnostic &D : Result->Diagnostics)
    if (firstToReport("classifier:" + D.format()))
      configurationDiag("classifier %0", D.Level == PolicyDiagnostic::Error
                                             ? DiagnosticIDs::Error
                                             : DiagnosticIDs::Warning)
          << D.formatWithoutLevel();
  return Result->ok() ? Result->Loaded.get() : nullptr;
}

void PrivacyTidyCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  std::shared_ptr<const PolicyLoadResult> Loaded =
      loadPolicy(Ctx.getSourceManager());
  const Policy *P = Loaded && Loaded->ok() ? Loaded->Loaded.get() : nullptr;
  if (P) {
    // A broken annotations file is a broken configuration, as a broken
    // policy: the checks that need a policy then report nothing.
    std::optional<AnnotationsFiles> Files = loadAnnotations(*P);
    if (!Files)
      P = nullptr;
    else
      reportUnfitting(applyFileAnnotations(Ctx, *Files));
  }
  // The checks of a translation unit share its flows, computed once.
  CheckContext C(Ctx, P, [this, &Ctx] {
    return Flows = analyzeFlowsCached(Ctx, loadCatalog());
  });
  if (Kind == CheckKind::UnannotatedPersonalData) {
    const Classifier *Classes = loadClassifier();
    if (!Classes)
      return;
    C.setClassifier(Classes);
  }
  runChecks(C, CheckSet::where([this](CheckKind K) { return K == Kind; }),
            *this);
}

void PrivacyTidyCheck::reportUnfitting(
    const std::vector<AppliedAnnotationsFile> &Applied) {
  // An entry that matches nothing here may match in another file; one whose
  // declaration is here but cannot take it is wrong wherever it is read.
  for (const AppliedAnnotationsFile &File : Applied)
    for (const UnmatchedFileAnnotation &U : File.Unmatched) {
      if (U.Why.empty())
        continue;
      std::string Where = File.File->Path + ":" +
                          std::to_string(U.Entry->Line) + ":" +
                          std::to_string(U.Entry->Column);
      if (firstToReport("unfitting:" + Where))
        configurationDiag("annotations file %0: the annotation of '%1' "
                          "applies to no declaration: %2",
                          DiagnosticIDs::Warning)
            << Where << U.Entry->Decl << U.Why;
    }
}

void PrivacyTidyCheck::onEndOfTranslationUnit() {
  // clang-tidy checks several files in one process; the flows of this one
  // must not be taken for the next one's.
  Flows.reset();
  clearFlowsCache();
}

void PrivacyTidyCheck::report(const FindingFacts &Facts) {
  Finding F = wordFinding(Facts);
  // %0 keeps any '%' in the message literal.
  {
    // Emitted at the end of the scope, before its notes.
    DiagnosticBuilder Warning = diag(F.Loc, "%0");
    Warning << F.Message;
    for (const TextInsertion &Fix : F.Fixes)
      Warning << FixItHint::CreateInsertion(Fix.Loc, Fix.Text);
  }
  for (const FindingNote &N : F.Notes)
    diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Message;
}

} // namespace privacy::tidy
