//===- PolicyCheckMain.cpp - privacy-policy-check -------------------------===//
//
// Validates policy files: syntax, schema, cross-references; and API catalog
// files (rules/sinks/*.json): syntax, schema, consistency of each entry;
// and annotations files, against the policy given with them.
// Prints every problem as FILE:LINE:COL: error|warning: ... and exits 2
// when any file has an error (the same code privacy-scan uses for a bad
// policy).
//
//===----------------------------------------------------------------------===//
#include "CommandLine.h"

#include "privacy/AnnotationsFile.h"
#include "privacy/ApiCatalog.h"
#include "privacy/OutputFile.h"
#include "privacy/PolicyLoader.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

static const char *const Tool = "privacy-policy-check";

static std::string count(size_t N, const char *One,
                         const char *Many = nullptr) {
  return std::to_string(N) + " " +
         (N == 1 ? One
          : Many ? Many
                 : std::string(One) + "s");
}

static void print(const std::vector<privacy::PolicyDiagnostic> &Diagnostics) {
  for (const privacy::PolicyDiagnostic &D : Diagnostics)
    std::cerr << D.format() << "\n";
}

static int checkPolicy(const char *Path) {
  privacy::PolicyLoadResult R = privacy::loadPolicyFile(Path);
  print(R.Diagnostics);
  if (!R.ok())
    return 2;
  const privacy::Policy &P = *R.Loaded;
  size_t Abroad = 0;
  for (const auto &Entry : P.Recipients)
    Abroad += P.isAbroad(Entry.second);
  llvm::outs() << Path << ": valid: " << count(P.Items.size(), "item") << ", "
               << count(P.Purposes.size(), "purpose") << ", "
               << count(P.Activities.size(), "activity", "activities") << ", "
               << count(P.Recipients.size(), "recipient") << " (" << Abroad
               << " abroad), " << count(P.Stores.size(), "store") << "\n";
  return 0;
}

/// An annotations file: syntax, schema, one kind per entry and, with a
/// policy, its ids (docs/annotations.md).
static int checkAnnotations(const std::string &Path, const privacy::Policy *P) {
  privacy::AnnotationsLoadResult R = privacy::loadAnnotationsFile(Path, P);
  print(R.Diagnostics);
  if (!R.ok())
    return 2;
  llvm::outs() << Path << ": valid: "
               << count(R.Loaded->Entries.size(), "entry", "entries")
               << (P ? "" : " (ids not checked: no policy given)") << "\n";
  return 0;
}

static int checkCatalogFile(const std::string &Path) {
  privacy::ApiCatalogLoadResult R = privacy::loadApiCatalogFile(Path);
  print(R.Diagnostics);
  if (!R.ok())
    return 2;
  llvm::outs() << Path << ": valid: "
               << count(R.Loaded->entries().size(), "entry", "entries") << "\n";
  return 0;
}

// A directory stands for its *.json, by name, as loadApiCatalogs reads it.
static int checkCatalog(const std::string &Path) {
  std::error_code EC;
  if (!fs::is_directory(Path, EC))
    return checkCatalogFile(Path);
  std::vector<std::string> Files;
  for (fs::directory_iterator It(Path, EC), End; !EC && It != End;
       It.increment(EC))
    if (It->path().extension() == ".json")
      Files.push_back(It->path().string());
  std::sort(Files.begin(), Files.end());
  if (Files.empty()) {
    std::cerr << Path << ": error: no catalog (*.json) in this directory\n";
    return 2;
  }
  int Status = 0;
  for (const std::string &File : Files)
    Status = std::max(Status, checkCatalogFile(File));
  return Status;
}

static std::string describe(const privacy::ValueRef &V) {
  switch (V.K) {
  case privacy::ValueRef::Return:
    return "return";
  case privacy::ValueRef::Object:
    return "object";
  case privacy::ValueRef::Argument:
    return "arg" + std::to_string(V.Index);
  }
  return "?";
}

static std::string join(const std::vector<std::string> &Names) {
  std::string Out;
  for (const std::string &Name : Names)
    Out += (Out.empty() ? "" : "|") + Name;
  return Out;
}

