//===- CrossBorderTransferCheck.h - privacy-cross-border-transfer -*- C++ -*-===//
#ifndef PRIVACY_TIDY_CROSSBORDERTRANSFERCHECK_H
#define PRIVACY_TIDY_CROSSBORDERTRANSFERCHECK_H

#include "PrivacyTidyCheck.h"

namespace privacy::tidy {

/// Finds personal data sent abroad to a recipient the policy does not declare
/// for it, or to another country than the policy's.
/// Docs: docs/checks/cross-border-transfer.md.
class CrossBorderTransferCheck : public PrivacyTidyCheck {
public:
  using PrivacyTidyCheck::PrivacyTidyCheck;

protected:
  void analyze(clang::ASTContext &Ctx, const Policy *P) override;
};

} // namespace privacy::tidy

#endif // PRIVACY_TIDY_CROSSBORDERTRANSFERCHECK_H
