//===- Classifier.cpp - which names and types look like personal data ----===//
#include "privacy/Classifier.h"
#include "privacy/ApiCatalog.h"

#include "JsonValidation.h"
#include "RulesCache.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

namespace privacy {

using nlohmann::json;
namespace fs = std::filesystem;

//===--- words
//-------------------------------------------------------------===//

static bool isAsciiLower(char C) { return C >= 'a' && C <= 'z'; }
static bool isAsciiUpper(char C) { return C >= 'A' && C <= 'Z'; }
static bool isAsciiDigit(char C) { return C >= '0' && C <= '9'; }
static bool isAsciiAlnum(char C) {
  return isAsciiLower(C) || isAsciiUpper(C) || isAsciiDigit(C);
}
static bool isNonAscii(char C) { return static_cast<unsigned char>(C) >= 0x80; }

static bool hasNonAscii(const std::string &S) {
  return std::any_of(S.begin(), S.end(), isNonAscii);
}

// Hungarian type prefixes that follow a member prefix ("m_sNick",
// "m_pUser", "g_szName"): they say how the value is stored, not what it is.
static bool isTypePrefix(const std::string &W) {
  static const std::set<std::string> Prefixes = {
      "s",  "b", "u", "i", "p",  "v",  "ss",  "mss", "e",
      "sp", "f", "n", "l", "c",  "sz", "str", "ps",  "ui",
      "ul", "d", "h", "a", "vs", "ms", "psz"};
  return Prefixes.count(W) > 0;
}

std::vector<std::string> identifierWords(const std::string &Name) {
  std::vector<std::string> Words;
  std::string Word;
  auto Flush = [&] {
    if (!Word.empty())
      Words.push_back(Word);
    Word.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (isNonAscii(C)) {
      // A run of non-ASCII characters (Hangul has no case) is one word.
      if (!Word.empty() && !isNonAscii(Word.back()))
        Flush();
      Word += C;
      continue;
    }
    if (!isAsciiAlnum(C)) {
      Flush();
      continue;
    }
    if (!Word.empty()) {
      char Last = Word.back();
      char Previous = Name[I - 1];
      bool Boundary =
          isNonAscii(Last) || isAsciiDigit(C) != isAsciiDigit(Last) ||
          // lower→Upper, and the last capital of an acronym ("IPAddress").
          (isAsciiUpper(C) &&
           (!isAsciiUpper(Previous) ||
            (I + 1 < Name.size() && isAsciiLower(Name[I + 1]))));
      if (Boundary)
        Flush();
    }
    Word += isAsciiUpper(C) ? static_cast<char>(C - 'A' + 'a') : C;
  }
  Flush();
  // "m_email", "g_sNick", "kEmail": prefixes of members, globals and
  // constants carry no meaning.
  if (Words.size() > 1 && (Words.front() == "m" || Words.front() == "g" ||
                           Words.front() == "s" || Words.front() == "k")) {
    bool Member = Words.front() == "m" || Words.front() == "g";
    Words.erase(Words.begin());
    if (Member && Words.size() > 1 && isTypePrefix(Words.front()))
      Words.erase(Words.begin());
  }
  return Words;
}

//===--- matching
//----------------------------------------------------------===//

namespace {

/// Where a pattern matched: words [First, Last].
struct Span {
  size_t First = 0, Last = 0;
  size_t Chars = 0; // the characters it covers: longer wins
};

std::string joined(const std::vector<std::string> &Words) {
  std::string Out;
  for (const std::string &W : Words)
    Out += W;
  return Out;
}

/// Every place \p P matches \p Words.
std::vector<Span> matches(const NamePattern &P,
                          const std::vector<std::string> &Words) {
  std::vector<Span> Out;
  if (P.NonAscii || P.Inside) {
    const std::string &Token = P.Words.front();
    for (size_t I = 0; I < Words.size(); ++I) {
      const std::string &W = Words[I];
      if (P.NonAscii != hasNonAscii(W) || W.size() < Token.size())
        continue;
      bool Hit;
      if (P.NonAscii || (P.AtStart && P.AtEnd))
        Hit = W.find(Token) != std::string::npos;
      else if (P.AtStart) // "word*"
        Hit = W.compare(0, Token.size(), Token) == 0;
      else // "*word"
        Hit = W.compare(W.size() - Token.size(), Token.size(), Token) == 0;
      if (Hit)
        Out.push_back({I, I, Token.size()});
    }
    return Out;
  }
  // The pattern's words may be written as one ("username" for "user name")
  // or the other way round, and a plural counts ("emails").
  std::string Whole = joined(P.Words);
  for (size_t First = 0; First < Words.size(); ++First) {
    if (P.AtStart && First != 0)
      break;
    std::string Covered;
    for (size_t Last = First; Last < Words.size(); ++Last) {
      Covered += Words[Last];
      if (Covered.size() > Whole.size() + 2)
        break;
      bool Same =
          Covered == Whole || Covered == Whole + "s" || Covered == Whole + "es";
      if (Same && (!P.AtEnd || Last + 1 == Words.size()))
        Out.push_back({First, Last, Covered.size()});
    }
  }
  return Out;
}

/// Whether exclusion \p E matches \p Words outside \p Matched: the words
/// of the category's own pattern never exclude it. A pattern inside a word
/// ("*hash", "파일") looks at every word.
bool excludes(const NamePattern &E, const std::vector<std::string> &Words,
              const std::optional<Span> &Matched) {
  for (const Span &S : matches(E, Words)) {
    if (!Matched || E.Inside || E.NonAscii)
      return true;
    if (S.Last < Matched->First || S.First > Matched->Last)
      return true;
  }
  return false;
}

} // namespace

const ClassifierCategory *
Classifier::classifyWords(const std::vector<std::string> &Words) const {
  const ClassifierCategory *Best = nullptr;
  std::optional<Span> BestSpan;
  for (const ClassifierCategory &C : Categories)
    for (const NamePattern &P : C.Names)
      for (const Span &S : matches(P, Words))
        if (!BestSpan || S.Chars > BestSpan->Chars) {
          Best = &C;
          BestSpan = S;
        }
  if (!Best)
    return nullptr;
  for (const NamePattern &E : Exclusions)
    if (excludes(E, Words, BestSpan))
      return nullptr;
  for (const NamePattern &E : Best->Exclude)
    if (excludes(E, Words, BestSpan))
      return nullptr;
  return Best;
}

const ClassifierCategory *
Classifier::classifyName(const std::string &Name) const {
  return classifyWords(identifierWords(Name));
}

const ClassifierCategory *
Classifier::classifyType(const std::string &QualifiedType) const {
  for (const ClassifierCategory &C : Categories)
    if (std::find(C.Types.begin(), C.Types.end(), QualifiedType) !=
        C.Types.end())
      return &C;
  return nullptr;
}

bool Classifier::excluded(const std::vector<std::string> &Words,
                          const ClassifierCategory &C) const {
  for (const NamePattern &E : Exclusions)
    if (excludes(E, Words, std::nullopt))
      return true;
  for (const NamePattern &E : C.Exclude)
    if (excludes(E, Words, std::nullopt))
      return true;
  return false;
}

std::vector<std::string> Classifier::policyItemsFor(const ClassifierCategory &C,
                                                    const Policy &P) const {
  std::vector<std::string> Out;
  for (const std::string &Id : P.itemIds()) {
    bool Stands = std::find(C.PolicyItems.begin(), C.PolicyItems.end(), Id) !=
                      C.PolicyItems.end() ||
                  classifyName(Id) == &C;
    if (!Stands)
      if (const ItemDef *Item = P.item(Id))
        for (const auto &[Lang, Text] : Item->Name)
          Stands = Stands || classifyName(Text) == &C;
    if (Stands)
      Out.push_back(Id);
  }
  return Out;
}

const ClassifierCategory *Classifier::category(const std::string &Id) const {
  for (const ClassifierCategory &C : Categories)
    if (C.Id == Id)
      return &C;
  return nullptr;
}

void Classifier::merge(const Classifier &Other) {
  for (const ClassifierCategory &C : Other.Categories) {
    auto It = std::find_if(
        Categories.begin(), Categories.end(),
        [&](const ClassifierCategory &Known) { return Known.Id == C.Id; });
    if (It == Categories.end()) {
      Categories.push_back(C);
      continue;
    }
    if (It->Looks.empty())
      It->Looks = C.Looks;
    if (It->LabelEn.empty())
      It->LabelEn = C.LabelEn;
    if (It->LabelKo.empty())
      It->LabelKo = C.LabelKo;
    It->Sensitive = It->Sensitive || C.Sensitive;
    It->Names.insert(It->Names.end(), C.Names.begin(), C.Names.end());
    It->Types.insert(It->Types.end(), C.Types.begin(), C.Types.end());
    It->Exclude.insert(It->Exclude.end(), C.Exclude.begin(), C.Exclude.end());
    It->PolicyItems.insert(It->PolicyItems.end(), C.PolicyItems.begin(),
                           C.PolicyItems.end());
  }
  Exclusions.insert(Exclusions.end(), Other.Exclusions.begin(),
                    Other.Exclusions.end());
}

//===--- loading
//-----------------------------------------------------------===//

// rules/schema/classifier.schema.json, embedded at build time.
static const JsonSchema &classifierSchema() {
  static const JsonSchema Schema(
#include "classifier.schema.inc"
      , "classifier");
  return Schema;
}

/// Reads a pattern, or says why it is not one (docs: "Name patterns").
static std::optional<NamePattern> parsePattern(const std::string &Text,
                                               std::string &Why) {
  NamePattern P;
  P.Text = Text;
  std::string Body = Text;
  bool Caret = !Body.empty() && Body.front() == '^';
  bool Dollar = Body.size() > 1 && Body.back() == '$';
  if (Caret)
    Body.erase(0, 1);
  if (Dollar)
    Body.pop_back();
  if (hasNonAscii(Body)) {
    for (char C : Body)
      if (!isNonAscii(C) && !isAsciiDigit(C)) {
        Why = "a pattern in Hangul (or another non-ASCII script) is one word "
              "without spaces, '*', '^' or '$'";
        return std::nullopt;
      }
    if (Caret || Dollar) {
      Why = "a pattern in Hangul (or another non-ASCII script) is one word "
            "without spaces, '*', '^' or '$'";
      return std::nullopt;
    }
    P.NonAscii = true;
    P.Words = {Body};
    return P;
  }
  bool StarFront = !Body.empty() && Body.front() == '*';
  bool StarBack = Body.size() > 1 && Body.back() == '*';
  if (StarFront || StarBack) {
    if (Caret || Dollar) {
      Why = "'*' and '^'/'$' do not go together";
      return std::nullopt;
    }
    std::string Token = Body.substr(StarFront ? 1 : 0);
    if (StarBack)
      Token.pop_back();
    if (Token.size() < 3 ||
        !std::all_of(Token.begin(), Token.end(), [](char C) {
          return isAsciiLower(C) || isAsciiDigit(C);
        })) {
      Why = "a pattern with '*' is one word of at least 3 lower-case letters "
            "or digits, such as \"*passwd*\"";
      return std::nullopt;
    }
    P.Inside = true;
    // "*x*": anywhere in a word; "x*": at its start; "*x": at its end.
    P.AtStart = StarBack;
    P.AtEnd = StarFront;
    P.Words = {Token};
    return P;
  }
  P.AtStart = Caret;
  P.AtEnd = Dollar;
  size_t Start = 0;
  while (Start <= Body.size()) {
    size_t Space = Body.find(' ', Start);
    std::string Word = Body.substr(
        Start, Space == std::string::npos ? std::string::npos : Space - Start);
    if (Word.empty() || !std::all_of(Word.begin(), Word.end(), [](char C) {
          return isAsciiLower(C) || isAsciiDigit(C);
        })) {
      Why = "expected lower-case words of letters and digits separated by "
            "single spaces, optionally with '^' before and '$' after, such "
            "as \"date of birth\" or \"^is\"";
      return std::nullopt;
    }
    P.Words.push_back(Word);
    if (Space == std::string::npos)
      break;
    Start = Space + 1;
  }
  return P;
}

class ClassifierReader {
public:
  ClassifierReader(const std::string &Text, const std::string &Path)
      : Path(Path), Json(Text, Path) {}

