//===- Taint.cpp - what a value carries, and how it got there -------------===//
#include "privacy/Taint.h"
#include "privacy/AnalysisLimits.h"

#include <algorithm>
#include <optional>

namespace privacy {

/// The newest step of a non-empty path.
static const FlowStep &lastStep(const TraceNode *N) {
  while (N->Spliced)
    N = N->Spliced.get();
  return N->Step;
}

Trace extendTrace(const Trace &T, clang::SourceLocation Loc, std::string Msg) {
  if (T && T->Length >= MaxTraceLength)
    return T;
  if (T) {
    const FlowStep &Last = lastStep(T.get());
    if (Last.Loc == Loc && Last.Message == Msg)
      return T;
  }
  auto Node = std::make_shared<TraceNode>();
  Node->Step = {Loc, std::move(Msg)};
  Node->Prev = T;
  Node->Length = T ? T->Length + 1 : 1;
  Node->Held = isHeld(T);
  Node->Declared = isDeclaredHeld(T);
  Node->Opaque = isOpaque(T);
  return Node;
}

Trace heldTrace(clang::SourceLocation Loc, std::string Msg) {
  auto Node = std::make_shared<TraceNode>();
  Node->Step = {Loc, std::move(Msg)};
  Node->Held = Node->Declared = true;
  return Node;
}

Trace heldTrace(const Trace &T) {
  if (isHeld(T))
    return T;
  auto Node = std::make_shared<TraceNode>();
  Node->Spliced = T;
  Node->Length = T ? T->Length : 0;
  Node->Held = true;
  Node->Declared = isDeclaredHeld(T);
  Node->Opaque = isOpaque(T);
  return Node;
}

Trace opaqueTrace(const Trace &T) {
  if (isOpaque(T))
    return T;
  // A node without a step of its own: the same steps, one more fact.
  auto Node = std::make_shared<TraceNode>();
  Node->Spliced = T;
  Node->Length = T ? T->Length : 0;
  Node->Held = isHeld(T);
  Node->Declared = isDeclaredHeld(T);
  Node->Opaque = true;
  return Node;
}

std::vector<FlowStep> traceSteps(const Trace &T) {
  // In order: a node's Prev (older steps), then its own step or spliced
  // path. Iterative, and stopped once the longest path shown is complete.
  std::vector<FlowStep> Steps;
  std::vector<std::pair<const TraceNode *, bool>> Stack; // node, Prev done
  if (T)
    Stack.push_back({T.get(), false});
  while (!Stack.empty() && Steps.size() < MaxTraceLength) {
    auto [N, PrevDone] = Stack.back();
    Stack.pop_back();
    if (!PrevDone) {
      Stack.push_back({N, true});
      if (N->Prev)
        Stack.push_back({N->Prev.get(), false});
      continue;
    }
    if (N->Spliced) {
      Stack.push_back({N->Spliced.get(), false});
      continue;
    }
    if (N->Step.Message.empty())
      continue; // only marks the path (opaqueTrace)
    if (!Steps.empty() && Steps.back().Loc == N->Step.Loc &&
        Steps.back().Message == N->Step.Message)
      continue;
    Steps.push_back(N->Step);
  }
  return Steps;
}

Trace concatTraces(const Trace &Earlier, const Trace &Later) {
  if (!Later)
    return Earlier;
  if (!Earlier)
    return Later;
  // The item comes from where either part says (a caller's object, or a
  // callee's own read); it went through unknown code if either part did.
  if (Earlier->Length >= MaxTraceLength)
    return isOpaque(Later) ? opaqueTrace(Earlier) : Earlier;
  auto Node = std::make_shared<TraceNode>();
  Node->Spliced = Later;
  Node->Prev = Earlier;
  Node->Length = std::min(MaxTraceLength, Earlier->Length + Later->Length);
  Node->Held = Earlier->Held || Later->Held;
  Node->Declared = Earlier->Declared || Later->Declared;
  Node->Opaque = Earlier->Opaque || Later->Opaque;
  return Node;
}

std::string paramLabel(unsigned Index) {
  return taint::Label(taint::ParamPlaceholder{Index, {}}).str();
}

std::string thisLabel() { return taint::Label(taint::ThisPlaceholder{}).str(); }

std::string captureLabel(const std::string &Name, const std::string &Id) {
  return taint::Label(taint::CapturePlaceholder{Name, Id, {}}).str();
}

std::string returnLabel(unsigned Call) {
  return taint::Label(taint::ReturnPlaceholder{std::nullopt, Call, {}}).str();
}

std::string callbackResultLabel(unsigned Call) {
  return taint::Label(taint::CallbackResultPlaceholder{Call, {}}).str();
}

std::string markerLabel(taint::MarkerKind Kind, const std::string &Text) {
  return taint::Label(taint::MarkerLabel{Kind, Text}).str();
}

// Placeholders multiply along call chains in code that handles no personal
// data at all; past these bounds they are folded, never the items.

/// "$p0.a.b.c" folded to at most MaxPlaceholderFields fields (a label the
/// parser rejects is kept as it is).
static std::string foldPlaceholder(const std::string &Label) {
  return taint::withFieldsCut(Label, MaxPlaceholderFields).value_or(Label);
}

/// The placeholder itself, without fields.
static std::string placeholderBase(const std::string &Label) {
  return taint::withFieldsCut(Label, 0).value_or(Label);
}

const LabelList &Taint::labels() const {
  static const LabelList None;
  return Rep ? Rep->Labels : None;
}

/// The first entry of \p Labels not before \p Label.
static LabelList::const_iterator lowerBound(const LabelList &Labels,
                                            const std::string &Label) {
  return std::lower_bound(
      Labels.begin(), Labels.end(), Label,
      [](const auto &Entry, const std::string &L) { return Entry.first < L; });
}

Taint::Representation &Taint::own() { return ownCopy(Rep); }

/// A path that is held or opaque says less than one that is neither.
static bool isWeak(const Trace &T) { return isHeld(T) || isOpaque(T); }

/// Read as a value (2), stored in an object's field (1), or only what the
/// object's type says it may hold (0).
static int holding(bool Held, bool Declared) {
  return !Held ? 2 : Declared ? 0 : 1;
}
static int holding(const Trace &T) {
  return holding(isHeld(T), isDeclaredHeld(T));
}

/// Whether a path with these marks tells more than \p Old: read rather
/// than held; else not through unknown code.
static bool isStronger(bool Held, bool Declared, bool Opaque,
                       const Trace &Old) {
  int New = holding(Held, Declared);
  if (New != holding(Old))
    return New > holding(Old);
  return isOpaque(Old) && !Opaque;
}
static bool isStronger(const Trace &New, const Trace &Old) {
  return isStronger(isHeld(New), isDeclaredHeld(New), isOpaque(New), Old);
}

bool mayTellMore(const Trace &Earlier, const Trace &Later, const Trace &Old) {
  // extendTrace keeps Earlier's marks; concatTraces adds Later's, except
  // Held and Declared once Earlier is as long as a path shown gets. Either
  // may apply here.
  bool Opaque = isOpaque(Earlier) || isOpaque(Later);
  return isStronger(isHeld(Earlier) || isHeld(Later),
                    isDeclaredHeld(Earlier) || isDeclaredHeld(Later), Opaque,
                    Old) ||
         isStronger(isHeld(Earlier), isDeclaredHeld(Earlier), Opaque, Old);
}

const Trace *Taint::pathOf(const std::string &Label) const {
  if (!Rep)
    return nullptr;
  auto It = lowerBound(Rep->Labels, Label);
  return It != Rep->Labels.end() && It->first == Label ? &It->second : nullptr;
}

bool Taint::insert(const std::string &Label, Trace Path, bool IsPlaceholder) {
  size_t At = 0;
  if (Rep) {
    auto It = lowerBound(Rep->Labels, Label);
    At = It - Rep->Labels.begin();
    if (It != Rep->Labels.end() && It->first == Label) {
      if (!isStronger(Path, It->second))
        return false;
      Representation &R = own();
      R.WeakCount -= isWeak(R.Labels[At].second) - isWeak(Path);
      R.Labels[At].second = std::move(Path);
      return true;
    }
  }
  // The place found above holds in a copy own() makes too.
  Representation &R = own();
  R.WeakCount += isWeak(Path);
  R.Labels.emplace(R.Labels.begin() + At, Label, std::move(Path));
  R.PlaceholderCount += IsPlaceholder;
  return true;
}

bool Taint::add(const std::string &Label, Trace Path) {
  if (!isPlaceholder(Label))
    return insert(Label, std::move(Path), false);
  // Counting the dots tells most labels need no folding, without parsing
  // them (a label the parser rejects is kept as it is either way).
  if (taint::fieldCount(Label) <= MaxPlaceholderFields)
    return addPlaceholder(Label, std::move(Path));
  return addPlaceholder(foldPlaceholder(Label), std::move(Path));
}

bool Taint::addPlaceholder(const std::string &Folded, Trace Path) {
  size_t Placeholders = Rep ? Rep->PlaceholderCount : 0;
  if (Placeholders < MaxPlaceholderLabels || has(Folded))
    return insert(Folded, std::move(Path), true);
  if (isReturnPlaceholder(Folded))
    return false; // what yet another call into another file returns: dropped
  // Too many: keep the parameter itself, without its fields.
  return insert(placeholderBase(Folded), std::move(Path), true);
}

bool Taint::merge(const Taint &Other) {
  if (Other.empty() || Rep == Other.Rep)
    return false;
  if (empty()) {
    Rep = Other.Rep; // the same labels, already folded and bounded
    return true;
  }
  return addEach(Other);
}

bool Taint::mergeLabelByLabel(const Taint &Other) {
  if (Other.empty() || Rep == Other.Rep)
    return false;
  // Added one by one into nothing, at most MaxPlaceholderLabels
  // placeholders come out as they are: the same labels, shared.
  if (empty() && Other.Rep->PlaceholderCount <= MaxPlaceholderLabels) {
    Rep = Other.Rep;
    return true;
  }
  return addEach(Other);
}

bool Taint::addEach(const Taint &Other) {
  // Most joins add nothing: one pass over both sorted sets finds the first
  // label of theirs that is new to mine or has a stronger path (adding the
  // ones before it would change nothing); from there on, label by label.
  const auto &Theirs = Other.labels();
  auto From = Theirs.begin();
  if (Rep) {
    const auto &Mine = Rep->Labels;
    auto M = Mine.begin();
    for (; From != Theirs.end(); ++From) {
      int Order = 1;
      while (M != Mine.end() && (Order = M->first.compare(From->first)) < 0)
        ++M;
      // The same path is not stronger than itself (and is not read).
      if (Order != 0 ||
          (From->second != M->second && isStronger(From->second, M->second)))
        break;
    }
  }
  bool Changed = false;
  for (; From != Theirs.end(); ++From)
    Changed |= add(From->first, From->second);
  return Changed;
}

Taint Taint::withStep(clang::SourceLocation Loc, const std::string &Msg) const {
  Taint Out;
  if (empty())
    return Out;
  Representation &R = Out.own();
  R.Labels.reserve(Rep->Labels.size());
  for (const auto &[Label, Path] : Rep->Labels)
    R.Labels.emplace_back(Label, extendTrace(Path, Loc, Msg));
  R.PlaceholderCount = Rep->PlaceholderCount;
  R.WeakCount = Rep->WeakCount;
  return Out;
}

std::vector<std::string> Taint::items() const {
  std::vector<std::string> Out;
  for (const auto &Entry : labels())
    if (!isPlaceholder(Entry.first) && !isMarker(Entry.first))
      Out.push_back(Entry.first);
  return Out;
}

bool Taint::hasItems() const {
  const auto &L = labels();
  return std::any_of(L.begin(), L.end(), [](const auto &Entry) {
    return !isPlaceholder(Entry.first) && !isMarker(Entry.first);
  });
}

bool Taint::operator==(const Taint &O) const {
  if (Rep == O.Rep)
    return true;
  const auto &A = labels(), &B = O.labels();
  if (A.size() != B.size())
    return false;
  for (auto I = A.begin(), J = B.begin(); I != A.end(); ++I, ++J)
    if (I->first != J->first || holding(I->second) != holding(J->second) ||
        isOpaque(I->second) != isOpaque(J->second))
      return false;
  return true;
}

} // namespace privacy
