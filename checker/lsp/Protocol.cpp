//===- Protocol.cpp - LSP messages to and from JSON -----------------------===//
#include "Protocol.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

namespace privacy::lsp {

using nlohmann::json;

bool Range::intersects(const Range &Other) const {
  auto Before = [](const Position &A, const Position &B) {
    return A.Line < B.Line || (A.Line == B.Line && A.Character < B.Character);
  };
  return !Before(End, Other.Start) && !Before(Other.End, Start);
}

json toJson(const Position &P) {
  return {{"line", P.Line}, {"character", P.Character}};
}

json toJson(const Range &R) {
  return {{"start", toJson(R.Start)}, {"end", toJson(R.End)}};
}

json toJson(const Diagnostic &D) {
  json J = {{"range", toJson(D.Where)},
            {"severity", static_cast<int>(D.Severity)},
            {"source", D.Source},
            {"message", D.Message}};
  if (!D.Code.empty())
    J["code"] = D.Code;
  if (!D.CodeHref.empty())
    J["codeDescription"] = {{"href", D.CodeHref}};
  if (!D.Related.empty()) {
    json Related = json::array();
    for (const RelatedInformation &R : D.Related)
      Related.push_back(
          {{"location",
            {{"uri", R.Where.Uri}, {"range", toJson(R.Where.Where)}}},
           {"message", R.Message}});
    J["relatedInformation"] = std::move(Related);
  }
  return J;
}

json toJson(const CodeAction &A) {
  json Edits = json::array();
  for (const TextEdit &E : A.Edits)
    Edits.push_back({{"range", toJson(E.Where)}, {"newText", E.NewText}});
  json J = {{"title", A.Title},
            {"kind", A.Kind},
            {"edit", {{"changes", {{A.Uri, std::move(Edits)}}}}}};
  if (A.Preferred)
    J["isPreferred"] = true;
  return J;
}

json toJson(const MessageId &Id) {
  if (const auto *N = std::get_if<long long>(&Id))
    return *N;
  if (const auto *S = std::get_if<std::string>(&Id))
    return *S;
  return nullptr;
}

json toJson(const std::optional<Hover> &H) {
  if (!H)
    return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", H->Markdown}}},
          {"range", toJson(H->Where)}};
}

json toJson(const std::vector<CodeAction> &Actions) {
  json Out = json::array();
  for (const CodeAction &A : Actions)
    Out.push_back(toJson(A));
  return Out;
}

json initializeResult(PositionEncoding Encoding) {
  return {{"capabilities",
           {{"positionEncoding",
             Encoding == PositionEncoding::Utf8 ? "utf-8" : "utf-16"},
            {"textDocumentSync",
             {{"openClose", true},
              {"change", 1}, // the full text at each change
              {"save", {{"includeText", false}}}}},
            {"hoverProvider", true},
            {"codeActionProvider",
             {{"codeActionKinds", json::array({"quickfix"})}}}}},
          {"serverInfo", {{"name", "privacy-lsp"}, {"version", "0.1.0"}}}};
}

json publishDiagnosticsParams(const std::string &Uri,
                              const std::vector<Diagnostic> &Diags,
                              std::optional<long long> Version) {
  json List = json::array();
  for (const Diagnostic &D : Diags)
    List.push_back(toJson(D));
  json Params = {{"uri", Uri}, {"diagnostics", std::move(List)}};
  if (Version)
    Params["version"] = *Version;
  return Params;
}

json messageParams(int Type, const std::string &Text) {
  return {{"type", Type}, {"message", Text}};
}

std::optional<MessageId> readMessageId(const json &J) {
  if (J.is_number_integer())
    return MessageId(J.get<long long>());
  if (J.is_string())
    return MessageId(J.get<std::string>());
  return std::nullopt;
}

