//===- JoinMemoTest.cpp - joins of label sets, remembered -----------------===//
// The fixpoint's memo of joins (dataflow::JoinMemo) gives what a join would
// and reuses its result only for the very label sets it joined.
#include "../checker/lib/analysis/dataflow/Analyzer.h"

#include "gtest/gtest.h"

using namespace privacy;
using privacy::dataflow::JoinMemo;

namespace {

Taint labels(std::initializer_list<const char *> Names) {
  Taint T;
  for (const char *Name : Names)
    T.add(Name, extendTrace(nullptr, clang::SourceLocation(), Name));
  return T;
}

TEST(JoinMemoTest, GivesWhatTheJoinGives) {
  JoinMemo Memo;
  Taint A = labels({"email"}), B = labels({"phone"});
  Taint Plain = A;
  bool PlainChanged = Plain.merge(B);
  Taint Remembered = A;
  EXPECT_EQ(Memo.merge(Remembered, B), PlainChanged);
  EXPECT_TRUE(Remembered == Plain);
  EXPECT_EQ(A.size(), 1u); // the set joined into is not changed in place
}

TEST(JoinMemoTest, TheSameSetsJoinedAgainShareTheResult) {
  JoinMemo Memo;
  Taint A = labels({"email"}), B = labels({"phone"});
  Taint First = A, Second = A;
  EXPECT_TRUE(Memo.merge(First, B));
  EXPECT_TRUE(Memo.merge(Second, B)); // as the first time: something new
  EXPECT_EQ(First.identity(), Second.identity());
  EXPECT_EQ(Second.size(), 2u);
}

TEST(JoinMemoTest, NothingNewIsRememberedAsNothingNew) {
  JoinMemo Memo;
  Taint A = labels({"email", "phone"}), B = labels({"phone"});
  Taint First = A, Second = A;
  EXPECT_FALSE(Memo.merge(First, B));
  EXPECT_FALSE(Memo.merge(Second, B));
  EXPECT_EQ(Second.identity(), A.identity());
}

TEST(JoinMemoTest, OtherSetsWithTheSameLabelsAreJoinedAfresh) {
  JoinMemo Memo;
  Taint A = labels({"email"}), B = labels({"phone"});
  Taint Into = A;
  Memo.merge(Into, B);
  // Equal labels, but another set: joined, not looked up.
  Taint OtherA = labels({"email"}), C = labels({"address"});
  Taint Again = OtherA;
  EXPECT_TRUE(Memo.merge(Again, C));
  EXPECT_TRUE(Again.has("address"));
  EXPECT_FALSE(Again.has("phone"));
}

TEST(JoinMemoTest, EmptySidesAreTheJoinsOwn) {
  JoinMemo Memo;
  Taint Empty, A = labels({"email"});
  EXPECT_TRUE(Memo.merge(Empty, A));
  EXPECT_EQ(Empty.identity(), A.identity());
  Taint Same = A;
  EXPECT_FALSE(Memo.merge(Same, Taint()));
}

} // namespace
