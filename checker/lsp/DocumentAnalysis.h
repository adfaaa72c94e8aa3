//===- DocumentAnalysis.h - the checks on one open document ----*- C++ -*-===//
//
// Parses one document (its text as the editor holds it, saved or not) with
// its compile command, runs every privacy check on it as clang-tidy would
// (same checks, same words, NOLINT honoured) and returns, in LSP positions,
// what the server publishes: the findings of the document itself, what a
// code action needs to fix or silence each one, and the annotated
// declarations a hover can describe.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_LSP_DOCUMENTANALYSIS_H
#define PRIVACY_LSP_DOCUMENTANALYSIS_H

#include "Protocol.h"

#include "clang/Tooling/CompilationDatabase.h"

#include <optional>
#include <string>
#include <vector>

namespace privacy {
class ApiCatalog;
class Policy;
} // namespace privacy

namespace privacy::lsp {

struct AnalysisInput {
  std::string File; // absolute
  std::string Text; // the document as the editor has it
  clang::tooling::CompileCommand Command;
  const Policy *P = nullptr;           // null: none could be loaded
  const ApiCatalog *Catalog = nullptr; // null: none could be loaded
  PositionEncoding Encoding = PositionEncoding::Utf16;
};

/// One finding of the document, with what its code actions need.
struct DocumentFinding {
  Diagnostic Diag; // Code is the check's name; CodeHref is the server's
  /// privacy-unannotated-personal-data: PRIVACY_DATA("<item>") inserted
  /// before the declaration, when the check suggests an item and the
  /// declaration is alone in its declarator group.
  std::optional<TextEdit> Annotate;
  std::string SuggestedItem;
  /// "// NOLINT(<check>)" at the end of the finding's line.
  TextEdit Silence;
};

/// An annotated declaration, or a use of one, in the document.
struct HoverTarget {
  Range Where;                          // the name
  std::string Subject;                  // "field", "parameter", ...
  std::string QualifiedName;            // "cloudz::Member::email"
  std::string Item;                     // PRIVACY_DATA's item, or empty
  std::vector<std::string> Annotations; // as written: PRIVACY_STORE("db")
};

struct DocumentReport {
  std::vector<DocumentFinding> Findings; // in the order the checks ran
  std::vector<HoverTarget> Targets;      // in the order of the text
  /// The first compiler error, "FILE:LINE:COL: message"; empty when the
  /// document compiled. The checks still ran on what could be parsed.
  std::string FirstError;
  /// Set when Clang could not even start (no such compiler, bad flags).
  std::string Failure;
};

DocumentReport analyzeDocument(const AnalysisInput &In);

} // namespace privacy::lsp

#endif // PRIVACY_LSP_DOCUMENTANALYSIS_H
