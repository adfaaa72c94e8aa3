//===- PolicyLoader.cpp - read, validate and cross-check a policy ---------===//
#include "privacy/PolicyLoader.h"
#include "privacy/Suggest.h"

#include "JsonValidation.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

namespace privacy {

using nlohmann::json;
namespace fs = std::filesystem;

bool PolicyLoadResult::hasErrors() const {
  return privacy::hasErrors(Diagnostics);
}

// What valijson's wording cannot say about the policy's own keys; the rest
// is worded by JsonValidation.
static std::string describePolicyError(const SchemaError &E) {
  const std::string &Key = E.Key;
  std::string Found = E.found();
  switch (E.Kind) {
  case SchemaErrorKind::Pattern:
    // Keys are ids in the sections of ids, language codes in labels.
    if (E.OnKey && E.tokens().size() != 2)
      return "expected a language code such as \"ko\" or \"en\"" + Found;
    if (E.OnKey)
      return "expected an id of letters, digits, '_', '.' or '-'" + Found;
    if (Key == "country")
      return "expected an ISO 3166-1 alpha-2 country code such as \"KR\"" +
             Found;
    if (Key == "period")
      return "expected an ISO 8601 duration such as \"P5Y\", \"P6M\" or "
             "\"P3M\"" +
             Found;
    if (Key == "effective_date" || Key == "announced_date")
      return "expected a date as YYYY-MM-DD" + Found;
    return "expected an id of letters, digits, '_', '.' or '-'" + Found;
  case SchemaErrorKind::WrongType: {
    static const std::set<std::string> TextKeys = {
        "label",  "description", "task",    "method",
        "timing", "until",       "from",    "records",
        "title",  "name",        "opt_out", "recipient_purpose"};
    if (!E.Pointer.empty() && TextKeys.count(Key))
      return "expected text: a string, or an object of strings by language "
             "code such as {\"ko\": \"...\", \"en\": \"...\"}" +
             Found;
    return "";
  }
  case SchemaErrorKind::NotInEnum:
    if (Key == "basis")
      return "expected a legal basis: consent, contract, legal_obligation, "
             "vital_interests, public_task or legitimate_interests" +
             Found;
    if (Key == "role")
      return "expected role processor or third_party" + Found;
    if (Key == "given_by")
      return "expected data_subject or legal_guardian" + Found;
    return "";
  default:
    return "";
  }
}

// rules/schema/policy.schema.json, embedded at build time so the tools do
// not depend on where the rules are installed; parsed on first use.
static const JsonSchema &policySchema() {
  static const JsonSchema Schema(
#include "policy.schema.inc"
      , "policy", describePolicyError);
  return Schema;
}

namespace {

class PolicyReader {
public:
  PolicyReader(const std::string &Text, const std::string &Path)
      : Path(Path), Json(Text, Path), Doc(Json.document()) {}

  PolicyLoadResult read();

private:
  void error(const std::string &Pointer, const std::string &Message) {
    Json.error(Pointer, Message);
  }
  void warning(const std::string &Pointer, const std::string &Message) {
    Json.warning(Pointer, Message);
  }

  void build(Policy &P);
  void checkReferences(const Policy &P);
  void checkIdList(const std::string &Pointer,
                   const std::vector<std::string> &Known,
                   const char *WhatIsNamed);

  const std::string &Path;
  JsonReader Json;
  const json &Doc;
};

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
                        std::map<std::string, Def> &Out, const JsonLocator &Loc,
                        Extra ReadExtra) {
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
  const JsonLocator &Loc = Json.locator();
  readSection(Doc, "purposes", P.Purposes, Loc,
              [](PurposeDef &, const json &) {});
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
                D.PurposesListed = J.contains("purposes");
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
    error(Pointer + "/" + std::to_string(I), std::string("unknown ") +
                                                 WhatIsNamed + " '" + Id + "'" +
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
        warning(At + "/consent", "activity '" + A.Id + "' names consent '" +
                                     A.Consent + "' but its basis is '" +
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
  PolicyLoadResult Result;
  try {
    if (Json.parse() && Json.validate(policySchema())) {
      auto P = std::make_shared<Policy>();
      build(*P);
      checkReferences(*P);
      if (!Json.hasErrors())
        Result.Loaded = std::move(P);
    }
  } catch (const std::exception &E) {
    // The schema should have ruled this out; never crash on a policy.
    error("", std::string("cannot read the policy: ") + E.what());
    Result.Loaded = nullptr;
  }
  Result.Diagnostics = Json.takeDiagnostics();
  return Result;
}

} // namespace

PolicyLoadResult parsePolicy(const std::string &Text, const std::string &Path) {
  return PolicyReader(Text, Path).read();
}

PolicyLoadResult loadPolicyFile(const std::string &Path) {
  std::string Text;
  if (std::optional<PolicyDiagnostic> Problem =
          readJsonFile(Path, "policy", Text)) {
    PolicyLoadResult R;
    R.Diagnostics.push_back(std::move(*Problem));
    return R;
  }
  return parsePolicy(Text, Path);
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
