//===- Nolint.h - NOLINT comments, as clang-tidy reads them ----*- C++ -*-===//
//
// The compiler plugin and privacy-scan honour the same NOLINT comments as
// clang-tidy (docs/editors.md), with clang-tidy's own
// rules: NOLINT on the finding's line, NOLINTNEXTLINE on the line before,
// NOLINTBEGIN ... NOLINTEND around it; each bare (every check) or with a
// comma-separated list of check names and globs ("privacy-*"). A block ends
// only at a NOLINTEND with the same list; a NOLINTBEGIN without its END,
// or an END without its BEGIN, silences nothing and is reported.
//
// clang-tidy's own NoLintDirectiveHandler needs clang-tidy's diagnostics
// engine, which neither the compiler nor privacy-scan has, so its rules are
// written again here, for the text of one file.
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_NOLINT_H
#define PRIVACY_NOLINT_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace privacy {

class NolintComments {
public:
  /// A NOLINTBEGIN or NOLINTEND that pairs with nothing.
  struct Unmatched {
    size_t Offset;       // of the comment's "NOLINT..."
    std::string Message; // clang-tidy's wording
  };

  /// Reads the NOLINT comments of \p Text, the whole text of one file.
  explicit NolintComments(std::string Text);

  /// Whether a finding of \p Check at byte \p Offset of the file is
  /// silenced.
  bool suppresses(size_t Offset, llvm::StringRef Check) const;

  /// The byte offset of 1-based \p Line and \p Column (columns count
  /// bytes, as Clang's do); none past the end of the file.
  std::optional<size_t> offsetOf(unsigned Line, unsigned Column) const;

  /// The 1-based line and column of byte \p Offset.
  std::pair<unsigned, unsigned> lineAndColumn(size_t Offset) const;

  /// Blocks left open or closed twice, in the order clang-tidy reports them.
  const std::vector<Unmatched> &unmatched() const { return Errors; }

  /// "[clang-tidy-nolint]": the name clang-tidy gives these errors.
  static llvm::StringRef unmatchedCheckName() { return "clang-tidy-nolint"; }

private:
  enum class Kind { Line, NextLine, Begin, End };
  struct Directive {
    Kind K;
    size_t Offset;
    /// The check list without blanks around the names; none when bare.
    std::optional<std::string> Checks;
    bool covers(llvm::StringRef Check) const;
  };
  struct Block {
    size_t Begin, End;
    Directive Opening;
  };

  static std::vector<Directive> parse(llvm::StringRef Text, size_t Base);
  bool lineSuppresses(size_t LineStart, Kind K, llvm::StringRef Check) const;

  std::string Text;
  std::vector<size_t> LineStarts;
  std::vector<Block> Blocks;
  std::vector<Unmatched> Errors;
};

/// Whether \p Check matches the clang-tidy glob list \p Globs ("a,b-*"):
/// the last glob that matches decides, a glob starting with '-' excludes;
/// with \p KeepNegative false (NOLINT lists) those are ignored.
bool globListContains(llvm::StringRef Globs, llvm::StringRef Check,
                      bool KeepNegative = true);

} // namespace privacy

#endif // PRIVACY_NOLINT_H
