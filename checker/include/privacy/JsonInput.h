//===- JsonInput.h - every JSON input, parsed within bounds ----*- C++ -*-===//
//
// Every JSON file the tools read (policy, API catalog, baseline, inventory,
// per-TU summaries, compile_commands.json) is parsed here, so that the same
// limits hold for all of them: nesting is bounded before any recursive code
// (the locator, valijson, dump()) sees the document, a number out of range
// is an error rather than an exception, and every problem is one message
// naming the file, line and column (docs/robustness.md).
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_JSONINPUT_H
#define PRIVACY_JSONINPUT_H

#include "privacy/PolicyLoader.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace privacy {

/// The deepest nesting of arrays and objects a JSON input may have. Real
/// inputs stay below 20; recursion over a few hundred levels is safe on
/// any thread's stack, sanitizers included.
inline constexpr unsigned MaxJsonDepth = 200;

/// Parses \p Text, read from \p Path (named in the message), into \p Out.
/// On failure \p Out is untouched and the diagnostic says why and where.
/// \p Text cut to at most \p Max bytes (and "..."), never inside a UTF-8
/// sequence: messages quote what they stumbled on, and a 200,000-character
/// token makes a message no one reads.
std::string shortenedForMessage(std::string Text, size_t Max);

/// With \p DuplicateKeys, also sets it when an object names a key twice
/// (nlohmann keeps one of them silently; JsonReader reports them).
std::optional<PolicyDiagnostic> parseJsonText(const std::string &Text,
                                              const std::string &Path,
                                              nlohmann::json &Out,
                                              bool *DuplicateKeys = nullptr);

/// Reads \p Path and parses it; \p Noun names the file in messages
/// ("baseline file not found").
std::optional<PolicyDiagnostic> readJsonInput(const std::string &Path,
                                              const std::string &Noun,
                                              nlohmann::json &Out);

/// What reading a JSON input against one of the schemas of rules/schema
/// gives: the document when it matches, every problem otherwise.
struct ValidatedJson {
  std::optional<nlohmann::json> Document; // set when there is no error
  std::vector<PolicyDiagnostic> Diagnostics;
  bool ok() const { return Document.has_value(); }
};

/// The inputs of the command-line tools that have a schema of their own.
enum class JsonInputKind {
  Baseline,        // rules/schema/baseline.schema.json
  CompileCommands, // rules/schema/compile-commands.schema.json
};

/// Reads, parses and validates \p Path as \p Kind.
ValidatedJson readValidatedJson(const std::string &Path, JsonInputKind Kind);
/// Same, from text already read.
ValidatedJson parseValidatedJson(const std::string &Text,
                                 const std::string &Path, JsonInputKind Kind);

} // namespace privacy

#endif // PRIVACY_JSONINPUT_H
