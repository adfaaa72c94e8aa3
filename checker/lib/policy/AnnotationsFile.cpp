//===- AnnotationsFile.cpp - annotations given outside the code -----------===//
#include "privacy/AnnotationsFile.h"
#include "privacy/Suggest.h"

#include "JsonValidation.h"

#include <filesystem>
#include <map>
#include <mutex>

namespace privacy {

using nlohmann::json;
namespace fs = std::filesystem;

bool AnnotationsLoadResult::hasErrors() const {
  return privacy::hasErrors(Diagnostics);
}

// What valijson's wording cannot say about the file's own keys; the rest is
// worded by JsonValidation.
static std::string describeAnnotationsError(const SchemaError &E) {
  std::string Found = E.found();
  switch (E.Kind) {
  case SchemaErrorKind::Pattern:
    if (E.Key == "decl")
      return "expected a qualified name without template arguments, such as "
             "\"UserDto::email\"" +
             Found;
    if (E.tokens().size() == 4 && E.tokens()[2] == "transfer" && E.Key == "1")
      return "expected an ISO 3166-1 alpha-2 country code such as \"US\"" +
             Found;
    return "expected an id of letters, digits, '_', '.' or '-'" + Found;
  case SchemaErrorKind::NotConst:
    return "expected true: the macro takes no arguments" + Found;
  case SchemaErrorKind::Other:
    if (E.Key == "param")
      return "expected a parameter index from 0 to 65535" + Found;
    return "";
  default:
    return "";
  }
}

// rules/schema/annotations.schema.json, embedded at build time; parsed on
// first use.
static const JsonSchema &annotationsSchema() {
  static const JsonSchema Schema(
#include "annotations.schema.inc"
      , "annotations file", describeAnnotationsError);
  return Schema;
}

static std::string argumentCount(int N) {
  return std::to_string(N) + (N == 1 ? " argument" : " arguments");
}

namespace {

class AnnotationsReader {
public:
  AnnotationsReader(const std::string &Text, const std::string &Path,
                    const Policy *P)
      : Path(Path), P(P), Json(Text, Path) {}

  AnnotationsLoadResult read() {
    AnnotationsLoadResult Result;
    try {
      if (Json.parse() && Json.validate(annotationsSchema())) {
        auto File = std::make_shared<AnnotationsFile>();
        File->Path = Path;
        const json &Entries = Json.document().at("annotations");
        for (size_t I = 0; I < Entries.size(); ++I)
          if (std::optional<FileAnnotation> A = readEntry(Entries[I], I))
            File->Entries.push_back(std::move(*A));
        if (!Json.hasErrors())
          Result.Loaded = std::move(File);
      }
    } catch (const std::exception &E) {
      // The schema should have ruled this out; never crash on an input.
      Json.error("",
                 std::string("cannot read the annotations file: ") + E.what());
      Result.Loaded = nullptr;
    }
    Result.Diagnostics = Json.takeDiagnostics();
    return Result;
  }

private:
  std::optional<FileAnnotation> readEntry(const json &J, size_t Index) {
    std::string At = "/annotations/" + std::to_string(Index);
    FileAnnotation A;
    A.Index = Index;
    A.Decl = J.at("decl").get<std::string>();
    TextPosition Pos = Json.position(At);
    A.Line = Pos.Line;
    A.Column = Pos.Column;

    // Exactly one kind: an entry is one macro on one declaration.
    const AnnotationInfo *Info = nullptr;
    for (const AnnotationInfo &Candidate : allAnnotations()) {
      std::string Key(Candidate.Spelling);
      if (!J.contains(Key))
        continue;
      if (Info) {
        Json.error(At + "/" + Key, "the entry for '" + A.Decl +
                                       "' has two annotation kinds, '" +
                                       std::string(Info->Spelling) + "' and '" +
                                       Key + "'; write one entry per kind");
        return std::nullopt;
      }
      Info = &Candidate;
    }
    if (!Info) {
      std::string Kinds;
      for (const AnnotationInfo &Candidate : allAnnotations())
        Kinds += (Kinds.empty() ? "" : ", ") + std::string(Candidate.Spelling);
      Json.error(At, "the entry for '" + A.Decl +
                         "' has no annotation kind; give one of " + Kinds);
      return std::nullopt;
    }
    A.Kind = Info->Kind;
    std::string KindAt = At + "/" + std::string(Info->Spelling);
    const json &Value = J.at(std::string(Info->Spelling));
    if (Value.is_string())
      A.Args.push_back(Value.get<std::string>());
    else if (Value.is_array())
      for (const json &Arg : Value)
        A.Args.push_back(Arg.get<std::string>());

    int Count = static_cast<int>(A.Args.size());
    if (Count < Info->MinArgs ||
        (Info->MaxArgs >= 0 && Count > Info->MaxArgs)) {
      std::string Expected = Info->MaxArgs < 0
                                 ? "at least " + argumentCount(Info->MinArgs)
                             : Info->MinArgs == Info->MaxArgs
                                 ? argumentCount(Info->MaxArgs)
                                 : std::to_string(Info->MinArgs) + " to " +
                                       argumentCount(Info->MaxArgs);
      Json.error(KindAt, "'" + std::string(Info->Spelling) + "' takes " +
                             Expected + " (as " + std::string(Info->Macro) +
                             "), not " + std::to_string(Count));
      return std::nullopt;
    }

    if (auto It = J.find("param"); It != J.end()) {
      if (!(Info->Subjects & SubjParameter)) {
        Json.error(At + "/param",
                   "'param' does not apply to '" + std::string(Info->Spelling) +
                       "': " + std::string(Info->Macro) + " applies to " +
                       describeSubjects(Info->Subjects));
        return std::nullopt;
      }
      A.Param = It->get<unsigned>();
    }
    if (P)
      checkIds(*Info, A.Args, KindAt, Value.is_array());
    return A;
  }

