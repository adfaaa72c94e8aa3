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
    Factories.registerCheck<CrossBorderTransferCheck>(
        "privacy-cross-border-transfer");
    Factories.registerCheck<InvalidAnnotationCheck>("privacy-invalid-annotation");
    Factories.registerCheck<LogLeakCheck>("privacy-log-leak");
    Factories.registerCheck<MissingConsentCheck>("privacy-missing-consent");
    Factories.registerCheck<PurposeLimitationCheck>("privacy-purpose-limitation");
    Factories.registerCheck<UnannotatedPersonalDataCheck>(
        "privacy-unannotated-personal-data");
    Factories.registerCheck<UndeclaredRecipientCheck>(
        "privacy-undeclared-recipient");
    Factories.registerCheck<UndeclaredStorageCheck>(
        "privacy-undeclared-storage");
  }
};

// Registered when clang-tidy --load opens the plugin.
static clang::tidy::ClangTidyModuleRegistry::Add<PrivacyModule>
    X("privacy-module", "Checks code against its privacy policy.");

} // namespace privacy::tidy
