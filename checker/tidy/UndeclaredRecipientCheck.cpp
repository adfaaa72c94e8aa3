//===- UndeclaredRecipientCheck.cpp - privacy-undeclared-recipient ------------------------===//
#include "UndeclaredRecipientCheck.h"

#include "privacy/FlowChecks.h"

namespace privacy::tidy {

void UndeclaredRecipientCheck::analyze(clang::ASTContext &Ctx, const Policy *P) {
  checkUndeclaredRecipient(flows(Ctx), *P, *this);
}

} // namespace privacy::tidy
