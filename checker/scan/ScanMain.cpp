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
#include "CommandLine.h"
#include "CompileDatabase.h"
#include "DraftAnnotations.h"
#include "Join.h"
#include "PrivacyDiff.h"
#include "Reports.h"
#include "SummaryCache.h"
#include "SummaryReader.h"

#include "privacy/AnnotationsFile.h"
#include "privacy/ApiCatalog.h"
#include "privacy/Classifier.h"
#include "privacy/FileAnnotations.h"
#include "privacy/Findings.h"
#include "privacy/InventoryReader.h"
#include "privacy/JsonInput.h"
#include "privacy/JsonWriter.h"
#include "privacy/Nolint.h"
#include "privacy/OutputFile.h"
#include "privacy/PolicyLoader.h"
#include "privacy/summary/Summarizer.h"
#include "privacy/summary/SummaryJson.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <unistd.h>

using namespace clang;
using nlohmann::json;

namespace {

enum class OutputFormat { Text, Json, Sarif, Markdown, Html };
enum class ReportLanguage { En, Ko };

struct Options {
  std::string BuildDir, PolicyFile, Output, Baseline, WriteBaseline, Lang, Root,
      SummariesDir, FromSummaries, Compare, CacheDir, Suggest;
  OutputFormat Format = OutputFormat::Text;
  std::vector<std::string> Catalogs, Annotations, Classifiers, Files,
      ExtraArgsBefore, ExtraArgsAfter;
  unsigned Jobs = 0;
  bool Quiet = false;
};

const char *const Tool = "privacy-scan";

const char *const Overview =
    "checks a whole program against its privacy policy\n"
    "\n"
    "  privacy-scan -p <build dir> [options] [files...]\n"
    "  privacy-scan --from-summaries <dir> [--policy <file>] [output options]\n"
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
    "analysing anything.\n"
    "\n"
    "--compare BASE.json writes what the change from the base (its --format\n"
    "json inventory) does to privacy, as Markdown (default) or JSON; exit 1\n"
    "when it brings new findings.\n";

namespace cl = llvm::cl;

/// Reads the command line into \p O; an exit status when the program
/// must stop (usage error).
std::optional<int> parseArgs(int Argc, char **Argv, Options &O) {
  static cl::OptionCategory Category("privacy-scan options");
  // -p, the files and --extra-arg(-before) mean what they mean in every
  // LibTooling program (clang::tooling::CommonOptionsParser).
  static cl::opt<std::string> BuildDir(
      "p", cl::desc("Build directory holding compile_commands.json"),
      cl::value_desc("build dir"), cl::Prefix, cl::cat(Category));
  static cl::list<std::string> Files(cl::Positional, cl::desc("[<file> ...]"),
                                     cl::cat(Category));
  static cl::list<std::string> ExtraArgsAfter(
      "extra-arg",
      cl::desc("Additional argument to append to the compiler command line"),
      cl::cat(Category));
  static cl::list<std::string> ExtraArgsBefore(
      "extra-arg-before",
      cl::desc("Additional argument to prepend to the compiler command line"),
      cl::cat(Category));
  static cl::opt<std::string> PolicyFile(
      "policy",
      cl::desc("The policy; default: the nearest privacy-policy.json above "
               "the current directory"),
      cl::value_desc("file"), cl::cat(Category));
  static cl::opt<unsigned, false, privacy::tools::JobsParser> Jobs(
      "j", cl::desc("Translation units analysed at once (default: all cores)"),
      cl::value_desc("N"), cl::Prefix, cl::init(0), cl::cat(Category));
  static cl::alias JobsLong("jobs", cl::desc("Alias for -j"), cl::NotHidden,
                            cl::aliasopt(Jobs), cl::cat(Category));
  static cl::opt<OutputFormat, false,
                 privacy::tools::ChoiceParser<OutputFormat>>
      Format(
          "format", cl::desc("What to write"),
          cl::values(clEnumValN(OutputFormat::Text, "text",
                                "the findings, as compilers print them"),
                     clEnumValN(OutputFormat::Json, "json", "the inventory"),
                     clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0"),
                     clEnumValN(OutputFormat::Markdown, "markdown",
                                "a Markdown report"),
                     clEnumValN(OutputFormat::Html, "html", "an HTML report")),
          cl::init(OutputFormat::Text), cl::cat(Category));
  static cl::opt<std::string> Output(
      "o",
      cl::desc("Write there instead of standard output, whole or not at all"),
      cl::value_desc("file"), cl::cat(Category));
  static cl::alias OutputLong("output", cl::desc("Alias for -o"), cl::NotHidden,
                              cl::aliasopt(Output), cl::cat(Category));
  static cl::opt<std::string> Baseline(
      "baseline",
      cl::desc("Findings whose fingerprint is in this file do not count"),
      cl::value_desc("file"), cl::cat(Category));
  static cl::opt<std::string> WriteBaseline(
      "write-baseline",
      cl::desc("Write every current fingerprint to this file"),
      cl::value_desc("file"), cl::cat(Category));
  static cl::opt<ReportLanguage, false,
                 privacy::tools::ChoiceParser<ReportLanguage>>
      Lang("lang", cl::desc("Language of the Markdown and HTML reports"),
           cl::values(clEnumValN(ReportLanguage::En, "en", "English"),
                      clEnumValN(ReportLanguage::Ko, "ko", "Korean")),
           cl::init(ReportLanguage::En), cl::cat(Category));
  static cl::opt<std::string> Root(
      "root", cl::desc("Paths in the output are relative to this directory"),
      cl::value_desc("dir"), cl::cat(Category));
  static cl::list<std::string> Catalogs(
      "api-catalog", cl::desc("An extra API catalog (may repeat)"),
      cl::value_desc("file"), cl::cat(Category));
  static cl::list<std::string> Annotations(
      "annotations",
      cl::desc("An annotations file (may repeat); default: "
               "privacy-annotations.json beside the policy, if there is one"),
      cl::value_desc("file"), cl::cat(Category));
  static cl::list<std::string> Classifiers(
      "classifier",
      cl::desc("An extra classifier file for privacy-unannotated-personal-data "
               "(may repeat)"),
      cl::value_desc("file"), cl::cat(Category));
  static cl::opt<std::string> Suggest(
      "suggest",
      cl::desc("Also write there a draft annotations file "
               "(privacy-annotations.json) and the draft policy items it "
               "needs (policy-items.json) for what looks like personal data"),
      cl::value_desc("dir"), cl::cat(Category));
  static cl::opt<std::string> SummariesDir(
      "summaries-dir",
      cl::desc("Also write each translation unit's summary there"),
      cl::value_desc("dir"), cl::cat(Category));
  static cl::opt<std::string> CacheDir(
      "cache-dir",
      cl::desc("Keep each translation unit's summary there and analyse again "
               "only the translation units whose files, command or "
               "configuration changed since"),
      cl::value_desc("dir"), cl::cat(Category));
  static cl::opt<std::string> FromSummaries(
      "from-summaries",
      cl::desc("Analyse nothing: join the summaries in this directory"),
      cl::value_desc("dir"), cl::cat(Category));
  static cl::opt<std::string> Compare(
      "compare",
      cl::desc("Write what the change from this base inventory (--format json "
               "of the base) does to privacy, as markdown or json"),
      cl::value_desc("base.json"), cl::cat(Category));
  static cl::opt<bool> Quiet(
      "quiet",
      cl::desc("Print nothing on standard error but errors (the output "
               "itself is still written)"),
      cl::cat(Category));
  static cl::alias QuietShort("q", cl::desc("Alias for --quiet"), cl::NotHidden,
                              cl::aliasopt(Quiet), cl::cat(Category));

  if (!privacy::tools::parseCommandLine(Argc, Argv, Tool, Category, Overview))
    return privacy::tools::UsageExitStatus;
  O.BuildDir = BuildDir;
  O.Files.assign(Files.begin(), Files.end());
  O.ExtraArgsAfter.assign(ExtraArgsAfter.begin(), ExtraArgsAfter.end());
  O.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
  O.PolicyFile = PolicyFile;
  O.Jobs = Jobs;
  O.Format = Format;
  O.Output = Output;
  O.Baseline = Baseline;
  O.WriteBaseline = WriteBaseline;
  O.Lang = Lang == ReportLanguage::Ko ? "ko" : "en";
  O.Root = Root;
  O.Catalogs.assign(Catalogs.begin(), Catalogs.end());
  O.Annotations.assign(Annotations.begin(), Annotations.end());
  O.Classifiers.assign(Classifiers.begin(), Classifiers.end());
  O.Suggest = Suggest;
  O.SummariesDir = SummariesDir;
  O.FromSummaries = FromSummaries;
  O.CacheDir = CacheDir;
  O.Quiet = Quiet;
  O.Compare = Compare;
  if (!O.Compare.empty()) {
    // The diff is a review comment or data: no text, SARIF or HTML of it.
    if (Format.getNumOccurrences() == 0)
      O.Format = OutputFormat::Markdown;
    else if (O.Format != OutputFormat::Markdown &&
             O.Format != OutputFormat::Json)
      return privacy::tools::usageError(
          Tool, "--compare writes the privacy diff as --format markdown or "
                "--format json only");
  }

  if (!O.FromSummaries.empty()) {
    if (!O.BuildDir.empty() || !O.Files.empty() || !O.SummariesDir.empty() ||
        !O.CacheDir.empty() || !O.ExtraArgsAfter.empty() ||
        !O.ExtraArgsBefore.empty())
      return privacy::tools::usageError(
          Tool, "--from-summaries joins summaries already written: it takes "
                "no -p, --summaries-dir, --cache-dir, --extra-arg or files");
    if (!O.Annotations.empty())
      return privacy::tools::usageError(
          Tool, "--from-summaries takes no --annotations: annotations files "
                "are applied when the summaries are written");
    return std::nullopt;
  }
  if (O.BuildDir.empty())
    return privacy::tools::usageError(
        Tool, "no build directory: pass -p <dir with compile_commands.json>");
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

/// Every file the translation unit read, with the hash of the text the
/// compiler parsed (not of the file now: it may have changed since), for
/// the cache (SummaryCache.h). A file Clang looked up but did not load is
/// hashed as it is now.
std::vector<privacy::scan::CacheInput> filesRead(const SourceManager &SM,
                                                 llvm::StringRef Directory) {
  std::vector<privacy::scan::CacheInput> Inputs;
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    FileEntryRef File = It->first;
    llvm::SmallString<256> Path(File.getFileEntry().tryGetRealPathName());
    if (Path.empty()) {
      Path = File.getName();
      llvm::sys::fs::make_absolute(Directory, Path);
    }
    std::string Hash;
    if (std::optional<llvm::MemoryBufferRef> Parsed =
            It->second->getBufferIfLoaded())
      Hash = privacy::scan::contentHash(Parsed->getBuffer());
    else if (auto Now =
                 llvm::MemoryBuffer::getFile(Path, /*IsText=*/false, false))
      Hash = privacy::scan::contentHash((*Now)->getBuffer());
    Inputs.push_back({Path.str().str(), Hash});
  }
  std::sort(Inputs.begin(), Inputs.end(),
            [](const privacy::scan::CacheInput &A,
               const privacy::scan::CacheInput &B) { return A.Path < B.Path; });
  return Inputs;
}

/// What the analysis of one translation unit gives.
struct AnalysisResult {
  std::optional<privacy::summary::TuSummary> Summary;
  std::vector<std::string> LimitNotes;
  /// The files it read; filled only when \p WantInputs.
  std::vector<privacy::scan::CacheInput> Inputs;
  bool WantInputs = false;
  std::string Directory; // of the compile command
};

class SummaryAction : public ASTFrontendAction {
public:
  SummaryAction(const privacy::Policy &P, const privacy::ApiCatalog *Catalog,
                const privacy::AnnotationsFiles &Annotations,
                const privacy::Classifier *Classes, const std::string &Root,
                AnalysisResult &Out)
      : P(P), Catalog(Catalog), Annotations(Annotations), Classes(Classes),
        Root(Root), Out(Out) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    struct Consumer : ASTConsumer {
      Consumer(SummaryAction &A) : A(A) {}
      void HandleTranslationUnit(ASTContext &Ctx) override {
        // Code that does not compile is reported as such, not half-analysed.
        if (Ctx.getDiagnostics().hasErrorOccurred())
          return;
        A.Out.Summary = privacy::summary::summarizeTranslationUnit(
            Ctx, A.P, A.Catalog, A.Root, &A.Out.LimitNotes, A.Annotations,
            A.Classes);
        if (A.Out.WantInputs)
          A.Out.Inputs = filesRead(Ctx.getSourceManager(), A.Out.Directory);
      }
      SummaryAction &A;
    };
    return std::make_unique<Consumer>(*this);
  }

private:
  const privacy::Policy &P;
  const privacy::ApiCatalog *Catalog;
  const privacy::AnnotationsFiles &Annotations;
  const privacy::Classifier *Classes;
  const std::string &Root;
  AnalysisResult &Out;
};

