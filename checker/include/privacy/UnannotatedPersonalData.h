//===- UnannotatedPersonalData.h - personal data nobody marked -*- C++ -*-===//
//
// The other checks see only what is annotated. A field or variable whose
// name says it holds an e-mail address, a phone number, a password... but
// that carries no PRIVACY_DATA is invisible to them: this check finds such
// declarations so that the inventory does not silently miss them.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_UNANNOTATEDPERSONALDATA_H
#define PRIVACY_UNANNOTATEDPERSONALDATA_H

#include "privacy/Findings.h"
#include "privacy/Policy.h"

#include "clang/AST/ASTContext.h"

#include <string>
#include <vector>

namespace privacy {

/// The lower-case words of an identifier: "mobilePhone" and "mobile_phone"
/// are {"mobile", "phone"}.
std::vector<std::string> identifierWords(llvm::StringRef Name);

} // namespace privacy

#endif // PRIVACY_UNANNOTATEDPERSONALDATA_H
