//===- MissingConsentCheck.h - privacy-missing-consent -*- C++ -*-===//
#ifndef PRIVACY_TIDY_MISSINGCONSENTCHECK_H
#define PRIVACY_TIDY_MISSINGCONSENTCHECK_H

#include "PrivacyTidyCheck.h"

namespace privacy::tidy {

/// Finds uses of personal data for a purpose that needs consent, where a
/// PRIVACY_CONSENT_CHECK for that consent does not guard every path.
/// Docs: docs/checks/missing-consent.md.
class MissingConsentCheck : public PrivacyTidyCheck {
public:
  using PrivacyTidyCheck::PrivacyTidyCheck;

protected:
  void analyze(clang::ASTContext &Ctx, const Policy *P) override;
};

} // namespace privacy::tidy

#endif // PRIVACY_TIDY_MISSINGCONSENTCHECK_H
