//===- Duration.h - a retention period in words ----------------*- C++ -*-===//
//
// Policies state retention periods as ISO 8601 durations ("P5Y", "P1Y6M",
// "PT12H"; docs/policy-format.md); the reports show them in words.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_DURATION_H
#define PRIVACY_DURATION_H

#include <string>

namespace privacy {

/// \p Iso in words: "P5Y" → "5 years" (or "5년" when \p Korean),
/// "P1Y2M3D" → "1 year, 2 months and 3 days" ("1년 2개월 3일"); "" when
/// \p Iso is not a duration of whole numbers with its units in order.
std::string durationInWords(const std::string &Iso, bool Korean);

} // namespace privacy

#endif // PRIVACY_DURATION_H
