//===- SummaryJson.h - per-TU summaries as JSON ----------------*- C++ -*-===//
//
// The one place where a TuSummary meets JSON: every key of the format is
// spelt in SummaryJson.cpp only. Reading checks the text against
// rules/schema/tu-summary.schema.json (unless it is sealed as written) and
// the labels against their grammar (Label.h); every problem is a
// diagnostic at FILE:LINE:COL.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SUMMARY_SUMMARYJSON_H
#define PRIVACY_SUMMARY_SUMMARYJSON_H

#include "privacy/PolicyLoader.h"
#include "privacy/summary/TuSummary.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace privacy::summary {

nlohmann::json toJson(const TuSummary &S);
/// \p S as privacy-tidy writes it to a file: the JSON, sealed with a hash
/// of its text, and a final newline. Read back unchanged, a sealed summary
/// is not checked against the schema again (docs/scan.md, "Per-TU
/// summaries").
std::string summaryText(const TuSummary &S);

struct SummaryReadResult {
  std::optional<TuSummary> Summary; // none when there is any error
  std::vector<PolicyDiagnostic> Diagnostics;
};
/// Reads the summary in \p Text; \p Path names it in diagnostics. Its
/// text is checked against the schema unless its seal holds.
SummaryReadResult parseSummary(const std::string &Text,
                               const std::string &Path);
SummaryReadResult readSummaryFile(const std::string &Path);

// The parts the join's inventory (rules/schema/inventory.schema.json)
// shows as a summary holds them.

/// {"file", "line", "column"}, or null.
nlohmann::json toJson(const std::optional<Site> &S);
/// A site with "function" or "symbol" when known.
nlohmann::json toJson(const FactSite &S);
/// A site with "message"; at file "", line 0 when there is no site.
nlohmann::json toJson(const Note &N);
/// A site with "check", "message", "notes" and what the join may use.
nlohmann::json toJson(const Finding &F);

} // namespace privacy::summary

#endif // PRIVACY_SUMMARY_SUMMARYJSON_H
