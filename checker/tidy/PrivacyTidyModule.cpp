//===- PrivacyTidyModule.cpp - the clang-tidy module "privacy" ------------===//
#include "ClangTidyModule.h"
#include "ClangTidyModuleRegistry.h"

#include "PrivacyTidyCheck.h"

namespace privacy::tidy {

class PrivacyModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    // Every check of Checks.def, each its own instance.
#define PRIVACY_CHECK(Enum, Name, Summary, Description, DocPage)               \
  Factories.registerCheckFactory(                                              \
      Name,                                                                    \
      [](llvm::StringRef CheckName, clang::tidy::ClangTidyContext *Context) {  \
        return std::make_unique<PrivacyTidyCheck>(CheckName, Context,          \
                                                  CheckKind::Enum);            \
      });
#include "privacy/Checks.def"
  }
};

// Registered when clang-tidy --load opens the plugin.
static clang::tidy::ClangTidyModuleRegistry::Add<PrivacyModule>
    X("privacy-module", "Checks code against its privacy policy.");

} // namespace privacy::tidy