  /// The same rule as privacy-invalid-annotation for the macros
  /// (docs/checks/invalid-annotation.md): an unknown item, purpose, consent
  /// or erased store is an error; a recipient or store the policy does not
  /// name is the flow checks' to report where data reaches it, unless it
  /// looks like a typo of a declared one.
  void checkIds(const AnnotationInfo &Info,
                const std::vector<std::string> &Args, const std::string &At,
                bool IsArray) {
    if (Info.Ids == IdKind::None)
      return;
    size_t IdCount = Info.Kind == AnnotationKind::Transfer ? 1 : Args.size();
    for (size_t I = 0; I < IdCount && I < Args.size(); ++I) {
      const std::string &Id = Args[I];
      if (policyDeclares(*P, Info.Ids, Id))
        continue;
      std::vector<std::string> Known = policyIds(*P, Info.Ids);
      std::string Where = IsArray ? At + "/" + std::to_string(I) : At;
      std::string Message = "unknown " + std::string(idKindName(Info.Ids)) +
                            " '" + Id + "'" + didYouMean(Id, Known);
      bool FlowChecked = unknownIdLeftToFlowChecks(Info.Kind);
      if (!FlowChecked)
        Json.error(Where, Message);
      else if (!closestMatch(Id, Known).empty())
        Json.warning(Where, Message);
    }
  }

  const std::string &Path;
  const Policy *P;
  JsonReader Json;
};

} // namespace

AnnotationsLoadResult parseAnnotations(const std::string &Text,
                                       const std::string &Path,
                                       const Policy *P) {
  return AnnotationsReader(Text, Path, P).read();
}

AnnotationsLoadResult loadAnnotationsFile(const std::string &Path,
                                          const Policy *P) {
  std::string Text;
  if (std::optional<PolicyDiagnostic> Problem =
          readJsonFile(Path, "annotations", Text)) {
    AnnotationsLoadResult R;
    R.Diagnostics.push_back(std::move(*Problem));
    return R;
  }
  return parseAnnotations(Text, Path, P);
}

std::string annotationsFileBeside(const std::string &PolicyPath) {
  std::error_code EC;
  fs::path Candidate =
      fs::path(PolicyPath).parent_path() / DefaultAnnotationsFileName;
  if (fs::is_regular_file(Candidate, EC))
    return Candidate.lexically_normal().string();
  return {};
}

std::shared_ptr<const AnnotationsLoadResult>
loadAnnotationsCached(const std::string &Path, const Policy *P) {
  struct Entry {
    fs::file_time_type Modified;
    const Policy *Against;
    std::shared_ptr<const AnnotationsLoadResult> Result;
  };
  static std::mutex CacheMutex;
  static std::map<std::string, Entry> Cache;
  std::error_code EC;
  fs::file_time_type Modified = fs::last_write_time(Path, EC);
  std::lock_guard<std::mutex> Lock(CacheMutex);
  auto It = Cache.find(Path);
  if (It != Cache.end() && !EC && It->second.Modified == Modified &&
      It->second.Against == P)
    return It->second.Result;
  auto Result = std::make_shared<const AnnotationsLoadResult>(
      loadAnnotationsFile(Path, P));
  Cache[Path] = {Modified, P, Result};
  return Result;
}

std::vector<std::string>
annotationsFilePaths(std::vector<std::string> Configured,
                     const std::string &PolicyPath) {
  if (Configured.empty())
    if (std::string Beside = annotationsFileBeside(PolicyPath); !Beside.empty())
      Configured.push_back(Beside);
  return Configured;
}

std::optional<AnnotationsFiles> loadAnnotationsFiles(
    const std::vector<std::string> &Paths, const Policy *P,
    const std::function<void(const PolicyDiagnostic &)> &Report) {
  AnnotationsFiles Files;
  bool Errors = false;
  for (const std::string &Path : Paths) {
    std::shared_ptr<const AnnotationsLoadResult> R =
        loadAnnotationsCached(Path, P);
    for (const PolicyDiagnostic &D : R->Diagnostics)
      Report(D);
    if (R->ok())
      Files.push_back(R->Loaded);
    else
      Errors = true;
  }
  if (Errors)
    return std::nullopt;
  return Files;
}

} // namespace privacy
