//===- Server.cpp - the privacy-lsp language server -----------------------===//
#include "Server.h"
#include "HoverText.h"

#include "privacy/ApiCatalog.h"
#include "privacy/JsonInput.h"
#include "privacy/PolicyLoader.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace privacy::lsp {

using nlohmann::json;
namespace path = llvm::sys::path;

namespace {

/// LSP's MessageType.
enum MessageType { MessageError = 1, MessageWarning = 2, MessageInfo = 3 };

/// A problem of the configuration, shown at the top of the document.
Diagnostic atTop(DiagnosticSeverity Severity, std::string Message) {
  Diagnostic D;
  D.Severity = Severity;
  D.Message = std::move(Message);
  return D;
}

/// A location in a JSON input (policy, catalog, database) for
/// relatedInformation; none when the diagnostic has no line.
std::optional<Location> locationOf(const PolicyDiagnostic &D) {
  if (D.File.empty() || D.Line == 0)
    return std::nullopt;
  llvm::SmallString<256> Abs(D.File);
  llvm::sys::fs::make_absolute(Abs);
  // Columns of JSON inputs count bytes; policies are mostly ASCII where
  // the errors point, so the byte column is used as it is.
  Position P{D.Line - 1, D.Column ? D.Column - 1 : 0};
  return Location{uriFromPath(Abs.str().str()), {P, P}};
}

const char *docPageOf(llvm::StringRef Check) {
#define PRIVACY_CHECK(Enum, Name, Summary, Description, DocPage)               \
  if (Check == Name)                                                           \
    return DocPage;
#include "privacy/Checks.def"
  return nullptr;
}

} // namespace

Server::Server(int InFd, int OutFd, std::string ProgramPath)
    : Reader(InFd), OutFd(OutFd), ProgramPath(std::move(ProgramPath)) {}

int Server::run() {
  while (ExitCode < 0) {
    bool AnyStale = false;
    for (const auto &[Uri, D] : Documents)
      AnyStale |= D.Stale;
    ReadResult R = Reader.read(AnyStale ? ChangeSettleMs : -1);
    switch (R.What) {
    case ReadResult::TimedOut:
      analyzeStaleDocuments();
      break;
    case ReadResult::Closed:
      return ShutdownRequested ? 0 : 1;
    case ReadResult::Malformed:
      llvm::errs() << "privacy-lsp: " << R.Error << "; message skipped\n";
      break;
    case ReadResult::Message:
      handle(R.Body);
      break;
    }
  }
  return ExitCode;
}

void Server::handle(const std::string &Body) {
  json J;
  if (std::optional<PolicyDiagnostic> Bad =
          parseJsonText(Body, "<message>", J)) {
    respondError(MessageId(), ErrorCode::ParseError,
                 "the message is not JSON: " + Bad->formatWithoutLevel());
    return;
  }
  if (!J.is_object()) {
    respondError(MessageId(), ErrorCode::InvalidRequest,
                 "a message must be a JSON object");
    return;
  }
  std::optional<MessageId> Id;
  if (auto It = J.find("id"); It != J.end()) {
    Id = readMessageId(*It);
    if (!Id) {
      respondError(MessageId(), ErrorCode::InvalidRequest,
                   "'id' must be a number or a string");
      return;
    }
  }
  auto Method = J.find("method");
  if (Method == J.end()) {
    // A response to a request of ours (none is sent that needs one).
    if (Id && (J.contains("result") || J.contains("error")))
      return;
    respondError(Id.value_or(MessageId()), ErrorCode::InvalidRequest,
                 "a request needs a 'method'");
    return;
  }
  if (!Method->is_string()) {
    respondError(Id.value_or(MessageId()), ErrorCode::InvalidRequest,
                 "'method' must be a string");
    return;
  }
  json Params = J.value("params", json::object());
  if (Id)
    handleRequest(*Id, Method->get<std::string>(), Params);
  else
    handleNotification(Method->get<std::string>(), Params);
}

