//===- Reports.h - the inventory as people and tools read it ---*- C++ -*-===//
//
// privacy-scan builds one inventory (rules/schema/inventory.schema.json) and
// renders it: Markdown and HTML as the tables a published privacy policy
// has, in Korean or English with the policy's labels; SARIF 2.1.0 for code
// scanning. Renderers read only the inventory: what is in a report is in
// the JSON too.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SCAN_REPORTS_H
#define PRIVACY_SCAN_REPORTS_H

#include <nlohmann/json.hpp>

#include <string>

namespace privacy::scan {

/// Markdown: summary, items and purposes by legal basis, processors,
/// transfers abroad, retention, findings, policy diff. \p Lang: "ko"/"en".
std::string renderMarkdown(const nlohmann::json &Inventory,
                           const std::string &Lang);

/// One self-contained HTML file (inline CSS, no scripts, no network), the
/// same sections as Markdown, readable when printed.
std::string renderHtml(const nlohmann::json &Inventory,
                       const std::string &Lang);

/// SARIF 2.1.0: one run, a rule per check, results with locations, code
/// flows for the notes, and partialFingerprints from the inventory's
/// fingerprints.
nlohmann::json renderSarif(const nlohmann::json &Inventory);

} // namespace privacy::scan

#endif // PRIVACY_SCAN_REPORTS_H
