//===- ApiCatalogFuzzer.cpp - libFuzzer target: the API-catalog loader ----===//
//
// Any bytes given as an API catalog get diagnostics or a catalog, never a
// crash, a hang or a sanitizer report (docs/testing.md, "Fuzzing").
//
//===----------------------------------------------------------------------===//
#include "privacy/ApiCatalog.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  privacy::ApiCatalogLoadResult R =
      privacy::parseApiCatalog(Text, "fuzz-catalog.json");
  bool Errors = false;
  for (const privacy::PolicyDiagnostic &D : R.Diagnostics) {
    (void)D.format();
    Errors |= D.Level == privacy::PolicyDiagnostic::Error;
  }
  // A catalog exactly when there is no error.
  if (R.ok() == Errors)
    __builtin_trap();
  return 0;
}
