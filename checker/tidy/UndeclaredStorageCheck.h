//===- UndeclaredStorageCheck.h - privacy-undeclared-storage -*- C++ -*-===//
#ifndef PRIVACY_TIDY_UNDECLAREDSTORAGECHECK_H
#define PRIVACY_TIDY_UNDECLAREDSTORAGECHECK_H

#include "PrivacyTidyCheck.h"

namespace privacy::tidy {

/// Finds personal data persisted in a store the policy does not name or does
/// not declare for the item, or by a storage API with no declared store.
/// Docs: docs/checks/undeclared-storage.md.
class UndeclaredStorageCheck : public PrivacyTidyCheck {
public:
  using PrivacyTidyCheck::PrivacyTidyCheck;

protected:
  void analyze(clang::ASTContext &Ctx, const Policy *P) override;
};

} // namespace privacy::tidy

#endif // PRIVACY_TIDY_UNDECLAREDSTORAGECHECK_H
