//===- TuSummary.h - what one translation unit tells the join --*- C++ -*-===//
//
// privacy-scan analyses each translation unit on its own and writes what it
// found as a plain JSON document (docs/scan.md, "Per-TU summaries"): the
// findings the translation unit alone can decide, per function (by USR) its
// purposes, calls, reads and the sink flows that still depend on its
// parameters, the calls into functions defined elsewhere with what their
// arguments carried, and the inventory facts. The join reads only these
// documents, so they can be produced anywhere a build runs.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SCAN_TUSUMMARY_H
#define PRIVACY_SCAN_TUSUMMARY_H

#include "privacy/ApiCatalog.h"
#include "privacy/Policy.h"

#include "clang/AST/ASTContext.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace privacy::scan {

inline constexpr const char *TuSummaryFormat = "privacy-tidy/tu-summary/1";

/// Analyses the translation unit in \p Ctx. Paths in the result are
/// relative to \p ProjectRoot when they are inside it. \p LimitNotes, when
/// given, receives a line per bound of the analysis reached
/// (describeLimitsHit in privacy/Dataflow.h).
nlohmann::json summarizeTranslationUnit(
    clang::ASTContext &Ctx, const Policy &P, const ApiCatalog *Catalog,
    const std::string &ProjectRoot,
    std::vector<std::string> *LimitNotes = nullptr);

} // namespace privacy::scan

#endif // PRIVACY_SCAN_TUSUMMARY_H
