//===- PrivacyTidyCheck.h - what every privacy-* check shares --*- C++ -*-===//
//
// Finding the policy (option PolicyFile, else the nearest
// privacy-policy.json above the main file), reporting a broken one once,
// and turning the analysis' findings into clang-tidy diagnostics. The
// analysis itself is in the library; a check only picks what to run.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_TIDY_PRIVACYTIDYCHECK_H
#define PRIVACY_TIDY_PRIVACYTIDYCHECK_H

#include "ClangTidyCheck.h"
#include "privacy/ApiCatalog.h"
#include "privacy/Dataflow.h"
#include "privacy/Findings.h"
#include "privacy/PolicyLoader.h"

#include <memory>
#include <string>

namespace privacy::tidy {

class PrivacyTidyCheck : public clang::tidy::ClangTidyCheck,
                         protected FindingSink {
public:
  PrivacyTidyCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) final;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) final;
  void onEndOfTranslationUnit() override;

protected:
  /// Runs the analysis of this check over the whole translation unit.
  /// \p P is null when the policy could not be loaded (already reported).
  virtual void analyze(clang::ASTContext &Ctx, const Policy *P) = 0;
  /// Whether the check can do anything useful without a policy.
  virtual bool needsPolicy() const { return true; }

  void report(const Finding &F) override;

  /// The flows of the translation unit, computed once for all checks.
  const TranslationUnitFlows &flows(clang::ASTContext &Ctx);

private:
  std::shared_ptr<const PolicyLoadResult> loadPolicy(const clang::SourceManager &SM);
  const ApiCatalog *loadCatalog();

  const std::string PolicyFile;
  const std::string ApiCatalogDir;
  const std::string ApiCatalogs;
  std::shared_ptr<const TranslationUnitFlows> Flows;
};

} // namespace privacy::tidy

#endif // PRIVACY_TIDY_PRIVACYTIDYCHECK_H
