//===- PolicyFuzzer.cpp - libFuzzer target: the policy loader -------------===//
//
// Any bytes given as a policy file get diagnostics or a policy, never a
// crash, a hang or a sanitizer report (docs/testing.md, "Fuzzing").
//
//===----------------------------------------------------------------------===//
#include "privacy/PolicyLoader.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  privacy::PolicyLoadResult R = privacy::parsePolicy(Text, "fuzz.json");
  // Every diagnostic is formatted, as the tools print them.
  for (const privacy::PolicyDiagnostic &D : R.Diagnostics)
    (void)D.format();
  // The contract of PolicyLoadResult: a policy exactly when there is no
  // error.
  if (R.ok() == R.hasErrors())
    __builtin_trap();
  return 0;
}