namespace {

/// The member \p Key of object \p J with type \p Is; \p Error names what
/// is missing or of the wrong type.
const json *member(const json &J, const char *Key, bool (json::*Is)() const,
                   const char *What, std::string &Error) {
  if (!J.is_object()) {
    Error = "expected an object with '" + std::string(Key) + "'";
    return nullptr;
  }
  auto It = J.find(Key);
  if (It == J.end() || !((*It).*Is)()) {
    Error = "'" + std::string(Key) + "' must be " + What;
    return nullptr;
  }
  return &*It;
}

std::optional<Position> readPosition(const json &J, std::string &Error) {
  const json *Line = member(J, "line", &json::is_number_unsigned,
                            "a non-negative integer", Error);
  const json *Character =
      Line ? member(J, "character", &json::is_number_unsigned,
                    "a non-negative integer", Error)
           : nullptr;
  if (!Character)
    return std::nullopt;
  return Position{Line->get<unsigned>(), Character->get<unsigned>()};
}

std::optional<Range> readRange(const json &J, std::string &Error) {
  const json *Start = member(J, "start", &json::is_object, "a position", Error);
  const json *End =
      Start ? member(J, "end", &json::is_object, "a position", Error) : nullptr;
  if (!End)
    return std::nullopt;
  std::optional<Position> S = readPosition(*Start, Error);
  std::optional<Position> E = S ? readPosition(*End, Error) : std::nullopt;
  if (!E)
    return std::nullopt;
  return Range{*S, *E};
}

/// params.textDocument.uri
std::optional<std::string> readUri(const json &Params, std::string &Error) {
  const json *Doc = member(Params, "textDocument", &json::is_object,
                           "a text document", Error);
  const json *Uri =
      Doc ? member(*Doc, "uri", &json::is_string, "a string", Error) : nullptr;
  if (!Uri)
    return std::nullopt;
  return Uri->get<std::string>();
}

std::string stringOr(const json &Options, const char *Key) {
  auto It = Options.find(Key);
  return It != Options.end() && It->is_string() ? It->get<std::string>() : "";
}

std::vector<std::string> stringsOf(const json &Options, const char *Key) {
  std::vector<std::string> Out;
  auto It = Options.find(Key);
  if (It != Options.end() && It->is_array())
    for (const json &S : *It)
      if (S.is_string())
        Out.push_back(S.get<std::string>());
  return Out;
}

} // namespace

std::optional<InitializeParams> readInitializeParams(const json &J,
                                                     std::string &Error) {
  if (!J.is_object()) {
    Error = "initialize needs its parameters as an object";
    return std::nullopt;
  }
  InitializeParams P;
  if (auto Root = J.find("rootUri"); Root != J.end() && Root->is_string())
    P.RootPath = pathFromUri(Root->get<std::string>()).value_or("");
  if (P.RootPath.empty())
    if (auto Root = J.find("rootPath"); Root != J.end() && Root->is_string())
      P.RootPath = Root->get<std::string>();
  if (auto O = J.find("initializationOptions");
      O != J.end() && O->is_object()) {
    P.Options.Policy = stringOr(*O, "policy");
    P.Options.Inventory = stringOr(*O, "inventory");
    P.Options.CompileCommandsDir = stringOr(*O, "compileCommandsDir");
    P.Options.DocsBaseUrl = stringOr(*O, "docsBaseUrl");
    P.Options.FallbackFlags = stringsOf(*O, "fallbackFlags");
    P.Options.ApiCatalogs = stringsOf(*O, "apiCatalogs");
  }
  // capabilities.general.positionEncodings (LSP 3.17): byte columns when
  // the client can take them, UTF-16 otherwise.
  if (auto C = J.find("capabilities"); C != J.end() && C->is_object())
    if (auto G = C->find("general"); G != C->end() && G->is_object())
      for (const std::string &E : stringsOf(*G, "positionEncodings"))
        if (E == "utf-8")
          P.Encoding = PositionEncoding::Utf8;
  return P;
}

