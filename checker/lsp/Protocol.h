//===- Protocol.h - the LSP messages privacy-lsp speaks, typed --*- C++ -*-===//
//
// The parts of the Language Server Protocol 3.17 that privacy-lsp uses, as
// plain structs. JSON exists only in Protocol.cpp (the conversions) and
// JsonRpc.cpp (the framing); the server and the analysis see these types
// (docs/editors.md, "privacy-lsp").
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_LSP_PROTOCOL_H
#define PRIVACY_LSP_PROTOCOL_H

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace privacy::lsp {

/// JSON-RPC and LSP error codes.
enum class ErrorCode {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
};

/// How Position::Character counts: LSP's default is UTF-16 code units; a
/// client that offers "utf-8" gets byte columns, as Clang counts them.
enum class PositionEncoding { Utf16, Utf8 };

struct Position {
  unsigned Line = 0;      // from 0
  unsigned Character = 0; // from 0, in the negotiated encoding
};
struct Range {
  Position Start, End;
  bool intersects(const Range &Other) const;
};
struct Location {
  std::string Uri;
  Range Where;
};

enum class DiagnosticSeverity { Error = 1, Warning = 2, Information = 3 };

struct RelatedInformation {
  Location Where;
  std::string Message;
};

struct Diagnostic {
  Range Where;
  DiagnosticSeverity Severity = DiagnosticSeverity::Warning;
  std::string Code;     // the check's name; empty for none
  std::string CodeHref; // its documentation page; empty for none
  std::string Source = "privacy-tidy";
  std::string Message;
  std::vector<RelatedInformation> Related; // the data's path, in order
};

struct TextEdit {
  Range Where;
  std::string NewText;
};

struct CodeAction {
  std::string Title;
  std::string Kind = "quickfix";
  std::string Uri; // the one document the edits change
  std::vector<TextEdit> Edits;
  bool Preferred = false;
};

struct Hover {
  std::string Markdown;
  Range Where;
};

/// What initialize's initializationOptions may set (docs/editors.md).
struct ServerOptions {
  std::string Policy;             // empty: nearest privacy-policy.json
  std::string Inventory;          // empty: <build dir>/privacy-inventory.json
  std::string CompileCommandsDir; // empty: nearest compile_commands.json
  std::vector<std::string> FallbackFlags; // without a compile database
  std::vector<std::string> ApiCatalogs;   // extra API catalogs
  std::string DocsBaseUrl; // empty: the installed or checked-out docs
};

struct InitializeParams {
  std::string RootPath; // empty when the client gave none
  ServerOptions Options;
  PositionEncoding Encoding = PositionEncoding::Utf16;
};

/// A request's or notification's id: a number, a string, or (for an error
/// about a message whose id could not be read) null.
using MessageId = std::variant<std::monostate, long long, std::string>;

struct TextDocumentItem {
  std::string Uri;
  long long Version = 0;
  std::string Text;
};

struct TextDocumentPosition {
  std::string Uri;
  Position At;
};

struct CodeActionParams {
  std::string Uri;
  Range Where;
};

// --- conversions, the only JSON of the protocol ----------------------------

nlohmann::json toJson(const Position &P);
nlohmann::json toJson(const Range &R);
nlohmann::json toJson(const Diagnostic &D);
nlohmann::json toJson(const CodeAction &A);
nlohmann::json toJson(const MessageId &Id);
nlohmann::json toJson(const std::optional<Hover> &H);
nlohmann::json toJson(const std::vector<CodeAction> &Actions);
/// initialize's result: what the server can do, and in which encoding.
nlohmann::json initializeResult(PositionEncoding Encoding);
/// textDocument/publishDiagnostics's parameters.
nlohmann::json publishDiagnosticsParams(const std::string &Uri,
                                        const std::vector<Diagnostic> &Diags,
                                        std::optional<long long> Version);
/// window/showMessage's and window/logMessage's parameters; \p Type is
/// LSP's MessageType (1 error, 2 warning, 3 info).
nlohmann::json messageParams(int Type, const std::string &Text);

/// Each reader returns none, with \p Error saying which member is wrong,
/// when \p J does not have the shape the protocol gives it.
std::optional<MessageId> readMessageId(const nlohmann::json &J);
std::optional<InitializeParams> readInitializeParams(const nlohmann::json &J,
                                                     std::string &Error);
std::optional<TextDocumentItem> readDidOpen(const nlohmann::json &J,
                                            std::string &Error);
/// didChange with full-text synchronisation: the last change's text.
std::optional<TextDocumentItem> readDidChange(const nlohmann::json &J,
                                              std::string &Error);
/// didSave and didClose: the document's URI (and didSave's text, if sent).
std::optional<TextDocumentItem> readDocumentIdentifier(const nlohmann::json &J,
                                                       std::string &Error);
std::optional<TextDocumentPosition>
readTextDocumentPosition(const nlohmann::json &J, std::string &Error);
std::optional<CodeActionParams> readCodeActionParams(const nlohmann::json &J,
                                                     std::string &Error);

/// "file:///a%20b/c.cpp" -> "/a b/c.cpp"; none for other schemes.
std::optional<std::string> pathFromUri(const std::string &Uri);
/// "/a b/c.cpp" -> "file:///a%20b/c.cpp".
std::string uriFromPath(const std::string &Path);

} // namespace privacy::lsp

#endif // PRIVACY_LSP_PROTOCOL_H
