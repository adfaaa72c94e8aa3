//===- ApiCatalog.cpp - what third-party functions do with data -----------===//
#include "privacy/ApiCatalog.h"

#include "JsonValidation.h"
#include "RulesCache.h"
#include "privacy/Suggest.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

namespace privacy {

using nlohmann::json;
namespace fs = std::filesystem;

//===--- the catalog ------------------------------------------------------===//

bool ArgumentSet::contains(int Index) const {
  return (VariadicFrom >= 0 && Index >= VariadicFrom) ||
         std::find(Indices.begin(), Indices.end(), Index) != Indices.end();
}

ApiCatalog::ApiCatalog(const ApiCatalog &Other) : Entries(Other.Entries) {
  index();
}

ApiCatalog &ApiCatalog::operator=(const ApiCatalog &Other) {
  if (this != &Other) {
    Entries = Other.Entries;
    index();
  }
  return *this;
}

const std::vector<const CatalogEntry *> &
ApiCatalog::lookup(const std::string &Name) const {
  static const std::vector<const CatalogEntry *> None;
  auto It = ByName.find(Name);
  return It == ByName.end() ? None : It->second;
}

void ApiCatalog::merge(const ApiCatalog &Other) {
  Entries.insert(Entries.end(), Other.Entries.begin(), Other.Entries.end());
  index(); // the insertion may have moved every entry
}

void ApiCatalog::index() {
  ByName.clear();
  for (const CatalogEntry &E : Entries)
    ByName[E.Function].push_back(&E);
}

//===--- reading a catalog ------------------------------------------------===//

// "a log sink", "a source", ... as the entry says, for messages.
static std::string entryPhrase(const json *Entry) {
  if (!Entry || !Entry->is_object())
    return "this entry";
  auto KindIt = Entry->find("kind");
  std::string Kind = KindIt != Entry->end() && KindIt->is_string()
                         ? KindIt->get<std::string>()
                         : std::string();
  static const std::set<std::string> Sinks = {"transfer", "store", "log",
                                              "network"};
  if (Kind == "sink") {
    auto Sink = Entry->find("sink");
    if (Sink != Entry->end() && Sink->is_string() &&
        Sinks.count(Sink->get<std::string>()))
      return "a " + Sink->get<std::string>() + " sink";
    return "a sink";
  }
  if (Kind == "source" || Kind == "propagator")
    return "a " + Kind;
  if (Kind == "anonymizer")
    return "an anonymizer";
  if (Kind == "statement")
    return "a statement";
  return "this entry";
}

static std::string joinAlternatives(const json &Values) {
  std::string Out;
  for (size_t I = 0; I < Values.size(); ++I) {
    if (I)
      Out += I + 1 == Values.size() ? " or " : ", ";
    Out +=
        Values[I].is_string() ? Values[I].get<std::string>() : Values[I].dump();
  }
  return Out;
}

static const json *valueAt(const json &Doc, const std::string &Pointer) {
  try {
    return &Doc.at(json::json_pointer(Pointer));
  } catch (const json::exception &) {
    return nullptr;
  }
}

// Wording for the catalog's keys; "" leaves an error to the generic wording.
// Enum values, required keys and types are read from the schema itself.
static std::string describeCatalogError(const SchemaError &E) {
  std::vector<std::string> Tokens = E.tokens();
  // The entry an error is in, if any: /entries/N/...
  const json *Entry = nullptr;
  if (Tokens.size() >= 2 && Tokens[0] == "entries")
    Entry = valueAt(*E.Document, "/entries/" + Tokens[1]);
  const std::string &Key = E.Key;
  std::string Parent = Tokens.size() >= 2 ? Tokens[Tokens.size() - 2] : "";
  std::string Found = E.found();
  const json *Node = schemaNodeAt(*E.Schema, E.Pointer);

  switch (E.Kind) {
  case SchemaErrorKind::Not:
    // The schema uses 'not' only to forbid keys of another kind of entry.
    return "key '" + Key + "' does not apply to " + entryPhrase(Entry);
  case SchemaErrorKind::MissingKey: {
    // Keys required by the entry's kind, not by every entry.
    const json *Always = valueAt(*E.Schema, "/definitions/entry/required");
    if (Entry && Tokens.size() == 2 && Always && Always->is_array() &&
        std::find(Always->begin(), Always->end(), E.Name) == Always->end())
      return "missing required key '" + E.Name + "' for " + entryPhrase(Entry);
    return "";
  }
  case SchemaErrorKind::UnknownKey:
    return ""; // the generic wording suggests a known key
  case SchemaErrorKind::Duplicate:
    if (Parent == "args")
      return "argument index " + (E.Value ? E.Value->dump() : "") +
             " is listed twice";
    return "";
  case SchemaErrorKind::Pattern:
    if (Key == "function")
      return "expected a qualified function name such as "
             "\"curl_easy_setopt\", \"spdlog::logger::info\" or "
             "\"std::operator<<\"" +
             Found;
    if (Parent == "receiver")
      return "expected a qualified variable or function name such as "
             "\"std::cout\" or \"google::LogMessage::stream\"" +
             Found;
    if (Parent == "object_type" || Parent == "receiver_over")
      return "expected a qualified class name such as \"QFileDevice\"" + Found;
    if (Parent == "in" && Tokens.size() >= 3 && Tokens[2] == "command")
      return "expected a command word such as \"SET\"" + Found;
    if (Parent == "fd_from")
      return "expected a function name such as \"socket\"" + Found;
    if (Parent == "in")
      return "expected the name of a constant such as \"CURLOPT_POSTFIELDS\"" +
             Found;
    if (Key == "country")
      return "expected an ISO 3166-1 alpha-2 country code such as \"US\"" +
             Found;
    return "expected an id of letters, digits, '_', '.' or '-'" + Found;
  default:
    break;
  }

  // A key of an entry itself (/entries/N/KEY), or below one.
  bool EntryKey = Entry && Tokens.size() == 3;
  if (EntryKey && (Key == "value" || Key == "to"))
    return "expected \"return\", \"object\" or {\"arg\": N}" + Found;
  if (EntryKey && Key == "args")
    return "expected \"all\", a list of argument indices such as [1, 2], or "
           "{\"from\": N}" +
           Found;
  bool IsIndex = Entry && (Key == "arg" || Key == "from" || Parent == "args");
  if (IsIndex && (E.Kind == SchemaErrorKind::WrongType ||
                  E.Description.rfind("Expected number", 0) == 0))
    return "expected an argument index, an integer from 0" + Found;
  if (E.Kind == SchemaErrorKind::NotInEnum && Node && Node->contains("enum")) {
    std::vector<std::string> Values;
    for (const json &V : Node->at("enum"))
      if (V.is_string())
        Values.push_back(V.get<std::string>());
    std::string Suggestion =
        E.Value && E.Value->is_string()
            ? didYouMean(E.Value->get<std::string>(), Values)
            : std::string();
    return "expected " + Key + " " + joinAlternatives(Node->at("enum")) +
           Found + Suggestion;
  }
  if (E.Kind == SchemaErrorKind::WrongType) {
    if (Key == "receiver")
      return "expected a list of streams or of functions that return one, "
             "such as [\"std::cout\"]" +
             Found;
    if (Key == "object_type" || Key == "receiver_over")
      return "expected a list of classes such as [\"QFileDevice\"]" + Found;
    if (Key == "in" && Tokens.size() >= 3 && Tokens[2] == "command")
      return "expected a list of command words such as [\"SET\", \"HSET\"]" +
             Found;
    if (Key == "fd_from")
      return "expected a list of functions such as [\"socket\", \"accept\"]" +
             Found;
    if (Key == "in")
      return "expected a list of constants such as [\"CURLOPT_URL\"]" + Found;
  }
  if (E.Description.rfind("Array should contain no fewer", 0) == 0)
    return "expected a non-empty list";
  if (E.Description.rfind("String should be no fewer", 0) == 0)
    return "expected a non-empty string";
  if (E.Kind == SchemaErrorKind::WrongType && !E.Pointer.empty() && Node &&
      Node->contains("type") && Node->at("type").is_string()) {
    static const std::map<std::string, std::string> Types = {
        {"string", "a string"},    {"boolean", "true or false"},
        {"integer", "an integer"}, {"array", "a list"},
        {"object", "an object"},   {"number", "a number"}};
    auto It = Types.find(Node->at("type").get<std::string>());
    if (It != Types.end())
      return "expected " + It->second + Found;
  }
  return "";
}

// rules/schema/sinks.schema.json, embedded at build time; parsed on first
// use.
static const JsonSchema &catalogSchema() {
  static const JsonSchema Schema(
#include "sinks.schema.inc"
      , "catalog", describeCatalogError);
  return Schema;
}

static ValueRef readValueRef(const json &Entry, const char *Key) {
  ValueRef V;
  auto It = Entry.find(Key);
  if (It == Entry.end() || *It == "return")
    return V;
  if (*It == "object") {
    V.K = ValueRef::Object;
  } else {
    V.K = ValueRef::Argument;
    V.Index = It->at("arg").get<int>();
  }
  return V;
}

static ArgumentSet readArguments(const json &Entry) {
  ArgumentSet Args;
  auto It = Entry.find("args");
  if (It == Entry.end() || *It == "all")
    Args.VariadicFrom = 0;
  else if (It->is_object())
    Args.VariadicFrom = It->at("from").get<int>();
  else
    Args.Indices = It->get<std::vector<int>>();
  return Args;
}

static std::vector<std::string> readStrings(const json &Entry,
                                            const char *Key) {
  auto It = Entry.find(Key);
  return It == Entry.end() ? std::vector<std::string>()
                           : It->get<std::vector<std::string>>();
}

static std::string describeValue(const ValueRef &V) {
  switch (V.K) {
  case ValueRef::Return:
    return "the return value";
  case ValueRef::Object:
    return "the object";
  case ValueRef::Argument:
    return "argument " + std::to_string(V.Index);
  }
  return "the value";
}

// Reads a catalog once its syntax and schema are known to be right; the
// loader checks the rest. A friend of ApiCatalog.
struct ApiCatalogLoader {
  ApiCatalogLoader(const std::string &Text, const std::string &Path)
      : Json(Text, Path) {}

