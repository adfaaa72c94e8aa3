//===- Annotations.h - reading privacy annotations off the AST -*- C++ -*-===//
//
// The macros of annotations/privacy.h become `annotate("privacy.<kind>",
// args...)` attributes; this turns them back into typed annotations.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_ANNOTATIONS_H
#define PRIVACY_ANNOTATIONS_H

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace privacy {

enum class AnnotationKind {
#define PRIVACY_ANNOTATION(Enum, Spelling, Macro, MinArgs, MaxArgs, IdKind,    \
                           Subjects)                                           \
  Enum,
#include "privacy/AnnotationKinds.def"
};

/// What the id arguments of an annotation name in the policy.
enum class IdKind { None, Item, Purpose, Recipient, Store, Consent };
llvm::StringRef idKindName(IdKind K); // "item", "purpose", ...

/// Declaration kinds an annotation may sit on.
enum Subject : unsigned {
  SubjField = 1u << 0,
  SubjVariable = 1u << 1,
  SubjParameter = 1u << 2,
  SubjFunction = 1u << 3,
  SubjLambda = 1u << 4,
  SubjRecord = 1u << 5,
  SubjNamespace = 1u << 6,
};

struct AnnotationInfo {
  AnnotationKind Kind;
  llvm::StringRef Spelling; // "data"
  llvm::StringRef Macro;    // "PRIVACY_DATA"
  int MinArgs, MaxArgs;     // MaxArgs < 0: unbounded
  IdKind Ids;
  unsigned Subjects;
};

/// The annotate strings all start with this.
inline constexpr llvm::StringLiteral AnnotationPrefix = "privacy.";

llvm::ArrayRef<AnnotationInfo> allAnnotations();
const AnnotationInfo &annotationInfo(AnnotationKind K);
/// The kind named by a full annotate string ("privacy.data"), if any.
const AnnotationInfo *annotationBySpelling(llvm::StringRef Annotation);

/// The subject bit of \p D (0 for declarations no annotation applies to).
unsigned subjectOf(const clang::Decl *D);
/// "field", "parameter", "function", ... for messages.
llvm::StringRef subjectName(unsigned SubjectBit);
/// "functions and parameters" for messages.
std::string describeSubjects(unsigned Subjects);

/// One privacy annotation as written on one declaration.
struct Annotation {
  AnnotationKind Kind;
  const clang::AnnotateAttr *Attr;
  const clang::Decl *On;
  /// The string literal arguments; non-literal ones are empty strings
  /// (InvalidAnnotation reports them).
  std::vector<std::string> Args;
  clang::SourceLocation Loc; // where the macro was written

  llvm::StringRef macro() const { return annotationInfo(Kind).Macro; }
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
