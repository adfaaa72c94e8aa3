//===- CompileDatabase.cpp - the compile commands privacy-scan runs -------===//
#include "CompileDatabase.h"

#include "privacy/JsonInput.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <set>

namespace privacy::scan {

using namespace clang::tooling;

std::unique_ptr<CompilationDatabase>
loadCompileDatabase(const std::string &BuildDir,
                    std::vector<PolicyDiagnostic> &Diagnostics,
                    std::string &Error) {
  // Clang's JSON loader (a YAML parser) reports a truncated file as
  // "YAML:2:6" without the file's name and, for some damage, not at all;
  // our reader names the file, line and column and stops on any damage.
  std::string Json = BuildDir;
  if (!Json.empty() && Json.back() != '/')
    Json += "/";
  Json += "compile_commands.json";
  if (llvm::sys::fs::exists(Json)) {
    ValidatedJson Read =
        readValidatedJson(Json, JsonInputKind::CompileCommands);
    if (!Read.ok()) {
      Diagnostics = std::move(Read.Diagnostics);
      return nullptr;
    }
  }
  return CompilationDatabase::loadFromDirectory(BuildDir, Error);
}

std::string CompileJob::describe(const std::string &ShownFile) const {
  if (Variants <= 1)
    return ShownFile;
  return ShownFile + " (compile command " + std::to_string(Variant + 1) +
         " of " + std::to_string(Variants) + ")";
}

std::string CompileJob::suffix() const {
  return Variant == 0 ? std::string() : "." + std::to_string(Variant + 1);
}

std::vector<CompileJob> compileJobs(const CompilationDatabase &DB,
                                    const std::vector<std::string> &Files) {
  std::vector<CompileJob> Jobs;
  for (const std::string &File : Files) {
    // The same command listed twice is one analysis.
    std::vector<CompileCommand> Commands;
    std::set<std::pair<std::string, std::vector<std::string>>> Seen;
    for (CompileCommand &C : DB.getCompileCommands(File))
      if (Seen.insert({C.Directory, C.CommandLine}).second)
        Commands.push_back(std::move(C));
    for (size_t I = 0; I < Commands.size(); ++I) {
      CompileJob Job;
      Job.File = File;
      Job.Command = std::move(Commands[I]);
      Job.Variant = static_cast<unsigned>(I);
      Job.Variants = static_cast<unsigned>(Commands.size());
      Jobs.push_back(std::move(Job));
    }
  }
  return Jobs;
}

//===--- options that write files -----------------------------------------===//

namespace {
enum class Shape {
  Flag,     // exactly this argument
  Prefix,   // any argument that starts with this (a joined value)
  Separate, // this argument and the next (or this with a joined value)
};

struct FileWritingOption {
  const char *Name;
  Shape Form;
};

// From clang's Options.td (LLVM 19): every driver and cc1 option whose
// effect is a file written beside or instead of the object file. The
// analysis runs -fsyntax-only, so some would write nothing today; they are
// dropped anyway, so that no future action writes them either.
const FileWritingOption FileWritingOptions[] = {
    // Dependency files, compilation-database fragments, header lists.
    {"-MD", Shape::Flag},
    {"-MMD", Shape::Flag},
    {"-MF", Shape::Separate},
    {"-MJ", Shape::Separate},
    {"-MT", Shape::Separate}, // targets named in a dependency file
    {"-MQ", Shape::Separate},
    {"-Wp,-MD,", Shape::Prefix},
    {"-Wp,-MMD,", Shape::Prefix},
    {"-dependency-file", Shape::Separate},
    {"-dependency-dot", Shape::Separate},
    {"-header-include-file", Shape::Separate},
    {"-module-dependency-dir", Shape::Separate},
    // Diagnostics and statistics.
    {"--serialize-diagnostics", Shape::Separate},
    {"-serialize-diagnostic-file", Shape::Separate},
    {"-stats-file", Shape::Prefix},
    {"-save-stats", Shape::Prefix},
    {"--save-stats", Shape::Prefix},
    {"-ftime-trace", Shape::Flag},
    {"-ftime-trace=", Shape::Prefix},
    {"-fproc-stat-report", Shape::Prefix},
    {"-fstack-usage", Shape::Flag},
    {"-stack-usage-file", Shape::Separate},
    {"-fsave-optimization-record", Shape::Prefix},
    {"-foptimization-record-file=", Shape::Prefix},
    {"-opt-record-file", Shape::Separate},
    {"-analyzer-dump-egraph", Shape::Separate},
    {"-arcmt-migrate-report-output", Shape::Separate},
    // Intermediate files, split debug info, crash reports.
    {"-save-temps", Shape::Prefix},
    {"--save-temps", Shape::Prefix},
    {"-dumpdir", Shape::Separate},
    {"-gsplit-dwarf", Shape::Prefix},
    {"-split-dwarf-file", Shape::Separate},
    {"-split-dwarf-output", Shape::Separate},
    {"-dsym-dir", Shape::Separate},
    {"-fthin-link-bitcode=", Shape::Prefix},
    {"-fcrash-diagnostics-dir=", Shape::Prefix},
    {"-fcrash-diagnostics", Shape::Prefix},
    {"-gen-reproducer", Shape::Prefix},
    // Profiles and coverage (written by the compiled program, and .gcno
    // files by the compiler).
    {"-fprofile-instr-generate", Shape::Prefix},
    {"-fprofile-generate", Shape::Prefix},
    {"-fcs-profile-generate", Shape::Prefix},
    {"-fprofile-instrument-path=", Shape::Prefix},
    {"-fprofile-arcs", Shape::Flag},
    {"-ftest-coverage", Shape::Flag},
    {"--coverage", Shape::Flag},
    {"-coverage-data-file=", Shape::Prefix},
    {"-coverage-notes-file=", Shape::Prefix},
    // Compiler plugins run code of their own, which may write anything
    // (the privacy plugin writes summaries).
    {"-fplugin=", Shape::Prefix},
    {"-fplugin-arg-", Shape::Prefix},
    {"-fpass-plugin=", Shape::Prefix},
    {"-load", Shape::Separate},
    {"-plugin", Shape::Separate},
    {"-add-plugin", Shape::Separate},
    {"-plugin-arg-", Shape::Prefix},
    // clang-cl spellings of output files.
    {"/Fo", Shape::Prefix},
    {"/Fa", Shape::Prefix},
    {"/FA", Shape::Prefix},
    {"/Fe", Shape::Prefix},
    {"/Fi", Shape::Prefix},
    {"/Fp", Shape::Prefix},
    {"/Fd", Shape::Prefix},
    {"/Fc", Shape::Prefix},
    {"/Yc", Shape::Prefix},
    {"/sourceDependencies", Shape::Separate},
};

// How many arguments from \p Arg on the option takes: 0 when \p Arg is not
// one of them, 1 with its value joined, 2 with its value next.
unsigned fileWritingArity(llvm::StringRef Arg) {
  for (const FileWritingOption &O : FileWritingOptions) {
    llvm::StringRef Name(O.Name);
    switch (O.Form) {
    case Shape::Flag:
      if (Arg == Name)
        return 1;
      break;
    case Shape::Prefix:
      if (Arg.starts_with(Name))
        return 1;
      break;
    case Shape::Separate:
      if (Arg == Name)
        return 2;
      // A joined value ("-MFdeps.d", "-MF=deps.d").
      if (Arg.starts_with(Name))
        return 1;
      break;
    }
  }
  return 0;
}
} // namespace

ArgumentsAdjuster getDropFileWritingOptionsAdjuster() {
  return [](const CommandLineArguments &Args, llvm::StringRef) {
    CommandLineArguments Kept;
    for (size_t I = 0; I < Args.size(); ++I) {
      llvm::StringRef Arg = Args[I];
      // -Xclang OPT [-Xclang VALUE]: the same options, for cc1.
      if ((Arg == "-Xclang" || Arg == "-Xpreprocessor") &&
          I + 1 < Args.size()) {
        unsigned Arity = fileWritingArity(Args[I + 1]);
        if (Arity == 0) {
          Kept.push_back(Args[I]);
          Kept.push_back(Args[I + 1]);
        } else if (Arity == 2 && I + 3 < Args.size() && Args[I + 2] == Arg) {
          I += 2; // the value, behind its own -Xclang
        }
        ++I;
        continue;
      }
      unsigned Arity = fileWritingArity(Arg);
      if (Arity == 0)
        Kept.push_back(Args[I]);
      else
        I += Arity - 1;
    }
    return Kept;
  };
}

void setAnalysisAdjusters(ClangTool &Tool) {
  Tool.clearArgumentsAdjusters();
  Tool.appendArgumentsAdjuster(getDropFileWritingOptionsAdjuster());
  Tool.appendArgumentsAdjuster(getClangStripOutputAdjuster());
  Tool.appendArgumentsAdjuster(getClangSyntaxOnlyAdjuster());
  Tool.appendArgumentsAdjuster(getClangStripDependencyFileAdjuster());
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> analysisFileSystem() {
  return llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
      llvm::vfs::createPhysicalFileSystem().release());
}

void FirstCompilerError::HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                                          const clang::Diagnostic &Info) {
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  if (Level < clang::DiagnosticsEngine::Error || !First.empty())
    return;
  llvm::SmallString<256> Text;
  Info.FormatDiagnostic(Text);
  if (Info.getLocation().isValid() && Info.hasSourceManager()) {
    clang::PresumedLoc P =
        Info.getSourceManager().getPresumedLoc(Info.getLocation());
    if (P.isValid())
      First = std::string(P.getFilename()) + ":" + std::to_string(P.getLine()) +
              ":" + std::to_string(P.getColumn()) + ": ";
  }
  First += Text.str().str();
}

} // namespace privacy::scan
