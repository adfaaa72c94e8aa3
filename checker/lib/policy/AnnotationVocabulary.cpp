//===- AnnotationVocabulary.cpp - the annotation kinds, without Clang -----===//
#include "privacy/AnnotationVocabulary.h"
#include "privacy/Policy.h"

#include <vector>

namespace privacy {

static const std::vector<AnnotationInfo> Infos = {
#define PRIVACY_ANNOTATION(Enum, Spelling, Macro, MinArgs, MaxArgs, Ids,       \
                           Subjects)                                           \
  {AnnotationKind::Enum, Spelling, Macro, MinArgs, MaxArgs,                    \
   IdKind::Ids,          Subjects},
#include "privacy/AnnotationKinds.def"
};

const std::vector<AnnotationInfo> &allAnnotations() { return Infos; }

const AnnotationInfo &annotationInfo(AnnotationKind K) {
  return Infos[static_cast<unsigned>(K)];
}

const AnnotationInfo *annotationBySpelling(std::string_view Annotation) {
  if (Annotation.substr(0, AnnotationPrefix.size()) != AnnotationPrefix)
    return nullptr;
  return annotationByKey(Annotation.substr(AnnotationPrefix.size()));
}

const AnnotationInfo *annotationByKey(std::string_view Spelling) {
  for (const AnnotationInfo &Info : Infos)
    if (Info.Spelling == Spelling)
      return &Info;
  return nullptr;
}

std::string_view idKindName(IdKind K) {
  switch (K) {
  case IdKind::None:
    return "";
  case IdKind::Item:
    return "item";
  case IdKind::Purpose:
    return "purpose";
  case IdKind::Recipient:
    return "recipient";
  case IdKind::Store:
    return "store";
  case IdKind::Consent:
    return "consent";
  }
  return "";
}

std::string_view subjectName(unsigned SubjectBit) {
  switch (SubjectBit) {
  case SubjField:
    return "field";
  case SubjVariable:
    return "variable";
  case SubjParameter:
    return "parameter";
  case SubjFunction:
    return "function";
  case SubjLambda:
    return "lambda";
  case SubjRecord:
    return "class";
  case SubjNamespace:
    return "namespace";
  }
  return "declaration";
}

std::string describeSubjects(unsigned Subjects) {
  static const unsigned Order[] = {SubjFunction, SubjLambda,   SubjParameter,
                                   SubjField,    SubjVariable, SubjRecord,
                                   SubjNamespace};
  // Whatever applies to functions applies to lambdas.
  if (Subjects & SubjFunction)
    Subjects |= SubjLambda;
  std::vector<std::string> Names;
  for (unsigned Bit : Order)
    if (Subjects & Bit)
      Names.push_back(subjectName(Bit) == "class"
                          ? "classes"
                          : std::string(subjectName(Bit)) + "s");
  std::string Out;
  for (size_t I = 0; I < Names.size(); ++I) {
    if (I > 0)
      Out += I + 1 == Names.size() ? " and " : ", ";
    Out += Names[I];
  }
  return Out;
}

std::vector<std::string> policyIds(const Policy &P, IdKind K) {
  switch (K) {
  case IdKind::None:
    return {};
  case IdKind::Item:
    return P.itemIds();
  case IdKind::Purpose:
    return P.purposeIds();
  case IdKind::Consent:
    return P.consentIds();
  case IdKind::Recipient:
    return P.recipientIds();
  case IdKind::Store:
    return P.storeIds();
  }
  return {};
}

bool policyDeclares(const Policy &P, IdKind K, const std::string &Id) {
  switch (K) {
  case IdKind::None:
    return false;
  case IdKind::Item:
    return P.item(Id) != nullptr;
  case IdKind::Purpose:
    return P.purpose(Id) != nullptr;
  case IdKind::Consent:
    return P.consent(Id) != nullptr;
  case IdKind::Recipient:
    return P.recipient(Id) != nullptr;
  case IdKind::Store:
    return P.store(Id) != nullptr;
  }
  return false;
}

bool unknownIdLeftToFlowChecks(AnnotationKind K) {
  return K == AnnotationKind::Transfer || K == AnnotationKind::Store;
}

} // namespace privacy
