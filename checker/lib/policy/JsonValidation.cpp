//===- JsonValidation.cpp - JSON files checked against a schema -----------===//
#include "JsonValidation.h"
#include "privacy/JsonInput.h"
#include "privacy/Suggest.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <tuple>

//===--- 'pattern' with RE2 -----------------------------------------------===//
//
// valijson 1.0 (Debian 12) matches 'pattern' with std::regex, whose
// backtracking recurses once per character: a 30,000-character id
// overflowed the stack (docs/robustness.md). That version has no hook for
// another regex engine (later ones take a RegexEngine template argument),
// so its 'pattern' visit is specialised, for the two adapters it uses here
// (document values, and keys under 'propertyNames'), to match with RE2:
// linear time, no recursion. This file is the only one
// that instantiates valijson's validator. The other std::regex uses of
// valijson ('patternProperties', 'format') are refused in our schemas by
// JsonSchema's constructor.
namespace valijson {
namespace {
const re2::RE2 &compiledPattern(const std::string &Pattern) {
  static std::mutex CacheMutex;
  static std::map<std::string, std::unique_ptr<re2::RE2>> Cache;
  std::lock_guard<std::mutex> Lock(CacheMutex);
  std::unique_ptr<re2::RE2> &Slot = Cache[Pattern];
  if (!Slot) {
    re2::RE2::Options Options;
    // std::regex matched bytes; so does Latin-1 mode.
    Options.set_encoding(re2::RE2::Options::EncodingLatin1);
    Options.set_log_errors(false);
    Slot = std::make_unique<re2::RE2>(Pattern, Options);
  }
  return *Slot;
}

template <typename Adapter>
bool matchPattern(const Adapter &Target, bool StrictTypes,
                  const constraints::PatternConstraint &Constraint,
                  ValidationResults *Results,
                  const std::vector<std::string> &Context) {
  if ((StrictTypes && !Target.isString()) || !Target.maybeString())
    return true;
  const re2::RE2 &Pattern =
      compiledPattern(Constraint.getPattern<std::string::allocator_type>());
  // A schema's pattern that RE2 cannot compile fails every value, loudly.
  if (Pattern.ok() && re2::RE2::PartialMatch(Target.asString(), Pattern))
    return true;
  if (Results)
    Results->pushError(
        Context, "Failed to match regex specified by 'pattern' constraint.");
  return false;
}
} // namespace

// Values of the document.
template <>
bool ValidationVisitor<adapters::NlohmannJsonAdapter>::visit(
    const constraints::PatternConstraint &Constraint) {
  return matchPattern(m_target, m_strictTypes, Constraint, m_results,
                      m_context);
}

// Keys of the document ('propertyNames' validates each as a string).
template <>
bool ValidationVisitor<adapters::StdStringAdapter>::visit(
    const constraints::PatternConstraint &Constraint) {
  return matchPattern(m_target, m_strictTypes, Constraint, m_results,
                      m_context);
}

// valijson 1.0 validates 'propertyNames' without collecting errors, so a
// bad key made only "the policy does not match the schema". Each failing
// key gets its errors, marked "Key: ", at the key's own path.
template <>
bool ValidationVisitor<adapters::NlohmannJsonAdapter>::visit(
    const constraints::PropertyNamesConstraint &Constraint) {
  if ((m_strictTypes && !m_target.isObject()) || !m_target.maybeObject())
    return true;
  bool Valid = true;
  for (const adapters::NlohmannJsonAdapter::ObjectMember Member :
       m_target.asObject()) {
    adapters::StdStringAdapter Name(Member.first);
    std::vector<std::string> Context = m_context;
    Context.push_back("[" + Member.first + "]");
    ValidationResults KeyResults;
    ValidationVisitor<adapters::StdStringAdapter> Visitor(
        Name, Context, m_strictTypes, m_results ? &KeyResults : nullptr,
        m_regexesCache);
    if (Visitor.validateSchema(*Constraint.getSubschema()))
      continue;
    Valid = false;
    if (!m_results)
      return false;
    ValidationResults::Error E;
    while (KeyResults.popError(E))
      m_results->pushError(E.context, "Key: " + E.description);
  }
  return Valid;
}
} // namespace valijson

