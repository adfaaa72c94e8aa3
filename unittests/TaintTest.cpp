//===- TaintTest.cpp - merging taints and growing paths -------------------===//
#include "privacy/Taint.h"
#include "privacy/AnalysisLimits.h"

#include "gtest/gtest.h"

using namespace privacy;

namespace {

Trace step(const char *Message) {
  return extendTrace(nullptr, clang::SourceLocation(), Message);
}

TEST(TaintTest, AddKeepsTheFirstPath) {
  Taint T;
  EXPECT_TRUE(T.add("email", step("first")));
  EXPECT_FALSE(T.add("email", step("second")));
  ASSERT_EQ(T.labels().size(), 1u);
  EXPECT_EQ(traceSteps(*T.pathOf("email")).front().Message, "first");
}

TEST(TaintTest, LabelsStaySortedWhateverTheOrderAdded) {
  Taint T;
  for (const char *Label : {"phone", "$p1", "email", "#fd:socket", "name"})
    T.add(Label, step(Label));
  Taint Copy = T;
  EXPECT_TRUE(T.add("address", step("address")));
  std::vector<std::string> Order;
  for (const auto &[Label, Path] : T.labels())
    Order.push_back(Label);
  EXPECT_EQ(Order, (std::vector<std::string>{"#fd:socket", "$p1", "address",
                                             "email", "name", "phone"}));
  EXPECT_EQ(Copy.size(), 5u); // the copy made before did not change
  EXPECT_FALSE(Copy.has("address"));
  for (const auto &[Label, Path] : T.labels())
    EXPECT_EQ(traceSteps(Path).front().Message, Label); // each its own path
  EXPECT_EQ(T.pathOf("zip"), nullptr);
}

TEST(TaintTest, AStrongerPathReplacesAHeldOneInPlace) {
  Taint T;
  T.add("email", heldTrace(clang::SourceLocation(), "held"));
  T.add("phone", step("phone"));
  EXPECT_TRUE(T.add("email", step("read")));
  ASSERT_EQ(T.size(), 2u);
  EXPECT_EQ(T.labels().front().first, "email");
  EXPECT_FALSE(isHeld(*T.pathOf("email")));
  EXPECT_EQ(traceSteps(*T.pathOf("email")).front().Message, "read");
}

TEST(TaintTest, MergeTellsWhetherAnythingWasNew) {
  Taint A, B;
  A.add("email", step("a"));
  B.add("email", step("b"));
  EXPECT_FALSE(A.merge(B));
  B.add("phone", step("b"));
  EXPECT_TRUE(A.merge(B));
  EXPECT_EQ(A.size(), 2u);
  EXPECT_FALSE(A.merge(Taint()));
}

TEST(TaintTest, CopiesDoNotSeeLaterChanges) {
  Taint A;
  A.add("email", step("a"));
  Taint Copy = A;
  A.add("phone", step("a"));
  EXPECT_EQ(Copy.size(), 1u);
  EXPECT_FALSE(Copy.has("phone"));
  EXPECT_TRUE(A.has("phone"));
}

TEST(TaintTest, ItemsLeaveOutPlaceholdersAndMarkers) {
  Taint T;
  T.add("email", nullptr);
  T.add(paramLabel(0), nullptr);
  T.add("#fd:socket", nullptr);
  EXPECT_EQ(T.items(), std::vector<std::string>{"email"});
  EXPECT_TRUE(T.hasItems());
}

TEST(TaintTest, RepeatedStepIsShownOnce) {
  Trace T = step("read here");
  T = extendTrace(T, clang::SourceLocation(), "read here");
  T = extendTrace(T, clang::SourceLocation(), "passed on");
  std::vector<FlowStep> Steps = traceSteps(T);
  ASSERT_EQ(Steps.size(), 2u);
  EXPECT_EQ(Steps[1].Message, "passed on");
}

TEST(TaintTest, ConcatenatedPathsKeepTheirOrder) {
  Trace Caller = extendTrace(step("c1"), clang::SourceLocation(), "c2");
  Trace Callee = extendTrace(step("d1"), clang::SourceLocation(), "d2");
  std::vector<FlowStep> Steps = traceSteps(concatTraces(Caller, Callee));
  ASSERT_EQ(Steps.size(), 4u);
  EXPECT_EQ(Steps[0].Message, "c1");
  EXPECT_EQ(Steps[3].Message, "d2");
}

TEST(TaintTest, HeldAndOpaqueFollowThePath) {
  Trace Held = heldTrace(clang::SourceLocation(), "held by the object");
  EXPECT_TRUE(isHeld(Held));
  Trace Longer = extendTrace(Held, clang::SourceLocation(), "returned");
  EXPECT_TRUE(isHeld(Longer));
  EXPECT_FALSE(isOpaque(Longer));
  // An opaque mark adds no step.
  Trace Through = opaqueTrace(step("p0"));
  EXPECT_TRUE(isOpaque(Through));
  EXPECT_EQ(traceSteps(Through).size(), 1u);
  EXPECT_EQ(traceSteps(opaqueTrace(nullptr)).size(), 0u);
  // Spliced: held from the caller's part, opaque from the callee's.
  Trace Joined = concatTraces(Held, Through);
  EXPECT_TRUE(isHeld(Joined));
  EXPECT_TRUE(isOpaque(Joined));
  EXPECT_FALSE(passesThrough(Held, Through));
  EXPECT_TRUE(passesThrough(step("read"), Through));
  EXPECT_TRUE(passesThrough(Held, step("p0")));
}

TEST(TaintTest, AReadReplacesAHeldPath) {
  Taint T;
  EXPECT_TRUE(T.add("email", heldTrace(clang::SourceLocation(), "held")));
  Taint Before = T;
  EXPECT_TRUE(T.add("email", step("read")));
  EXPECT_FALSE(isHeld(*T.pathOf("email")));
  EXPECT_FALSE(T == Before); // the fixpoint sees the change
  EXPECT_FALSE(T.add("email", heldTrace(clang::SourceLocation(), "held")));
  // Merging upgrades too, though the label names are the same.
  Taint Held, Read;
  Held.add("email", heldTrace(clang::SourceLocation(), "held"));
  Read.add("email", step("read"));
  EXPECT_TRUE(Held.merge(Read));
  EXPECT_FALSE(isHeld(*Held.pathOf("email")));
  EXPECT_FALSE(Held.merge(Read));
}

TEST(TaintTest, PlaceholdersAreFoldedAtTheirBounds) {
  Taint T;
  // More fields than MaxPlaceholderFields: the deeper ones are dropped.
  EXPECT_TRUE(T.add("$p0.a.b.c", step("deep")));
  EXPECT_TRUE(T.has("$p0.a.b"));
  EXPECT_FALSE(T.add("$p0.a.b.d", step("deep again")));
  // Past MaxPlaceholderLabels: a parameter's field is kept as the
  // parameter, what another file returns is dropped.
  for (size_t I = T.size(); I < MaxPlaceholderLabels; ++I)
    T.add(paramLabel(static_cast<unsigned>(I + 1)) + ".f", step("p"));
  ASSERT_EQ(T.size(), MaxPlaceholderLabels);
  EXPECT_TRUE(T.add("$p90.g", step("one more")));
  EXPECT_TRUE(T.has("$p90"));
  EXPECT_FALSE(T.has("$p90.g"));
  EXPECT_FALSE(T.add(returnLabel(7), step("returned")));
  EXPECT_TRUE(T.add("email", step("items are never folded")));
}

TEST(TaintTest, FoldingCutsTheTextAsTheParserReadsIt) {
  Taint T;
  T.add("$this.._impl_.x.y", step("anonymous member"));
  T.add("$cname@0x1.a.b.c", step("capture"));
  T.add("$r:dir/a.b.cpp:3.x.y.z", step("file with dots"));
  T.add("$k4.a.b.c", step("callback result"));
  // Rejected by the parser: kept as they are.
  T.add("$p0.a.b.", step("last field without a name"));
  T.add("$p01.a.b.c", step("not a number"));
  std::vector<std::string> Labels;
  for (const auto &[Label, Path] : T.labels())
    Labels.push_back(Label);
  EXPECT_EQ(Labels, (std::vector<std::string>{
                        "$cname@0x1.a.b", "$k4.a.b", "$p0.a.b.", "$p01.a.b.c",
                        "$r:dir/a.b.cpp:3.x.y", "$this.._impl_"}));
  // Past MaxPlaceholderLabels, the head alone.
  for (unsigned I = 0; T.size() < MaxPlaceholderLabels; ++I)
    T.add(paramLabel(I + 10), step("p"));
  EXPECT_TRUE(T.add("$cother@0x2.a", step("one more")));
  EXPECT_TRUE(T.has("$cother@0x2"));
  EXPECT_TRUE(T.add("$this..x", step("anonymous first")));
  EXPECT_TRUE(T.has("$this"));
  EXPECT_TRUE(T.add("$p02.a", step("not a number")));
  EXPECT_TRUE(T.has("$p02.a"));
}

TEST(TaintTest, MergeLabelByLabelFoldsWhatMergeShares) {
  // 33 placeholders: a label without fields is its own base, which add()
  // keeps past the bound.
  Taint Many;
  for (unsigned I = 0; I < MaxPlaceholderLabels; ++I)
    Many.add(paramLabel(I) + ".f", step("p"));
  EXPECT_TRUE(Many.add("$p40", step("base")));
  ASSERT_EQ(Many.size(), MaxPlaceholderLabels + 1);
  Taint Shared, ByLabel, OneByOne;
  EXPECT_TRUE(Shared.merge(Many));
  EXPECT_TRUE(ByLabel.mergeLabelByLabel(Many));
  for (const auto &[Label, Path] : Many.labels())
    OneByOne.add(Label, Path);
  // "$p9.f" comes last: added one by one, it is past the bound.
  EXPECT_TRUE(Shared.has("$p9.f"));
  EXPECT_FALSE(ByLabel.has("$p9.f"));
  EXPECT_TRUE(ByLabel.has("$p9"));
  EXPECT_TRUE(ByLabel == OneByOne);
  // Within the bound, the labels are shared as they are.
  Taint Few, FewByLabel;
  Few.add("$p0.a", step("a"));
  Few.add("email", step("e"));
  EXPECT_TRUE(FewByLabel.mergeLabelByLabel(Few));
  EXPECT_EQ(&FewByLabel.labels(), &Few.labels());
  EXPECT_FALSE(FewByLabel.mergeLabelByLabel(Few));
}

/// A path with the given marks, \p Steps steps long.
Trace pathOf(bool Held, bool Declared, bool Opaque, unsigned Steps) {
  Trace T = Held && Declared
                ? heldTrace(clang::SourceLocation(), "declared")
                : extendTrace(nullptr, clang::SourceLocation(), "first");
  for (unsigned I = 1; I < Steps; ++I)
    T = extendTrace(T, clang::SourceLocation(), "step " + std::to_string(I));
  if (Held && !Declared)
    T = heldTrace(T);
  return Opaque ? opaqueTrace(T) : T;
}

TEST(TaintTest, MayTellMoreWheneverAddWouldTakeThePath) {
  // Every combination of marks on the kept path and the two parts, short
  // and as long as a path shown gets: where the built path would replace
  // the kept one, mayTellMore says so (it may say so where it would not).
  std::vector<Trace> Paths{nullptr};
  for (unsigned Steps : {1u, MaxTraceLength - 1, MaxTraceLength})
    for (int Marks = 0; Marks < 8; ++Marks)
      if (!(Marks & 2) || (Marks & 1)) // declared only when held
        Paths.push_back(pathOf(Marks & 1, Marks & 2, Marks & 4, Steps));
  int Skipped = 0;
  for (const Trace &Kept : Paths)
    for (const Trace &Earlier : Paths)
      for (const Trace &Later : Paths) {
        Taint T;
        T.add("email", Kept);
        Trace Built = concatTraces(
            extendTrace(Earlier, clang::SourceLocation(), "passed"), Later);
        bool Takes = Taint(T).add("email", Built);
        if (Takes) {
          EXPECT_TRUE(mayTellMore(Earlier, Later, Kept));
        }
        Skipped += !mayTellMore(Earlier, Later, Kept);
      }
  EXPECT_GT(Skipped, 0); // and it does skip
}

} // namespace
