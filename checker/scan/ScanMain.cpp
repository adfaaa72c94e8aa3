//===- ScanMain.cpp - privacy-scan ----------------------------------------===//
//
// privacy-scan -p BUILD --policy FILE [-j N] [--format F] [-o OUT]
//              [--baseline FILE] [--write-baseline FILE] [files...]
//
// Analyses every translation unit of a compilation database in parallel,
// joins their summaries (Join.h) and writes the findings or the inventory.
// Exit status (SPEC §4): 0 no findings outside the baseline, 1 findings,
// 2 usage, policy or build-database error, or a translation unit that
// could not be analysed (the rest is analysed and reported first).
//
//===----------------------------------------------------------------------===//
#include "CompileDatabase.h"
#include "Join.h"
#include "Reports.h"
#include "TuSummary.h"

#include "privacy/ApiCatalog.h"
#include "privacy/Findings.h"
#include "privacy/JsonInput.h"
#include "privacy/PolicyLoader.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <unistd.h>

using namespace clang;
using nlohmann::json;

namespace {

struct Options {
  std::string BuildDir, PolicyFile, Format = "text", Output, Baseline,
      WriteBaseline, Lang = "en", Root, SummariesDir, FromSummaries;
  std::vector<std::string> Catalogs, Files;
  unsigned Jobs = 0;
  bool Quiet = false;
};

const char *const Usage =
    "usage: privacy-scan -p <build dir> [--policy <file>] [-j N]\n"
    "                    [--format text|json|sarif|markdown|html] [-o <file>]\n"
    "                    [--baseline <file>] [--write-baseline <file>]\n"
    "                    [--lang ko|en] [--root <dir>] [--api-catalog <file>]\n"
    "                    [--summaries-dir <dir>] [--quiet] [files...]\n"
    "       privacy-scan --from-summaries <dir> [--policy <file>] [output options]\n"
    "\n"
    "Checks every translation unit of <build dir>/compile_commands.json\n"
    "against the privacy policy and writes the findings or the processing\n"
    "inventory. Without --policy, the nearest privacy-policy.json above the\n"
    "current directory is used. Exit: 0 no findings outside the baseline,\n"
    "1 findings, 2 usage, policy or build-database error, or a translation\n"
    "unit that could not be analysed.\n"
    "\n"
    "--from-summaries joins the per-TU summaries a build wrote (with\n"
    "--summaries-dir, or the compiler plugin's summary argument) without\n"
    "analysing anything.\n";

int usageError(const std::string &Message) {
  std::cerr << "privacy-scan: error: " << Message << "\n" << Usage;
  return 2;
}

std::optional<int> parseArgs(int Argc, char **Argv, Options &O) {
  for (int I = 1; I < Argc; ++I) {
    std::string A = Argv[I];
    auto Value = [&](std::string &Into) -> bool {
      size_t Eq = A.find('=');
      if (A.rfind("--", 0) == 0 && Eq != std::string::npos) {
        Into = A.substr(Eq + 1);
        return true;
      }
      if (I + 1 >= Argc)
        return false;
      Into = Argv[++I];
      return true;
    };
    auto Is = [&](const char *Name) {
      return A == Name || A.rfind(std::string(Name) + "=", 0) == 0;
    };
    std::string V;
    if (A == "-h" || A == "--help") {
      std::cout << Usage;
      return 0;
    } else if (Is("-p") || (A.rfind("-p", 0) == 0 && A.size() > 2 && A[2] != '-')) {
      if (A.size() > 2 && A[2] != '=')
        O.BuildDir = A.substr(2);
      else if (!Value(O.BuildDir))
        return usageError("-p needs a build directory");
    } else if (Is("--policy")) {
      if (!Value(O.PolicyFile))
        return usageError("--policy needs a file");
    } else if (Is("-j") || Is("--jobs")) {
      if (!Value(V))
        return usageError("-j needs a number");
      char *End = nullptr;
      long N = std::strtol(V.c_str(), &End, 10);
      if (*End || N < 1 || N > 1024)
        return usageError("-j needs a number from 1 to 1024, not '" + V + "'");
      O.Jobs = static_cast<unsigned>(N);
    } else if (A.rfind("-j", 0) == 0 && A.size() > 2) {
      char *End = nullptr;
      long N = std::strtol(A.c_str() + 2, &End, 10);
      if (*End || N < 1 || N > 1024)
        return usageError("-j needs a number from 1 to 1024");
      O.Jobs = static_cast<unsigned>(N);
    } else if (Is("--format")) {
      if (!Value(O.Format))
        return usageError("--format needs a value");
      static const std::set<std::string> Formats = {"text", "json", "sarif",
                                                    "markdown", "html"};
      if (!Formats.count(O.Format))
        return usageError("unknown format '" + O.Format +
                          "' (text, json, sarif, markdown, html)");
    } else if (Is("-o") || Is("--output")) {
      if (!Value(O.Output))
        return usageError("-o needs a file");
    } else if (Is("--baseline")) {
      if (!Value(O.Baseline))
        return usageError("--baseline needs a file");
    } else if (Is("--write-baseline")) {
      if (!Value(O.WriteBaseline))
        return usageError("--write-baseline needs a file");
    } else if (Is("--lang")) {
      if (!Value(O.Lang) || (O.Lang != "ko" && O.Lang != "en"))
        return usageError("--lang takes ko or en");
    } else if (Is("--root")) {
      if (!Value(O.Root))
        return usageError("--root needs a directory");
    } else if (Is("--api-catalog")) {
      if (!Value(V))
        return usageError("--api-catalog needs a file");
      O.Catalogs.push_back(V);
    } else if (Is("--summaries-dir")) {
      if (!Value(O.SummariesDir))
        return usageError("--summaries-dir needs a directory");
    } else if (Is("--from-summaries")) {
      if (!Value(O.FromSummaries))
        return usageError("--from-summaries needs a directory");
    } else if (A == "--quiet" || A == "-q") {
      O.Quiet = true;
    } else if (!A.empty() && A[0] == '-') {
      return usageError("unknown option '" + A + "'");
    } else {
      O.Files.push_back(A);
    }
  }
  if (!O.FromSummaries.empty()) {
    if (!O.BuildDir.empty() || !O.Files.empty() || !O.SummariesDir.empty())
      return usageError("--from-summaries joins summaries already written: it "
                        "takes no -p, --summaries-dir or files");
    return std::nullopt;
  }
  if (O.BuildDir.empty())
    return usageError("no build directory: pass -p <dir with compile_commands.json>");
  return std::nullopt;
}

std::string absolute(const std::string &Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return P.str().str();
}

std::string relativeTo(const std::string &Path, const std::string &Root) {
  if (llvm::StringRef(Path).starts_with(Root + "/"))
    return Path.substr(Root.size() + 1);
  return Path;
}

/// Writes \p Text to \p Path whole or not at all.
bool writeFileAtomically(const std::string &Path, const std::string &Text) {
  std::string Temp = Path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream Out(Temp, std::ios::binary);
    if (!Out || !(Out << Text) || !(Out.flush())) {
      std::remove(Temp.c_str());
      return false;
    }
  }
  if (std::rename(Temp.c_str(), Path.c_str()) != 0) {
    std::remove(Temp.c_str());
    return false;
  }
  return true;
}

