//===- JsonLocator.h - where each JSON value sits in its text --*- C++ -*-===//
//
// nlohmann::json keeps no positions, but a privacy officer fixing a policy
// needs line and column for every message. This scans the (already parsed,
// hence valid) text once and keeps, for each value, the position of its
// key (object members) or of the value (array elements, the root). It also
// notices duplicate keys, which JSON parsers silently collapse.
//
// Time and memory are linear in the text: values are kept as a tree of
// (parent, key) nodes, never as one full JSON pointer each, which was
// quadratic in the depth (docs/robustness.md).
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_JSONLOCATOR_H
#define PRIVACY_JSONLOCATOR_H

#include <map>
#include <string>
#include <vector>

namespace privacy {

struct TextPosition {
  unsigned Line = 1, Column = 1;
};

class JsonLocator {
public:
  explicit JsonLocator(const std::string &Text);

  /// The position of \p Pointer, or of its nearest ancestor that is known.
  TextPosition find(const std::string &Pointer) const;

  struct DuplicateKey {
    std::string Pointer;
    TextPosition Where; // of the second occurrence
  };
  /// Keys that appear twice in the same object.
  const std::vector<DuplicateKey> &duplicateKeys() const { return Duplicates; }

  static std::string escapeToken(const std::string &Token);

private:
  struct Node {
    size_t Parent;
    std::string Key; // as written in the text, or the array index
    TextPosition Where;
  };
  std::vector<Node> Nodes; // Nodes[0] is the root
  std::map<std::pair<size_t, std::string>, size_t> Children;
  std::vector<DuplicateKey> Duplicates;

  std::string pointerOf(size_t Node) const;
};

/// Line and column (1-based, in bytes) of byte \p Offset of \p Text.
TextPosition positionOfOffset(const std::string &Text, size_t Offset);

} // namespace privacy

#endif // PRIVACY_JSONLOCATOR_H
