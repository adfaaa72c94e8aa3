//===- JsonInputTest.cpp - bounded parsing of every JSON input ------------===//
#include "privacy/JsonInput.h"
#include "privacy/PolicyLoader.h"

#include "gtest/gtest.h"

#include <chrono>

using namespace privacy;

namespace {

std::string nested(unsigned Depth, const std::string &Inner = "1") {
  return std::string(Depth, '[') + Inner + std::string(Depth, ']');
}

bool hasDuplicateKeys(const std::string &Text) {
  nlohmann::json Out;
  bool Duplicates = true;
  EXPECT_FALSE(parseJsonText(Text, "d.json", Out, &Duplicates));
  return Duplicates;
}

TEST(JsonInputTest, DuplicateKeysAreToldPerObject) {
  EXPECT_TRUE(hasDuplicateKeys(R"({"a": 1, "b": {"c": 1, "c": 2}})"));
  EXPECT_TRUE(hasDuplicateKeys(R"([{"k": 1}, {"k": 2, "k": 3}])"));
  // The same key in different objects, at the same depth or not.
  EXPECT_FALSE(hasDuplicateKeys(R"({"a": {"c": 1}, "b": {"c": 2}})"));
  EXPECT_FALSE(hasDuplicateKeys(R"([{"k": 1}, {"k": 2}, [{"k": 3}]])"));
  EXPECT_FALSE(hasDuplicateKeys(R"({"a": {"a": {"a": 1}}})"));
}

TEST(JsonInputTest, NestingUpToTheLimitIsParsed) {
  nlohmann::json Out;
  EXPECT_FALSE(parseJsonText(nested(MaxJsonDepth), "a.json", Out));
  EXPECT_TRUE(Out.is_array());
}

TEST(JsonInputTest, DeeperNestingIsOneErrorAtTheBracket) {
  nlohmann::json Out;
  std::string Text = "{\n  \"x\": " + nested(100000) + "}";
  auto D = parseJsonText(Text, "deep.json", Out);
  ASSERT_TRUE(D);
  EXPECT_EQ(D->File, "deep.json");
  EXPECT_EQ(D->Line, 2u);
  // The object is level 1; the bracket that opens level MaxJsonDepth + 1
  // is the MaxJsonDepth-th '[' after "  \"x\": ".
  EXPECT_EQ(D->Column, 8u + MaxJsonDepth - 1);
  EXPECT_NE(D->Message.find("nested deeper than"), std::string::npos);
  EXPECT_TRUE(Out.is_null());
}

TEST(JsonInputTest, BracketsInStringsDoNotCount) {
  nlohmann::json Out;
  std::string Text = "[\"" + std::string(100000, '[') + "\"]";
  EXPECT_FALSE(parseJsonText(Text, "s.json", Out));
}

TEST(JsonInputTest, NumbersBeyondDoubleAreErrorsWithAPosition) {
  nlohmann::json Out;
  auto D = parseJsonText("{\"a\": [1,\n 1e999]}", "n.json", Out);
  ASSERT_TRUE(D);
  EXPECT_EQ(D->Line, 2u);
  EXPECT_EQ(D->Column, 2u);
  EXPECT_NE(D->Message.find("number out of range: 1e999"), std::string::npos);
  auto Long = parseJsonText("[" + std::string(400, '9') + "]", "n.json", Out);
  ASSERT_TRUE(Long);
  EXPECT_NE(Long->Message.find("..."), std::string::npos); // quoted, but cut
  // Large but finite numbers, and underflow, are fine.
  EXPECT_FALSE(parseJsonText("[1e308, 1e-999, 123456789012345678901234]",
                             "n.json", Out));
}

TEST(JsonInputTest, SyntaxErrorsAreShortAndPositioned) {
  nlohmann::json Out;
  auto D = parseJsonText("[\"" + std::string(200000, 'a'), "t.json", Out);
  ASSERT_TRUE(D);
  EXPECT_EQ(D->Line, 1u);
  EXPECT_LT(D->format().size(), 400u);
  EXPECT_EQ(D->format().rfind("t.json:1:", 0), 0u);
}

// A policy whose locator used to need one JSON pointer per value: 150
// levels under a 100,000-character key, and 20,000 elements there, loads
// quickly (linear, not quadratic).
TEST(JsonInputTest, PositionsOfDeepAndLongDocumentsAreLinear) {
  std::string Key(100000, 'k');
  std::string Elements;
  for (int I = 0; I < 20000; ++I)
    Elements += I ? ",[1]" : "[1]";
  std::string Text =
      "{\"" + Key + "\": " + nested(150, "[" + Elements + "]") + "}";
  auto Start = std::chrono::steady_clock::now();
  PolicyLoadResult R = parsePolicy(Text, "big.json");
  double Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  EXPECT_FALSE(R.ok());
  EXPECT_LT(Seconds, 20.0);
}

// 30,000 characters matched against the id pattern: no recursion (RE2),
// one error (the length), exit 2 in the tools.
TEST(JsonInputTest, LongIdsAreOneErrorNotACrash) {
  std::string Id(30000, 'a');
  std::string Text =
      "{\"controller\": {\"country\": \"KR\"}, \"purposes\": {\"p\": {}},"
      " \"items\": {\"" +
      Id +
      "\": {}}, \"activities\": [{\"id\": \"a\","
      " \"basis\": \"contract\", \"items\": [\"*\"], \"purposes\": [\"p\"]}]}";
  PolicyLoadResult R = parsePolicy(Text, "long.json");
  EXPECT_FALSE(R.ok());
  ASSERT_EQ(R.Diagnostics.size(), 1u);
  EXPECT_LT(R.Diagnostics[0].format().size(), 400u);
}

} // namespace