class SummaryActionFactory : public tooling::FrontendActionFactory {
public:
  SummaryActionFactory(const privacy::Policy &P,
                       const privacy::ApiCatalog *Catalog,
                       const privacy::AnnotationsFiles &Annotations,
                       const privacy::Classifier *Classes,
                       const std::string &Root, AnalysisResult &Out)
      : P(P), Catalog(Catalog), Annotations(Annotations), Classes(Classes),
        Root(Root), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<SummaryAction>(P, Catalog, Annotations, Classes,
                                           Root, Out);
  }

private:
  const privacy::Policy &P;
  const privacy::ApiCatalog *Catalog;
  const privacy::AnnotationsFiles &Annotations;
  const privacy::Classifier *Classes;
  const std::string &Root;
  AnalysisResult &Out;
};

std::string sanitize(std::string Path) {
  for (char &C : Path)
    if (C == '/' || C == '\\' || C == ':')
      C = '_';
  return Path;
}

/// NOLINT comments count in privacy-scan as in clang-tidy (privacy/Nolint.h):
/// the comments of each file a finding is in are read from the source. An
/// unmatched NOLINTBEGIN or NOLINTEND is reported as clang-tidy does.
void dropSuppressed(json &Inventory, const std::string &Root) {
  std::map<std::string, std::unique_ptr<privacy::NolintComments>> Files;
  auto CommentsOf = [&](const std::string &File) -> privacy::NolintComments & {
    auto It = Files.find(File);
    if (It == Files.end()) {
      std::string Path =
          File.empty() || File[0] == '/' ? File : Root + "/" + File;
      std::ifstream In(Path, std::ios::binary);
      std::string Text((std::istreambuf_iterator<char>(In)),
                       std::istreambuf_iterator<char>());
      auto Comments =
          std::make_unique<privacy::NolintComments>(std::move(Text));
      for (const privacy::NolintComments::Unmatched &U :
           Comments->unmatched()) {
        auto [Line, Column] = Comments->lineAndColumn(U.Offset);
        std::cerr << File << ":" << Line << ":" << Column
                  << ": error: " << U.Message << " ["
                  << privacy::NolintComments::unmatchedCheckName().str()
                  << "]\n";
      }
      It = Files.emplace(File, std::move(Comments)).first;
    }
    return *It->second;
  };
  json Kept = json::array();
  for (json &F : Inventory["findings"]) {
    std::string File = F.value("file", ""), Check = F.value("check", "");
    privacy::NolintComments &Comments = CommentsOf(File);
    std::optional<size_t> Offset =
        Comments.offsetOf(F.value("line", 0), F.value("column", 0));
    if (Offset && Comments.suppresses(*Offset, Check))
      continue;
    Kept.push_back(std::move(F));
  }
  Inventory["findings"] = std::move(Kept);
}

