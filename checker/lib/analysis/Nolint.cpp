//===- Nolint.cpp - NOLINT comments, as clang-tidy reads them -------------===//
#include "privacy/Nolint.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace privacy {

namespace {

/// '*' matches any run of characters; everything else itself.
bool globMatches(llvm::StringRef Glob, llvm::StringRef Text) {
  size_t G = 0, T = 0, StarG = llvm::StringRef::npos, StarT = 0;
  while (T < Text.size()) {
    if (G < Glob.size() && Glob[G] == '*') {
      StarG = G++;
      StarT = T;
    } else if (G < Glob.size() && Glob[G] == Text[T]) {
      ++G;
      ++T;
    } else if (StarG != llvm::StringRef::npos) {
      G = StarG + 1;
      T = ++StarT;
    } else {
      return false;
    }
  }
  while (G < Glob.size() && Glob[G] == '*')
    ++G;
  return G == Glob.size();
}

/// "NOLINT( a , b )" and "NOLINT(a,b)" are the same list.
std::string withoutBlanks(llvm::StringRef Checks) {
  llvm::SmallVector<llvm::StringRef, 4> Names;
  Checks.split(Names, ',');
  for (llvm::StringRef &Name : Names)
    Name = Name.trim();
  return llvm::join(Names, ",");
}

} // namespace

bool globListContains(llvm::StringRef Globs, llvm::StringRef Check,
                      bool KeepNegative) {
  struct Item {
    bool Positive;
    llvm::StringRef Glob;
  };
  llvm::SmallVector<Item, 4> Items;
  do {
    Globs = Globs.trim();
    bool Positive = !Globs.consume_front("-");
    llvm::StringRef Untrimmed = Globs.substr(0, Globs.find_first_of(",\n"));
    Globs = Globs.substr(std::min(Untrimmed.size() + 1, Globs.size()));
    if (Positive || KeepNegative)
      Items.push_back({Positive, Untrimmed.trim()});
  } while (!Globs.empty());
  for (const Item &I : llvm::reverse(Items))
    if (globMatches(I.Glob, Check))
      return I.Positive;
  return false;
}

bool NolintComments::Directive::covers(llvm::StringRef Check) const {
  return globListContains(Checks ? llvm::StringRef(*Checks) : "*", Check,
                          /*KeepNegative=*/false);
}

std::vector<NolintComments::Directive>
NolintComments::parse(llvm::StringRef Text, size_t Base) {
  static constexpr llvm::StringLiteral Marker = "NOLINT";
  std::vector<Directive> Found;
  size_t Pos = 0;
  while (Pos < Text.size()) {
    size_t At = Text.find(Marker, Pos);
    if (At == llvm::StringRef::npos)
      break;
    // The letters right after NOLINT name the kind: NOLINTNEXTLINE, ...;
    // any other word ("NOLINTED") is not a directive.
    Pos = At + Marker.size();
    while (Pos < Text.size() && llvm::isAlpha(Text[Pos]))
      ++Pos;
    llvm::StringRef Word = Text.slice(At, Pos);
    Kind K;
    if (Word == "NOLINT")
      K = Kind::Line;
    else if (Word == "NOLINTNEXTLINE")
      K = Kind::NextLine;
    else if (Word == "NOLINTBEGIN")
      K = Kind::Begin;
    else if (Word == "NOLINTEND")
      K = Kind::End;
    else
      continue;
    // A list only when its ')' is on the same line; else the comment is
    // bare, as in clang-tidy.
    std::optional<std::string> Checks;
    if (Pos < Text.size() && Text[Pos] == '(') {
      size_t Close = Text.find_first_of("\n)", Pos + 1);
      if (Close != llvm::StringRef::npos && Text[Close] == ')') {
        Checks = withoutBlanks(Text.slice(Pos + 1, Close));
        Pos = Close + 1;
      }
    }
    Found.push_back({K, Base + At, std::move(Checks)});
  }
  return Found;
}

NolintComments::NolintComments(std::string FileText)
    : Text(std::move(FileText)) {
  LineStarts.push_back(0);
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n')
      LineStarts.push_back(I + 1);

  // Blocks nest: each END closes the innermost open BEGIN, which must have
  // the same list.
  std::vector<Directive> Open;
  for (Directive &D : parse(Text, 0)) {
    if (D.K == Kind::Begin) {
      Open.push_back(std::move(D));
    } else if (D.K == Kind::End) {
      if (!Open.empty() && Open.back().Checks == D.Checks) {
        Blocks.push_back(
            {Open.back().Offset, D.Offset, std::move(Open.back())});
        Open.pop_back();
      } else {
        Errors.push_back({D.Offset, "unmatched 'NOLINTEND' comment without a "
                                    "previous 'NOLINTBEGIN' comment"});
      }
    }
  }
  for (const Directive &D : Open)
    Errors.push_back({D.Offset, "unmatched 'NOLINTBEGIN' comment without a "
                                "subsequent 'NOLINTEND' comment"});
}

bool NolintComments::lineSuppresses(size_t LineStart, Kind K,
                                    llvm::StringRef Check) const {
  llvm::StringRef Line = llvm::StringRef(Text).substr(LineStart);
  Line = Line.substr(0, Line.find('\n'));
  for (const Directive &D : parse(Line, LineStart))
    if (D.K == K && D.covers(Check))
      return true;
  return false;
}

bool NolintComments::suppresses(size_t Offset, llvm::StringRef Check) const {
  if (Offset > Text.size())
    return false;
  auto Line =
      std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset) - 1;
  if (lineSuppresses(*Line, Kind::Line, Check))
    return true;
  if (Line != LineStarts.begin() &&
      lineSuppresses(*(Line - 1), Kind::NextLine, Check))
    return true;
  for (const Block &B : Blocks)
    if (B.Begin < Offset && Offset < B.End && B.Opening.covers(Check))
      return true;
  return false;
}

std::optional<size_t> NolintComments::offsetOf(unsigned Line,
                                               unsigned Column) const {
  if (Line == 0 || Line > LineStarts.size())
    return std::nullopt;
  size_t Offset = LineStarts[Line - 1] + (Column ? Column - 1 : 0);
  if (Offset > Text.size())
    return std::nullopt;
  return Offset;
}

std::pair<unsigned, unsigned>
NolintComments::lineAndColumn(size_t Offset) const {
  auto Line =
      std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset) - 1;
  return {static_cast<unsigned>(Line - LineStarts.begin() + 1),
          static_cast<unsigned>(Offset - *Line + 1)};
}

} // namespace privacy