/// Collects the first error of a translation unit, for the report.
class ErrorCollector : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !First.empty())
      return;
    llvm::SmallString<256> Text;
    Info.FormatDiagnostic(Text);
    if (Info.getLocation().isValid() && Info.hasSourceManager()) {
      PresumedLoc P = Info.getSourceManager().getPresumedLoc(Info.getLocation());
      if (P.isValid())
        First = std::string(P.getFilename()) + ":" + std::to_string(P.getLine()) +
                ":" + std::to_string(P.getColumn()) + ": ";
    }
    First += Text.str().str();
  }
  std::string First;
};

class SummaryAction : public ASTFrontendAction {
public:
  SummaryAction(const privacy::Policy &P, const privacy::ApiCatalog *Catalog,
                const std::string &Root, json &Out)
      : P(P), Catalog(Catalog), Root(Root), Out(Out) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    struct Consumer : ASTConsumer {
      Consumer(SummaryAction &A) : A(A) {}
      void HandleTranslationUnit(ASTContext &Ctx) override {
        // Code that does not compile is reported as such, not half-analysed.
        if (Ctx.getDiagnostics().hasErrorOccurred())
          return;
        A.Out = privacy::scan::summarizeTranslationUnit(Ctx, A.P, A.Catalog,
                                                        A.Root);
      }
      SummaryAction &A;
    };
    return std::make_unique<Consumer>(*this);
  }

private:
  const privacy::Policy &P;
  const privacy::ApiCatalog *Catalog;
  const std::string &Root;
  json &Out;
};

class SummaryActionFactory : public tooling::FrontendActionFactory {
public:
  SummaryActionFactory(const privacy::Policy &P,
                       const privacy::ApiCatalog *Catalog,
                       const std::string &Root, json &Out)
      : P(P), Catalog(Catalog), Root(Root), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<SummaryAction>(P, Catalog, Root, Out);
  }

