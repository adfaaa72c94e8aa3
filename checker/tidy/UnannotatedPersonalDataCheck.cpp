//===- UnannotatedPersonalDataCheck.cpp - privacy-unannotated-personal-data ===//
#include "UnannotatedPersonalDataCheck.h"

#include "privacy/UnannotatedPersonalData.h"

namespace privacy::tidy {

void UnannotatedPersonalDataCheck::analyze(clang::ASTContext &Ctx,
                                           const Policy *P) {
  checkUnannotatedPersonalData(Ctx, P, *this);
}

} // namespace privacy::tidy
