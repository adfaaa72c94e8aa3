//===- MissingConsentCheck.cpp - privacy-missing-consent ------------------===//
#include "MissingConsentCheck.h"

#include "privacy/ConsentGuards.h"
#include "privacy/MissingConsent.h"

namespace privacy::tidy {

void MissingConsentCheck::analyze(clang::ASTContext &Ctx, const Policy *P) {
  const TranslationUnitFlows &Flows = flows(Ctx);
  auto Guards = analyzeConsentGuards(Ctx, Flows);
  checkMissingConsent(Ctx, *P, Flows, *Guards, *this);
}

} // namespace privacy::tidy