private:
  const privacy::Policy &P;
  const privacy::ApiCatalog *Catalog;
  const std::string &Root;
  json &Out;
};

std::string sanitize(std::string Path) {
  for (char &C : Path)
    if (C == '/' || C == '\\' || C == ':')
      C = '_';
  return Path;
}

/// NOLINT comments count in privacy-scan as in clang-tidy: each finding's
/// line (or the line before, for NOLINTNEXTLINE) is read from the source.
void dropSuppressed(json &Inventory, const std::string &Root) {
  std::map<std::string, std::vector<std::string>> Files;
  auto LineOf = [&](const std::string &File, int Line) -> std::string {
    auto It = Files.find(File);
    if (It == Files.end()) {
      std::vector<std::string> Lines;
      std::string Path = File.empty() || File[0] == '/' ? File : Root + "/" + File;
      std::ifstream In(Path);
      for (std::string L; std::getline(In, L);)
        Lines.push_back(L);
      It = Files.emplace(File, std::move(Lines)).first;
    }
    return Line >= 1 && static_cast<size_t>(Line) <= It->second.size()
               ? It->second[Line - 1]
               : std::string();
  };
  json Kept = json::array();
  for (json &F : Inventory["findings"]) {
    std::string File = F.value("file", ""), Check = F.value("check", "");
    int Line = F.value("line", 0);
    if (privacy::nolintCovers(LineOf(File, Line), "NOLINT", Check) ||
        privacy::nolintCovers(LineOf(File, Line - 1), "NOLINTNEXTLINE", Check))
      continue;
    Kept.push_back(std::move(F));
  }
  Inventory["findings"] = std::move(Kept);
}

void printText(const json &Inventory, std::ostream &Out) {
  for (const json &F : Inventory["findings"]) {
    if (F.value("baselined", false))
      continue;
    Out << F.value("file", "") << ":" << F.value("line", 0) << ":"
        << F.value("column", 0) << ": warning: " << F.value("message", "")
        << " [" << F.value("check", "") << "]\n";
    for (const json &N : F["notes"])
      Out << N.value("file", "") << ":" << N.value("line", 0) << ":"
          << N.value("column", 0) << ": note: " << N.value("message", "")
          << "\n";
  }
}

/// Analyses the translation units of \p DB into \p In; an exit status when
/// nothing can be analysed.
std::optional<int> analyse(const Options &O, tooling::CompilationDatabase &DB,
                           const privacy::Policy &Policy,
                           const privacy::ApiCatalog *Catalog,
                           const std::string &Root,
                           privacy::scan::JoinInput &In) {
  // Which translation units.
  std::vector<std::string> Files = DB.getAllFiles();
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  if (!O.Files.empty()) {
    std::vector<std::string> Selected;
    for (const std::string &Wanted : O.Files) {
      std::string Abs = absolute(Wanted);
      bool Found = false;
      for (const std::string &F : Files)
        if (absolute(F) == Abs) {
          Selected.push_back(F);
          Found = true;
        }
      if (!Found) {
        std::cerr << "privacy-scan: error: '" << Wanted
                  << "' is not in the compilation database\n";
        return 2;
      }
    }
    Files = Selected;
  }
  if (Files.empty()) {
    std::cerr << "privacy-scan: error: the compilation database in '"
              << O.BuildDir << "' lists no files\n";
    return 2;
  }
  if (!O.SummariesDir.empty())
    llvm::sys::fs::create_directories(O.SummariesDir);

  // Analyse in parallel; each compile command (a file built two ways is
  // two) has its own tool and its own slot.
  std::vector<privacy::scan::CompileJob> Commands =
      privacy::scan::compileJobs(DB, Files);
  std::vector<json> Summaries(Commands.size());
  std::vector<std::string> Failures(Commands.size());
  unsigned Jobs = O.Jobs ? O.Jobs : llvm::hardware_concurrency().compute_thread_count();
  bool Progress = !O.Quiet && isatty(STDERR_FILENO);
  std::atomic<size_t> Done{0};
  std::mutex ProgressMutex;
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (size_t I = 0; I < Commands.size(); ++I) {
      Pool.async([&, I] {
        privacy::scan::SingleCommandDatabase OneCommand(Commands[I].Command);
        tooling::ClangTool Tool(OneCommand, {Commands[I].File});
        privacy::scan::setAnalysisAdjusters(Tool);
        Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
            // The compiler's own warnings are not ours to print.
            {"-resource-dir=" PRIVACY_CLANG_RESOURCE_DIR, "-w"},
            tooling::ArgumentInsertPosition::END));
        ErrorCollector Errors;
        Tool.setDiagnosticConsumer(&Errors);
        SummaryActionFactory Factory(Policy, Catalog, Root,
                                     Summaries[I]);
        int Status = Tool.run(&Factory);
        if (Summaries[I].is_null())
          Failures[I] = Errors.First.empty()
                            ? "the translation unit could not be parsed (exit " +
                                  std::to_string(Status) + ")"
                            : Errors.First;
        else if (!O.SummariesDir.empty())
          writeFileAtomically(O.SummariesDir + "/" +
                                  sanitize(relativeTo(absolute(Commands[I].File), Root)) +
                                  Commands[I].suffix() + ".json",
                              Summaries[I].dump(1) + "\n");
        size_t N = ++Done;
        if (Progress) {
          std::lock_guard<std::mutex> Lock(ProgressMutex);
          std::cerr << "\r\033[K[" << N << "/" << Commands.size() << "] "
                    << relativeTo(absolute(Commands[I].File), Root) << std::flush;
        }
      });
    }
    Pool.wait();
  }
  if (Progress)
    std::cerr << "\r\033[K";

  In.TranslationUnits = Commands.size();
  for (size_t I = 0; I < Commands.size(); ++I) {
    if (Summaries[I].is_null()) {
      std::string File = relativeTo(absolute(Commands[I].File), Root);
      std::string Shown = Commands[I].describe(File);
      In.Failed.push_back(
          {File, Shown == File ? Failures[I] : Shown + ": " + Failures[I]});
      std::cerr << "privacy-scan: error: " << Shown << ": not analysed: "
                << Failures[I] << "\n";
    } else {
      In.Summaries.push_back(std::move(Summaries[I]));
    }
  }
  return std::nullopt;
}