/// privacy-unannotated-personal-data speaks of declarations the user can
/// annotate: those of files under the project root (docs/scan.md,
/// "Project root"). The summaries write such files relative to it, others
/// (third-party and system headers) with an absolute path.
void dropOutsideProject(json &Inventory) {
  json Kept = json::array();
  for (json &F : Inventory["findings"]) {
    std::string File = F.value("file", "");
    if (F.value("check", "") == "privacy-unannotated-personal-data" &&
        llvm::sys::path::is_absolute(File))
      continue;
    Kept.push_back(std::move(F));
  }
  Inventory["findings"] = std::move(Kept);
}

/// --suggest: the draft annotations file and draft policy items.
std::optional<int> writeDrafts(const Options &O,
                               const std::vector<privacy::scan::DraftEntry> &E,
                               const privacy::Classifier &Classes,
                               const privacy::Policy &P) {
  privacy::scan::Drafts D = privacy::scan::makeDrafts(E, Classes, P);
  for (const auto &[Name, Doc] :
       {std::pair<const char *, const json *>{
            privacy::DefaultAnnotationsFileName, &D.Annotations},
        {"policy-items.json", &D.PolicyItems}}) {
    llvm::SmallString<256> Path(O.Suggest);
    llvm::sys::path::append(Path, Name);
    if (std::error_code EC = privacy::writeOutput(
            Path.str().str(), privacy::jsonText(*Doc, 2) + "\n")) {
      std::cerr << "privacy-scan: error: "
                << privacy::describeWriteError(Path.str().str(), EC) << "\n";
      return 2;
    }
  }
  if (!O.Quiet)
    std::cerr << "privacy-scan: wrote " << D.Annotations["annotations"].size()
              << " draft annotations and " << D.NewItems
              << " draft policy items to '" << O.Suggest << "'\n";
  return std::nullopt;
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

/// The progress line on standard error when it is a terminal: what is
/// done, and an estimate of the time left, for the analysis and the join.
class ProgressLine {
  using Clock = std::chrono::steady_clock;

public:
  explicit ProgressLine(bool Enabled) : Enabled(Enabled) {}
  bool enabled() const { return Enabled; }

  /// \p Done of \p Total translation units, the last one \p File.
  void analysed(size_t Done, size_t Total, const std::string &File) {
    if (!Enabled)
      return;
    std::lock_guard<std::mutex> Lock(Mutex);
    show("[" + std::to_string(Done) + "/" + std::to_string(Total) + "] " +
         File + estimate(Start, Done, Total, "about "));
  }

  void joining(const privacy::scan::JoinProgress &P) {
    if (!Enabled)
      return;
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Stage != P.Stage) {
      Stage = P.Stage;
      StageStart = Clock::now();
    }
    std::string Line = std::string("[join] ") + P.Stage;
    if (P.Total) {
      // The step under way; once all are done, the last.
      Line += " " + std::to_string(std::min(P.Done + 1, P.Total)) + "/" +
              std::to_string(P.Total);
      // The rounds stop as soon as nothing changes: Total is a bound.
      Line += estimate(StageStart, P.Done, P.Total,
                       Stage == "merging summaries" ? "about " : "at most ");
    }
    show(Line);
  }

  void clear() {
    if (Enabled)
      std::cerr << "\r\033[K" << std::flush;
  }

  /// \p Line on a line of its own, while the progress line may be redrawn
  /// from other threads.
  void print(const std::string &Line) {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Enabled)
      std::cerr << "\r\033[K";
    std::cerr << Line << "\n" << std::flush;
  }