// One line per entry, every field the analysis uses, defaults resolved.
static std::string describe(const privacy::CatalogEntry &E) {
  using privacy::CatalogEntryKind;
  std::string Out = E.Function;
  auto Args = [&] {
    // "all", "[1,2]", "from1" (variadic), or both: "[0]from2".
    const privacy::ArgumentSet &A = E.Args;
    std::string S;
    if (A.Indices.empty() && A.VariadicFrom == 0) {
      S = "all";
    } else {
      if (!A.Indices.empty() || A.VariadicFrom < 0) {
        S = "[";
        for (size_t I = 0; I < A.Indices.size(); ++I)
          S += (I ? "," : "") + std::to_string(A.Indices[I]);
        S += "]";
      }
      if (A.VariadicFrom >= 0)
        S += "from" + std::to_string(A.VariadicFrom);
    }
    return " args=" + S + (E.IncludesObject ? " +object" : "");
  };
  auto When = [&] {
    return E.WhenArg < 0 ? std::string()
                         : " when arg" + std::to_string(E.WhenArg) + " in " +
                               join(E.WhenIn);
  };
  switch (E.Kind) {
  case CatalogEntryKind::Source:
    Out += " source item=" + E.Item + " value=" + describe(E.Value);
    break;
  case CatalogEntryKind::Sink: {
    static const char *const Sinks[] = {"transfer", "store", "log", "network"};
    Out += std::string(" sink ") + Sinks[static_cast<int>(E.Sink)];
    if (!E.Target.empty())
      Out += (E.Sink == privacy::CatalogSinkKind::Transfer ? " recipient="
                                                           : " store=") +
             E.Target;
    if (!E.Country.empty())
      Out += " country=" + E.Country;
    Out += Args() + When();
    if (!E.ReceiverIn.empty())
      Out += " receiver=" + join(E.ReceiverIn);
    if (!E.ReceiverOver.empty())
      Out += " receiver_over=" + join(E.ReceiverOver);
    if (E.CommandArg >= 0)
      Out += " command arg" + std::to_string(E.CommandArg) + " in " +
             join(E.CommandIn);
    if (!E.FdFrom.empty())
      Out += " fd_from=" + join(E.FdFrom);
    if (!E.ObjectTypeIn.empty())
      Out += " object_type=" + join(E.ObjectTypeIn);
    if (E.Statement)
      Out += " statement=" + describe(*E.Statement);
    break;
  }
  case CatalogEntryKind::Propagator:
    Out += " propagator" + Args() + " to=" + describe(E.Value) + When() +
           (E.Overwrites ? " overwrites" : "");
    if (!E.ObjectTypeIn.empty())
      Out += " object_type=" + join(E.ObjectTypeIn);
    break;
  case CatalogEntryKind::Anonymizer:
    Out += " anonymizer value=" + describe(E.Value);
    break;
  case CatalogEntryKind::Statement:
    Out += " statement sql=" + describe(E.Sql) + " value=" + describe(E.Value);
    break;
  }
  return Out;
}

// --catalog-entries: the merged catalogs as the checks see them, grouped by
// name through lookup(), so the index is exercised too.
static int listCatalogEntries(const std::vector<std::string> &Args) {
  std::string Dir =
      Args.empty() ? privacy::defaultApiCatalogDir() : Args.front();
  if (Args.empty() && Dir.empty()) {
    std::cerr << "privacy-policy-check: error: no catalog directory found; "
                 "set PRIVACY_TIDY_RULES_DIR to the rules directory\n";
    return 2;
  }
  std::vector<std::string> Extra;
  if (!Args.empty())
    Extra.assign(Args.begin() + 1, Args.end());
  privacy::ApiCatalogLoadResult R = privacy::loadApiCatalogs(Dir, Extra);
  print(R.Diagnostics);
  if (!R.ok())
    return 2;
  std::set<std::string> Listed;
  for (const privacy::CatalogEntry &E : R.Loaded->entries()) {
    if (!Listed.insert(E.Function).second)
      continue;
    for (const privacy::CatalogEntry *Same : R.Loaded->lookup(E.Function))
      llvm::outs() << Same->DeclaredAt << ": " << describe(*Same) << "\n";
  }
  llvm::outs() << count(R.Loaded->entries().size(), "entry", "entries") << ", "
               << count(Listed.size(), "function") << "\n";
  return 0;
}

static int checkAll(int argc, char **argv);

