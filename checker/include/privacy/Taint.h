//===- Taint.h - what a value carries, and how it got there ----*- C++ -*-===//
//
// A value's taint is a set of labels, each with the path it took. A label is
// a policy item ("email"), or inside a function summary a placeholder for
// what the caller passes: a parameter ("$p0"), the object a method is called
// on ("$this") or a variable a lambda captures ("$c<name>@<id>"), or for what
// a function of another file returns at one call ("$r<N>").
//
//===----------------------------------------------------------------------===//
#ifndef PRIVACY_TAINT_H
#define PRIVACY_TAINT_H

#include "privacy/Label.h"

#include "clang/Basic/SourceLocation.h"

#include <memory>
#include <string>
#include <vector>

namespace privacy {

/// \p Shared made its holder's own before a change: made if there is none,
/// copied if another holder shares it. Taints and dataflow states share
/// their parts this way, so that copies that are not changed cost nothing.
template <typename T> T &ownCopy(std::shared_ptr<const T> &Shared) {
  if (!Shared)
    Shared = std::make_shared<T>();
  else if (Shared.use_count() > 1)
    Shared = std::make_shared<T>(*Shared);
  // The only holder: changing it changes no other.
  return const_cast<T &>(*Shared);
}

/// One step of a value's path, shown as a note.
struct FlowStep {
  clang::SourceLocation Loc;
  std::string Message;
};

/// A path as a shared, immutable list (newest step first), so that copies
/// of a taint through many statements cost nothing. A node is either one
/// step or, when \c Spliced is set, all of another path's steps: appending
/// a callee's path to a caller's then costs one node, not a copy.
struct TraceNode {
  FlowStep Step;
  std::shared_ptr<const TraceNode> Spliced;
  std::shared_ptr<const TraceNode> Prev;
  unsigned Length = 1; // steps up to here, at most the longest path shown
  /// The item is held by an object the value is (or points to), read with
  /// it, not read itself: it counts where the object is handed whole to a
  /// sink, not as a use under a purpose (SPEC §1; docs/limitations.md,
  /// "Objects and their fields").
  bool Held = false;
  /// Held because the object's type says its fields may hold it (not a
  /// value stored there): a read of one field takes that field's own
  /// declaration instead.
  bool Declared = false;
  /// The path went through what unknown code returned: an object's held
  /// items do not come out there (docs/limitations.md, "Unknown code").
  bool Opaque = false;
};
using Trace = std::shared_ptr<const TraceNode>;

Trace extendTrace(const Trace &T, clang::SourceLocation Loc, std::string Msg);
/// A path's first step, for an item an object holds (TraceNode::Held).
Trace heldTrace(clang::SourceLocation Loc, std::string Msg);
/// \p T, marked as having gone through what unknown code returned.
Trace opaqueTrace(const Trace &T);
/// \p T, marked as held by an object (a field's value read with the whole
/// object).
Trace heldTrace(const Trace &T);
inline bool isHeld(const Trace &T) { return T && T->Held; }
inline bool isDeclaredHeld(const Trace &T) { return T && T->Declared; }
inline bool isOpaque(const Trace &T) { return T && T->Opaque; }
/// Whether what a caller passed along \p CallerPath comes out of a callee
/// along \p CalleePath: an object's held items do not pass through unknown
/// code.
inline bool passesThrough(const Trace &CallerPath, const Trace &CalleePath) {
  return taint::heldItemPasses(isHeld(CallerPath), isOpaque(CalleePath));
}
/// Whether the path concatTraces(extendTrace(Earlier, ...), Later) tells
/// more than \p Old (Taint::add would take it instead), without building
/// it: a call's substitution would otherwise build many paths only to
/// drop them.
bool mayTellMore(const Trace &Earlier, const Trace &Later, const Trace &Old);
/// Steps oldest first (a step repeated right after itself shown once).
std::vector<FlowStep> traceSteps(const Trace &T);
/// \p Later's steps appended after \p Earlier's (used when a summary's
/// placeholder is replaced by what a caller passed).
Trace concatTraces(const Trace &Earlier, const Trace &Later);

// The kinds of labels are those of Label.h; these ask the canonical string
// directly, without building a Label, on the analysis' hot paths.
inline bool isPlaceholder(const std::string &Label) {
  switch (taint::labelKind(Label)) {
  case taint::LabelKind::Param:
  case taint::LabelKind::This:
  case taint::LabelKind::Capture:
  case taint::LabelKind::Return:
  case taint::LabelKind::CallbackResult:
    return true;
  default:
    return false;
  }
}
/// Markers are facts about a value that are not personal data: "#fd:socket"
/// (a file descriptor from socket()), "#fn:..." (a function the value may
/// point to), "#slot:..." (the field or global it was read from).
inline bool isMarker(const std::string &Label) {
  return taint::labelKind(Label) == taint::LabelKind::Marker;
}
/// "$p<Index>".
std::string paramLabel(unsigned Index);
/// "$r<N>": what a call into another file returns, filled in by the join.
inline bool isReturnPlaceholder(const std::string &Label) {
  return taint::labelKind(Label) == taint::LabelKind::Return;
}
/// "$k<Call>": what the call through a function value numbered \p Call in
/// this translation unit returns, where the caller passes that value.
std::string callbackResultLabel(unsigned Call);
inline bool isCallbackResultPlaceholder(const std::string &Label) {
  return taint::labelKind(Label) == taint::LabelKind::CallbackResult;
}
/// "$this".
std::string thisLabel();
/// "$c<Name>@<Id>": a variable a lambda captures.
std::string captureLabel(const std::string &Name, const std::string &Id);
inline bool isCapturePlaceholder(const std::string &Label) {
  return taint::labelKind(Label) == taint::LabelKind::Capture;
}
/// "$r<Call>": what the call numbered \p Call in this translation unit
/// returns (or throws).
std::string returnLabel(unsigned Call);
/// "#fn:<Text>", "#slot:<Text>" or "#fd:<Text>".
std::string markerLabel(taint::MarkerKind Kind, const std::string &Text);

/// A taint's labels, sorted, each with its path. A sorted vector rather than
/// a map: most taints hold a few labels, are copied when changed and read
/// in order, and a vector is one allocation where a map has one per label.
using LabelList = std::vector<std::pair<std::string, Trace>>;

/// Copies share one label set until either side changes it: the analysis
/// copies whole states at every block of a function, and most values in
/// them do not change from block to block.
class Taint {
public:
  bool empty() const { return !Rep || Rep->Labels.empty(); }
  size_t size() const { return Rep ? Rep->Labels.size() : 0; }
  bool has(const std::string &Label) const { return pathOf(Label) != nullptr; }
  /// The path kept for \p Label; null when the label is not here.
  const Trace *pathOf(const std::string &Label) const;

