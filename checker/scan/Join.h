//===- Join.h - the whole program from per-TU summaries --------*- C++ -*-===//
//
// Joins the summaries of every translation unit: purposes propagate down
// the whole call graph (a purpose set in one file covers a callee in
// another), flows cross files through calls into functions defined
// elsewhere, and what only the whole program shows is judged (a store with
// personal data and no PRIVACY_ERASE anywhere). The result is the
// inventory of rules/schema/inventory.schema.json, sorted and with paths
// relative to the project root, so the same input gives the same bytes.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SCAN_JOIN_H
#define PRIVACY_SCAN_JOIN_H

#include "privacy/Policy.h"
#include "privacy/summary/TuSummary.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace privacy::scan {

struct JoinInput {
  std::vector<summary::TuSummary> Summaries;
  std::vector<std::pair<std::string, std::string>> Failed; // file, error
  size_t TranslationUnits = 0;
  std::string PolicyPath;  // as shown in reports
  std::string ProjectRoot; // as shown in reports
};

/// Joins the summaries into the inventory. The summaries' contents are moved
/// into the join (copying them would double the scan's memory): \p In keeps
/// only their number afterwards.
nlohmann::json joinSummaries(JoinInput &In, const Policy &P);

/// A finding's fingerprint: its check, file and message (no line numbers,
/// so unrelated edits keep it), and its rank among identical ones.
std::string fingerprintOf(const nlohmann::json &Finding, unsigned Occurrence);

} // namespace privacy::scan

#endif // PRIVACY_SCAN_JOIN_H
