//===- NolintTest.cpp - NOLINT comments with clang-tidy's rules -----------===//
// The cases follow clang-tidy's own tests of NOLINT, NOLINTNEXTLINE and
// NOLINTBEGIN/NOLINTEND (test/clang-tidy/infrastructure/nolint*.cpp).
#include "privacy/Nolint.h"

#include "gtest/gtest.h"

using namespace privacy;

namespace {

constexpr const char *Check = "privacy-log-leak";

/// Whether a finding of Check at the first "@" of Text is silenced (the
/// "@" marks the place and is not part of the file).
bool silenced(std::string Text, llvm::StringRef Name = Check) {
  size_t At = Text.find('@');
  EXPECT_NE(At, std::string::npos);
  Text.erase(At, 1);
  return NolintComments(Text).suppresses(At, Name);
}

TEST(NolintTest, BareNolintSilencesEveryCheckOnItsLine) {
  EXPECT_TRUE(silenced("log(@email); // NOLINT\n"));
  EXPECT_FALSE(silenced("log(@email);\n// NOLINT\n"));
  EXPECT_FALSE(silenced("// NOLINT\nlog(@email);\n"));
}

TEST(NolintTest, ListsAndGlobs) {
  EXPECT_TRUE(silenced("log(@e); // NOLINT(privacy-log-leak)\n"));
  EXPECT_TRUE(silenced("log(@e); // NOLINT(bugprone-foo, privacy-log-leak)\n"));
  EXPECT_TRUE(silenced("log(@e); // NOLINT( privacy-* )\n"));
  EXPECT_TRUE(silenced("log(@e); // NOLINT(*-leak)\n"));
  EXPECT_TRUE(silenced("log(@e); // NOLINT(privacy-*-leak)\n"));
  EXPECT_FALSE(silenced("log(@e); // NOLINT(privacy-log)\n"));
  EXPECT_FALSE(silenced("log(@e); // NOLINT(bugprone-*)\n"));
  EXPECT_FALSE(silenced("log(@e); // NOLINT()\n"));
  // Negative globs count for nothing in a NOLINT list.
  EXPECT_FALSE(silenced("log(@e); // NOLINT(-privacy-log-leak)\n"));
  EXPECT_TRUE(silenced("log(@e); // NOLINT(-bugprone-foo,privacy-*)\n"));
  // A list without its ')' on the line leaves the comment bare.
  EXPECT_TRUE(silenced("log(@e); // NOLINT(bugprone-foo\n"));
}

TEST(NolintTest, OtherWordsAreNotNolint) {
  EXPECT_FALSE(silenced("log(@e); // NOLINTEND(bugprone-foo)\n"));
  EXPECT_FALSE(silenced("log(@e); // NOLINTBEGIN\n"));
  EXPECT_FALSE(silenced("log(@e); // NOLINTNEXTLINE\n"));
  EXPECT_FALSE(silenced("log(@e); // NOLINTED\n"));
  EXPECT_FALSE(silenced("log(@e); // nolint\n"));
}

TEST(NolintTest, NextLineCoversOnlyTheNextLine) {
  EXPECT_TRUE(silenced("// NOLINTNEXTLINE\nlog(@e);\n"));
  EXPECT_TRUE(silenced("// NOLINTNEXTLINE(privacy-*)\nlog(@e);\n"));
  EXPECT_FALSE(silenced("// NOLINTNEXTLINE(bugprone-*)\nlog(@e);\n"));
  EXPECT_FALSE(silenced("// NOLINTNEXTLINE\n\nlog(@e);\n"));
  EXPECT_FALSE(silenced("log(@e); // NOLINTNEXTLINE\n"));
  // NOLINT on the line before is not NOLINTNEXTLINE.
  EXPECT_FALSE(silenced("// NOLINT\nlog(@e);\n"));
}

TEST(NolintTest, Blocks) {
  EXPECT_TRUE(silenced("// NOLINTBEGIN\nf();\nlog(@e);\n// NOLINTEND\n"));
  EXPECT_TRUE(silenced(
      "// NOLINTBEGIN(privacy-*)\nlog(@e);\n// NOLINTEND(privacy-*)\n"));
  EXPECT_FALSE(silenced(
      "// NOLINTBEGIN(bugprone-*)\nlog(@e);\n// NOLINTEND(bugprone-*)\n"));
  EXPECT_FALSE(silenced("// NOLINTBEGIN\n// NOLINTEND\nlog(@e);\n"));
  EXPECT_FALSE(silenced("log(@e);\n// NOLINTBEGIN\n// NOLINTEND\n"));
  // The lists match without regard to blanks.
  EXPECT_TRUE(silenced(
      "// NOLINTBEGIN(a, privacy-*)\nlog(@e);\n// NOLINTEND(a,privacy-*)\n"));
  // Nested: the inner block ends first.
  EXPECT_TRUE(silenced("// NOLINTBEGIN(privacy-*)\n// NOLINTBEGIN(a)\n"
                       "// NOLINTEND(a)\nlog(@e);\n// NOLINTEND(privacy-*)\n"));
}

TEST(NolintTest, UnmatchedBlocksSilenceNothingAndAreReported) {
  NolintComments Open("// NOLINTBEGIN\nlog(e);\n");
  EXPECT_FALSE(Open.suppresses(16, Check));
  ASSERT_EQ(Open.unmatched().size(), 1u);
  EXPECT_EQ(Open.unmatched()[0].Offset, 3u);
  EXPECT_EQ(Open.unmatched()[0].Message,
            "unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' "
            "comment");
  EXPECT_EQ(Open.lineAndColumn(3), std::make_pair(1u, 4u));

  // An END with another list closes nothing: both are unmatched.
  NolintComments Other("// NOLINTBEGIN(a)\nlog(e);\n// NOLINTEND(b)\n");
  EXPECT_FALSE(Other.suppresses(19, "a"));
  ASSERT_EQ(Other.unmatched().size(), 2u);
  EXPECT_EQ(Other.unmatched()[0].Message,
            "unmatched 'NOLINTEND' comment without a previous 'NOLINTBEGIN' "
            "comment");
  EXPECT_EQ(Other.lineAndColumn(Other.unmatched()[0].Offset),
            std::make_pair(3u, 4u));
  EXPECT_EQ(Other.lineAndColumn(Other.unmatched()[1].Offset),
            std::make_pair(1u, 4u));

  EXPECT_TRUE(
      NolintComments("// NOLINTBEGIN\n// NOLINTEND\n").unmatched().empty());
}

TEST(NolintTest, OffsetsOfLinesAndColumns) {
  NolintComments C("ab\ncd\n");
  EXPECT_EQ(C.offsetOf(1, 1), 0u);
  EXPECT_EQ(C.offsetOf(2, 2), 4u);
  EXPECT_EQ(C.offsetOf(9, 1), std::nullopt);
  EXPECT_EQ(C.lineAndColumn(4), std::make_pair(2u, 2u));
}

TEST(NolintTest, GlobLists) {
  EXPECT_TRUE(globListContains("privacy-*", "privacy-log-leak"));
  EXPECT_FALSE(
      globListContains("privacy-*,-privacy-log-leak", "privacy-log-leak"));
  EXPECT_TRUE(
      globListContains("-privacy-*,privacy-log-leak", "privacy-log-leak"));
  EXPECT_FALSE(globListContains("", "privacy-log-leak"));
  EXPECT_TRUE(globListContains("*", ""));
}

} // namespace
