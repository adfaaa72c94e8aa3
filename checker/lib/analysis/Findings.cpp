//===- Findings.cpp -------------------------------------------------------===//
#include "privacy/Findings.h"

namespace privacy {

llvm::StringRef checkName(CheckKind K) {
  switch (K) {
#define PRIVACY_CHECK(Enum, Name, Summary, Description, DocPage)               \
  case CheckKind::Enum:                                                        \
    return Name;
#include "privacy/Checks.def"
  }
  return "privacy";
}

} // namespace privacy
