//===- JsonValidation.cpp - JSON files checked against a schema -----------===//
#include "JsonValidation.h"
#include "privacy/Suggest.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

namespace privacy {

using nlohmann::json;
namespace fs = std::filesystem;

//===--- diagnostics ------------------------------------------------------===//

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

bool hasErrors(const std::vector<PolicyDiagnostic> &Diagnostics) {
  return std::any_of(Diagnostics.begin(), Diagnostics.end(),
                     [](const PolicyDiagnostic &D) {
                       return D.Level == PolicyDiagnostic::Error;
                     });
}

std::optional<PolicyDiagnostic> readJsonFile(const std::string &Path,
                                             const std::string &Noun,
                                             std::string &Text) {
  std::ifstream In(Path, std::ios::binary);
  std::error_code EC;
  if (!In || fs::is_directory(Path, EC)) {
    PolicyDiagnostic D;
    D.File = Path;
    D.Message = fs::exists(Path, EC) ? "cannot read the " + Noun + " file"
                                     : Noun + " file not found";
    return D;
  }
  std::stringstream Buffer;
  Buffer << In.rdbuf();
  Text = Buffer.str();
  return std::nullopt;
}

//===--- JSON pointers ----------------------------------------------------===//

static std::string unescapeToken(const std::string &Token) {
  std::string Out;
  for (size_t I = 0; I < Token.size(); ++I) {
    if (Token[I] == '~' && I + 1 < Token.size() &&
        (Token[I + 1] == '0' || Token[I + 1] == '1')) {
      Out += Token[I + 1] == '0' ? '~' : '/';
      ++I;
    } else {
      Out += Token[I];
    }
  }
  return Out;
}

static std::vector<std::string> pointerTokens(const std::string &Pointer) {
  std::vector<std::string> Tokens;
  size_t At = 0;
  while (At < Pointer.size()) {
    size_t Next = Pointer.find('/', At + 1);
    if (Next == std::string::npos)
      Next = Pointer.size();
    Tokens.push_back(unescapeToken(Pointer.substr(At + 1, Next - At - 1)));
    At = Next;
  }
  return Tokens;
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

static const json *valueAt(const json &Doc, const std::string &Pointer) {
  try {
    return &Doc.at(json::json_pointer(Pointer));
  } catch (const json::exception &) {
    return nullptr;
  }
}

//===--- schemas ----------------------------------------------------------===//

std::string SchemaError::found() const {
  return Value && !Value->is_structured() ? " (found " + Value->dump() + ")"
                                          : std::string();
}

std::vector<std::string> SchemaError::tokens() const {
  return pointerTokens(Pointer);
}

JsonSchema::JsonSchema(const char *Text, std::string Noun, Wording Hook)
    : Document(json::parse(Text)),
      Compiled(std::make_unique<valijson::Schema>()), Noun(std::move(Noun)),
      Hook(std::move(Hook)) {
  valijson::SchemaParser Parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter Adapter(Document);
  Parser.populateSchema(Adapter, *Compiled);
}

JsonSchema::~JsonSchema() = default;

// Follows local references ("#/definitions/x"); a bounded number of hops so
// that a reference cycle cannot hang us.
static const json *resolveRef(const json &Schema, const json *Node) {
  for (int Hops = 0; Node && Node->is_object() && Hops < 32; ++Hops) {
    auto Ref = Node->find("$ref");
    if (Ref == Node->end() || !Ref->is_string())
      return Node;
    const std::string &Target = Ref->get_ref<const std::string &>();
    if (Target.rfind('#', 0) != 0)
      return nullptr;
    Node = valueAt(Schema, Target.substr(1));
  }
  return Node && Node->is_object() ? Node : nullptr;
}

static const char *const Combinators[] = {"anyOf", "oneOf", "allOf"};

// The schema of member \p Token of a value described by \p Node.
static const json *stepInto(const json &Schema, const json *Node,
                            const std::string &Token, int Depth = 0) {
  Node = resolveRef(Schema, Node);
  if (!Node || Depth > 8)
    return nullptr;
  auto Properties = Node->find("properties");
  if (Properties != Node->end() && Properties->is_object() &&
      Properties->contains(Token))
    return resolveRef(Schema, &(*Properties)[Token]);
  auto Items = Node->find("items");
  if (Items != Node->end() && Items->is_object() && !Token.empty() &&
      std::all_of(Token.begin(), Token.end(),
                  [](unsigned char C) { return std::isdigit(C); }))
    return resolveRef(Schema, &*Items);
  auto Additional = Node->find("additionalProperties");
  if (Additional != Node->end() && Additional->is_object())
    return resolveRef(Schema, &*Additional);
  // The first branch of a combinator that describes the member.
  for (const char *Combinator : Combinators) {
    auto Branches = Node->find(Combinator);
    if (Branches == Node->end() || !Branches->is_array())
      continue;
    for (const json &Branch : *Branches)
      if (const json *Found = stepInto(Schema, &Branch, Token, Depth + 1))
        return Found;
  }
  return nullptr;
}

const json *schemaNodeAt(const json &Schema, const std::string &Pointer) {
  const json *Node = resolveRef(Schema, &Schema);
  for (const std::string &Token : pointerTokens(Pointer))
    if (!(Node = stepInto(Schema, Node, Token)))
      return nullptr;
  return Node;
}

// The keys the schema \p Node names, in its branches too.
static void collectKeys(const json &Schema, const json *Node,
                        std::vector<std::string> &Keys, int Depth = 0) {
  Node = resolveRef(Schema, Node);
  if (!Node || Depth > 8)
    return;
  auto Properties = Node->find("properties");
  if (Properties != Node->end() && Properties->is_object())
    for (auto It = Properties->begin(); It != Properties->end(); ++It)
      Keys.push_back(It.key());
  for (const char *Combinator : Combinators) {
    auto Branches = Node->find(Combinator);
    if (Branches != Node->end() && Branches->is_array())
      for (const json &Branch : *Branches)
        collectKeys(Schema, &Branch, Keys, Depth + 1);
  }
}

// The wording every schema gets: valijson names the schema keyword; say
// what the value should be.
static std::string describeGenerically(const SchemaError &E,
                                       const std::string &Noun) {
  switch (E.Kind) {
  case SchemaErrorKind::MissingKey:
    return "missing required key '" + E.Name + "'";
  case SchemaErrorKind::UnknownKey: {
    std::vector<std::string> Known;
    std::string Parent = E.Pointer.substr(0, E.Pointer.rfind('/'));
    collectKeys(*E.Schema, schemaNodeAt(*E.Schema, Parent), Known);
    return "unknown key '" + E.Name + "'" + didYouMean(E.Name, Known);
  }
  case SchemaErrorKind::Duplicate:
    return (E.Value ? E.Value->dump() : std::string("value")) +
           " is listed twice";
  case SchemaErrorKind::WrongType:
    if (E.Pointer.empty())
      return "a " + Noun + " must be a JSON object";
    return "value has the wrong JSON type" + E.found();
  default:
    break;
  }
  std::string Description = E.Description;
  if (!Description.empty() && Description.back() == '.')
    Description.pop_back();
  if (!Description.empty())
    Description[0] = static_cast<char>(std::tolower(Description[0]));
  return Description + E.found();
}

std::string JsonSchema::describe(const SchemaError &E) const {
  if (Hook) {
    std::string Message = Hook(E);
    if (!Message.empty())
      return Message;
  }
  return describeGenerically(E, Noun);
}

//===--- reading ----------------------------------------------------------===//

JsonReader::JsonReader(const std::string &Text, const std::string &Path)
    : Text(Text), Path(Path) {}

JsonReader::~JsonReader() = default;

TextPosition JsonReader::position(const std::string &Pointer) const {
  return Locator ? Locator->find(Pointer) : TextPosition{0, 0};
}

std::string JsonReader::where(const std::string &Pointer) const {
  TextPosition P = position(Pointer);
  return Path + ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column);
}

void JsonReader::report(PolicyDiagnostic::Severity Level,
                        const std::string &Pointer,
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
  Diagnostics.push_back(std::move(D));
}

bool JsonReader::hasErrors() const { return privacy::hasErrors(Diagnostics); }

std::vector<PolicyDiagnostic> JsonReader::takeDiagnostics() {
  std::stable_sort(Diagnostics.begin(), Diagnostics.end(),
                   [](const PolicyDiagnostic &A, const PolicyDiagnostic &B) {
                     return std::tie(A.Line, A.Column) <
                            std::tie(B.Line, B.Column);
                   });
  return std::move(Diagnostics);
}

bool JsonReader::parse() {
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
    Diagnostics.push_back(std::move(D));
    return false;
  } catch (const json::exception &E) {
    // A number out of range ("1e999"): nlohmann gives no position.
    std::string What = E.what();
    PolicyDiagnostic D;
    D.File = Path;
    D.Message = "invalid JSON: " + What.substr(What.find("] ") + 2);
    Diagnostics.push_back(std::move(D));
    return false;
  }
  Locator = std::make_unique<JsonLocator>(Text);
  for (const JsonLocator::DuplicateKey &Dup : Locator->duplicateKeys()) {
    error(Dup.Pointer, "duplicate key '" +
                           Dup.Pointer.substr(Dup.Pointer.rfind('/') + 1) +
                           "'; JSON readers keep only one of them");
    Diagnostics.back().Line = Dup.Where.Line;
    Diagnostics.back().Column = Dup.Where.Column;
  }
  return Locator->duplicateKeys().empty();
}

