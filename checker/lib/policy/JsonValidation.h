//===- JsonValidation.h - JSON files checked against a schema --*- C++ -*-===//
//
// What the policy loader and the API catalog loader share: reading a JSON
// file, syntax errors and duplicate keys with file:line:col, validation
// against a JSON Schema embedded in the binary (valijson), and turning
// valijson's keyword-centred wording into one line a person can act on,
// positioned at the key at fault. Each schema may add its own wording (a
// hook) for the keys it knows; the generic wording covers the rest.
//
// Private to the policy library and to the summary library (which reads
// per-TU summaries with it); the public results are PolicyDiagnostic.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_JSONVALIDATION_H
#define PRIVACY_JSONVALIDATION_H

#include "JsonLocator.h"
#include "privacy/PolicyLoader.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace valijson {
class Schema;
} // namespace valijson

namespace privacy {

/// What a schema error is about, from valijson's wording.
enum class SchemaErrorKind {
  MissingKey, // a required key is absent; Name is the key
  UnknownKey, // additionalProperties: false; Name is the key (Pointer: it)
  Duplicate,  // uniqueItems; Pointer is the later copy, Name the earlier index
  WrongType,  // 'type'
  Pattern,    // 'pattern'
  NotInEnum,  // 'enum'
  NotConst,   // 'const'
  Not,        // 'not'
  Other       // anything else (minimum, minItems, ...)
};

/// One leaf error of a validation, handed to the wording of its schema.
struct SchemaError {
  SchemaErrorKind Kind = SchemaErrorKind::Other;
  std::string Pointer;     // JSON pointer of the value at fault
  std::string Key;         // last token of Pointer, unescaped ("" at root)
  std::string Name;        // see SchemaErrorKind
  std::string Description; // valijson's own wording
  const nlohmann::json *Value = nullptr;    // value at Pointer, if any
  const nlohmann::json *Document = nullptr; // the document validated
  const nlohmann::json *Schema = nullptr;   // the schema, as JSON
  /// The error is about the key at Pointer ('propertyNames'), not its value.
  bool OnKey = false;

  /// " (found X)" for a scalar value, " (found key X)" for a key, ""
  /// otherwise.
  std::string found() const;
  /// The tokens of Pointer, unescaped.
  std::vector<std::string> tokens() const;
};

/// A JSON Schema (draft-07) embedded in the binary, parsed once. Make each
/// one a function-local static: C++ initialises those exactly once, even
/// with threads, and validation only reads the parsed schema.
class JsonSchema {
public:
  /// Schema-specific wording: a message, or "" for the generic one.
  using Wording = std::function<std::string(const SchemaError &)>;

  /// \p Noun names a document in messages ("policy", "catalog"). Throws
  /// std::exception if \p Text is not a valid schema (a build error).
  JsonSchema(const char *Text, std::string Noun, Wording Hook = nullptr);
  ~JsonSchema();
  JsonSchema(const JsonSchema &) = delete;
  JsonSchema &operator=(const JsonSchema &) = delete;

  const nlohmann::json &document() const { return Document; }
  const std::string &noun() const { return Noun; }

  /// The message for one error: the hook's wording, else the generic one.
  std::string describe(const SchemaError &E) const;

private:
  friend class JsonReader;
  nlohmann::json Document;
  std::unique_ptr<valijson::Schema> Compiled;
  std::string Noun;
  Wording Hook;
};

/// The schema node that describes the value at \p Pointer, following
/// "properties", "items", "additionalProperties", local "$ref"s and the
/// first branch of an anyOf/oneOf/allOf that describes the next step; null
/// where the schema does not say. Lets wordings quote the schema (enum
/// values, types) instead of repeating it.
const nlohmann::json *schemaNodeAt(const nlohmann::json &Schema,
                                   const std::string &Pointer);

/// Reads one JSON document and collects its diagnostics, each positioned
/// by the JSON pointer of the value at fault.
class JsonReader {
public:
  /// \p Text and \p Path must outlive the reader.
  JsonReader(const std::string &Text, const std::string &Path);
  ~JsonReader();

  /// Whether parse() looks for keys given twice in one object: not in a
  /// text whose writer cannot repeat one (a sealed summary).
  enum class DuplicateKeys { Checked, Impossible };
  /// Syntax, then duplicate keys. False (with errors) when unusable.
  bool parse(DuplicateKeys Keys = DuplicateKeys::Checked);
  /// Validates the parsed document; reports every leaf error. False when
  /// the document does not match.
  bool validate(const JsonSchema &Schema);

  const nlohmann::json &document() const { return Doc; }
  /// Valid after a successful parse(). Built on first use: a large
  /// document without errors (a summary) never needs it.
  const JsonLocator &locator() const;
  TextPosition position(const std::string &Pointer) const;
  /// "FILE:LINE:COL" of \p Pointer, for references in messages and data.
  std::string where(const std::string &Pointer) const;

  void report(PolicyDiagnostic::Severity Level, const std::string &Pointer,
              const std::string &Message);
  void error(const std::string &Pointer, const std::string &Message) {
    report(PolicyDiagnostic::Error, Pointer, Message);
  }
  void warning(const std::string &Pointer, const std::string &Message) {
    report(PolicyDiagnostic::Warning, Pointer, Message);
  }
  bool hasErrors() const;

  /// The diagnostics in the order of the text (stable for one position).
  std::vector<PolicyDiagnostic> takeDiagnostics();

private:
  const std::string &Text;
  const std::string &Path;
  nlohmann::json Doc;
  bool Parsed = false;
  mutable std::unique_ptr<JsonLocator> Locator;
  std::vector<PolicyDiagnostic> Diagnostics;
};

/// Reads \p Path into \p Text; on failure returns the diagnostic ("<noun>
/// file not found", "cannot read the <noun> file").
std::optional<PolicyDiagnostic> readJsonFile(const std::string &Path,
                                             const std::string &Noun,
                                             std::string &Text);

bool hasErrors(const std::vector<PolicyDiagnostic> &Diagnostics);

} // namespace privacy

#endif // PRIVACY_JSONVALIDATION_H