  ApiCatalogLoadResult read() {
    ApiCatalogLoadResult Result;
    try {
      if (Json.parse() && Json.validate(catalogSchema())) {
        auto Catalog = std::make_shared<ApiCatalog>();
        build(*Catalog);
        if (!Json.hasErrors()) {
          Catalog->index();
          Result.Loaded = std::move(Catalog);
        }
      }
    } catch (const std::exception &E) {
      // The schema should have ruled this out; never crash on a catalog.
      Json.error("", std::string("cannot read the catalog: ") + E.what());
      Result.Loaded = nullptr;
    }
    Result.Diagnostics = Json.takeDiagnostics();
    return Result;
  }

private:
  void build(ApiCatalog &Catalog) {
    const json &Entries = Json.document().at("entries");
    // What each entry means (defaults resolved), to notice repeats.
    std::map<std::string, std::string> Seen;
    for (size_t I = 0; I < Entries.size(); ++I) {
      const json &J = Entries[I];
      std::string At = "/entries/" + std::to_string(I);
      CatalogEntry E = readEntry(J, At);
      check(E, J, At);
      auto [It, New] = Seen.emplace(meaning(E), At);
      if (!New) {
        TextPosition First = Json.position(It->second);
        Json.warning(At, "repeats the entry at line " +
                             std::to_string(First.Line) +
                             "; the repeat is ignored");
        continue;
      }
      Catalog.Entries.push_back(std::move(E));
    }
  }