  ClassifierLoadResult read() {
    ClassifierLoadResult Result;
    try {
      if (Json.parse() && Json.validate(classifierSchema())) {
        auto Loaded = std::make_shared<Classifier>();
        const json &Doc = Json.document();
        if (auto It = Doc.find("exclusions"); It != Doc.end())
          Loaded->Exclusions = patterns(*It, "/exclusions");
        if (auto It = Doc.find("categories"); It != Doc.end())
          for (size_t I = 0; I < It->size(); ++I)
            Loaded->Categories.push_back(
                category((*It)[I], "/categories/" + std::to_string(I)));
        if (!Json.hasErrors())
          Result.Loaded = std::move(Loaded);
      }
    } catch (const std::exception &E) {
      // The schema should have ruled this out; never crash on an input.
      Json.error("", std::string("cannot read the classifier: ") + E.what());
      Result.Loaded = nullptr;
    }
    Result.Diagnostics = Json.takeDiagnostics();
    return Result;
  }

private:
  std::vector<NamePattern> patterns(const json &List, const std::string &At) {
    std::vector<NamePattern> Out;
    for (size_t I = 0; I < List.size(); ++I) {
      std::string Why;
      if (std::optional<NamePattern> P =
              parsePattern(List[I].get<std::string>(), Why))
        Out.push_back(std::move(*P));
      else
        Json.error(At + "/" + std::to_string(I),
                   "'" + List[I].get<std::string>() +
                       "' is not a name pattern: " + Why);
    }
    return Out;
  }

