//===- TextPositions.cpp - byte offsets and LSP positions -----------------===//
#include "TextPositions.h"

#include <algorithm>

namespace privacy::lsp {

namespace {

/// The length of the UTF-8 sequence that starts with \p Lead (1 for a byte
/// that starts none, so that broken text still advances).
size_t sequenceLength(unsigned char Lead) {
  if (Lead >= 0xF0 && Lead <= 0xF7)
    return 4;
  if (Lead >= 0xE0)
    return Lead <= 0xEF ? 3 : 1;
  if (Lead >= 0xC0)
    return 2;
  return 1;
}

} // namespace

LineTable::LineTable(llvm::StringRef Text, PositionEncoding Encoding)
    : Text(Text), Encoding(Encoding) {
  LineStarts.push_back(0);
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n')
      LineStarts.push_back(I + 1);
}

llvm::StringRef LineTable::line(unsigned Line) const {
  if (Line >= LineStarts.size())
    return "";
  size_t Start = LineStarts[Line];
  size_t End =
      Line + 1 < LineStarts.size() ? LineStarts[Line + 1] - 1 : Text.size();
  llvm::StringRef L = Text.slice(Start, End);
  return L.ends_with("\r") ? L.drop_back() : L;
}

Position LineTable::positionOf(size_t Offset) const {
  Offset = std::min(Offset, Text.size());
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  unsigned Line = static_cast<unsigned>(It - LineStarts.begin()) - 1;
  size_t Start = LineStarts[Line];
  if (Encoding == PositionEncoding::Utf8)
    return {Line, static_cast<unsigned>(Offset - Start)};
  unsigned Units = 0;
  for (size_t I = Start; I < Offset;) {
    size_t N = sequenceLength(static_cast<unsigned char>(Text[I]));
    Units += N == 4 ? 2 : 1; // beyond the BMP: a surrogate pair
    I += N;
  }
  return {Line, Units};
}

size_t LineTable::offsetOf(const Position &P) const {
  if (P.Line >= LineStarts.size())
    return Text.size();
  llvm::StringRef L = line(P.Line);
  size_t Start = LineStarts[P.Line];
  if (Encoding == PositionEncoding::Utf8)
    return Start + std::min<size_t>(P.Character, L.size());
  unsigned Units = 0;
  size_t I = 0;
  while (I < L.size() && Units < P.Character) {
    size_t N = sequenceLength(static_cast<unsigned char>(L[I]));
    Units += N == 4 ? 2 : 1;
    I += N;
  }
  return Start + std::min(I, L.size());
}

Position LineTable::endOfLine(unsigned Line) const {
  if (Line >= LineStarts.size())
    return positionOf(Text.size());
  return positionOf(LineStarts[Line] + line(Line).size());
}

} // namespace privacy::lsp
