//===- PrivacyTidyCheck.h - a privacy-* check in clang-tidy ----*- C++ -*-===//
//
// Finding the policy (option PolicyFile, else the nearest
// privacy-policy.json above the main file) and the annotations files
// (option AnnotationsFile, else privacy-annotations.json beside the
// policy) and the classifier files (option ClassifierFiles), reporting a
// broken one once,
// running one check of Checks.def (runChecks, RunChecks.h) and turning its
// findings into clang-tidy diagnostics. The module registers one instance
// per check; the checks of a translation unit share its flows.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_TIDY_PRIVACYTIDYCHECK_H
#define PRIVACY_TIDY_PRIVACYTIDYCHECK_H

#include "ClangTidyCheck.h"
#include "privacy/ApiCatalog.h"
#include "privacy/Classifier.h"
#include "privacy/Dataflow.h"
#include "privacy/FileAnnotations.h"
#include "privacy/Findings.h"
#include "privacy/PolicyLoader.h"

#include <memory>
#include <optional>
#include <string>

namespace privacy::tidy {

class PrivacyTidyCheck final : public clang::tidy::ClangTidyCheck,
                               private FindingSink {
public:
  PrivacyTidyCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                   CheckKind Kind);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void report(const FindingFacts &Facts) override;

  std::shared_ptr<const PolicyLoadResult>
  loadPolicy(const clang::SourceManager &SM);
  const ApiCatalog *loadCatalog();
  /// The shipped classifier and the option ClassifierFiles; null (after
  /// saying why) when one has errors.
  const Classifier *loadClassifier();
  /// The annotations files (option AnnotationsFile, else
  /// privacy-annotations.json beside the policy); nullopt when one has
  /// errors.
  std::optional<AnnotationsFiles> loadAnnotations(const Policy &P);
  void reportUnfitting(const std::vector<AppliedAnnotationsFile> &Applied);

  const CheckKind Kind;
  const std::string PolicyFile;
  const std::string ApiCatalogDir;
  const std::string ApiCatalogs;
  const std::string AnnotationsFilePaths;
  const std::string ClassifierFiles;
  std::shared_ptr<const TranslationUnitFlows> Flows;
};

} // namespace privacy::tidy

#endif // PRIVACY_TIDY_PRIVACYTIDYCHECK_H
