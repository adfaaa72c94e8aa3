//===- PolicyLoader.cpp - read, validate and cross-check a policy ---------===//
#include "privacy/PolicyLoader.h"
#include "privacy/Suggest.h"

#include "JsonLocator.h"

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>

namespace privacy {

using nlohmann::json;
namespace fs = std::filesystem;

// rules/schema/policy.schema.json, embedded at build time so the tools do
// not depend on where the rules are installed.
static const char *const PolicySchemaText =
#include "policy.schema.inc"
    ;

static std::string formatDiagnostic(const PolicyDiagnostic &D,
                                    bool WithLevel) {
  std::string Out = D.File;
  if (D.Line != 0)
    Out += ":" + std::to_string(D.Line) + ":" + std::to_string(D.Column);
  Out += ": ";
  if (WithLevel)
    Out += D.Level == PolicyDiagnostic::Error ? "error: " : "warning: ";
  Out += D.Message;
  if (!D.Pointer.empty())
    Out += " [at " + D.Pointer + "]";
  return Out;
}

std::string PolicyDiagnostic::format() const {
  return formatDiagnostic(*this, true);
}

std::string PolicyDiagnostic::formatWithoutLevel() const {
  return formatDiagnostic(*this, false);
}

bool PolicyLoadResult::hasErrors() const {
  return std::any_of(Diagnostics.begin(), Diagnostics.end(),
                     [](const PolicyDiagnostic &D) {
                       return D.Level == PolicyDiagnostic::Error;
                     });
}

static std::string lastToken(const std::string &Pointer) {
  return Pointer.substr(Pointer.rfind('/') + 1);
}

namespace {

class PolicyReader {
public:
  PolicyReader(const std::string &Text, const std::string &Path)
      : Text(Text), Path(Path) {}

  PolicyLoadResult read();

private:
  void report(PolicyDiagnostic::Severity Level, const std::string &Pointer,
              const std::string &Message) {
    PolicyDiagnostic D;
    D.Level = Level;
    D.File = Path;
    D.Pointer = Pointer;
    D.Message = Message;
    if (Locator) {
      TextPosition P = Locator->find(Pointer);
      D.Line = P.Line;
      D.Column = P.Column;
    }
    Result.Diagnostics.push_back(std::move(D));
  }
  void error(const std::string &Pointer, const std::string &Message) {
    report(PolicyDiagnostic::Error, Pointer, Message);
  }
  void warning(const std::string &Pointer, const std::string &Message) {
    report(PolicyDiagnostic::Warning, Pointer, Message);
  }

  bool parseSyntax();
  bool validateSchema();
  void build(Policy &P);
  void checkReferences(const Policy &P);
  void checkIdList(const std::string &Pointer,
                   const std::vector<std::string> &Known,
                   const char *WhatIsNamed);