private:
  void show(const std::string &Line) {
    std::cerr << "\r\033[K" << Line << std::flush;
  }

  /// ", about 12 s left" from the time \p Done steps took since \p From;
  /// \p How is "about " or, when \p Total is a bound, "at most ".
  static std::string estimate(Clock::time_point From, size_t Done, size_t Total,
                              const char *How) {
    if (!Done || Done >= Total)
      return "";
    double Each = std::chrono::duration<double>(Clock::now() - From).count() /
                  static_cast<double>(Done);
    long Left = std::lround(Each * static_cast<double>(Total - Done));
    if (Left < 1)
      return ", under 1 s left";
    return std::string(", ") + How +
           (Left < 60 ? std::to_string(Left) + " s"
                      : std::to_string((Left + 30) / 60) + " min") +
           " left";
  }

  bool Enabled;
  std::mutex Mutex;
  Clock::time_point Start = Clock::now(), StageStart = Clock::now();
  std::string Stage;
};

/// The translation units of a compilation database, analysed in parallel
/// while the join takes their summaries in the order of their files: the
/// scan holds the summaries the join has not taken yet, not all of them
/// (docs/scan.md, "Large programs").
class DatabaseAnalysis {
public:
  DatabaseAnalysis(const Options &O, const privacy::Policy &Policy,
                   const privacy::ApiCatalog *Catalog,
                   const privacy::AnnotationsFiles &Annotations,
                   const privacy::Classifier *Classes, const std::string &Root,
                   privacy::scan::SummaryCache *Cache, ProgressLine &Progress)
      : O(O), Policy(Policy), Catalog(Catalog), Annotations(Annotations),
        Classes(Classes), Root(Root), Cache(Cache), Progress(Progress) {}
  DatabaseAnalysis(const DatabaseAnalysis &) = delete;
  DatabaseAnalysis &operator=(const DatabaseAnalysis &) = delete;
  ~DatabaseAnalysis() {
    if (Pool)
      Pool->wait(); // the tasks refer to this object
  }

  /// Picks the translation units of \p DB, notes their number in \p In and
  /// starts analysing them; an exit status when nothing can be analysed.
  std::optional<int> start(tooling::CompilationDatabase &DB,
                           privacy::scan::JoinInput &In);
  /// The next summary in the order of the files, once its translation unit
  /// is analysed; one that failed is reported and added to \p In.Failed.
  /// None after the last.
  std::optional<privacy::summary::TuSummary> next(privacy::scan::JoinInput &In);
  /// Whether every translation unit is analysed and taken.
  bool finished() const { return Taken == Commands.size(); }

private:
  void analyseOne(size_t I);
  void warn(const std::string &Message) {
    Progress.print("privacy-scan: warning: " + Message);
  }

  const Options &O;
  const privacy::Policy &Policy;
  const privacy::ApiCatalog *Catalog;
  const privacy::AnnotationsFiles &Annotations;
  const privacy::Classifier *Classes;
  const std::string &Root;
  privacy::scan::SummaryCache *Cache;
  ProgressLine &Progress;

  // Each compile command (a file built two ways is two) has its own tool
  // and its own slot.
  std::vector<privacy::scan::CompileJob> Commands;
  std::vector<AnalysisResult> Results;
  std::vector<std::string> Failures;
  std::vector<bool> Ready; // under ReadyMutex
  std::mutex ReadyMutex;
  std::condition_variable ReadyChanged;
  size_t Taken = 0; // by the join, in order
  std::atomic<size_t> Done{0}, FromCache{0};
  std::unique_ptr<llvm::DefaultThreadPool> Pool;
};

