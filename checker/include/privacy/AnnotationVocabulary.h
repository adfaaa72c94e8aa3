//===- AnnotationVocabulary.h - the annotation kinds, without Clang -*- C++
//-*-===//
//
// The kinds of AnnotationKinds.def as data: what the macros are called, how
// many ids they take and what they may sit on. No Clang here, so that the
// loader of annotations files (AnnotationsFile.h) in the policy library
// reads the same list as the analysis (Annotations.h).
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_ANNOTATIONVOCABULARY_H
#define PRIVACY_ANNOTATIONVOCABULARY_H

#include <string>
#include <string_view>
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
std::string_view idKindName(IdKind K); // "item", "purpose", ...

class Policy;
/// The ids of kind \p K that \p P declares (none for IdKind::None).
std::vector<std::string> policyIds(const Policy &P, IdKind K);
/// Whether \p P declares \p Id as an id of kind \p K.
bool policyDeclares(const Policy &P, IdKind K, const std::string &Id);
/// Whether an unknown id of annotation \p K is left to the flow checks,
/// which report an undeclared recipient or store where data reaches it, so
/// that only a likely typo of a declared one is reported at the annotation.
/// Erasure has no flow: its store is checked at the annotation.
bool unknownIdLeftToFlowChecks(AnnotationKind K);

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
  std::string_view Spelling; // "data"
  std::string_view Macro;    // "PRIVACY_DATA"
  int MinArgs, MaxArgs;      // MaxArgs < 0: unbounded
  IdKind Ids;
  unsigned Subjects;
};

/// The annotate strings all start with this.
inline constexpr std::string_view AnnotationPrefix = "privacy.";

const std::vector<AnnotationInfo> &allAnnotations();
const AnnotationInfo &annotationInfo(AnnotationKind K);
/// The kind named by a full annotate string ("privacy.data"), if any.
const AnnotationInfo *annotationBySpelling(std::string_view Annotation);
/// The kind whose spelling is \p Spelling ("data"), if any.
const AnnotationInfo *annotationByKey(std::string_view Spelling);

/// "field", "parameter", "function", ... for messages.
std::string_view subjectName(unsigned SubjectBit);
/// "functions and parameters" for messages.
std::string describeSubjects(unsigned Subjects);

} // namespace privacy

#endif // PRIVACY_ANNOTATIONVOCABULARY_H
