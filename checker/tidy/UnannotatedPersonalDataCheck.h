//===- UnannotatedPersonalDataCheck.h - privacy-unannotated-personal-data ===//
#ifndef PRIVACY_TIDY_UNANNOTATEDPERSONALDATACHECK_H
#define PRIVACY_TIDY_UNANNOTATEDPERSONALDATACHECK_H

#include "PrivacyTidyCheck.h"

namespace privacy::tidy {

/// Finds fields and variables that look like personal data by name but
/// carry no PRIVACY_DATA. Docs: docs/checks/unannotated-personal-data.md.
class UnannotatedPersonalDataCheck : public PrivacyTidyCheck {
public:
  using PrivacyTidyCheck::PrivacyTidyCheck;

protected:
  void analyze(clang::ASTContext &Ctx, const Policy *P) override;
  // Names can be judged without a policy; with one, items are suggested.
  bool needsPolicy() const override { return false; }
};

} // namespace privacy::tidy

#endif // PRIVACY_TIDY_UNANNOTATEDPERSONALDATACHECK_H