void Server::handleRequest(const MessageId &Id, const std::string &Method,
                           const json &Params) {
  if (Method == "initialize") {
    if (Initialized) {
      respondError(Id, ErrorCode::InvalidRequest,
                   "the server is already initialized");
      return;
    }
    std::string Error;
    std::optional<InitializeParams> P = readInitializeParams(Params, Error);
    if (!P) {
      respondError(Id, ErrorCode::InvalidParams, Error);
      return;
    }
    initialize(*P);
    respond(Id, initializeResult(P->Encoding));
    return;
  }
  if (!Initialized) {
    respondError(Id, ErrorCode::ServerNotInitialized,
                 "'" + Method + "' before 'initialize'");
    return;
  }
  if (ShutdownRequested) {
    respondError(Id, ErrorCode::InvalidRequest,
                 "'" + Method + "' after 'shutdown'");
    return;
  }
  std::string Error;
  if (Method == "shutdown") {
    ShutdownRequested = true;
    respond(Id, nullptr);
  } else if (Method == "textDocument/hover") {
    if (std::optional<TextDocumentPosition> At =
            readTextDocumentPosition(Params, Error))
      respond(Id, toJson(hover(*At)));
    else
      respondError(Id, ErrorCode::InvalidParams, Error);
  } else if (Method == "textDocument/codeAction") {
    if (std::optional<CodeActionParams> P = readCodeActionParams(Params, Error))
      respond(Id, toJson(codeActions(*P)));
    else
      respondError(Id, ErrorCode::InvalidParams, Error);
  } else {
    respondError(Id, ErrorCode::MethodNotFound,
                 "privacy-lsp has no method '" + Method + "'");
  }
}

void Server::handleNotification(const std::string &Method, const json &Params) {
  if (Method == "exit") {
    ExitCode = ShutdownRequested ? 0 : 1;
    return;
  }
  // Before initialize, and after shutdown, notifications are dropped.
  if (!Initialized || ShutdownRequested)
    return;
  std::string Error;
  if (Method == "textDocument/didOpen") {
    std::optional<TextDocumentItem> Item = readDidOpen(Params, Error);
    if (!Item)
      return tellOnce("didOpen: " + Error, false, MessageError);
    Document &D = Documents[Item->Uri];
    D.Path = pathFromUri(Item->Uri).value_or("");
    D.Text = std::move(Item->Text);
    D.Version = Item->Version;
    analyze(Item->Uri, D);
  } else if (Method == "textDocument/didChange") {
    std::optional<TextDocumentItem> Item = readDidChange(Params, Error);
    if (!Item)
      return tellOnce("didChange: " + Error, false, MessageError);
    auto It = Documents.find(Item->Uri);
    if (It == Documents.end())
      return;
    It->second.Text = std::move(Item->Text);
    It->second.Version = Item->Version;
    It->second.Stale = true; // analysed once the changes settle
  } else if (Method == "textDocument/didSave") {
    std::optional<TextDocumentItem> Item =
        readDocumentIdentifier(Params, Error);
    if (!Item)
      return tellOnce("didSave: " + Error, false, MessageError);
    auto It = Documents.find(Item->Uri);
    if (It == Documents.end())
      return;
    if (!Item->Text.empty())
      It->second.Text = std::move(Item->Text);
    analyze(Item->Uri, It->second);
  } else if (Method == "textDocument/didClose") {
    std::optional<TextDocumentItem> Item =
        readDocumentIdentifier(Params, Error);
    if (Item && Documents.erase(Item->Uri))
      publish(Item->Uri, {}, std::nullopt);
  }
  // initialized, $/cancelRequest, $/setTrace, workspace/* and the rest:
  // nothing to do.
}