namespace privacy {

using nlohmann::json;
namespace fs = std::filesystem;

//===--- diagnostics ------------------------------------------------------===//

static std::string formatDiagnostic(const PolicyDiagnostic &D, bool WithLevel) {
  std::string Out = D.File;
  if (D.Line != 0)
    Out += ":" + std::to_string(D.Line) + ":" + std::to_string(D.Column);
  Out += ": ";
  if (WithLevel)
    Out += D.Level == PolicyDiagnostic::Error ? "error: " : "warning: ";
  Out += D.Message;
  if (!D.Pointer.empty()) {
    // A 30,000-character key would make the line unreadable: long tokens
    // are cut (the line and column already say where).
    std::string Shown;
    constexpr size_t MaxToken = 60;
    for (size_t At = 0; At < D.Pointer.size();) {
      size_t Next = D.Pointer.find('/', At + 1);
      if (Next == std::string::npos)
        Next = D.Pointer.size();
      if (Next - At > MaxToken + 1)
        Shown += D.Pointer.substr(At, MaxToken + 1) + "...";
      else
        Shown += D.Pointer.substr(At, Next - At);
      At = Next;
    }
    Out += " [at " + Shown + "]";
  }
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
      Pointer +=
          "/" + JsonLocator::escapeToken(Part.substr(1, Part.size() - 2));
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
  if (!OnKey && (!Value || Value->is_structured()))
    return std::string();
  // A message quotes the value, not 200,000 characters of it.
  std::string Text =
      shortenedForMessage(OnKey ? json(Key).dump() : Value->dump(), 80);
  return (OnKey ? " (found key " : " (found ") + Text + ")";
}

std::vector<std::string> SchemaError::tokens() const {
  return pointerTokens(Pointer);
}

// The keywords valijson would still match with std::regex (see the top of
// this file): a schema of ours that uses one is a build error.
static void refuseStdRegexKeywords(const json &Node) {
  if (Node.is_array()) {
    for (const json &Element : Node)
      refuseStdRegexKeywords(Element);
    return;
  }
  if (!Node.is_object())
    return;
  for (auto It = Node.begin(); It != Node.end(); ++It) {
    const std::string &Key = It.key();
    if (Key == "patternProperties" || Key == "format")
      throw std::logic_error("schema keyword '" + Key +
                             "' would be matched with std::regex");
    if (Key == "properties" || Key == "definitions") {
      for (const json &Sub : It.value())
        refuseStdRegexKeywords(Sub);
    } else if (Key != "enum" && Key != "const" && Key != "required" &&
               Key != "description" && Key != "title" && Key != "$comment") {
      refuseStdRegexKeywords(It.value());
    }
  }
}

JsonSchema::JsonSchema(const char *Text, std::string Noun, Wording Hook)
    : Document(json::parse(Text)),
      Compiled(std::make_unique<valijson::Schema>()), Noun(std::move(Noun)),
      Hook(std::move(Hook)) {
  refuseStdRegexKeywords(Document);
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

const JsonLocator &JsonReader::locator() const {
  if (!Locator)
    Locator = std::make_unique<JsonLocator>(Text);
  return *Locator;
}

TextPosition JsonReader::position(const std::string &Pointer) const {
  return Parsed ? locator().find(Pointer) : TextPosition{0, 0};
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
  if (Parsed) {
    TextPosition P = locator().find(Pointer);
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

bool JsonReader::parse(JsonReader::DuplicateKeys Keys) {
  bool Repeated = false;
  if (std::optional<PolicyDiagnostic> Problem =
          parseJsonText(Text, Path, Doc,
                        Keys == DuplicateKeys::Checked ? &Repeated : nullptr)) {
    Diagnostics.push_back(std::move(*Problem));
    return false;
  }
  Parsed = true;
  if (!Repeated)
    return true;
  // Where they are: the locator's walk of the text.
  for (const JsonLocator::DuplicateKey &Dup : locator().duplicateKeys()) {
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
static SchemaError classify(std::string Pointer, const std::string &Message) {
  // "Key: ": an error of the key itself (our propertyNames visit above).
  bool OnKey = Message.rfind("Key: ", 0) == 0;
  const std::string Text = OnKey ? Message.substr(5) : Message;
  // Plain string matching: the messages quote keys of the document, which
  // can be any length (no std::regex on user text, docs/robustness.md).
  auto StartsWith = [&](const char *Prefix) {
    return Text.rfind(Prefix, 0) == 0;
  };
  SchemaError E;
  E.Description = Text;
  const std::string Unknown =
      "Object contains a property that could not be validated";
  const std::string Unique = "Elements at indexes #";
  size_t Quote = Text.find('\'');
  size_t LastQuote = Text.rfind('\'');
  if (StartsWith("Missing required property '") && LastQuote > Quote) {
    E.Kind = SchemaErrorKind::MissingKey;
    E.Name = Text.substr(Quote + 1, LastQuote - Quote - 1);
  } else if (StartsWith(Unknown.c_str()) &&
             Text.find("constraints: '") != std::string::npos) {
    E.Kind = SchemaErrorKind::UnknownKey;
    size_t Open = Text.find("constraints: '") + 14;
    E.Name = Text.substr(Open, LastQuote - Open);
    Pointer += "/" + JsonLocator::escapeToken(E.Name);
  } else if (StartsWith(Unique.c_str()) &&
             Text.find(" and #") != std::string::npos) {
    size_t First = Unique.size();
    size_t And = Text.find(" and #");
    size_t SecondEnd = Text.find_first_not_of("0123456789", And + 6);
    E.Kind = SchemaErrorKind::Duplicate;
    E.Name = Text.substr(First, And - First);
    Pointer += "/" + Text.substr(And + 6, SecondEnd == std::string::npos
                                              ? std::string::npos
                                              : SecondEnd - And - 6);
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
  E.OnKey = OnKey;
  std::vector<std::string> Tokens = pointerTokens(E.Pointer);
  E.Key = Tokens.empty() ? std::string() : Tokens.back();
  return E;
}

bool JsonReader::validate(const JsonSchema &Schema) {
  valijson::ValidationResults Results;
  {
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
  // Sorted, the pointers under F's follow F's + "/" directly: finding
  // one is a lookup, not a scan of every leaf (a document can have 100,000
  // errors).
  std::set<std::string> LeafPointers, ValuePointers;
  for (const SchemaError &F : Leaves) {
    LeafPointers.insert(F.Pointer);
    if (!F.OnKey)
      ValuePointers.insert(F.Pointer);
  }
  for (SchemaError &F : Leaves) {
    std::string Prefix = F.Pointer + "/";
    auto Next = LeafPointers.lower_bound(Prefix);
    bool HasDeeper = Next != LeafPointers.end() &&
                     Next->compare(0, Prefix.size(), Prefix) == 0;
    // A key that fails one branch of an anyOf (a retention object read as
    // a label of language codes) is noise beside what the value's own
    // branch says of it.
    if (F.OnKey) {
      auto Value = ValuePointers.lower_bound(F.Pointer);
      if (Value != ValuePointers.end() &&
          (*Value == F.Pointer ||
           Value->compare(0, Prefix.size(), Prefix) == 0))
        continue;
    }
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
