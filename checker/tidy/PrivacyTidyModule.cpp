//===- PrivacyTidyModule.cpp - the clang-tidy module "privacy" ------------===//
#include "ClangTidyModule.h"
#include "ClangTidyModuleRegistry.h"

#include "CrossBorderTransferCheck.h"
#include "InvalidAnnotationCheck.h"
#include "LogLeakCheck.h"
#include "MissingConsentCheck.h"
#include "PurposeLimitationCheck.h"
#include "UnannotatedPersonalDataCheck.h"
#include "UndeclaredRecipientCheck.h"
#include "UndeclaredStorageCheck.h"

namespace privacy::tidy {

class PrivacyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    // Every check of Checks.def, as its class <Enum>Check.
#define PRIVACY_CHECK(Enum, Name, Summary, Description, DocPage)               \
  Factories.registerCheck<Enum##Check>(Name);
#include "privacy/Checks.def"
  }
};

// Registered when clang-tidy --load opens the plugin.
static clang::tidy::ClangTidyModuleRegistry::Add<PrivacyModule>
    X("privacy-module", "Checks code against its privacy policy.");

} // namespace privacy::tidy