void Server::initialize(const InitializeParams &P) {
  Initialized = true;
  Params = P;
  llvm::SmallString<256> Annotations(ProgramPath);
  path::remove_filename(Annotations);
  // privacy.h: in the source tree (build/bin) or installed (bin).
  std::string AnnotationsDir;
  for (const char *Rel : {"../../annotations", "../include/privacy-tidy"}) {
    llvm::SmallString<256> Candidate(Annotations);
    path::append(Candidate, Rel);
    path::remove_dots(Candidate, /*remove_dot_dot=*/true);
    if (llvm::sys::fs::exists(Candidate + "/privacy.h")) {
      AnnotationsDir = Candidate.str().str();
      break;
    }
  }
  std::string FixedDir = P.Options.CompileCommandsDir.empty()
                             ? ""
                             : resolve(P.Options.CompileCommandsDir);
  Commands = std::make_unique<CompileCommands>(
      FixedDir, P.RootPath, P.Options.FallbackFlags, AnnotationsDir);
}

std::string Server::resolve(const std::string &Path) const {
  if (Path.empty() || path::is_absolute(Path) || Params.RootPath.empty())
    return Path;
  llvm::SmallString<256> Abs(Params.RootPath);
  path::append(Abs, Path);
  return Abs.str().str();
}

std::string Server::policyPathFor(const std::string &File) const {
  if (!Params.Options.Policy.empty())
    return resolve(Params.Options.Policy);
  llvm::SmallString<256> Dir(File);
  path::remove_filename(Dir);
  return findPolicyFileUpwards(Dir.empty() ? "." : Dir.str().str());
}

/// One diagnostic for a broken input (the policy, an API catalog, the
/// compile database), however many errors it has: its message lists them,
/// each as "NOUN FILE:LINE:COL: message", and each place is related
/// information.
Diagnostic Server::brokenInput(const std::string &Noun,
                               const std::vector<PolicyDiagnostic> &Errors) {
  Diagnostic D;
  D.Severity = DiagnosticSeverity::Error;
  for (const PolicyDiagnostic &E : Errors) {
    std::string Line = Noun + " " + E.formatWithoutLevel();
    D.Message += (D.Message.empty() ? "" : "\n") + Line;
    if (std::optional<Location> At = locationOf(E))
      D.Related.push_back({*At, E.Message});
  }
  tellOnce(D.Message, true, MessageError);
  return D;
}

std::vector<Diagnostic>
Server::setupProblems(const std::string &File, const CommandLookup &Command,
                      std::shared_ptr<const PolicyLoadResult> &PolicyLoad,
                      const ApiCatalog *&Catalog) {
  std::vector<Diagnostic> Out;
  if (!Command.Diagnostics.empty())
    Out.push_back(brokenInput("compile database", Command.Diagnostics));
  else if (!Command.Error.empty())
    Out.push_back(
        atTop(DiagnosticSeverity::Error, "compile database: " + Command.Error));

  PolicyLoad = nullptr;
  std::string PolicyPath = policyPathFor(File);
  if (PolicyPath.empty()) {
    Out.push_back(atTop(DiagnosticSeverity::Warning,
                        "no privacy policy for '" + File +
                            "': set initializationOptions.policy or put " +
                            DefaultPolicyFileName +
                            " in its directory or a parent"));
  } else {
    PolicyLoad = loadPolicyCached(PolicyPath);
    std::vector<PolicyDiagnostic> Errors;
    for (const PolicyDiagnostic &D : PolicyLoad->Diagnostics)
      if (D.Level == PolicyDiagnostic::Error)
        Errors.push_back(D);
      else
        tellOnce("privacy policy " + D.formatWithoutLevel(), false,
                 MessageWarning);
    if (!Errors.empty())
      Out.push_back(brokenInput("privacy policy", Errors));
  }

  std::vector<std::string> Extra;
  for (const std::string &C : Params.Options.ApiCatalogs)
    Extra.push_back(resolve(C));
  auto Catalogs = loadApiCatalogsCached(defaultApiCatalogDir(), Extra);
  std::vector<PolicyDiagnostic> Errors;
  for (const PolicyDiagnostic &D : Catalogs->Diagnostics)
    if (D.Level == PolicyDiagnostic::Error)
      Errors.push_back(D);
  if (!Errors.empty())
    Out.push_back(brokenInput("API catalog", Errors));
  Catalog = Catalogs->ok() ? Catalogs->Loaded.get() : nullptr;
  return Out;
}