  CatalogEntry readEntry(const json &J, const std::string &At) {
    CatalogEntry E;
    E.Function = J.at("function").get<std::string>();
    E.DeclaredAt = Json.where(At);
    E.Note = J.value("description", "");
    std::string Kind = J.at("kind").get<std::string>();
    if (Kind == "source") {
      E.Kind = CatalogEntryKind::Source;
      E.Item = J.at("item").get<std::string>();
      E.Value = readValueRef(J, "value");
    } else if (Kind == "sink") {
      E.Kind = CatalogEntryKind::Sink;
      std::string Sink = J.at("sink").get<std::string>();
      E.Sink = Sink == "transfer" ? CatalogSinkKind::Transfer
               : Sink == "store"  ? CatalogSinkKind::Store
               : Sink == "log"    ? CatalogSinkKind::Log
                                  : CatalogSinkKind::Network;
      E.Target = J.value(
          E.Sink == CatalogSinkKind::Transfer ? "recipient" : "store", "");
      E.Country = J.value("country", "");
      E.ReceiverIn = readStrings(J, "receiver");
      E.ReceiverOver = readStrings(J, "receiver_over");
      if (auto Command = J.find("command"); Command != J.end()) {
        E.CommandArg = Command->at("arg").get<int>();
        E.CommandIn = Command->at("in").get<std::vector<std::string>>();
      }
      E.FdFrom = readStrings(J, "fd_from");
      if (J.contains("statement"))
        E.Statement = readValueRef(J, "statement");
    } else if (Kind == "propagator") {
      E.Kind = CatalogEntryKind::Propagator;
      E.Value = readValueRef(J, "to");
      E.Overwrites = J.value("overwrites", false);
    } else if (Kind == "statement") {
      E.Kind = CatalogEntryKind::Statement;
      E.Sql = readValueRef(J, "sql");
      E.Value = readValueRef(J, "value");
    } else {
      E.Kind = CatalogEntryKind::Anonymizer;
      E.Value = readValueRef(J, "value");
    }
    if (E.Kind == CatalogEntryKind::Sink ||
        E.Kind == CatalogEntryKind::Propagator) {
      E.Args = readArguments(J);
      E.IncludesObject = J.value("object", false);
      E.ObjectTypeIn = readStrings(J, "object_type");
      if (auto When = J.find("when"); When != J.end()) {
        E.WhenArg = When->at("arg").get<int>();
        E.WhenIn = When->at("in").get<std::vector<std::string>>();
      }
    }
    return E;
  }

