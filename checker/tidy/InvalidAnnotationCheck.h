//===- InvalidAnnotationCheck.h - privacy-invalid-annotation ---*- C++ -*-===//
#ifndef PRIVACY_TIDY_INVALIDANNOTATIONCHECK_H
#define PRIVACY_TIDY_INVALIDANNOTATIONCHECK_H

#include "PrivacyTidyCheck.h"

namespace privacy::tidy {

/// Finds privacy annotations that cannot be right: unknown ids, wrong
/// arguments, wrong declarations. Docs: docs/checks/invalid-annotation.md.
class InvalidAnnotationCheck : public PrivacyTidyCheck {
public:
  using PrivacyTidyCheck::PrivacyTidyCheck;

protected:
  void analyze(clang::ASTContext &Ctx, const Policy *P) override;
  // The shape of an annotation can be checked without a policy.
  bool needsPolicy() const override { return false; }
};

} // namespace privacy::tidy

#endif // PRIVACY_TIDY_INVALIDANNOTATIONCHECK_H