std::optional<TextDocumentItem> readDidOpen(const json &J, std::string &Error) {
  const json *Doc =
      member(J, "textDocument", &json::is_object, "a text document", Error);
  const json *Uri =
      Doc ? member(*Doc, "uri", &json::is_string, "a string", Error) : nullptr;
  const json *Text =
      Uri ? member(*Doc, "text", &json::is_string, "a string", Error) : nullptr;
  if (!Text)
    return std::nullopt;
  TextDocumentItem Item{Uri->get<std::string>(), 0, Text->get<std::string>()};
  if (auto V = Doc->find("version"); V != Doc->end() && V->is_number_integer())
    Item.Version = V->get<long long>();
  return Item;
}

std::optional<TextDocumentItem> readDidChange(const json &J,
                                              std::string &Error) {
  std::optional<std::string> Uri = readUri(J, Error);
  const json *Changes =
      Uri ? member(J, "contentChanges", &json::is_array, "an array", Error)
          : nullptr;
  if (!Changes)
    return std::nullopt;
  if (Changes->empty() || !Changes->back().is_object() ||
      !Changes->back().contains("text") ||
      !Changes->back()["text"].is_string() ||
      Changes->back().contains("range")) {
    Error = "'contentChanges' must end with the whole text (the server asks "
            "for full synchronisation)";
    return std::nullopt;
  }
  TextDocumentItem Item{*Uri, 0, Changes->back()["text"].get<std::string>()};
  const json &Doc = J["textDocument"];
  if (auto V = Doc.find("version"); V != Doc.end() && V->is_number_integer())
    Item.Version = V->get<long long>();
  return Item;
}

std::optional<TextDocumentItem> readDocumentIdentifier(const json &J,
                                                       std::string &Error) {
  std::optional<std::string> Uri = readUri(J, Error);
  if (!Uri)
    return std::nullopt;
  TextDocumentItem Item{*Uri, 0, ""};
  if (auto T = J.find("text"); T != J.end() && T->is_string())
    Item.Text = T->get<std::string>();
  return Item;
}

std::optional<TextDocumentPosition>
readTextDocumentPosition(const json &J, std::string &Error) {
  std::optional<std::string> Uri = readUri(J, Error);
  const json *At =
      Uri ? member(J, "position", &json::is_object, "a position", Error)
          : nullptr;
  if (!At)
    return std::nullopt;
  std::optional<Position> P = readPosition(*At, Error);
  if (!P)
    return std::nullopt;
  return TextDocumentPosition{*Uri, *P};
}

std::optional<CodeActionParams> readCodeActionParams(const json &J,
                                                     std::string &Error) {
  std::optional<std::string> Uri = readUri(J, Error);
  const json *R =
      Uri ? member(J, "range", &json::is_object, "a range", Error) : nullptr;
  if (!R)
    return std::nullopt;
  std::optional<Range> Where = readRange(*R, Error);
  if (!Where)
    return std::nullopt;
  return CodeActionParams{*Uri, *Where};
}

std::optional<std::string> pathFromUri(const std::string &Uri) {
  llvm::StringRef Rest(Uri);
  if (!Rest.consume_front("file://"))
    return std::nullopt;
  // "file://localhost/x" names the same file as "file:///x".
  Rest.consume_front("localhost");
  if (!Rest.starts_with("/"))
    return std::nullopt;
  std::string Path;
  for (size_t I = 0; I < Rest.size(); ++I) {
    if (Rest[I] == '%' && I + 2 < Rest.size() &&
        llvm::isHexDigit(Rest[I + 1]) && llvm::isHexDigit(Rest[I + 2])) {
      Path += static_cast<char>(llvm::hexFromNibbles(Rest[I + 1], Rest[I + 2]));
      I += 2;
    } else {
      Path += Rest[I];
    }
  }
  return Path;
}

std::string uriFromPath(const std::string &Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
      Uri += static_cast<char>(C);
    else {
      Uri += '%';
      Uri += llvm::hexdigit(C >> 4, /*LowerCase=*/false);
      Uri += llvm::hexdigit(C & 15, /*LowerCase=*/false);
    }
  }
  return Uri;
}

} // namespace privacy::lsp