  static std::string valueKey(const std::optional<ValueRef> &V) {
    return V ? std::to_string(V->K) + ":" + std::to_string(V->Index) : "";
  }

  // Every field the analysis reads, but where it was read and its note.
  static std::string meaning(const CatalogEntry &E) {
    json M = {E.Function,       static_cast<int>(E.Kind),
              E.Item,           static_cast<int>(E.Value.K),
              E.Value.Index,    static_cast<int>(E.Sink),
              E.Target,         E.Country,
              E.Args.Indices,   E.Args.VariadicFrom,
              E.IncludesObject, E.WhenArg,
              E.WhenIn,         E.ReceiverIn,
              E.FdFrom,         E.ObjectTypeIn,
              E.Overwrites,     valueKey(E.Statement),
              valueKey(E.Sql),  E.ReceiverOver,
              E.CommandArg,     E.CommandIn};
    return M.dump();
  }

  // What the schema cannot say: relations between the keys of an entry.
  void check(const CatalogEntry &E, const json &J, const std::string &At) {
    if (E.Kind != CatalogEntryKind::Sink &&
        E.Kind != CatalogEntryKind::Propagator)
      return;
    const ArgumentSet &Args = E.Args;
    for (size_t I = 0; I < Args.Indices.size(); ++I)
      if (Args.Indices[I] == E.WhenArg)
        Json.error(At + "/args/" + std::to_string(I),
                   "argument " + std::to_string(E.WhenArg) +
                       " is the constant tested by 'when'; it carries no "
                       "data");
    bool NoArguments = Args.Indices.empty() && Args.VariadicFrom < 0;
    // An overwriting propagator with no input empties its destination.
    if (NoArguments && !E.IncludesObject && !E.Overwrites) {
      Json.error(At + "/args", "nothing flows into " + entryPhrase(&J) +
                                   ": 'args' is empty and 'object' is not "
                                   "true");
      return;
    }
    if (E.Kind == CatalogEntryKind::Propagator) {
      // The only input is the destination itself.
      bool OnlyObject = NoArguments && E.IncludesObject;
      bool OnlyArgument = !E.IncludesObject && Args.VariadicFrom < 0 &&
                          Args.Indices.size() == 1;
      if ((E.Value.K == ValueRef::Object && OnlyObject) ||
          (E.Value.K == ValueRef::Argument && OnlyArgument &&
           Args.Indices[0] == E.Value.Index))
        Json.error(At + "/to", "the propagator copies " +
                                   describeValue(E.Value) +
                                   " onto itself; nothing else flows in");
    }
  }

