//===- UndeclaredStorageCheck.cpp - privacy-undeclared-storage ------------------------===//
#include "UndeclaredStorageCheck.h"

#include "privacy/FlowChecks.h"

namespace privacy::tidy {

void UndeclaredStorageCheck::analyze(clang::ASTContext &Ctx, const Policy *P) {
  checkUndeclaredStorage(flows(Ctx), *P, *this);
}

} // namespace privacy::tidy
