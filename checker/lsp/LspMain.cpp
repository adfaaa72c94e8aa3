//===- LspMain.cpp - privacy-lsp: the checks in any LSP editor ------------===//
//
// privacy-lsp [--version | --help]
//
// A language server over standard input and output that runs beside clangd
// and publishes the privacy checks' findings, hovers over annotated code
// and quick fixes (docs/editors.md, "privacy-lsp").
//
//===----------------------------------------------------------------------===//
#include "Server.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <csignal>
#include <cstring>
#include <unistd.h>

int main(int Argc, char **Argv) {
  for (int I = 1; I < Argc; ++I) {
    if (!std::strcmp(Argv[I], "--version")) {
      llvm::outs() << "privacy-lsp 0.1.0\n";
      return 0;
    }
    if (!std::strcmp(Argv[I], "--help") || !std::strcmp(Argv[I], "-h")) {
      llvm::outs()
          << "usage: privacy-lsp\n\n"
             "A Language Server (LSP 3.17, JSON-RPC over standard input and\n"
             "output) that shows the privacy-tidy checks in an editor, beside\n"
             "clangd. Settings come in initializationOptions: policy,\n"
             "inventory, compileCommandsDir, fallbackFlags, apiCatalogs,\n"
             "docsBaseUrl (docs/editors.md).\n";
      return 0;
    }
    // Clients add flags of other servers by mistake; say which one is wrong.
    if (!std::strcmp(Argv[I], "--stdio"))
      continue; // what vscode-languageclient passes for the stdio transport
    llvm::errs() << "privacy-lsp: unknown argument '" << Argv[I]
                 << "' (expected --version, --help or --stdio)\n";
    return 2;
  }
  // A client that goes away must end the server at its next write, not kill
  // it with a signal halfway through an analysis.
  std::signal(SIGPIPE, SIG_IGN);
  std::string Program = llvm::sys::fs::getMainExecutable(
      Argv[0], reinterpret_cast<void *>(&main));
  privacy::lsp::Server S(STDIN_FILENO, STDOUT_FILENO, Program);
  return S.run();
}
