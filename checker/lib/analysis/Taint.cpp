//===- Taint.cpp - what a value carries, and how it got there -------------===//
#include "privacy/Taint.h"

#include <algorithm>

namespace privacy {

// Paths longer than this stop growing: a note list a person can read.
static constexpr unsigned MaxTraceLength = 24;

Trace extendTrace(const Trace &T, clang::SourceLocation Loc, std::string Msg) {
  if (T && T->Length >= MaxTraceLength)
    return T;
  if (T && T->Step.Loc == Loc && T->Step.Message == Msg)
    return T;
  auto Node = std::make_shared<TraceNode>();
  Node->Step = {Loc, std::move(Msg)};
  Node->Prev = T;
  Node->Length = T ? T->Length + 1 : 1;
  return Node;
}

std::vector<FlowStep> traceSteps(const Trace &T) {
  std::vector<FlowStep> Steps;
  for (const TraceNode *N = T.get(); N; N = N->Prev.get())
    Steps.push_back(N->Step);
  std::reverse(Steps.begin(), Steps.end());
  return Steps;
}

Trace concatTraces(const Trace &Earlier, const Trace &Later) {
  Trace Out = Earlier;
  for (const FlowStep &S : traceSteps(Later))
    Out = extendTrace(Out, S.Loc, S.Message);
  return Out;
}

std::string paramLabel(unsigned Index) {
  return "$p" + std::to_string(Index);
}

// Placeholders multiply along call chains in code that handles no personal
// data at all; past these bounds they are folded, never the items.
static constexpr size_t MaxPlaceholderLabels = 32;
static constexpr size_t MaxPlaceholderFields = 2;

/// "$p0.a.b.c" folded to at most MaxPlaceholderFields fields.
static std::string foldPlaceholder(const std::string &Label) {
  size_t Dots = 0;
  for (size_t I = 0; I < Label.size(); ++I)
    if (Label[I] == '.' && ++Dots > MaxPlaceholderFields)
      return Label.substr(0, I);
  return Label;
}

bool Taint::add(const std::string &Label, Trace Path) {
  if (!isPlaceholder(Label))
    return Labels.emplace(Label, std::move(Path)).second;
  std::string Folded = foldPlaceholder(Label);
  if (Labels.count(Folded))
    return false;
  if (PlaceholderCount >= MaxPlaceholderLabels && isReturnPlaceholder(Folded))
    return false; // what yet another call into another file returns: dropped
  if (PlaceholderCount >= MaxPlaceholderLabels) {
    // Too many: keep the parameter itself, without its fields.
    std::string Base = Folded.substr(0, Folded.find('.'));
    if (Labels.count(Base))
      return false;
    Folded = Base;
  }
  bool New = Labels.emplace(Folded, std::move(Path)).second;
  PlaceholderCount += New;
  return New;
}

bool Taint::merge(const Taint &Other) {
  bool Changed = false;
  for (const auto &[Label, Path] : Other.Labels)
    Changed |= add(Label, Path);
  return Changed;
}

Taint Taint::withStep(clang::SourceLocation Loc, const std::string &Msg) const {
  Taint Out;
  for (const auto &[Label, Path] : Labels)
    Out.Labels.emplace(Label, extendTrace(Path, Loc, Msg));
  Out.PlaceholderCount = PlaceholderCount;
  return Out;
}

std::vector<std::string> Taint::items() const {
  std::vector<std::string> Out;
  for (const auto &Entry : Labels)
    if (!isPlaceholder(Entry.first) && !isMarker(Entry.first))
      Out.push_back(Entry.first);
  return Out;
}

bool Taint::hasItems() const {
  return std::any_of(Labels.begin(), Labels.end(), [](const auto &Entry) {
    return !isPlaceholder(Entry.first) && !isMarker(Entry.first);
  });
}

bool Taint::operator==(const Taint &O) const {
  if (Labels.size() != O.Labels.size())
    return false;
  for (auto A = Labels.begin(), B = O.Labels.begin(); A != Labels.end();
       ++A, ++B)
    if (A->first != B->first)
      return false;
  return true;
}

} // namespace privacy