  /// Adds \p Label unless present (the first path found is kept: paths are
  /// for explaining, not for completeness). Returns whether it was new.
  bool add(const std::string &Label, Trace Path);
  /// Adds every label of \p Other; returns whether anything was new.
  bool merge(const Taint &Other);
  /// Adds every label of \p Other with add(), in order: unlike merge() into
  /// an empty taint, what is past the bound on placeholders is folded.
  bool mergeLabelByLabel(const Taint &Other);
  /// Every path gets a further step.
  Taint withStep(clang::SourceLocation Loc, const std::string &Msg) const;
  /// Labels that are policy items (no placeholders, no markers).
  std::vector<std::string> items() const;
  bool hasItems() const;

  /// The labels in order, each once, with its path.
  const LabelList &labels() const;
  bool operator==(const Taint &O) const;
  /// The same for copies that share one label set (no change since the
  /// copy), else different: what a memo of joins is keyed by.
  const void *identity() const { return Rep.get(); }

private:
  struct Representation {
    LabelList Labels;
    size_t PlaceholderCount = 0;
    /// Labels whose path is held or opaque: a later path that is neither
    /// replaces theirs (Taint::add).
    size_t WeakCount = 0;
  };
  /// The representation, made this value's own before a change.
  Representation &own();
  bool insert(const std::string &Label, Trace Path, bool IsPlaceholder);
  /// add() of a placeholder already folded to its fields' bound.
  bool addPlaceholder(const std::string &Folded, Trace Path);
  /// add() of each label of \p Other, in order.
  bool addEach(const Taint &Other);

  std::shared_ptr<const Representation> Rep;
};

} // namespace privacy

#endif // PRIVACY_TAINT_H
