//===- PurposeLimitation.h - data used beyond its purposes -----*- C++ -*-===//
//
// Purpose limitation (GDPR Art. 5(1)(b), PIPA Art. 3(2) and 18): personal
// data may be processed only for the purposes it was collected for.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_PURPOSELIMITATION_H
#define PRIVACY_PURPOSELIMITATION_H

#include "privacy/Findings.h"
#include "privacy/Policy.h"

#include "clang/AST/ASTContext.h"

namespace privacy {

/// Reports each read of personal data under a purpose that no activity of
/// \p P allows for its item.
void checkPurposeLimitation(clang::ASTContext &Ctx, const Policy &P,
                            FindingSink &Sink);

} // namespace privacy

#endif // PRIVACY_PURPOSELIMITATION_H
