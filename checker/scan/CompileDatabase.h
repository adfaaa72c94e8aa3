//===- CompileDatabase.h - the compile commands privacy-scan runs -*- C++
//-*-===//
//
// What privacy-scan takes from a build: the compilation database, read
// strictly (a broken compile_commands.json is an error with file:line:col,
// never half a database), every compile command of every file (a file
// built two ways is two analyses), and each command stripped of the
// options that would make the analysis write files (docs/scan.md,
// "The compilation database").
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_SCAN_COMPILEDATABASE_H
#define PRIVACY_SCAN_COMPILEDATABASE_H

#include "privacy/PolicyLoader.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <memory>
#include <string>
#include <vector>

namespace privacy::scan {

/// Loads the compilation database of \p BuildDir. When it is a
/// compile_commands.json, the file is first parsed and checked against
/// rules/schema/compile-commands.schema.json, so that every problem names
/// the file, line and column. Null, with \p Diagnostics (or \p Error for
/// what Clang's loader alone reports), when it cannot be used.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompileDatabase(const std::string &BuildDir,
                    std::vector<PolicyDiagnostic> &Diagnostics,
                    std::string &Error);

/// One analysis: one compile command of one file.
struct CompileJob {
  std::string File;
  clang::tooling::CompileCommand Command;
  unsigned Variant = 0;  // which command of the file, from 0
  unsigned Variants = 1; // how many commands the file has
  /// "FILE", or "FILE (command 2 of 3)" when the file has several.
  std::string describe(const std::string &ShownFile) const;
  /// "" or ".2" (for the second command): keeps per-command summary file
  /// names apart.
  std::string suffix() const;
};

/// Every compile command of \p Files (sorted, each file once), in the
/// database's order for each file.
std::vector<CompileJob>
compileJobs(const clang::tooling::CompilationDatabase &DB,
            const std::vector<std::string> &Files);

/// A database of exactly one command, to run a ClangTool on one job.
class SingleCommandDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(clang::tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {Command};
  }
  std::vector<std::string> getAllFiles() const override {
    return {Command.Filename};
  }

private:
  clang::tooling::CompileCommand Command;
};

/// Drops every option that makes the compiler write a file (dependency
/// files, serialized diagnostics, statistics, time traces, saved temps,
/// profiles, split DWARF, crash reports, ...), in driver spelling and
/// behind -Xclang: an analysis writes only what privacy-scan is asked to.
clang::tooling::ArgumentsAdjuster getDropFileWritingOptionsAdjuster();

/// Sets \p Tool's argument adjusters: the one above first (Clang's own
/// dependency-file stripper misreads "-Xclang -MT -Xclang X" and leaves X
/// as an input), then Clang's usual ones (no -o, -fsyntax-only, no -M*).
void setAnalysisAdjusters(clang::tooling::ClangTool &Tool);

/// The file system a ClangTool of the analysis reads through. ClangTool
/// runs a compile command in its directory by setting the working
/// directory of its file system; on the real file system that is the
/// process's, which the analyses on other threads and every output named
/// relative to where the tool started share. This one has a working
/// directory of its own.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> analysisFileSystem();

/// Keeps the first compiler error of a translation unit, with its place,
/// for a report that says why it was not analysed; the compiler's other
/// diagnostics are not ours to print.
class FirstCompilerError : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;
  std::string First; // "file:line:col: message"; empty when none
};

} // namespace privacy::scan

#endif // PRIVACY_SCAN_COMPILEDATABASE_H
