//===- PolicyCheckMain.cpp - privacy-policy-check -------------------------===//
//
// Validates policy files: syntax, schema, cross-references. Prints every
// problem as FILE:LINE:COL: error|warning: ... and exits 2 when any file
// has an error (the same code privacy-scan uses for a bad policy).
//
//===----------------------------------------------------------------------===//
#include "privacy/PolicyLoader.h"

#include <cstring>
#include <iostream>
#include <string>

static int usage(std::ostream &Out, int Code) {
  Out << "usage: privacy-policy-check POLICY.json...\n"
         "Checks privacy policy files against the schema and their own ids.\n"
         "Exit status: 0 valid (warnings allowed), 2 an error or bad usage.\n";
  return Code;
}

static std::string count(size_t N, const char *One,
                         const char *Many = nullptr) {
  return std::to_string(N) + " " +
         (N == 1 ? One : Many ? Many : std::string(One) + "s");
}

int main(int argc, char **argv) {
  if (argc < 2)
    return usage(std::cerr, 2);
  int Status = 0;
  for (int I = 1; I < argc; ++I) {
    if (!std::strcmp(argv[I], "-h") || !std::strcmp(argv[I], "--help"))
      return usage(std::cout, 0);
    privacy::PolicyLoadResult R = privacy::loadPolicyFile(argv[I]);
    for (const privacy::PolicyDiagnostic &D : R.Diagnostics)
      std::cerr << D.format() << "\n";
    if (!R.ok()) {
      Status = 2;
      continue;
    }
    const privacy::Policy &P = *R.Loaded;
    size_t Abroad = 0;
    for (const auto &Entry : P.Recipients)
      Abroad += P.isAbroad(Entry.second);
    std::cout << argv[I] << ": valid: " << count(P.Items.size(), "item")
              << ", " << count(P.Purposes.size(), "purpose") << ", "
              << count(P.Activities.size(), "activity", "activities") << ", "
              << count(P.Recipients.size(), "recipient") << " (" << Abroad
              << " abroad), " << count(P.Stores.size(), "store") << "\n";
  }
  return Status;
}