/// Reads the per-TU summaries in \p Dir into \p In. False when the
/// directory cannot be read.
bool readSummaries(const std::string &Dir, privacy::scan::JoinInput &In) {
  std::error_code EC;
  std::vector<std::string> Paths;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".json"))
      Paths.push_back(It->path());
  if (EC) {
    std::cerr << "privacy-scan: error: cannot read the summaries in '" << Dir
              << "': " << EC.message() << "\n";
    return false;
  }
  if (Paths.empty()) {
    std::cerr << "privacy-scan: error: no summaries (*.json) in '" << Dir
              << "'\n";
    return false;
  }
  std::sort(Paths.begin(), Paths.end());
  In.TranslationUnits = Paths.size();
  for (const std::string &Path : Paths) {
    std::string Problem, Where = Path;
    json Summary;
    if (std::optional<privacy::PolicyDiagnostic> Bad =
            privacy::readJsonInput(Path, "summary", Summary)) {
      Problem = Bad->Message;
      if (Bad->Line)
        Where += ":" + std::to_string(Bad->Line) + ":" + std::to_string(Bad->Column);
    } else if (!Summary.is_object() ||
               Summary.value("format", "") != privacy::scan::TuSummaryFormat) {
      Problem = std::string("not a summary of format '") +
                privacy::scan::TuSummaryFormat + "'";
    }
    if (!Problem.empty()) {
      std::cerr << "privacy-scan: error: " << Where << ": not joined: "
                << Problem << "\n";
      In.Failed.push_back({Path, Problem});
      continue;
    }
    In.Summaries.push_back(std::move(Summary));
  }
  return true;
}

} // namespace