void Server::analyze(const std::string &Uri, Document &D) {
  D.Stale = false;
  if (D.Path.empty()) {
    // untitled: and other schemes have no file, so no compile command.
    publish(Uri, {}, D.Version);
    return;
  }
  CommandLookup Command = Commands->commandFor(D.Path);
  const ApiCatalog *Catalog = nullptr;
  std::vector<Diagnostic> Diags =
      setupProblems(D.Path, Command, D.PolicyLoad, Catalog);
  const Policy *P = D.policy();
  AnalysisInput In;
  In.File = D.Path;
  In.Text = D.Text;
  In.Command = Command.Command;
  In.P = P;
  In.Catalog = Catalog;
  In.Encoding = Params.Encoding;
  D.Report = analyzeDocument(In);
  if (!D.Report.Failure.empty()) {
    Diags.push_back(atTop(DiagnosticSeverity::Warning, D.Report.Failure));
    tellOnce(D.Report.Failure, false, MessageWarning);
  }
  if (!D.Report.FirstError.empty())
    tellOnce("'" + D.Path + "' does not compile (" + D.Report.FirstError +
                 "); privacy-lsp checked what could be parsed",
             false, MessageInfo);
  for (DocumentFinding &F : D.Report.Findings) {
    F.Diag.CodeHref = docsHref(F.Diag.Code);
    Diags.push_back(F.Diag);
  }
  publish(Uri, Diags, D.Version);
}

void Server::analyzeStaleDocuments() {
  for (auto &[Uri, D] : Documents)
    if (D.Stale)
      analyze(Uri, D);
}

std::string Server::docsHref(const std::string &Check) const {
  const char *Page = docPageOf(Check);
  if (!Page)
    return "";
  std::string Name = path::filename(Page).str();
  if (!Params.Options.DocsBaseUrl.empty()) {
    std::string Base = Params.Options.DocsBaseUrl;
    return Base + (llvm::StringRef(Base).ends_with("/") ? "" : "/") + Name;
  }
  llvm::SmallString<256> Bin(ProgramPath);
  path::remove_filename(Bin);
  // The checked-out docs seen from build/bin, or the installed ones.
  for (const char *Rel :
       {"../../docs/checks", "../share/privacy-tidy/docs/checks"}) {
    llvm::SmallString<256> Candidate(Bin);
    path::append(Candidate, Rel, Name);
    path::remove_dots(Candidate, /*remove_dot_dot=*/true);
    if (llvm::sys::fs::exists(Candidate))
      return uriFromPath(Candidate.str().str());
  }
  return "";
}

std::string Server::inventoryPathFor(const std::string &File) {
  if (!Params.Options.Inventory.empty())
    return resolve(Params.Options.Inventory);
  std::string BuildDir = Commands->buildDirFor(File);
  if (BuildDir.empty())
    BuildDir = Params.RootPath;
  if (BuildDir.empty())
    return "";
  llvm::SmallString<256> Path(BuildDir);
  path::append(Path, "privacy-inventory.json");
  return Path.str().str();
}

