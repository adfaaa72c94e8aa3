//===- JsonWriter.h - JSON text for every output ---------------*- C++ -*-===//
//
// Every JSON the tools write (inventory, SARIF, baseline, per-TU summaries)
// goes through jsonText() or writeJsonText(). Strings come from the
// analysed sources, which need not be UTF-8 (a Latin-1 byte in an
// annotation string): nlohmann's dump() throws on those; here each invalid
// byte becomes U+FFFD, so a report is always written and always valid JSON
// (docs/scan.md).
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_JSONWRITER_H
#define PRIVACY_JSONWRITER_H

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace privacy {

/// \p Value as JSON text, indented by \p Indent spaces a level (-1: on one
/// line), with no newline at the end.
std::string jsonText(const nlohmann::json &Value, int Indent = -1);

/// Receives JSON text a piece at a time, in order.
using JsonChunkSink = std::function<void(std::string_view)>;
/// The text jsonText() gives, handed to \p Sink in pieces as it is made:
/// a large program's inventory is tens of megabytes, which a whole string
/// holds twice while it grows (docs/scan.md, "Large programs").
void writeJsonText(const nlohmann::json &Value, int Indent,
                   const JsonChunkSink &Sink);

} // namespace privacy

#endif // PRIVACY_JSONWRITER_H
