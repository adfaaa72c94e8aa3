//===- Annotations.h - reading privacy annotations off the AST -*- C++ -*-===//
//
// The macros of annotations/privacy.h become `annotate("privacy.<kind>",
// args...)` attributes; this turns them back into typed annotations.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_ANNOTATIONS_H
#define PRIVACY_ANNOTATIONS_H

#include "privacy/AnnotationVocabulary.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace privacy {

/// The subject bit of \p D (0 for declarations no annotation applies to).
unsigned subjectOf(const clang::Decl *D);

/// One privacy annotation as written on one declaration.
struct Annotation {
  AnnotationKind Kind;
  const clang::AnnotateAttr *Attr;
  const clang::Decl *On;
  /// The string literal arguments; non-literal ones are empty strings
  /// (InvalidAnnotation reports them).
  std::vector<std::string> Args;
  clang::SourceLocation Loc; // where the macro was written

  std::string_view macro() const { return annotationInfo(Kind).Macro; }
};

/// The privacy annotations written on \p D itself (inherited copies are
/// skipped: they are reported where they were written).
std::vector<Annotation> annotationsOn(const clang::Decl *D);

/// The first annotation of \p Kind on \p D, any of its redeclarations, or
/// the template it was instantiated from.
std::optional<Annotation> findAnnotation(const clang::Decl *D,
                                         AnnotationKind Kind);

/// The string value of an annotate argument, if it is a string literal.
std::optional<std::string> stringArgument(const clang::Expr *E);

} // namespace privacy

#endif // PRIVACY_ANNOTATIONS_H
