//===- UndeclaredRecipientCheck.h - privacy-undeclared-recipient -*- C++ -*-===//
#ifndef PRIVACY_TIDY_UNDECLAREDRECIPIENTCHECK_H
#define PRIVACY_TIDY_UNDECLAREDRECIPIENTCHECK_H

#include "PrivacyTidyCheck.h"

namespace privacy::tidy {

/// Finds personal data sent to a recipient the policy does not name or does
/// not declare for the item, or over the network with no declared recipient.
/// Docs: docs/checks/undeclared-recipient.md.
class UndeclaredRecipientCheck : public PrivacyTidyCheck {
public:
  using PrivacyTidyCheck::PrivacyTidyCheck;

protected:
  void analyze(clang::ASTContext &Ctx, const Policy *P) override;
};

} // namespace privacy::tidy

#endif // PRIVACY_TIDY_UNDECLAREDRECIPIENTCHECK_H