std::optional<int> DatabaseAnalysis::start(tooling::CompilationDatabase &DB,
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
  Commands = privacy::scan::compileJobs(DB, Files);
  Results.resize(Commands.size());
  Failures.resize(Commands.size());
  Ready.assign(Commands.size(), false);
  In.TranslationUnits = Commands.size();
  unsigned Jobs =
      O.Jobs ? O.Jobs : llvm::hardware_concurrency().compute_thread_count();
  // The pool takes the tasks in order, so the join rarely waits long.
  Pool = std::make_unique<llvm::DefaultThreadPool>(
      llvm::hardware_concurrency(Jobs));
  for (size_t I = 0; I < Commands.size(); ++I)
    Pool->async([this, I] { analyseOne(I); });
  return std::nullopt;
}

void DatabaseAnalysis::analyseOne(size_t I) {
  const tooling::CompileCommand &Command = Commands[I].Command;
  AnalysisResult &Result = Results[I];
  std::string SummaryText, Key;
  if (Cache) {
    Key =
        Cache->keyOf(Command.Directory, Command.Filename, Command.CommandLine);
    if (std::optional<privacy::scan::CachedSummary> Hit = Cache->lookup(Key)) {
      Result.Summary = std::move(Hit->Summary);
      Result.LimitNotes = std::move(Hit->LimitNotes);
      SummaryText = std::move(Hit->SummaryText);
      ++FromCache;
    }
  }
  if (!Result.Summary) {
    privacy::scan::SingleCommandDatabase OneCommand(Command);
    tooling::ClangTool Tool(OneCommand, {Commands[I].File},
                            std::make_shared<PCHContainerOperations>(),
                            privacy::scan::analysisFileSystem());
    privacy::scan::setAnalysisAdjusters(Tool);
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        // The compiler's own warnings are not ours to print.
        {"-resource-dir=" PRIVACY_CLANG_RESOURCE_DIR, "-w"},
        tooling::ArgumentInsertPosition::END));
    privacy::scan::FirstCompilerError Errors;
    Tool.setDiagnosticConsumer(&Errors);
    Result.WantInputs = Cache != nullptr;
    Result.Directory = Command.Directory;
    SummaryActionFactory Factory(Policy, Catalog, Annotations, Classes, Root,
                                 Result);
    int Status = Tool.run(&Factory);
    if (!Result.Summary)
      Failures[I] = Errors.First.empty()
                        ? "the translation unit could not be parsed (exit " +
                              std::to_string(Status) + ")"
                        : Errors.First;
    else if (Cache || !O.SummariesDir.empty())
      SummaryText = privacy::summary::summaryText(*Result.Summary);
    // A cache that cannot be written costs the next scan time, not this
    // scan its result.
    if (Result.Summary && Cache)
      if (std::error_code EC =
              Cache->store(Key, Result.Inputs, SummaryText, Result.LimitNotes))
        warn("cannot write to the cache in '" + O.CacheDir +
             "': " + EC.message());
    Result.Inputs.clear();
  }
  if (Result.Summary && !O.SummariesDir.empty()) {
    std::string Path = O.SummariesDir + "/" +
                       sanitize(relativeTo(absolute(Commands[I].File), Root)) +
                       Commands[I].suffix() + ".json";
    if (std::error_code EC = privacy::writeOutput(Path, SummaryText))
      warn(privacy::describeWriteError(Path, EC));
  }
  Progress.analysed(++Done, Commands.size(),
                    relativeTo(absolute(Commands[I].File), Root));
  {
    std::lock_guard<std::mutex> Lock(ReadyMutex);
    Ready[I] = true;
  }
  ReadyChanged.notify_all();
}

std::optional<privacy::summary::TuSummary>
DatabaseAnalysis::next(privacy::scan::JoinInput &In) {
  while (Taken < Commands.size()) {
    size_t I = Taken++;
    {
      std::unique_lock<std::mutex> Lock(ReadyMutex);
      ReadyChanged.wait(Lock, [&] { return Ready[I]; });
    }
    bool Last = Taken == Commands.size();
    if (Last)
      Progress.clear();
    std::string File = relativeTo(absolute(Commands[I].File), Root);
    std::optional<privacy::summary::TuSummary> Summary;
    if (!Results[I].Summary) {
      std::string Shown = Commands[I].describe(File);
      In.Failed.push_back(
          {File, Shown == File ? Failures[I] : Shown + ": " + Failures[I]});
      Progress.print("privacy-scan: error: " + Shown +
                     ": not analysed: " + Failures[I]);
    } else {
      // Bounds the analysis reached (docs/limitations.md).
      if (!O.Quiet)
        for (const std::string &Note : Results[I].LimitNotes)
          Progress.print("privacy-scan: note: " + File + ": " + Note);
      Summary = std::move(Results[I].Summary);
      Results[I] = AnalysisResult();
    }
    // Said after the bounds' notes, which a cached summary repeats.
    if (Last && Cache && !O.Quiet)
      std::cerr << "privacy-scan: cache: " << FromCache << " of "
                << Commands.size()
                << " translation units from the cache, analysed "
                << Commands.size() - FromCache << "\n";
    if (Summary)
      return Summary;
  }
  return std::nullopt;
}

