//===- TextPositions.h - byte offsets and LSP positions --------*- C++ -*-===//
//
// Clang counts columns in bytes; LSP counts characters in UTF-16 code units
// unless the client agreed to UTF-8. A LineTable converts between the two
// for one text.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_LSP_TEXTPOSITIONS_H
#define PRIVACY_LSP_TEXTPOSITIONS_H

#include "Protocol.h"

#include "llvm/ADT/StringRef.h"

#include <vector>

namespace privacy::lsp {

class LineTable {
public:
  /// \p Text must outlive the table.
  LineTable(llvm::StringRef Text, PositionEncoding Encoding);

  /// The position of byte \p Offset (clamped to the text).
  Position positionOf(size_t Offset) const;
  /// The byte offset of \p P (clamped to its line and the text).
  size_t offsetOf(const Position &P) const;
  /// The position just past the last character of \p Line, before its end
  /// of line.
  Position endOfLine(unsigned Line) const;
  /// The text of 0-based \p Line without its end of line.
  llvm::StringRef line(unsigned Line) const;
  unsigned lineCount() const { return LineStarts.size(); }

private:
  llvm::StringRef Text;
  PositionEncoding Encoding;
  std::vector<size_t> LineStarts;
};

} // namespace privacy::lsp

#endif // PRIVACY_LSP_TEXTPOSITIONS_H