  const std::string &Text;
  const std::string &Path;
  json Doc;
  std::unique_ptr<JsonLocator> Locator;
  PolicyLoadResult Result;
};

bool PolicyReader::parseSyntax() {
  try {
    Doc = json::parse(Text);
  } catch (const json::parse_error &E) {
    // what(): "[json.exception.parse_error.101] parse error at line L,
    // column C: syntax error while parsing X - detail"
    std::string What = E.what();
    PolicyDiagnostic D;
    D.File = Path;
    TextPosition P = positionOfOffset(Text, E.byte == 0 ? 0 : E.byte - 1);
    D.Line = P.Line;
    D.Column = P.Column;
    std::smatch M;
    static const std::regex Shape(
        R"(column [0-9]+: (syntax error while parsing [a-z ]+?) - (.*)$)");
    if (std::regex_search(What, M, Shape))
      D.Message = "invalid JSON: " + M[1].str() + ": " + M[2].str();
    else
      D.Message = "invalid JSON: " + What;
    Result.Diagnostics.push_back(std::move(D));
    return false;
  }
  Locator = std::make_unique<JsonLocator>(Text);
  for (const JsonLocator::DuplicateKey &Dup : Locator->duplicateKeys()) {
    error(Dup.Pointer, "duplicate key '" + lastToken(Dup.Pointer) +
                           "'; JSON readers keep only one of them");
    Result.Diagnostics.back().Line = Dup.Where.Line;
    Result.Diagnostics.back().Column = Dup.Where.Column;
  }
  return Locator->duplicateKeys().empty();
}

// valijson names a path as "<root>", "[key]", "[0]"; turn that into a JSON
// pointer.
static std::string pointerOfContext(const std::vector<std::string> &Context) {
  std::string Pointer;
  for (const std::string &Part : Context) {
    if (Part.size() >= 2 && Part.front() == '[' && Part.back() == ']')
      Pointer += "/" + JsonLocator::escapeToken(Part.substr(1, Part.size() - 2));
  }
  return Pointer;
}

// valijson's wording names the schema keyword; say what the value should be.
static std::string describeSchemaError(const std::string &Pointer,
                                       std::string Description,
                                       const json *Value) {
  static const std::regex Missing(R"(^Missing required property '(.*)'\.?$)");
  std::smatch M;
  if (std::regex_match(Description, M, Missing))
    return "missing required key '" + M[1].str() + "'";
  if (Pointer.empty() && Description.find("'type' constraint") != std::string::npos)
    return "a policy must be a JSON object";
  std::string Key = lastToken(Pointer);
  std::string Found = Value && !Value->is_structured()
                          ? " (found " + Value->dump() + ")"
                          : std::string();
  if (Description.find("'pattern' constraint") != std::string::npos) {
    if (Key == "country")
      return "expected an ISO 3166-1 alpha-2 country code such as \"KR\"" +
             Found;
    if (Key == "period")
      return "expected an ISO 8601 duration such as \"P5Y\", \"P6M\" or "
             "\"P3M\"" + Found;
    if (Key == "effective_date" || Key == "announced_date")
      return "expected a date as YYYY-MM-DD" + Found;
    return "expected an id of letters, digits, '_', '.' or '-'" + Found;
  }
  if (Description.find("'type' constraint") != std::string::npos) {
    static const std::set<std::string> TextKeys = {
        "label", "description", "task",  "method", "timing", "until",
        "from",  "records",     "title", "name",   "opt_out",
        "recipient_purpose"};
    if (TextKeys.count(Key))
      return "expected text: a string, or an object of strings by language "
             "code such as {\"ko\": \"...\", \"en\": \"...\"}" +
             Found;
    return "value has the wrong JSON type" + Found;
  }
  if (Description.find("enum values") != std::string::npos) {
    if (Key == "basis")
      return "expected a legal basis: consent, contract, legal_obligation, "
             "vital_interests, public_task or legitimate_interests" + Found;
    if (Key == "role")
      return "expected role processor or third_party" + Found;
    if (Key == "given_by")
      return "expected data_subject or legal_guardian" + Found;
  }
  if (!Description.empty() && Description.back() == '.')
    Description.pop_back();
  if (!Description.empty())
    Description[0] = static_cast<char>(std::tolower(Description[0]));
  return Description + Found;
}

bool PolicyReader::validateSchema() {
  static std::mutex SchemaMutex;
  static valijson::Schema Schema;
  static bool SchemaReady = false;
  std::lock_guard<std::mutex> Lock(SchemaMutex);
  if (!SchemaReady) {
    json SchemaDoc = json::parse(PolicySchemaText);
    valijson::SchemaParser Parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter SchemaAdapter(SchemaDoc);
    Parser.populateSchema(SchemaAdapter, Schema);
    SchemaReady = true;
  }
  valijson::Validator Validator;
  valijson::ValidationResults Results;
  valijson::adapters::NlohmannJsonAdapter Target(Doc);
  if (Validator.validate(Schema, Target, &Results))
    return true;

  // valijson reports a summary ("Failed to validate ...") at every level on
  // the way down, and every failing branch of an anyOf. The leaves are what
  // a person can act on; of a leaf and a deeper one under it (two branches
  // of one anyOf), the deeper is the one that matched the value's shape.
  struct Found {
    std::string Pointer, Description;
    bool IsMissingKey;
  };
  std::vector<Found> Leaves;
  for (const auto &E : Results) {
    if (E.description.rfind("Failed to validate", 0) == 0)
      continue;
    Leaves.push_back({pointerOfContext(E.context), E.description,
                      E.description.rfind("Missing required property", 0) == 0});
  }
  std::set<std::pair<std::string, std::string>> Seen;
  for (const Found &F : Leaves) {
    bool HasDeeper =
        std::any_of(Leaves.begin(), Leaves.end(), [&](const Found &G) {
          return G.Pointer.size() > F.Pointer.size() &&
                 G.Pointer.compare(0, F.Pointer.size() + 1, F.Pointer + "/") == 0;
        });
    if ((HasDeeper && !F.IsMissingKey) ||
        !Seen.insert({F.Pointer, F.Description}).second)
      continue;
    const json *Value = nullptr;
    try {
      Value = &Doc.at(json::json_pointer(F.Pointer));
    } catch (const json::exception &) {
    }
    error(F.Pointer, describeSchemaError(F.Pointer, F.Description, Value));
  }
  if (!Result.hasErrors())
    error("", "policy does not match the schema");
  return false;
}

static Label readLabel(const json &J) {
  Label L;
  if (J.is_string())
    L[""] = J.get<std::string>();
  else if (J.is_object())
    for (auto It = J.begin(); It != J.end(); ++It)
      if (It.value().is_string())
        L[It.key()] = It.value().get<std::string>();
  return L;
}

static Label readLabel(const json &Object, const char *Key) {
  auto It = Object.find(Key);
  return It == Object.end() ? Label() : readLabel(*It);
}

static IdSet readIdSet(const json &Object, const char *Key) {
  IdSet Set;
  auto It = Object.find(Key);
  if (It == Object.end() || !It->is_array())
    return Set;
  for (const json &Id : *It) {
    std::string S = Id.get<std::string>();
    if (S == "*")
      Set.All = true;
    else
      Set.Ids.push_back(S);
  }
  return Set;
}

static std::string readString(const json &Object, const char *Key) {
  auto It = Object.find(Key);
  return It != Object.end() && It->is_string() ? It->get<std::string>()
                                               : std::string();
}

static Retention readRetention(const json &Object) {
  Retention R;
  auto It = Object.find("retention");
  if (It == Object.end())
    return R;
  if (!It->is_object() || (!It->contains("period") && !It->contains("until"))) {
    R.Text = readLabel(*It);
    return R;
  }
  R.Period = readString(*It, "period");
  R.Until = readLabel(*It, "until");
  R.From = readLabel(*It, "from");
  R.LegalBasis = readLabel(*It, "basis");
  R.Records = readLabel(*It, "records");
  return R;
}

template <typename Def>
static void readDescribed(Def &D, const std::string &Id, const json &J,
                          const std::string &Pointer, const JsonLocator &Loc) {
  D.Id = Id;
  D.Name = readLabel(J, "label");
  D.Description = readLabel(J, "description");
  D.Where.Pointer = Pointer;
  TextPosition P = Loc.find(Pointer);
  D.Where.Line = P.Line;
  D.Where.Column = P.Column;
}

template <typename Def, typename Extra>
static void readSection(const json &Doc, const char *Section,
                        std::map<std::string, Def> &Out,
                        const JsonLocator &Loc, Extra ReadExtra) {
  auto It = Doc.find(Section);
  if (It == Doc.end())
    return;
  for (auto Entry = It->begin(); Entry != It->end(); ++Entry) {
    Def D;
    std::string Pointer = std::string("/") + Section + "/" +
                          JsonLocator::escapeToken(Entry.key());
    readDescribed(D, Entry.key(), Entry.value(), Pointer, Loc);
    ReadExtra(D, Entry.value());
    Out.emplace(Entry.key(), std::move(D));
  }
}

void PolicyReader::build(Policy &P) {
  P.Path = Path;
  const json &Controller = Doc.at("controller");
  P.ControllerName = readLabel(Controller, "name");
  P.ControllerCountry = Controller.at("country").get<std::string>();
  const JsonLocator &Loc = *Locator;
  readSection(Doc, "purposes", P.Purposes, Loc, [](PurposeDef &, const json &) {});
  readSection(Doc, "items", P.Items, Loc, [](ItemDef &D, const json &J) {
    D.Category = readString(J, "category");
  });
  readSection(Doc, "consents", P.Consents, Loc,
              [](ConsentDef &D, const json &J) {
                if (J.contains("given_by"))
                  D.GivenBy = J.at("given_by").get<std::string>();
                if (J.contains("applies_below_age"))
                  D.AppliesBelowAge = J.at("applies_below_age").get<int>();
              });
  readSection(Doc, "recipients", P.Recipients, Loc,
              [](RecipientDef &D, const json &J) {
                D.Role = J.at("role").get<std::string>();
                D.Country = J.at("country").get<std::string>();
                D.Contact = readString(J, "contact");
                D.Items = readIdSet(J, "items");
                D.Purposes = readIdSet(J, "purposes");
                D.Task = readLabel(J, "task");
                D.RecipientPurpose = readLabel(J, "recipient_purpose");
                D.Method = readLabel(J, "method");
                D.Timing = readLabel(J, "timing");
                D.Keep = readRetention(J);
              });
  readSection(Doc, "stores", P.Stores, Loc, [](StoreDef &D, const json &J) {
    D.Items = readIdSet(J, "items");
    D.Keep = readRetention(J);
  });
  const json &Activities = Doc.at("activities");
  for (size_t I = 0; I < Activities.size(); ++I) {
    const json &J = Activities[I];
    Activity A;
    A.Id = J.at("id").get<std::string>();
    A.Name = readLabel(J, "label");
    A.Description = readLabel(J, "description");
    A.LegalBasis = *parseBasis(J.at("basis").get<std::string>());
    A.Consent = readString(J, "consent");
    A.Required = J.value("required", false);
    A.Items = readIdSet(J, "items");
    for (const json &Purpose : J.at("purposes"))
      A.Purposes.push_back(Purpose.get<std::string>());
    A.Where.Pointer = "/activities/" + std::to_string(I);
    TextPosition Pos = Loc.find(A.Where.Pointer);
    A.Where.Line = Pos.Line;
    A.Where.Column = Pos.Column;
    P.Activities.push_back(std::move(A));
  }
}

// Reports each id of the array at \p Pointer that is not in \p Known.
void PolicyReader::checkIdList(const std::string &Pointer,
                               const std::vector<std::string> &Known,
                               const char *WhatIsNamed) {
  const json *List = nullptr;
  try {
    List = &Doc.at(json::json_pointer(Pointer));
  } catch (const json::exception &) {
    return;
  }
  if (!List->is_array())
    return;
  for (size_t I = 0; I < List->size(); ++I) {
    std::string Id = (*List)[I].get<std::string>();
    if (Id == "*" || std::binary_search(Known.begin(), Known.end(), Id))
      continue;
    error(Pointer + "/" + std::to_string(I),
          std::string("unknown ") + WhatIsNamed + " '" + Id + "'" +
              didYouMean(Id, Known));
  }
}

void PolicyReader::checkReferences(const Policy &P) {
  const std::vector<std::string> Items = P.itemIds(), Purposes = P.purposeIds(),
                                 Consents = P.consentIds();
  std::set<std::string> ActivityIds;
  std::set<std::string> UsedPurposes, NamedItems;
  for (size_t I = 0; I < P.Activities.size(); ++I) {
    const Activity &A = P.Activities[I];
    std::string At = "/activities/" + std::to_string(I);
    if (!ActivityIds.insert(A.Id).second)
      error(At + "/id", "duplicate activity id '" + A.Id + "'");
    checkIdList(At + "/items", Items, "item");
    checkIdList(At + "/purposes", Purposes, "purpose");
    if (!A.Consent.empty()) {
      if (!P.consent(A.Consent))
        error(At + "/consent", "unknown consent '" + A.Consent + "'" +
                                   didYouMean(A.Consent, Consents));
      else if (A.LegalBasis != Basis::Consent)
        warning(At + "/consent",
                "activity '" + A.Id + "' names consent '" + A.Consent +
                    "' but its basis is '" +
                    std::string(basisName(A.LegalBasis)) +
                    "'; the consent is not required for it");
    }
    UsedPurposes.insert(A.Purposes.begin(), A.Purposes.end());
    NamedItems.insert(A.Items.Ids.begin(), A.Items.Ids.end());
  }

  auto CheckGivenItems = [&](const char *Section, const std::string &Id,
                             const IdSet &Given, const char *Kind) {
    std::string At = std::string("/") + Section + "/" +
                     JsonLocator::escapeToken(Id) + "/items";
    checkIdList(At, Items, "item");
    for (size_t I = 0; I < Given.Ids.size(); ++I) {
      const std::string &Item = Given.Ids[I];
      if (P.item(Item) && !NamedItems.count(Item))
        warning(At + "/" + std::to_string(I),
                std::string(Kind) + " '" + Id + "' is given item '" + Item +
                    "', which no activity collects by name");
    }
  };
  for (const auto &[Id, R] : P.Recipients) {
    CheckGivenItems("recipients", Id, R.Items, "recipient");
    checkIdList("/recipients/" + JsonLocator::escapeToken(Id) + "/purposes",
                Purposes, "purpose");
  }
  for (const auto &[Id, S] : P.Stores)
    CheckGivenItems("stores", Id, S.Items, "store");
  checkIdList("/cookies/items", Items, "item");
  checkIdList("/cookies/purposes", Purposes, "purpose");

  for (const auto &[Id, Purpose] : P.Purposes)
    if (!UsedPurposes.count(Id))
      warning(Purpose.Where.Pointer,
              "purpose '" + Id +
                  "' is used by no activity; no data may be processed for it");
}

PolicyLoadResult PolicyReader::read() {
  try {
    if (parseSyntax() && validateSchema()) {
      auto P = std::make_shared<Policy>();
      build(*P);
      checkReferences(*P);
      if (!Result.hasErrors())
        Result.Loaded = std::move(P);
    }
  } catch (const std::exception &E) {
    // The schema should have ruled this out; never crash on a policy.
    error("", std::string("cannot read the policy: ") + E.what());
    Result.Loaded = nullptr;
  }
  std::stable_sort(Result.Diagnostics.begin(), Result.Diagnostics.end(),
                   [](const PolicyDiagnostic &A, const PolicyDiagnostic &B) {
                     return std::tie(A.Line, A.Column) <
                            std::tie(B.Line, B.Column);
                   });
  return std::move(Result);
}

} // namespace

PolicyLoadResult parsePolicy(const std::string &Text, const std::string &Path) {
  return PolicyReader(Text, Path).read();
}

PolicyLoadResult loadPolicyFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  std::error_code EC;
  if (!In || fs::is_directory(Path, EC)) {
    PolicyLoadResult R;
    PolicyDiagnostic D;
    D.File = Path;
    D.Message = fs::exists(Path, EC) ? "cannot read the policy file"
                                     : "policy file not found";
    R.Diagnostics.push_back(std::move(D));
    return R;
  }
  std::stringstream Buffer;
  Buffer << In.rdbuf();
  return parsePolicy(Buffer.str(), Path);
}

