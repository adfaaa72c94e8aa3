//===- Server.h - the privacy-lsp language server --------------*- C++ -*-===//
//
// Reads LSP messages, keeps the open documents, analyses each on open, on
// save and when its unsaved changes have settled, and answers hovers and
// code actions from the last analysis (docs/editors.md, "privacy-lsp").
// One thread: a request waits for the analysis it needs.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_LSP_SERVER_H
#define PRIVACY_LSP_SERVER_H

#include "CompileCommands.h"
#include "DocumentAnalysis.h"
#include "Inventory.h"
#include "JsonRpc.h"
#include "Protocol.h"

#include "privacy/PolicyLoader.h"

#include <map>
#include <memory>
#include <set>
#include <string>

namespace privacy::lsp {

/// How long a document's changes must rest before it is analysed again.
inline constexpr int ChangeSettleMs = 400;

class Server {
public:
  /// \p ProgramPath: the server's binary, to find the documentation.
  Server(int InFd, int OutFd, std::string ProgramPath);
  /// Serves until exit or the end of input; returns the exit code (0 after
  /// shutdown, 1 otherwise, as LSP asks).
  int run();

private:
  struct Document {
    std::string Path;
    std::string Text;
    long long Version = 0;
    bool Stale = true; // changed since its last analysis
    DocumentReport Report;
    /// The policy of its last analysis, kept for its hovers.
    std::shared_ptr<const PolicyLoadResult> PolicyLoad;
    const Policy *policy() const {
      return PolicyLoad && PolicyLoad->ok() ? PolicyLoad->Loaded.get()
                                            : nullptr;
    }
  };
  struct CachedInventory {
    long long ModifiedNs = -1;
    InventoryLoad Load;
  };

  /// Handles one message; exit sets ExitCode.
  void handle(const std::string &Body);
  void handleRequest(const MessageId &Id, const std::string &Method,
                     const nlohmann::json &Params);
  void handleNotification(const std::string &Method,
                          const nlohmann::json &Params);

  void initialize(const InitializeParams &P);
  std::optional<Hover> hover(const TextDocumentPosition &At);
  std::vector<CodeAction> codeActions(const CodeActionParams &P);

  /// Analyses \p D (its current text) and publishes its diagnostics.
  void analyze(const std::string &Uri, Document &D);
  void analyzeStaleDocuments();
  void publish(const std::string &Uri, const std::vector<Diagnostic> &Diags,
               std::optional<long long> Version);

  /// The configuration problems of a file as diagnostics at its top.
  std::vector<Diagnostic>
  setupProblems(const std::string &File, const CommandLookup &Command,
                std::shared_ptr<const PolicyLoadResult> &PolicyLoad,
                const ApiCatalog *&Catalog);
  Diagnostic brokenInput(const std::string &Noun,
                         const std::vector<PolicyDiagnostic> &Errors);
  std::string policyPathFor(const std::string &File) const;
  std::string inventoryPathFor(const std::string &File);
  const Inventory *inventoryFor(const std::string &File, std::string &Note);
  std::string docsHref(const std::string &Check) const;
  std::string resolve(const std::string &Path) const;

  void respond(const MessageId &Id, nlohmann::json Result);
  void respondError(const MessageId &Id, ErrorCode Code,
                    const std::string &Message);
  void notify(const std::string &Method, nlohmann::json Params);
  /// window/showMessage (or logMessage), once per text for the session.
  void tellOnce(const std::string &Text, bool Show, int Type);

  MessageReader Reader;
  int OutFd;
  std::string ProgramPath;
  bool Initialized = false, ShutdownRequested = false;
  int ExitCode = -1;
  InitializeParams Params;
  std::unique_ptr<CompileCommands> Commands;
  std::map<std::string, Document> Documents;
  std::map<std::string, CachedInventory> Inventories;
  std::set<std::string> Told;
};

} // namespace privacy::lsp

#endif // PRIVACY_LSP_SERVER_H
