//===- JsonLocator.cpp - where each JSON value sits in its text -----------===//
#include "JsonLocator.h"

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
// Text known to be valid JSON, read left to right.
struct Cursor {
  explicit Cursor(const std::string &Text) : Text(Text) {}
  const std::string &Text;
  size_t Pos = 0;
  TextPosition At; // of Pos

  void advance() {
    if (Text[Pos] == '\n') {
      ++At.Line;
      At.Column = 1;
    } else {
      ++At.Column;
    }
    ++Pos;
  }
  bool atEnd() const { return Pos >= Text.size(); }
  char peek() const { return Text[Pos]; }
  void skipSpace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\n' || peek() == '\t' ||
                        peek() == '\r'))
      advance();
  }
  // Returns the decoded string; escapes other than \", \\ and \/ are kept
  // as written, which is enough to name keys in messages.
  std::string string() {
    std::string Out;
    advance(); // opening quote
    while (!atEnd() && peek() != '"') {
      if (peek() == '\\' && Pos + 1 < Text.size()) {
        char Next = Text[Pos + 1];
        if (Next == '"' || Next == '\\' || Next == '/') {
          Out += Next;
          advance();
          advance();
          continue;
        }
        Out += peek();
        advance();
      }
      Out += peek();
      advance();
    }
    if (!atEnd())
      advance(); // closing quote
    return Out;
  }
  void scalar() {
    while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ']' &&
           peek() != ' ' && peek() != '\n' && peek() != '\t' && peek() != '\r')
      advance();
  }
};
} // namespace

JsonLocator::JsonLocator(const std::string &Text) {
  Cursor C(Text);
  C.skipSpace();
  Nodes.push_back({0, std::string(), C.At});
  // An explicit stack of open containers: no recursion, whatever the depth.
  struct Open {
    size_t Node;
    bool IsObject;
    unsigned NextIndex;
  };
  std::vector<Open> Stack;
  // Reads the value that starts at the cursor, for node \p Node.
  auto Value = [&](size_t Node) {
    C.skipSpace();
    if (C.atEnd())
      return;
    char Ch = C.peek();
    if (Ch == '{' || Ch == '[') {
      C.advance();
      Stack.push_back({Node, Ch == '{', 0});
    } else if (Ch == '"') {
      C.string();
    } else {
      C.scalar();
    }
  };
  Value(0);
  while (!Stack.empty()) {
    C.skipSpace();
    if (C.atEnd())
      break;
    Open &Top = Stack.back();
    char Ch = C.peek();
    if (Ch == '}' || Ch == ']') {
      C.advance();
      Stack.pop_back();
      continue;
    }
    if (Ch == ',') {
      C.advance();
      continue;
    }
    size_t Parent = Top.Node;
    TextPosition Where = C.At;
    std::string Key;
    if (Top.IsObject) {
      Key = C.string();
      C.skipSpace();
      if (!C.atEnd())
        C.advance(); // ':'
    } else {
      Key = std::to_string(Top.NextIndex++);
    }
    size_t Child = Nodes.size();
    Nodes.push_back({Parent, Key, Where});
    if (!Children.emplace(std::make_pair(Parent, std::move(Key)), Child).second)
      Duplicates.push_back({pointerOf(Child), Where});
    Value(Child);
  }
}

std::string JsonLocator::pointerOf(size_t Node) const {
  std::vector<size_t> Chain;
  for (; Node != 0; Node = Nodes[Node].Parent)
    Chain.push_back(Node);
  std::string Pointer;
  for (auto It = Chain.rbegin(); It != Chain.rend(); ++It)
    Pointer += "/" + escapeToken(Nodes[*It].Key);
  return Pointer;
}

TextPosition JsonLocator::find(const std::string &Pointer) const {
  // The nearest known ancestor: follow the tokens while they name a node.
  size_t Node = 0;
  size_t At = 0;
  while (At < Pointer.size()) {
    size_t Next = Pointer.find('/', At + 1);
    if (Next == std::string::npos)
      Next = Pointer.size();
    std::string Token;
    for (size_t I = At + 1; I < Next; ++I) {
      if (Pointer[I] == '~' && I + 1 < Next &&
          (Pointer[I + 1] == '0' || Pointer[I + 1] == '1')) {
        Token += Pointer[I + 1] == '0' ? '~' : '/';
        ++I;
      } else {
        Token += Pointer[I];
      }
    }
    auto It = Children.find({Node, Token});
    if (It == Children.end())
      break;
    Node = It->second;
    At = Next;
  }
  return Nodes.empty() ? TextPosition() : Nodes[Node].Where;
}

} // namespace privacy