int main(int Argc, char **Argv) {
  Options O;
  if (auto Exit = parseArgs(Argc, Argv, O))
    return *Exit;

  // The build database.
  std::string Error;
  std::unique_ptr<tooling::CompilationDatabase> DB;
  std::vector<privacy::PolicyDiagnostic> DBProblems;
  if (O.FromSummaries.empty())
    DB = privacy::scan::loadCompileDatabase(O.BuildDir, DBProblems, Error);
  for (const privacy::PolicyDiagnostic &D : DBProblems)
    std::cerr << D.format() << "\n";
  if (O.FromSummaries.empty() && !DB && !DBProblems.empty()) {
    std::cerr << "privacy-scan: error: the compilation database in '"
              << O.BuildDir << "' has errors; nothing was analysed\n";
    return 2;
  }
  if (O.FromSummaries.empty() && !DB) {
    std::cerr << "privacy-scan: error: cannot read the compilation database in '"
              << O.BuildDir << "': " << Error << "\n";
    return 2;
  }

  // The policy.
  std::string PolicyPath = O.PolicyFile;
  if (PolicyPath.empty()) {
    PolicyPath = privacy::findPolicyFileUpwards(".");
    if (PolicyPath.empty()) {
      std::cerr << "privacy-scan: error: no policy: pass --policy <file> or put "
                << privacy::DefaultPolicyFileName
                << " in the current directory or a parent\n";
      return 2;
    }
  }
  privacy::PolicyLoadResult Policy = privacy::loadPolicyFile(PolicyPath);
  for (const privacy::PolicyDiagnostic &D : Policy.Diagnostics)
    if (D.Level == privacy::PolicyDiagnostic::Error || !O.Quiet)
      std::cerr << D.format() << "\n";
  if (!Policy.ok()) {
    std::cerr << "privacy-scan: error: the policy has errors; nothing was analysed\n";
    return 2;
  }

  // The API catalogs.
  auto Catalog = privacy::loadApiCatalogs(privacy::defaultApiCatalogDir(), O.Catalogs);
  for (const privacy::PolicyDiagnostic &D : Catalog.Diagnostics)
    std::cerr << D.format() << "\n";
  if (!Catalog.ok()) {
    std::cerr << "privacy-scan: error: the API catalogs have errors\n";
    return 2;
  }

  std::string Root = absolute(O.Root.empty() ? "." : O.Root);
  privacy::scan::JoinInput In;
  In.PolicyPath = relativeTo(absolute(PolicyPath), Root);
  In.ProjectRoot = ".";
  if (!O.FromSummaries.empty()) {
    if (!readSummaries(O.FromSummaries, In))
      return 2;
  } else if (auto Exit = analyse(O, *DB, *Policy.Loaded, Catalog.Loaded.get(),
                                 Root, In)) {
    return *Exit;
  }
  json Inventory = privacy::scan::joinSummaries(In, *Policy.Loaded);
  dropSuppressed(Inventory, Root);

  // The baseline hides known findings.
  if (!O.Baseline.empty()) {
    privacy::ValidatedJson Baseline =
        privacy::readValidatedJson(O.Baseline, privacy::JsonInputKind::Baseline);
    for (const privacy::PolicyDiagnostic &D : Baseline.Diagnostics)
      std::cerr << D.format() << "\n";
    if (!Baseline.ok()) {
      std::cerr << "privacy-scan: error: the baseline '" << O.Baseline
                << "' has errors\n";
      return 2;
    }
    std::set<std::string> Known;
    for (const json &F : (*Baseline.Document)["fingerprints"])
      Known.insert(F.get<std::string>());
    for (json &F : Inventory["findings"])
      F["baselined"] = Known.count(F.value("fingerprint", "")) > 0;
  }
  if (!O.WriteBaseline.empty()) {
    json Baseline = {{"tool", "privacy-scan"}, {"fingerprints", json::array()}};
    for (const json &F : Inventory["findings"])
      Baseline["fingerprints"].push_back(F["fingerprint"]);
    if (!writeFileAtomically(O.WriteBaseline, Baseline.dump(2) + "\n")) {
      std::cerr << "privacy-scan: error: cannot write the baseline '"
                << O.WriteBaseline << "'\n";
      return 2;
    }
  }

  for (const json &W : Inventory["policy_warnings"])
    if (!O.Quiet)
      std::cerr << In.PolicyPath << ": warning: " << W.get<std::string>() << "\n";

  std::string Text;
  if (O.Format == "json") {
    Text = Inventory.dump(2) + "\n";
  } else if (O.Format == "sarif") {
    Text = privacy::scan::renderSarif(Inventory).dump(2) + "\n";
  } else if (O.Format == "markdown") {
    Text = privacy::scan::renderMarkdown(Inventory, O.Lang);
  } else if (O.Format == "html") {
    Text = privacy::scan::renderHtml(Inventory, O.Lang);
  } else {
    std::ostringstream S;
    printText(Inventory, S);
    Text = S.str();
  }
  if (O.Output.empty()) {
    std::cout << Text << std::flush;
  } else if (!writeFileAtomically(O.Output, Text)) {
    std::cerr << "privacy-scan: error: cannot write '" << O.Output << "'\n";
    return 2;
  }

  size_t New = 0, Baselined = 0;
  for (const json &F : Inventory["findings"])
    (F.value("baselined", false) ? Baselined : New)++;
  if (!O.Quiet) {
    std::cerr << "privacy-scan: " << New << " finding" << (New == 1 ? "" : "s");
    if (Baselined)
      std::cerr << " (" << Baselined << " more in the baseline)";
    std::cerr << "; analysed " << In.Summaries.size() << " of "
              << In.TranslationUnits
              << " translation units";
    if (!Inventory["analysis"].value("personal_data_annotated", false))
      std::cerr << "; no personal data is annotated in the code";
    std::cerr << "\n";
  }
  if (!In.Failed.empty())
    return 2;
  return New ? 1 : 0;
}
