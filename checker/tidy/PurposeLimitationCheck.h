//===- PurposeLimitationCheck.h - privacy-purpose-limitation ---*- C++ -*-===//
#ifndef PRIVACY_TIDY_PURPOSELIMITATIONCHECK_H
#define PRIVACY_TIDY_PURPOSELIMITATIONCHECK_H

#include "PrivacyTidyCheck.h"

namespace privacy::tidy {

/// Finds personal data used under a purpose the policy does not allow for
/// it. Docs: docs/checks/purpose-limitation.md.
class PurposeLimitationCheck : public PrivacyTidyCheck {
public:
  using PrivacyTidyCheck::PrivacyTidyCheck;

protected:
  void analyze(clang::ASTContext &Ctx, const Policy *P) override;
};

} // namespace privacy::tidy

#endif // PRIVACY_TIDY_PURPOSELIMITATIONCHECK_H