/// The key of everything besides a compile command and the files it reads
/// that decides a summary (docs/scan.md, "Incremental scans"): the
/// analysis (this program's own bytes and Clang's version), the policy,
/// the API catalogs, the annotations files, the classifiers and the project
/// root.
std::string configurationKey(const std::string &PolicyPath,
                             const std::vector<std::string> &ExtraCatalogs,
                             const std::vector<std::string> &AnnotationPaths,
                             const std::vector<std::string> &ExtraClassifiers,
                             const std::string &Root) {
  privacy::scan::CacheKeyBuilder Key;
  Key.add(privacy::summary::FormatVersion);
  Key.add(CLANG_VERSION_STRING);
  Key.addFileContent(llvm::sys::fs::getMainExecutable(nullptr, nullptr));
  Key.add(Root);
  Key.add(absolute(PolicyPath));
  Key.addFileContent(absolute(PolicyPath));
  // The shipped catalogs and classifiers, the files their loaders read.
  auto AddShipped = [&](const char *What, const std::string &Dir) {
    std::vector<privacy::PolicyDiagnostic> Ignored;
    Key.add(What);
    for (const std::string &Path : privacy::rulesFiles(Dir, What, {}, Ignored))
      Key.addFileContent(Path);
  };
  auto AddExtra = [&](const char *What, const std::vector<std::string> &Paths) {
    Key.add(What);
    for (const std::string &Path : Paths)
      Key.addFileContent(absolute(Path));
  };
  AddShipped("catalog", privacy::defaultApiCatalogDir());
  AddExtra("extra catalogs", ExtraCatalogs);
  AddExtra("annotations", AnnotationPaths);
  AddShipped("classifier", privacy::defaultClassifierDir());
  AddExtra("extra classifiers", ExtraClassifiers);
  return Key.key();
}

/// A baseline as privacy-scan reads it (rules/schema/baseline.schema.json).
struct Baseline {
  std::set<std::string> Known;
  /// What the baseline keeps of each finding, to report those that are gone.
  json Findings = json::array();
  int FingerprintVersion = 1; // a baseline that does not say is of version 1
};

std::optional<Baseline> loadBaseline(const std::string &Path) {
  privacy::ValidatedJson Read =
      privacy::readValidatedJson(Path, privacy::JsonInputKind::Baseline);
  for (const privacy::PolicyDiagnostic &D : Read.Diagnostics)
    std::cerr << D.format() << "\n";
  if (!Read.ok()) {
    std::cerr << "privacy-scan: error: the baseline '" << Path
              << "' has errors\n";
    return std::nullopt;
  }
  Baseline B;
  const json &Doc = *Read.Document;
  for (const json &F : Doc["fingerprints"])
    B.Known.insert(F.get<std::string>());
  if (auto It = Doc.find("findings"); It != Doc.end())
    B.Findings = *It;
  if (auto It = Doc.find("fingerprint_version"); It != Doc.end())
    B.FingerprintVersion = It->get<int>();
  return B;
}

/// Marks the findings \p B accepts, and lists under "baseline_absent" those
/// of \p B that are gone (SARIF's baselineState "absent").
void applyBaseline(const Baseline &B, json &Inventory) {
  std::set<std::string> Current;
  for (json &F : Inventory["findings"]) {
    std::string Fingerprint = F.value("fingerprint", "");
    F["baselined"] = B.Known.count(Fingerprint) > 0;
    Current.insert(Fingerprint);
  }
  // Fingerprints of another version never match: every one would be gone.
  if (B.FingerprintVersion != privacy::scan::FingerprintVersion)
    return;
  json Absent = json::array();
  for (const json &F : B.Findings)
    if (!Current.count(F.value("fingerprint", "")))
      Absent.push_back(F);
  Inventory["baseline_absent"] = std::move(Absent);
}

/// The baseline of today's findings: their fingerprints, and enough of each
/// to report it as absent once it is gone.
json baselineOf(const json &Inventory) {
  json B = {{"tool", "privacy-scan"},
            {"fingerprint_version", privacy::scan::FingerprintVersion},
            {"fingerprints", json::array()},
            {"findings", json::array()}};
  for (const json &F : Inventory["findings"]) {
    B["fingerprints"].push_back(F["fingerprint"]);
    json Kept = json::object();
    for (const char *Key : {"fingerprint", "check", "message", "file", "line",
                            "column", "function"})
      if (F.contains(Key))
        Kept[Key] = F[Key];
    B["findings"].push_back(std::move(Kept));
  }
  return B;
}

} // namespace

