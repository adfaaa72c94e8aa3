//===- DraftAnnotations.h - privacy-scan --suggest --------------*- C++ -*-===//
//
// For a code base that annotates nothing yet: what
// privacy-unannotated-personal-data found, as a draft annotations file
// (rules/schema/annotations.schema.json) and the draft policy items its
// entries need (docs/scan.md, "Drafting annotations").
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SCAN_DRAFTANNOTATIONS_H
#define PRIVACY_SCAN_DRAFTANNOTATIONS_H

#include "privacy/Classifier.h"
#include "privacy/Policy.h"
#include "privacy/summary/TuSummary.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace privacy::scan {

/// A declaration that looks like personal data, as a summary reports it.
struct DraftEntry {
  std::string Decl;     // qualified name
  std::string Category; // the classifier's
  std::string Item;     // the policy's item for it, else the category
  summary::Site At;
};

/// Adds to \p Into the findings of privacy-unannotated-personal-data in
/// \p Summary (read before the join takes the summary).
void addDraftEntries(const summary::TuSummary &Summary,
                     std::vector<DraftEntry> &Into);

/// Keeps the entries whose finding is still in \p Inventory's findings
/// (after NOLINT and the project root).
std::vector<DraftEntry> stillReported(std::vector<DraftEntry> Entries,
                                      const nlohmann::json &Inventory);

struct Drafts {
  nlohmann::json Annotations; // an annotations file
  nlohmann::json PolicyItems; // {"items": {...}} for the policy
  size_t NewItems = 0;
};

/// One entry per declaration, by name; an item per category that the
/// policy lacks, labelled from \p Classes.
Drafts makeDrafts(const std::vector<DraftEntry> &Entries,
                  const Classifier &Classes, const Policy &P);

} // namespace privacy::scan

#endif // PRIVACY_SCAN_DRAFTANNOTATIONS_H