std::string findPolicyFileUpwards(const std::string &StartDir) {
  std::error_code EC;
  fs::path Dir = fs::absolute(StartDir, EC);
  if (EC)
    return {};
  while (true) {
    fs::path Candidate = Dir / DefaultPolicyFileName;
    if (fs::is_regular_file(Candidate, EC))
      return Candidate.lexically_normal().string();
    if (!Dir.has_parent_path() || Dir.parent_path() == Dir)
      return {};
    Dir = Dir.parent_path();
  }
}

std::shared_ptr<const PolicyLoadResult>
loadPolicyCached(const std::string &Path) {
  struct Entry {
    fs::file_time_type Modified;
    std::shared_ptr<const PolicyLoadResult> Result;
  };
  static std::mutex CacheMutex;
  static std::map<std::string, Entry> Cache;
  std::error_code EC;
  fs::file_time_type Modified = fs::last_write_time(Path, EC);
  std::lock_guard<std::mutex> Lock(CacheMutex);
  auto It = Cache.find(Path);
  if (It != Cache.end() && !EC && It->second.Modified == Modified)
    return It->second.Result;
  auto Result = std::make_shared<const PolicyLoadResult>(loadPolicyFile(Path));
  Cache[Path] = {Modified, Result};
  return Result;
}

} // namespace privacy