// Classifies one of valijson's messages; the errors about a key or an
// element are moved to that key or element, so that line and column point
// at it.
static SchemaError classify(std::string Pointer, const std::string &Text) {
  static const std::regex Missing(R"(^Missing required property '(.*)'\.?$)");
  static const std::regex Unknown(
      R"(^Object contains a property that could not be validated .*: '(.*)'\.$)");
  static const std::regex Unique(
      R"(^Elements at indexes #([0-9]+) and #([0-9]+) violate uniqueness)");
  SchemaError E;
  E.Description = Text;
  std::smatch M;
  if (std::regex_match(Text, M, Missing)) {
    E.Kind = SchemaErrorKind::MissingKey;
    E.Name = M[1].str();
  } else if (std::regex_match(Text, M, Unknown)) {
    E.Kind = SchemaErrorKind::UnknownKey;
    E.Name = M[1].str();
    Pointer += "/" + JsonLocator::escapeToken(E.Name);
  } else if (std::regex_search(Text, M, Unique)) {
    E.Kind = SchemaErrorKind::Duplicate;
    E.Name = M[1].str();
    Pointer += "/" + M[2].str();
  } else if (Text.find("'type' constraint") != std::string::npos) {
    E.Kind = SchemaErrorKind::WrongType;
  } else if (Text.find("'pattern' constraint") != std::string::npos) {
    E.Kind = SchemaErrorKind::Pattern;
  } else if (Text.find("enum values") != std::string::npos) {
    E.Kind = SchemaErrorKind::NotInEnum;
  } else if (Text.find("'const' constraint") != std::string::npos) {
    E.Kind = SchemaErrorKind::NotConst;
  } else if (Text.find("'not' constraint") != std::string::npos) {
    E.Kind = SchemaErrorKind::Not;
  }
  E.Pointer = std::move(Pointer);
  std::vector<std::string> Tokens = pointerTokens(E.Pointer);
  E.Key = Tokens.empty() ? std::string() : Tokens.back();
  return E;
}

