//===- AnnotationValidator.h - annotations that cannot be right -*- C++ -*-===//
#ifndef PRIVACY_ANNOTATIONVALIDATOR_H
#define PRIVACY_ANNOTATIONVALIDATOR_H

#include "privacy/Findings.h"
#include "privacy/Policy.h"

#include "clang/AST/ASTContext.h"

namespace privacy {

/// Reports privacy annotations with an unknown kind, the wrong number or
/// type of arguments, on a declaration they do not apply to, and
/// PRIVACY_CONSENT_CHECK on a function not returning bool. With a policy,
/// also ids it does not define (with a did-you-mean). Recipients and stores
/// the policy does not name are reported here only when they look like a
/// typo of a declared one; otherwise the flow checks report where data
/// actually reaches them.
void validateAnnotations(clang::ASTContext &Ctx, const Policy *P,
                         FindingSink &Sink);

} // namespace privacy

#endif // PRIVACY_ANNOTATIONVALIDATOR_H
