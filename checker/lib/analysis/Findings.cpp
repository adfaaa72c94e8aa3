//===- Findings.cpp -------------------------------------------------------===//
#include "privacy/Findings.h"

#include "llvm/ADT/SmallVector.h"

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

bool nolintCovers(llvm::StringRef Line, llvm::StringRef Marker,
                  llvm::StringRef Check) {
  for (size_t At = Line.find(Marker); At != llvm::StringRef::npos;
       At = Line.find(Marker, At + 1)) {
    llvm::StringRef Rest = Line.substr(At + Marker.size());
    if (Marker == "NOLINT" && Rest.starts_with("NEXTLINE"))
      continue;
    if (!Rest.starts_with("("))
      return true;
    llvm::StringRef List = Rest.drop_front().split(')').first;
    llvm::SmallVector<llvm::StringRef, 4> Names;
    List.split(Names, ',');
    for (llvm::StringRef Name : Names) {
      Name = Name.trim();
      if (Name == Check || Name == "*" ||
          (Name.ends_with("*") && Check.starts_with(Name.drop_back())))
        return true;
    }
  }
  return false;
}

} // namespace privacy
