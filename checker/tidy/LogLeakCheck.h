//===- LogLeakCheck.h - privacy-log-leak -*- C++ -*-===//
#ifndef PRIVACY_TIDY_LOGLEAKCHECK_H
#define PRIVACY_TIDY_LOGLEAKCHECK_H

#include "PrivacyTidyCheck.h"

namespace privacy::tidy {

/// Finds personal data written to logs that the policy's store "logs" does
/// not list.
/// Docs: docs/checks/log-leak.md.
class LogLeakCheck : public PrivacyTidyCheck {
public:
  using PrivacyTidyCheck::PrivacyTidyCheck;

protected:
  void analyze(clang::ASTContext &Ctx, const Policy *P) override;
};

} // namespace privacy::tidy

#endif // PRIVACY_TIDY_LOGLEAKCHECK_H
