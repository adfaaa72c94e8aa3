//===- InvalidAnnotationCheck.cpp - privacy-invalid-annotation ------------===//
#include "InvalidAnnotationCheck.h"

#include "privacy/AnnotationValidator.h"

namespace privacy::tidy {

void InvalidAnnotationCheck::analyze(clang::ASTContext &Ctx, const Policy *P) {
  validateAnnotations(Ctx, P, *this);
}

} // namespace privacy::tidy
