//===- FileAnnotations.h - annotations files applied to the AST -*- C++ -*-===//
//
// The entries of annotations files (AnnotationsFile.h) become the same
// `annotate("privacy.<kind>", ...)` attributes the macros produce, added
// (implicit) to the declarations they name, before any check or summary
// reads the AST. So every check, the summaries and the inventory see a file
// annotation exactly as the macro on that declaration (docs/annotations.md,
// "Annotations files"). A qualified name names every overload of a
// function; an annotation written in the code on the same declaration, of
// the same kind, wins.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_FILEANNOTATIONS_H
#define PRIVACY_FILEANNOTATIONS_H

#include "privacy/AnnotationsFile.h"

#include "clang/AST/ASTContext.h"

#include <memory>
#include <string>
#include <vector>

namespace privacy {

/// An entry that named no declaration of the translation unit it could
/// apply to, and why when a declaration of that name was there.
struct UnmatchedFileAnnotation {
  const FileAnnotation *Entry = nullptr;
  /// "" when no declaration has the name; else why none fitted ("'f' has
  /// 2 parameters", "'ns' is a namespace; PRIVACY_DATA applies to ...").
  std::string Why;
};

/// What one annotations file did to one translation unit.
struct AppliedAnnotationsFile {
  const AnnotationsFile *File = nullptr;
  std::vector<UnmatchedFileAnnotation> Unmatched; // in entry order
};

/// Adds the annotations of \p Files to the declarations of \p Ctx they
/// name. Safe to call again on the same AST (clang-tidy runs each check on
/// it): an annotation already added is not added twice.
std::vector<AppliedAnnotationsFile>
applyFileAnnotations(clang::ASTContext &Ctx, const AnnotationsFiles &Files);

/// Whether \p A was added from an annotations file rather than written in
/// the code.
bool isFromAnnotationsFile(const clang::AnnotateAttr *A);

} // namespace privacy

#endif // PRIVACY_FILEANNOTATIONS_H
