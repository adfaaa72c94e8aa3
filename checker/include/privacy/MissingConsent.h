//===- MissingConsent.h - uses that need a consent check -------*- C++ -*-===//
//
// Where the policy allows an item for a purpose only through activities on
// the basis of consent (GDPR Art. 6(1)(a) and 7; PIPA Art. 15(1)(1), 22 —
// the separate marketing consent of 제1조), every use must come after a
// check that the data subject gave that consent.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_MISSINGCONSENT_H
#define PRIVACY_MISSINGCONSENT_H

#include "privacy/ConsentGuards.h"
#include "privacy/Dataflow.h"
#include "privacy/Findings.h"
#include "privacy/Policy.h"

#include "clang/AST/ASTContext.h"

namespace privacy {

/// Reports each use of an item under a purpose that needs consent where a
/// PRIVACY_CONSENT_CHECK for one of the consents does not guard every path.
void checkMissingConsent(clang::ASTContext &Ctx, const Policy &P,
                         const TranslationUnitFlows &Flows,
                         const ConsentGuards &Guards, FindingSink &Sink);

} // namespace privacy

#endif // PRIVACY_MISSINGCONSENT_H