const Inventory *Server::inventoryFor(const std::string &File,
                                      std::string &Note) {
  std::string Path = inventoryPathFor(File);
  llvm::sys::fs::file_status Status;
  if (Path.empty() || llvm::sys::fs::status(Path, Status)) {
    Note = Path.empty()
               ? "No inventory: set initializationOptions.inventory."
               : "No inventory at " + Path +
                     ": run privacy-scan --format json -o " + Path + ".";
    return nullptr;
  }
  long long Modified =
      Status.getLastModificationTime().time_since_epoch().count();
  CachedInventory &C = Inventories[Path];
  if (C.ModifiedNs != Modified) {
    C.ModifiedNs = Modified;
    C.Load = readInventoryFile(Path, Params.RootPath);
    for (const PolicyDiagnostic &D : C.Load.Diagnostics)
      tellOnce("inventory " + D.formatWithoutLevel(), true, MessageError);
  }
  if (!C.Load.Loaded) {
    Note = "The inventory " + Path + " cannot be read" +
           (C.Load.Diagnostics.empty()
                ? std::string(".")
                : ": " + C.Load.Diagnostics.front().formatWithoutLevel());
    return nullptr;
  }
  return &*C.Load.Loaded;
}

std::optional<Hover> Server::hover(const TextDocumentPosition &At) {
  auto It = Documents.find(At.Uri);
  if (It == Documents.end())
    return std::nullopt;
  Document &D = It->second;
  if (D.Stale)
    analyze(At.Uri, D);
  const Position &P = At.At;
  for (const HoverTarget &T : D.Report.Targets) {
    const Range &R = T.Where; // one token, on one line
    bool Inside = R.Start.Line == P.Line && R.Start.Character <= P.Character &&
                  P.Character < R.End.Character;
    if (!Inside)
      continue;
    std::string Note;
    const Inventory *Inv =
        T.Item.empty() ? nullptr : inventoryFor(D.Path, Note);
    return Hover{hoverMarkdown(T, D.policy(), Inv, Note), T.Where};
  }
  return std::nullopt;
}

std::vector<CodeAction> Server::codeActions(const CodeActionParams &P) {
  std::vector<CodeAction> Actions;
  auto It = Documents.find(P.Uri);
  if (It == Documents.end())
    return Actions;
  Document &D = It->second;
  if (D.Stale)
    analyze(P.Uri, D);
  for (const DocumentFinding &F : D.Report.Findings) {
    if (!F.Diag.Where.intersects(P.Where) || F.Diag.Code == "clang-tidy-nolint")
      continue;
    if (F.Annotate) {
      CodeAction A;
      A.Title =
          "Mark as personal data: PRIVACY_DATA(\"" + F.SuggestedItem + "\")";
      A.Uri = P.Uri;
      A.Edits = {*F.Annotate};
      A.Preferred = true;
      Actions.push_back(std::move(A));
    }
    CodeAction Silence;
    Silence.Title = "Silence with // NOLINT(" + F.Diag.Code + ")";
    Silence.Uri = P.Uri;
    Silence.Edits = {F.Silence};
    Actions.push_back(std::move(Silence));
  }
  return Actions;
}

void Server::publish(const std::string &Uri,
                     const std::vector<Diagnostic> &Diags,
                     std::optional<long long> Version) {
  notify("textDocument/publishDiagnostics",
         publishDiagnosticsParams(Uri, Diags, Version));
}

void Server::respond(const MessageId &Id, json Result) {
  writeMessage(
      OutFd,
      {{"jsonrpc", "2.0"}, {"id", toJson(Id)}, {"result", std::move(Result)}});
}

void Server::respondError(const MessageId &Id, ErrorCode Code,
                          const std::string &Message) {
  writeMessage(
      OutFd,
      {{"jsonrpc", "2.0"},
       {"id", toJson(Id)},
       {"error", {{"code", static_cast<int>(Code)}, {"message", Message}}}});
}

void Server::notify(const std::string &Method, json Params) {
  writeMessage(
      OutFd,
      {{"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}});
}

void Server::tellOnce(const std::string &Text, bool Show, int Type) {
  if (!Told.insert(Text).second)
    return;
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  llvm::StringRef(Text).split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    llvm::errs() << "privacy-lsp: " << Line << "\n";
  notify(Show ? "window/showMessage" : "window/logMessage",
         messageParams(Type, Text));
}

} // namespace privacy::lsp
