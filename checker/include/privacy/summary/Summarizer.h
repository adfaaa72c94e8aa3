//===- Summarizer.h - a translation unit's summary from its AST -*- C++ -*-===//
//
// Runs the analysis and the checks on one translation unit and keeps what
// the join needs (TuSummary.h; docs/scan.md, "Per-TU summaries").
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SUMMARY_SUMMARIZER_H
#define PRIVACY_SUMMARY_SUMMARIZER_H

#include "privacy/ApiCatalog.h"
#include "privacy/Classifier.h"
#include "privacy/FileAnnotations.h"
#include "privacy/Policy.h"
#include "privacy/summary/TuSummary.h"

#include "clang/AST/ASTContext.h"

#include <string>
#include <vector>

namespace privacy::summary {

/// Analyses the translation unit in \p Ctx. Paths in the result are
/// relative to \p ProjectRoot when they are inside it. \p LimitNotes, when
/// given, receives a line per bound of the analysis reached
/// (describeLimitsHit in privacy/Dataflow.h). The entries of
/// \p Annotations are applied to the AST first (FileAnnotations.h), and
/// the summary says which of them matched nothing here. \p Classes is
/// the classifier of privacy-unannotated-personal-data (null: the shipped
/// one).
TuSummary
summarizeTranslationUnit(clang::ASTContext &Ctx, const Policy &P,
                         const ApiCatalog *Catalog,
                         const std::string &ProjectRoot,
                         std::vector<std::string> *LimitNotes = nullptr,
                         const AnnotationsFiles &Annotations = {},
                         const Classifier *Classes = nullptr);

} // namespace privacy::summary

#endif // PRIVACY_SUMMARY_SUMMARIZER_H
