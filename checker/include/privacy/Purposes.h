//===- Purposes.h - the purposes code runs under ---------------*- C++ -*-===//
#ifndef PRIVACY_PURPOSES_H
#define PRIVACY_PURPOSES_H

#include "privacy/Annotations.h"

#include "clang/AST/DeclBase.h"

#include <optional>
#include <string>
#include <vector>

namespace privacy {

struct PurposeSource {
  std::vector<std::string> Purposes;
  Annotation From; // the PRIVACY_PURPOSE the purposes come from
};

/// The purposes of code in \p DC (SPEC §1): the innermost annotated
/// function or lambda, else its class, else its namespaces.
std::optional<PurposeSource> purposeOfContext(const clang::DeclContext *DC);

} // namespace privacy

#endif // PRIVACY_PURPOSES_H
