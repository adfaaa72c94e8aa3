//===- JsonLocator.cpp - where each JSON value sits in its text -----------===//
#include "JsonLocator.h"

#include <algorithm>
#include <set>

namespace privacy {

TextPosition positionOfOffset(const std::string &Text, size_t Offset) {
  TextPosition P;
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++P.Line;
      P.Column = 1;
    } else {
      ++P.Column;
    }
  }
  return P;
}

std::string JsonLocator::escapeToken(const std::string &Token) {
  std::string Out;
  for (char C : Token) {
    if (C == '~')
      Out += "~0";
    else if (C == '/')
      Out += "~1";
    else
      Out += C;
  }
  return Out;
}

namespace {
// A recursive scanner over text that is known to be valid JSON.
class Scanner {
public:
  Scanner(const std::string &Text, std::map<std::string, size_t> &Offsets,
          std::vector<std::pair<std::string, size_t>> &Duplicates)
      : Text(Text), Offsets(Offsets), Duplicates(Duplicates) {}

  void value(const std::string &Pointer) {
    skipSpace();
    if (Pos >= Text.size())
      return;
    char C = Text[Pos];
    if (C == '{')
      object(Pointer);
    else if (C == '[')
      array(Pointer);
    else if (C == '"')
      string();
    else
      while (Pos < Text.size() && !isDelimiter(Text[Pos]))
        ++Pos;
  }

private:
  static bool isDelimiter(char C) {
    return C == ',' || C == '}' || C == ']' || C == ' ' || C == '\n' ||
           C == '\t' || C == '\r';
  }

  void skipSpace() {
    while (Pos < Text.size() &&
           (Text[Pos] == ' ' || Text[Pos] == '\n' || Text[Pos] == '\t' ||
            Text[Pos] == '\r'))
      ++Pos;
  }

  // Returns the decoded key; escapes other than \" and \\ are kept as
  // written, which is enough to name keys in messages.
  std::string string() {
    std::string Out;
    ++Pos; // opening quote
    while (Pos < Text.size() && Text[Pos] != '"') {
      if (Text[Pos] == '\\' && Pos + 1 < Text.size()) {
        char Next = Text[Pos + 1];
        if (Next == '"' || Next == '\\' || Next == '/') {
          Out += Next;
          Pos += 2;
          continue;
        }
        Out += Text[Pos++];
      }
      Out += Text[Pos++];
    }
    ++Pos; // closing quote
    return Out;
  }

  void object(const std::string &Pointer) {
    ++Pos;
    std::set<std::string> Seen;
    while (true) {
      skipSpace();
      if (Pos >= Text.size() || Text[Pos] == '}') {
        ++Pos;
        return;
      }
      if (Text[Pos] == ',') {
        ++Pos;
        continue;
      }
      size_t KeyOffset = Pos;
      std::string Child = Pointer + "/" + JsonLocator::escapeToken(string());
      if (!Seen.insert(Child).second)
        Duplicates.emplace_back(Child, KeyOffset);
      Offsets.emplace(Child, KeyOffset);
      skipSpace();
      ++Pos; // ':'
      value(Child);
    }
  }

  void array(const std::string &Pointer) {
    ++Pos;
    for (unsigned Index = 0;; ++Index) {
      skipSpace();
      if (Pos >= Text.size() || Text[Pos] == ']') {
        ++Pos;
        return;
      }
      std::string Child = Pointer + "/" + std::to_string(Index);
      Offsets.emplace(Child, Pos);
      value(Child);
      skipSpace();
      if (Pos < Text.size() && Text[Pos] == ',')
        ++Pos;
    }
  }

  const std::string &Text;
  std::map<std::string, size_t> &Offsets;
  std::vector<std::pair<std::string, size_t>> &Duplicates;
  size_t Pos = 0;
};
} // namespace

JsonLocator::JsonLocator(const std::string &Text) {
  std::map<std::string, size_t> Offsets;
  std::vector<std::pair<std::string, size_t>> DuplicateOffsets;
  Scanner S(Text, Offsets, DuplicateOffsets);
  size_t Root = Text.find_first_not_of(" \t\r\n");
  Offsets.emplace("", Root == std::string::npos ? 0 : Root);
  S.value("");
  // Offsets arrive in document order; one pass turns them into positions.
  std::vector<std::pair<size_t, std::string>> ByOffset;
  for (auto &[Pointer, Offset] : Offsets)
    ByOffset.emplace_back(Offset, Pointer);
  std::sort(ByOffset.begin(), ByOffset.end());
  TextPosition P;
  size_t At = 0;
  for (auto &[Offset, Pointer] : ByOffset) {
    for (; At < Offset && At < Text.size(); ++At) {
      if (Text[At] == '\n') {
        ++P.Line;
        P.Column = 1;
      } else {
        ++P.Column;
      }
    }
    Positions[Pointer] = P;
  }
  for (auto &[Pointer, Offset] : DuplicateOffsets)
    Duplicates.push_back({Pointer, positionOfOffset(Text, Offset)});
}

TextPosition JsonLocator::find(const std::string &Pointer) const {
  std::string P = Pointer;
  while (true) {
    auto It = Positions.find(P);
    if (It != Positions.end())
      return It->second;
    size_t Slash = P.rfind('/');
    if (Slash == std::string::npos)
      return {};
    P.resize(Slash);
  }
}

} // namespace privacy
