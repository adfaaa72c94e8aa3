//===- TaintTest.cpp - merging taints and growing paths -------------------===//
#include "privacy/Taint.h"

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
  EXPECT_EQ(traceSteps(T.labels().at("email")).front().Message, "first");
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

} // namespace
