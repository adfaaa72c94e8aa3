//===- PrivacyTidyModule.cpp - the clang-tidy module "privacy" ------------===//
#include "ClangTidyModule.h"
#include "ClangTidyModuleRegistry.h"

#include "InvalidAnnotationCheck.h"
#include "PurposeLimitationCheck.h"

namespace privacy::tidy {

class PrivacyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<InvalidAnnotationCheck>("privacy-invalid-annotation");
    Factories.registerCheck<PurposeLimitationCheck>("privacy-purpose-limitation");
  }
};

// Registered when clang-tidy --load opens the plugin.
static clang::tidy::ClangTidyModuleRegistry::Add<PrivacyModule>
    X("privacy-module", "Checks code against its privacy policy.");

} // namespace privacy::tidy
