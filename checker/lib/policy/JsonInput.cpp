//===- JsonInput.cpp - every JSON input, parsed within bounds -------------===//
#include "privacy/JsonInput.h"
#include "JsonLocator.h"
#include "JsonValidation.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <unordered_set>

namespace privacy {

using nlohmann::json;

// How much of a bad token an input error quotes.
static constexpr size_t MaxQuotedInput = 120;

std::string shortenedForMessage(std::string Text, size_t Max) {
  if (Text.size() > Max) {
    Text.resize(Max);
    // Do not cut a UTF-8 sequence in two.
    while (!Text.empty() &&
           (static_cast<unsigned char>(Text.back()) & 0xC0) == 0x80)
      Text.pop_back();
    if (!Text.empty() && static_cast<unsigned char>(Text.back()) >= 0xC0)
      Text.pop_back();
    Text += "...";
  }
  return Text;
}

static PolicyDiagnostic at(const std::string &Text, const std::string &Path,
                           size_t Offset, std::string Message) {
  PolicyDiagnostic D;
  D.File = Path;
  TextPosition P = positionOfOffset(Text, Offset);
  D.Line = P.Line;
  D.Column = P.Column;
  D.Message = std::move(Message);
  return D;
}

// One linear pass, before the parser: what nlohmann::json would accept but
// the rest of the tools cannot take (nesting deeper than MaxJsonDepth) or
// what it reports without a position (a number beyond double's range).
// Strings are skipped; the text need not be valid JSON.
static std::optional<PolicyDiagnostic> checkBounds(const std::string &Text,
                                                   const std::string &Path) {
  unsigned Depth = 0;
  size_t N = Text.size();
  for (size_t I = 0; I < N;) {
    char C = Text[I];
    if (C == '"') {
      for (++I; I < N && Text[I] != '"'; ++I)
        if (Text[I] == '\\')
          ++I;
      ++I;
      continue;
    }
    if (C == '[' || C == '{') {
      if (++Depth > MaxJsonDepth)
        return at(Text, Path, I,
                  "invalid JSON: nested deeper than " +
                      std::to_string(MaxJsonDepth) + " arrays and objects");
    } else if (C == ']' || C == '}') {
      if (Depth)
        --Depth;
    } else if (C == '-' || (C >= '0' && C <= '9')) {
      size_t End = I;
      bool Exponent = false;
      while (End < N &&
             (std::isdigit(static_cast<unsigned char>(Text[End])) ||
              Text[End] == '-' || Text[End] == '+' || Text[End] == '.' ||
              Text[End] == 'e' || Text[End] == 'E')) {
        Exponent |= Text[End] == 'e' || Text[End] == 'E';
        ++End;
      }
      // Below 16 digits and without an exponent, a number is finite.
      if (Exponent || End - I > 15) {
        std::string Token = Text.substr(I, End - I);
        errno = 0;
        double V = std::strtod(Token.c_str(), nullptr);
        if (std::isinf(V))
          return at(Text, Path, I,
                    "number out of range: " +
                        shortenedForMessage(Token, MaxQuotedInput) +
                        " (JSON numbers must fit a 64-bit double)");
      }
      I = End;
      continue;
    }
    ++I;
  }
  return std::nullopt;
}

// nlohmann's what(): "[json.exception.parse_error.101] parse error at line
// L, column C: syntax error while parsing X - detail". The position is
// given separately; keep "syntax error while parsing X: detail".
static std::string syntaxMessage(const std::string &What) {
  size_t Column = What.find("column ");
  size_t Colon =
      Column == std::string::npos ? std::string::npos : What.find(": ", Column);
  if (Colon == std::string::npos)
    return "invalid JSON: " + shortenedForMessage(What, MaxQuotedInput);
  std::string Rest = What.substr(Colon + 2);
  const std::string Lead = "syntax error while parsing ";
  size_t Dash = Rest.find(" - ");
  if (Rest.rfind(Lead, 0) == 0 && Dash != std::string::npos)
    return "invalid JSON: " + Rest.substr(0, Dash) + ": " +
           shortenedForMessage(Rest.substr(Dash + 3), MaxQuotedInput);
  return "invalid JSON: " + shortenedForMessage(Rest, MaxQuotedInput);
}

std::optional<PolicyDiagnostic> parseJsonText(const std::string &Text,
                                              const std::string &Path,
                                              json &Out, bool *DuplicateKeys) {
  if (std::optional<PolicyDiagnostic> Problem = checkBounds(Text, Path))
    return Problem;
  // The keys of each open object (a key is always the innermost one's); a
  // level's set is reused by the next object at that depth.
  std::vector<std::unordered_set<std::string>> Keys;
  size_t Open = 0;
  auto NoteKeys = [&](int, json::parse_event_t Event, json &Parsed) {
    if (Event == json::parse_event_t::object_start) {
      if (Keys.size() <= Open)
        Keys.emplace_back();
      else
        Keys[Open].clear();
      ++Open;
    } else if (Event == json::parse_event_t::object_end) {
      --Open;
    } else if (Event == json::parse_event_t::key &&
               !Keys[Open - 1].insert(Parsed.get<std::string>()).second) {
      *DuplicateKeys = true;
    }
    return true;
  };
  try {
    if (DuplicateKeys) {
      *DuplicateKeys = false;
      Out = json::parse(Text, NoteKeys);
    } else {
      Out = json::parse(Text);
    }
  } catch (const json::parse_error &E) {
    return at(Text, Path, E.byte == 0 ? 0 : E.byte - 1,
              syntaxMessage(E.what()));
  } catch (const json::exception &E) {
    // checkBounds finds what nlohmann reports without a byte offset; should
    // another kind appear, it still names the file.
    PolicyDiagnostic D;
    D.File = Path;
    std::string What = E.what();
    size_t At = What.find("] ");
    D.Message = "invalid JSON: " +
                shortenedForMessage(
                    At == std::string::npos ? What : What.substr(At + 2),
                    MaxQuotedInput);
    return D;
  }
  return std::nullopt;
}

std::optional<PolicyDiagnostic>
readJsonInput(const std::string &Path, const std::string &Noun, json &Out) {
  std::string Text;
  if (std::optional<PolicyDiagnostic> Problem = readJsonFile(Path, Noun, Text))
    return Problem;
  return parseJsonText(Text, Path, Out);
}

//===--- inputs with a schema of their own --------------------------------===//

static const JsonSchema &schemaOf(JsonInputKind Kind) {
  switch (Kind) {
  case JsonInputKind::Baseline: {
    static const JsonSchema Schema(
#include "baseline.schema.inc"
        , "baseline");
    return Schema;
  }
  case JsonInputKind::CompileCommands:
    break;
  }
  static const JsonSchema Schema(
#include "compile-commands.schema.inc"
      , "compilation database");
  return Schema;
}

static const char *nounOf(JsonInputKind Kind) {
  return Kind == JsonInputKind::Baseline ? "baseline" : "compilation database";
}

ValidatedJson parseValidatedJson(const std::string &Text,
                                 const std::string &Path, JsonInputKind Kind) {
  ValidatedJson R;
  JsonReader Json(Text, Path);
  if (Json.parse() && Json.validate(schemaOf(Kind)))
    R.Document = Json.document();
  R.Diagnostics = Json.takeDiagnostics();
  return R;
}

ValidatedJson readValidatedJson(const std::string &Path, JsonInputKind Kind) {
  std::string Text;
  if (std::optional<PolicyDiagnostic> Problem =
          readJsonFile(Path, nounOf(Kind), Text)) {
    ValidatedJson R;
    R.Diagnostics.push_back(std::move(*Problem));
    return R;
  }
  return parseValidatedJson(Text, Path, Kind);
}

} // namespace privacy