  JsonReader Json;
};

ApiCatalogLoadResult parseApiCatalog(const std::string &Text,
                                     const std::string &Path) {
  return ApiCatalogLoader(Text, Path).read();
}

ApiCatalogLoadResult loadApiCatalogFile(const std::string &Path) {
  std::string Text;
  if (std::optional<PolicyDiagnostic> Problem =
          readJsonFile(Path, "catalog", Text)) {
    ApiCatalogLoadResult R;
    R.Diagnostics.push_back(std::move(*Problem));
    return R;
  }
  return parseApiCatalog(Text, Path);
}

//===--- sets of catalogs -------------------------------------------------===//

std::vector<std::string> rulesFiles(const std::string &Dir,
                                    const std::string &Kind,
                                    const std::vector<std::string> &Extra,
                                    std::vector<PolicyDiagnostic> &Problems) {
  std::vector<std::string> Files;
  if (!Dir.empty()) {
    std::error_code EC;
    if (!fs::is_directory(Dir, EC)) {
      PolicyDiagnostic D;
      D.File = Dir;
      D.Message = fs::exists(Dir, EC) ? "not a " + Kind + " directory"
                                      : Kind + " directory not found";
      Problems.push_back(std::move(D));
    } else {
      std::vector<fs::path> InDir;
      for (fs::directory_iterator It(Dir, EC), End; !EC && It != End;
           It.increment(EC))
        if (It->path().extension() == ".json" && It->is_regular_file(EC))
          InDir.push_back(It->path());
      if (EC) {
        PolicyDiagnostic D;
        D.File = Dir;
        D.Message = "cannot list the " + Kind + " directory: " + EC.message();
        Problems.push_back(std::move(D));
      }
      std::sort(InDir.begin(), InDir.end(),
                [](const fs::path &A, const fs::path &B) {
                  return A.filename() < B.filename();
                });
      for (const fs::path &P : InDir)
        Files.push_back(P.string());
    }
  }
  Files.insert(Files.end(), Extra.begin(), Extra.end());
  return Files;
}

ApiCatalogLoadResult loadApiCatalogs(const std::string &Dir,
                                     const std::vector<std::string> &Extra) {
  return loadRulesSet<ApiCatalogLoadResult, ApiCatalog>(
      Dir, "catalog", Extra, loadApiCatalogFile,
      [](const ApiCatalog &, std::vector<PolicyDiagnostic> &) { return true; });
}

std::shared_ptr<const ApiCatalogLoadResult>
loadApiCatalogsCached(const std::string &Dir,
                      const std::vector<std::string> &Extra) {
  return loadRulesCached<ApiCatalogLoadResult>(Dir, "catalog", Extra,
                                               loadApiCatalogs);
}

//===--- where the shipped catalogs are -----------------------------------===//

// The file this code was loaded from, found while the library is being
// loaded: dladdr may report a path relative to the working directory, which
// the host (clang-tidy) changes later.
static fs::path locateThisBinary() {
  Dl_info Info;
  std::error_code EC;
  if (dladdr(reinterpret_cast<void *>(&locateThisBinary), &Info) &&
      Info.dli_fname && *Info.dli_fname) {
    fs::path P = fs::absolute(Info.dli_fname, EC);
    if (!EC && fs::is_regular_file(P, EC))
      return P;
  }
  // The main executable: dladdr gives argv[0], which need not be a path.
  fs::path Exe = fs::read_symlink("/proc/self/exe", EC);
  return EC ? fs::path() : Exe;
}

static const fs::path &thisBinary() {
  static const fs::path Binary = locateThisBinary();
  return Binary;
}
// Located while the library is loaded, before the host changes directory.
[[maybe_unused]] static const bool LocatedAtLoad = !thisBinary().empty();

std::string defaultRulesSubdirectory(const std::string &Name) {
  if (const char *Rules = std::getenv("PRIVACY_TIDY_RULES_DIR");
      Rules && *Rules)
    return (fs::path(Rules) / Name).string();
  if (thisBinary().empty())
    return "";
  fs::path Dir = thisBinary().parent_path();
  for (const fs::path &Candidate :
       {Dir / ".." / "rules" / Name, Dir / ".." / ".." / "rules" / Name,
        Dir / ".." / "share" / "privacy-tidy" / "rules" / Name}) {
    std::error_code EC;
    if (fs::is_directory(Candidate, EC)) {
      fs::path Canonical = fs::canonical(Candidate, EC);
      return (EC ? Candidate.lexically_normal() : Canonical).string();
    }
  }
  return "";
}

std::string defaultApiCatalogDir() { return defaultRulesSubdirectory("sinks"); }

} // namespace privacy
