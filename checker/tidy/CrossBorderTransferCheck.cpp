//===- CrossBorderTransferCheck.cpp - privacy-cross-border-transfer ------------------------===//
#include "CrossBorderTransferCheck.h"

#include "privacy/FlowChecks.h"

namespace privacy::tidy {

void CrossBorderTransferCheck::analyze(clang::ASTContext &Ctx, const Policy *P) {
  checkCrossBorderTransfer(flows(Ctx), *P, *this);
}

} // namespace privacy::tidy
