//===- AnnotationsFuzzer.cpp - libFuzzer target: annotations files --------===//
//
// Any bytes given as an annotations file get diagnostics or entries, never
// a crash, a hang or a sanitizer report (docs/testing.md, "Fuzzing"). The
// ids are checked against a small policy, as the tools check them.
//
//===----------------------------------------------------------------------===//
#include "privacy/AnnotationsFile.h"
#include "privacy/PolicyLoader.h"

#include <cstddef>
#include <cstdint>
#include <string>

static const privacy::Policy &fuzzPolicy() {
  static const privacy::PolicyLoadResult Loaded = privacy::parsePolicy(
      R"({"controller": {"country": "KR"},
          "purposes": {"account": {}, "marketing": {}},
          "consents": {"marketing": {}},
          "items": {"email": {}, "name": {}},
          "activities": [
            {"id": "a", "basis": "contract", "items": ["email", "name"],
             "purposes": ["account"]},
            {"id": "m", "basis": "consent", "consent": "marketing",
             "items": ["*"], "purposes": ["marketing"]}],
          "recipients": {"crm": {"role": "processor", "country": "US"}},
          "stores": {"user_db": {"items": ["email"]}}})",
      "policy.json");
  if (!Loaded.ok())
    __builtin_trap(); // the fuzzer's own policy must load
  return *Loaded.Loaded;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  // With and without a policy, as privacy-policy-check reads them.
  for (const privacy::Policy *P :
       {&fuzzPolicy(), (const privacy::Policy *)nullptr}) {
    privacy::AnnotationsLoadResult R =
        privacy::parseAnnotations(Text, "fuzz.json", P);
    for (const privacy::PolicyDiagnostic &D : R.Diagnostics)
      (void)D.format();
    // The contract of AnnotationsLoadResult: entries exactly when there is
    // no error.
    if (R.ok() == R.hasErrors())
      __builtin_trap();
    if (R.ok())
      for (const privacy::FileAnnotation &E : R.Loaded->Entries)
        if (E.Decl.empty())
          __builtin_trap(); // the schema requires a name
  }
  return 0;
}