int main(int argc, char **argv) {
  int Status = checkAll(argc, argv);
  // A report nobody can read (a full disk) is no success.
  if (std::error_code EC = privacy::flushStandardOutput()) {
    std::cerr << Tool << ": error: " << privacy::describeWriteError("-", EC)
              << "\n";
    return 2;
  }
  return Status;
}

static int checkAll(int argc, char **argv) {
  namespace cl = llvm::cl;
  static cl::OptionCategory Category("privacy-policy-check options");
  static cl::list<std::string> Files(
      cl::Positional,
      cl::desc("<policy.json...> [--catalog <catalog.json|dir>...]"),
      cl::cat(Category));
  // A list, so that the first --catalog is known: every file after it is a
  // catalog.
  static cl::list<bool> CatalogFlag(
      "catalog",
      cl::desc("The files after it are API catalogs or directories of them; "
               "none: the shipped catalogs"),
      cl::ValueDisallowed, cl::cat(Category));
  static cl::list<std::string> AnnotationFiles(
      "annotations",
      cl::desc("An annotations file to check, against the one policy given "
               "(may repeat)"),
      cl::value_desc("file"), cl::cat(Category));
  static cl::opt<bool> CatalogEntries(
      "catalog-entries",
      cl::desc("Load every *.json of the first file (a directory; \"\": none; "
               "no file: the shipped catalogs) and the files after it as the "
               "checks do, and print the merged entries"),
      cl::cat(Category));
  if (!privacy::tools::parseCommandLine(
          argc, argv, Tool, Category,
          "checks privacy policy files against the schema and their own ids,\n"
          "and API catalogs (rules/sinks/*.json) against theirs.\n"
          "Exit status: 0 valid (warnings allowed), 2 an error or bad "
          "usage.\n"))
    return privacy::tools::UsageExitStatus;

  if (CatalogEntries) {
    if (!CatalogFlag.empty())
      return privacy::tools::usageError(
          Tool, "--catalog-entries lists catalogs; it takes no --catalog");
    return listCatalogEntries(
        std::vector<std::string>(Files.begin(), Files.end()));
  }
  if (Files.empty() && CatalogFlag.empty() && AnnotationFiles.empty())
    return privacy::tools::usageError(
        Tool, "nothing to check: pass policy files, --catalog, --annotations "
              "or --catalog-entries (see --help)");
  unsigned FirstCatalog =
      CatalogFlag.empty() ? ~0u : CatalogFlag.getPosition(0);
  int Status = 0;
  bool AnyCatalog = false;
  for (size_t I = 0; I < Files.size(); ++I) {
    bool IsCatalog = Files.getPosition(I) > FirstCatalog;
    AnyCatalog |= IsCatalog;
    Status = std::max(Status, IsCatalog ? checkCatalog(Files[I])
                                        : checkPolicy(Files[I].c_str()));
  }
  if (!CatalogFlag.empty() && !AnyCatalog) {
    // --catalog alone: the catalogs the checks load by default.
    std::string Dir = privacy::defaultApiCatalogDir();
    std::error_code EC;
    if (Dir.empty() || !fs::is_directory(Dir, EC)) {
      std::cerr << (Dir.empty() ? "privacy-policy-check" : Dir)
                << ": error: no catalog directory found; set "
                   "PRIVACY_TIDY_RULES_DIR to the rules directory\n";
      return 2;
    }
    Status = std::max(Status, checkCatalog(Dir));
  }
  if (!AnnotationFiles.empty()) {
    std::vector<std::string> Policies;
    for (size_t I = 0; I < Files.size(); ++I)
      if (Files.getPosition(I) < FirstCatalog)
        Policies.push_back(Files[I]);
    if (Policies.size() > 1)
      return privacy::tools::usageError(
          Tool, "--annotations checks ids against one policy; " +
                    std::to_string(Policies.size()) + " were given");
    // The policy's own problems were printed above.
    privacy::PolicyLoadResult Policy;
    if (!Policies.empty())
      Policy = privacy::loadPolicyFile(Policies.front());
    if (!Policies.empty() && !Policy.ok()) {
      std::cerr << Tool << ": error: the policy has errors; the annotations "
                << "files were not checked\n";
      return 2;
    }
    for (const std::string &Path : AnnotationFiles)
      Status = std::max(Status, checkAnnotations(Path, Policy.Loaded.get()));
  }
  return Status;
}
