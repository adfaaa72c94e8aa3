//===- CompileCommands.h - the compile command of an open file -*- C++ -*-===//
//
// Like clangd: the nearest compile_commands.json in the file's directory,
// a parent, or a parent's build/ directory, not above the workspace's root
// (or the directory the client names), a command inferred from a neighbour for
// a file the database does not list (a header), and fallback flags when there
// is no database (docs/editors.md, "privacy-lsp").
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_LSP_COMPILECOMMANDS_H
#define PRIVACY_LSP_COMPILECOMMANDS_H

#include "privacy/PolicyLoader.h"

#include "clang/Tooling/CompilationDatabase.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace privacy::lsp {

struct CommandLookup {
  clang::tooling::CompileCommand Command;
  /// The directory of the compile_commands.json used; empty for fallback
  /// flags.
  std::string BuildDir;
  /// Problems of the database found (it is then not used).
  std::vector<PolicyDiagnostic> Diagnostics;
  std::string Error; // what Clang's loader alone reported
};

class CompileCommands {
public:
  /// \p FixedDir: the directory of compile_commands.json the client set,
  /// or empty to search, up to \p RootDir (the workspace's root; empty:
  /// up to /) for a file inside it. \p FallbackFlags: added to the
  /// fallback command. \p AnnotationsDir: the directory of privacy.h, put
  /// on the fallback include path when it exists.
  CompileCommands(std::string FixedDir, std::string RootDir,
                  std::vector<std::string> FallbackFlags,
                  std::string AnnotationsDir);

  CommandLookup commandFor(const std::string &File);

  /// The directory of the nearest compile_commands.json for \p File, or
  /// empty.
  std::string buildDirFor(const std::string &File) const;

  /// The command used without a compilation database.
  clang::tooling::CompileCommand fallbackCommand(const std::string &File) const;

private:
  struct Loaded {
    std::unique_ptr<clang::tooling::CompilationDatabase> Database;
    std::vector<PolicyDiagnostic> Diagnostics;
    std::string Error;
    long long ModifiedNs = 0;
  };
  const Loaded &load(const std::string &BuildDir);

  std::string FixedDir;
  std::string RootDir;
  std::vector<std::string> FallbackFlags;
  std::string AnnotationsDir;
  std::map<std::string, Loaded> Databases;
};

} // namespace privacy::lsp

#endif // PRIVACY_LSP_COMPILECOMMANDS_H