int main(int Argc, char **Argv) {
  Options O;
  if (auto Exit = parseArgs(Argc, Argv, O))
    return *Exit;
  // Not after minutes of analysis: the outputs must be writable now.
  for (const std::string &Output : {O.Output, O.WriteBaseline})
    if (!Output.empty())
      if (std::error_code EC = privacy::checkOutputWritable(Output)) {
        std::cerr << "privacy-scan: error: "
                  << privacy::describeWriteError(Output, EC) << "\n";
        return 2;
      }
  if (!O.SummariesDir.empty())
    if (std::error_code EC = privacy::prepareOutputDirectory(O.SummariesDir)) {
      std::cerr << "privacy-scan: error: cannot write summaries in '"
                << O.SummariesDir << "': " << EC.message() << "\n";
      return 2;
    }
  if (!O.CacheDir.empty())
    if (std::error_code EC = privacy::prepareOutputDirectory(O.CacheDir)) {
      std::cerr << "privacy-scan: error: cannot use the cache directory '"
                << O.CacheDir << "': " << EC.message() << "\n";
      return 2;
    }

  if (!O.Suggest.empty())
    if (std::error_code EC = privacy::prepareOutputDirectory(O.Suggest)) {
      std::cerr << "privacy-scan: error: cannot write the drafts in '"
                << O.Suggest << "': " << EC.message() << "\n";
      return 2;
    }

  // The base of a change, read before minutes of analysis.
  std::optional<json> Base;
  if (!O.Compare.empty()) {
    privacy::InventoryReadResult Read = privacy::readInventoryFile(O.Compare);
    for (const privacy::PolicyDiagnostic &D : Read.Diagnostics)
      std::cerr << D.format() << "\n";
    if (!Read.Loaded) {
      std::cerr << "privacy-scan: error: '" << O.Compare
                << "' is not an inventory to compare with (privacy-scan "
                   "--format json of the base); nothing was analysed\n";
      return 2;
    }
    Base = std::move(*Read.Loaded);
  }

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
    std::cerr
        << "privacy-scan: error: cannot read the compilation database in '"
        << O.BuildDir << "': " << Error << "\n";
    return 2;
  }
  if (DB) {
    // As clang::tooling::CommonOptionsParser adds them.
    auto Adjusted = std::make_unique<tooling::ArgumentsAdjustingCompilations>(
        std::move(DB));
    Adjusted->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        O.ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN));
    Adjusted->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        O.ExtraArgsAfter, tooling::ArgumentInsertPosition::END));
    DB = std::move(Adjusted);
  }

  // The policy.
  std::string PolicyPath = O.PolicyFile;
  if (PolicyPath.empty()) {
    PolicyPath = privacy::findPolicyFileUpwards(".");
    if (PolicyPath.empty()) {
      std::cerr
          << "privacy-scan: error: no policy: pass --policy <file> or put "
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
    std::cerr
        << "privacy-scan: error: the policy has errors; nothing was analysed\n";
    return 2;
  }

  // The shipped rules: without them the analysis would run with no API
  // catalog and no classifier, and report far less without saying so.
  if (privacy::defaultApiCatalogDir().empty() ||
      privacy::defaultClassifierDir().empty()) {
    std::cerr << "privacy-scan: error: the shipped rules (API catalogs, "
                 "classifiers) were not found beside this program (in "
                 "../rules, ../../rules or ../share/privacy-tidy/rules from "
                 "its directory); set PRIVACY_TIDY_RULES_DIR to the rules "
                 "directory\n";
    return 2;
  }
  // The API catalogs.
  auto Catalog =
      privacy::loadApiCatalogs(privacy::defaultApiCatalogDir(), O.Catalogs);
  for (const privacy::PolicyDiagnostic &D : Catalog.Diagnostics)
    if (D.Level == privacy::PolicyDiagnostic::Error || !O.Quiet)
      std::cerr << D.format() << "\n";
  if (!Catalog.ok()) {
    std::cerr << "privacy-scan: error: the API catalogs have errors\n";
    return 2;
  }

  // The classifier of privacy-unannotated-personal-data.
  privacy::ClassifierLoadResult Classes =
      privacy::loadClassifiers(privacy::defaultClassifierDir(), O.Classifiers);
  for (const privacy::PolicyDiagnostic &D : Classes.Diagnostics)
    if (D.Level == privacy::PolicyDiagnostic::Error || !O.Quiet)
      std::cerr << D.format() << "\n";
  if (!Classes.ok()) {
    std::cerr << "privacy-scan: error: the classifier files have errors\n";
    return 2;
  }

  // The annotations files: as given, else the one beside the policy. With
  // --from-summaries they were applied when the summaries were written.
  std::vector<std::string> AnnotationPaths =
      O.FromSummaries.empty()
          ? privacy::annotationsFilePaths(O.Annotations, PolicyPath)
          : O.Annotations;
  std::optional<privacy::AnnotationsFiles> Annotations =
      privacy::loadAnnotationsFiles(
          AnnotationPaths, Policy.Loaded.get(),
          [&](const privacy::PolicyDiagnostic &D) {
            if (D.Level == privacy::PolicyDiagnostic::Error || !O.Quiet)
              std::cerr << D.format() << "\n";
          });
  if (!Annotations) {
    std::cerr << "privacy-scan: error: the annotations files have errors; "
                 "nothing was analysed\n";
    return 2;
  }

  std::string Root = absolute(O.Root.empty() ? "." : O.Root);
  privacy::scan::JoinInput In;
  In.PolicyPath = relativeTo(absolute(PolicyPath), Root);
  In.ProjectRoot = ".";
  In.Jobs = O.Jobs;
  ProgressLine Progress(!O.Quiet && isatty(STDERR_FILENO));
  // Where the join takes the summaries from: the directory, read a few at a
  // time, or this scan's analysis.
  std::optional<privacy::scan::SummaryReader> Reader;
  std::optional<privacy::scan::SummaryCache> Cache;
  std::optional<DatabaseAnalysis> Analysis;
  if (!O.FromSummaries.empty()) {
    Reader.emplace(O.FromSummaries, O.Jobs);
    if (!Reader->error().empty()) {
      std::cerr << "privacy-scan: error: " << Reader->error() << "\n";
      return 2;
    }
    In.TranslationUnits = Reader->size();
  } else {
    if (!O.CacheDir.empty())
      Cache.emplace(O.CacheDir,
                    configurationKey(PolicyPath, O.Catalogs, AnnotationPaths,
                                     O.Classifiers, Root));
    Analysis.emplace(O, *Policy.Loaded, Catalog.Loaded.get(), *Annotations,
                     Classes.Loaded.get(), Root, Cache ? &*Cache : nullptr,
                     Progress);
    if (auto Exit = Analysis->start(*DB, In))
      return *Exit;
  }
  // What is read of each summary before the join takes it.
  privacy::scan::AnnotationMatches Matches;
  std::vector<privacy::scan::DraftEntry> Drafted;
  size_t Taken = 0;
  In.NextSummary = [&]() -> std::optional<privacy::summary::TuSummary> {
    std::optional<privacy::summary::TuSummary> S;
    if (Reader)
      S = Reader->next(
          [&](const privacy::PolicyDiagnostic &D) {
            if (D.Level == privacy::PolicyDiagnostic::Error || !O.Quiet) {
              Progress.clear();
              std::cerr << D.format() << "\n";
            }
          },
          [&](const std::string &File, const std::string &Error) {
            In.Failed.push_back({File, Error});
          });
    else
      S = Analysis->next(In);
    if (!S)
      return S;
    ++Taken;
    Matches.add(*S);
    if (!O.Suggest.empty())
      privacy::scan::addDraftEntries(*S, Drafted);
    return S;
  };
  if (Progress.enabled())
    In.Progress = [&](const privacy::scan::JoinProgress &P) {
      // While the translation units are analysed, the join merges their
      // summaries as they come: the analysis's line says how far it is.
      if (Analysis && !Analysis->finished())
        return;
      Progress.joining(P);
    };
  json Inventory = privacy::scan::joinSummaries(In, *Policy.Loaded);
  Progress.clear();
  Analysis.reset();
  // A warning, not an error: the exit status stays that of the findings
  // (docs/annotations.md, "Entries that match nothing").
  if (!O.Quiet)
    for (const privacy::scan::UnmatchedAnnotation &U : Matches.unmatched())
      std::cerr << U.File << ":" << U.Line << ":" << U.Column
                << ": warning: the annotation of '" << U.Decl
                << "' matches no declaration in the program"
                << (U.Why.empty() ? "" : " (" + U.Why + ")") << "\n";
  dropSuppressed(Inventory, Root);
  dropOutsideProject(Inventory);
  if (!O.Suggest.empty())
    if (auto Exit = writeDrafts(
            O, privacy::scan::stillReported(std::move(Drafted), Inventory),
            *Classes.Loaded, *Policy.Loaded))
      return *Exit;

  // The baseline hides known findings.
  if (!O.Baseline.empty()) {
    std::optional<Baseline> B = loadBaseline(O.Baseline);
    if (!B)
      return 2;
    if (B->FingerprintVersion != privacy::scan::FingerprintVersion && !O.Quiet)
      std::cerr << "privacy-scan: warning: the baseline '" << O.Baseline
                << "' holds fingerprints of version " << B->FingerprintVersion
                << ", this privacy-scan makes version "
                << privacy::scan::FingerprintVersion
                << ": none of them match; write it again with "
                   "--write-baseline (docs/scan.md)\n";
    applyBaseline(*B, Inventory);
  }
  if (!O.WriteBaseline.empty()) {
    if (std::error_code EC = privacy::writeOutput(
            O.WriteBaseline,
            privacy::jsonText(baselineOf(Inventory), 2) + "\n")) {
      std::cerr << "privacy-scan: error: "
                << privacy::describeWriteError(O.WriteBaseline, EC) << "\n";
      return 2;
    }
  }

  for (const json &W : Inventory["policy_warnings"])
    if (!O.Quiet)
      std::cerr << In.PolicyPath << ": warning: " << W.get<std::string>()
                << "\n";

  std::string Text;
  // A JSON report is written as it is serialised, not held whole first
  // (docs/scan.md, "Large programs").
  const json *Document = nullptr;
  json Sarif;
  std::optional<privacy::scan::PrivacyDiff> Diff;
  if (Base) {
    Diff = privacy::scan::comparePrivacy(*Base, Inventory, O.Compare);
    Text =
        O.Format == OutputFormat::Json
            ? privacy::jsonText(privacy::scan::privacyDiffJson(*Diff), 2) + "\n"
            : privacy::scan::renderPrivacyDiffMarkdown(*Diff);
  } else
    switch (O.Format) {
    case OutputFormat::Json:
      Document = &Inventory;
      break;
    case OutputFormat::Sarif:
      Sarif = privacy::scan::renderSarif(Inventory);
      Document = &Sarif;
      break;
    case OutputFormat::Markdown:
      Text = privacy::scan::renderMarkdown(Inventory, O.Lang);
      break;
    case OutputFormat::Html:
      Text = privacy::scan::renderHtml(Inventory, O.Lang);
      break;
    case OutputFormat::Text: {
      std::ostringstream S;
      printText(Inventory, S);
      Text = S.str();
      break;
    }
    }
  std::string Output = O.Output.empty() ? "-" : O.Output;
  auto Write = [&](llvm::raw_ostream &Out) {
    if (!Document) {
      Out << Text;
      return;
    }
    privacy::writeJsonText(*Document, 2,
                           [&](std::string_view Chunk) { Out << Chunk; });
    Out << "\n";
  };
  if (std::error_code EC = privacy::writeOutput(Output, Write)) {
    std::cerr << "privacy-scan: error: "
              << privacy::describeWriteError(Output, EC) << "\n";
    return 2;
  }

  size_t New = 0, Baselined = 0;
  for (const json &F : Inventory["findings"])
    (F.value("baselined", false) ? Baselined : New)++;
  if (Diff) {
    // Only what the change brings counts (docs/review.md).
    New = Diff->newFindingsOutsideBaseline();
    if (!O.Quiet)
      std::cerr << "privacy-scan: " << New << " new finding"
                << (New == 1 ? "" : "s") << " compared with '" << O.Compare
                << "' (" << Diff->FixedFindings.size() << " fixed); analysed "
                << Taken << " of " << In.TranslationUnits
                << " translation units\n";
  } else if (!O.Quiet) {
    std::cerr << "privacy-scan: " << New << " finding" << (New == 1 ? "" : "s");
    if (Baselined)
      std::cerr << " (" << Baselined << " more in the baseline)";
    std::cerr << "; analysed " << Taken << " of " << In.TranslationUnits
              << " translation units";
    if (!Inventory["analysis"].value("personal_data_annotated", false))
      std::cerr << "; no personal data is annotated in the code";
    std::cerr << "\n";
  }
  if (!In.Failed.empty())
    return 2;
  return New ? 1 : 0;
}