bool JsonReader::validate(const JsonSchema &Schema) {
  valijson::ValidationResults Results;
  {
    // valijson compiles each 'pattern' into a std::regex while validating,
    // and libstdc++ fills its ctype<char>::narrow cache lazily without a
    // lock (GCC PR 77704): one validation at a time, for every schema.
    // Files are validated once per process, so nobody waits long.
    static std::mutex ValidationMutex;
    std::lock_guard<std::mutex> Lock(ValidationMutex);
    valijson::Validator Validator;
    valijson::adapters::NlohmannJsonAdapter Target(Doc);
    if (Validator.validate(*Schema.Compiled, Target, &Results))
      return true;
  }

  // valijson reports a summary ("Failed to validate ...") at every level on
  // the way down, and every failing branch of an anyOf. The leaves are what
  // a person can act on; of a leaf and a deeper one under it (two branches
  // of one anyOf), the deeper is the one that matched the value's shape.
  std::vector<SchemaError> Leaves;
  for (const auto &E : Results) {
    if (E.description.rfind("Failed to validate", 0) == 0)
      continue;
    Leaves.push_back(classify(pointerOfContext(E.context), E.description));
  }
  std::set<std::pair<std::string, std::string>> Seen;
  for (SchemaError &F : Leaves) {
    bool HasDeeper =
        std::any_of(Leaves.begin(), Leaves.end(), [&](const SchemaError &G) {
          return G.Pointer.size() > F.Pointer.size() &&
                 G.Pointer.compare(0, F.Pointer.size() + 1, F.Pointer + "/") == 0;
        });
    if (HasDeeper && F.Kind != SchemaErrorKind::MissingKey)
      continue;
    F.Value = valueAt(Doc, F.Pointer);
    F.Document = &Doc;
    F.Schema = &Schema.document();
    // Two branches of an anyOf often fail the same way.
    std::string Message = Schema.describe(F);
    if (Seen.insert({F.Pointer, Message}).second)
      error(F.Pointer, Message);
  }
  if (!hasErrors())
    error("", Schema.noun() + " does not match the schema");
  return false;
}

} // namespace privacy
