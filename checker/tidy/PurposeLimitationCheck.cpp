//===- PurposeLimitationCheck.cpp - privacy-purpose-limitation ------------===//
#include "PurposeLimitationCheck.h"

#include "privacy/PurposeLimitation.h"

namespace privacy::tidy {

void PurposeLimitationCheck::analyze(clang::ASTContext &Ctx, const Policy *P) {
  checkPurposeLimitation(Ctx, *P, &flows(Ctx), *this);
}

} // namespace privacy::tidy