  ClassifierCategory category(const json &J, const std::string &At) {
    ClassifierCategory C;
    C.Id = J.at("id").get<std::string>();
    C.Looks = J.value("looks", "");
    if (auto It = J.find("label"); It != J.end()) {
      C.LabelEn = It->value("en", "");
      C.LabelKo = It->value("ko", "");
    }
    C.Sensitive = J.value("sensitive", false);
    if (auto It = J.find("names"); It != J.end())
      C.Names = patterns(*It, At + "/names");
    if (auto It = J.find("exclude"); It != J.end())
      C.Exclude = patterns(*It, At + "/exclude");
    if (auto It = J.find("types"); It != J.end())
      for (const json &T : *It)
        C.Types.push_back(T.get<std::string>());
    if (auto It = J.find("policy_items"); It != J.end())
      for (const json &T : *It)
        C.PolicyItems.push_back(T.get<std::string>());
    C.File = Path;
    TextPosition Pos = Json.position(At);
    C.Line = Pos.Line;
    C.Column = Pos.Column;
    if (!Seen.insert(C.Id).second)
      Json.error(At + "/id", "category '" + C.Id +
                                 "' is defined twice in this file; extend it "
                                 "in one entry");
    return C;
  }

  const std::string &Path;
  JsonReader Json;
  std::set<std::string> Seen;
};

ClassifierLoadResult parseClassifier(const std::string &Text,
                                     const std::string &Path) {
  return ClassifierReader(Text, Path).read();
}

ClassifierLoadResult loadClassifierFile(const std::string &Path) {
  std::string Text;
  if (std::optional<PolicyDiagnostic> Problem =
          readJsonFile(Path, "classifier", Text)) {
    ClassifierLoadResult R;
    R.Diagnostics.push_back(std::move(*Problem));
    return R;
  }
  return parseClassifier(Text, Path);
}

ClassifierLoadResult loadClassifiers(const std::string &Dir,
                                     const std::vector<std::string> &Extra) {
  return loadRulesSet<ClassifierLoadResult, Classifier>(
      Dir, "classifier", Extra, loadClassifierFile,
      [](const Classifier &Merged, std::vector<PolicyDiagnostic> &Problems) {
        // A category that a file only extends must be defined by another.
        bool Fine = true;
        for (const ClassifierCategory &C : Merged.categories())
          if (C.Looks.empty()) {
            PolicyDiagnostic D;
            D.File = C.File;
            D.Line = C.Line;
            D.Column = C.Column;
            D.Message = "category '" + C.Id +
                        "' has no \"looks\" in any classifier file: say what "
                        "it looks like (\"an e-mail address\")";
            Problems.push_back(std::move(D));
            Fine = false;
          }
        return Fine;
      });
}

std::shared_ptr<const ClassifierLoadResult>
loadClassifiersCached(const std::string &Dir,
                      const std::vector<std::string> &Extra) {
  return loadRulesCached<ClassifierLoadResult>(Dir, "classifier", Extra,
                                               loadClassifiers);
}

std::string defaultClassifierDir() {
  return defaultRulesSubdirectory("classifiers");
}

} // namespace privacy
