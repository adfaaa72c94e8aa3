//===- JsonWriterTest.cpp - JSON text written in pieces
//--------------------===//
#include "privacy/JsonWriter.h"

#include <gtest/gtest.h>

namespace {

using nlohmann::json;

/// The pieces writeJsonText hands on, put together, and how many there were.
std::pair<std::string, size_t> pieces(const json &Value, int Indent) {
  std::string Text;
  size_t Count = 0;
  privacy::writeJsonText(Value, Indent, [&](std::string_view Piece) {
    EXPECT_FALSE(Piece.empty());
    Text += Piece;
    ++Count;
  });
  return {Text, Count};
}

json sample() {
  return json{{"findings", json::array({{{"check", "privacy-log-leak"},
                                         {"line", 12},
                                         {"ratio", 0.5},
                                         {"fixed", false},
                                         {"notes", json::array()},
                                         {"none", nullptr}}})},
              {"name", "caf\xc3\xa9 \"quoted\"\n"},
              {"empty", json::object()}};
}

TEST(JsonWriterTest, SameTextAsJsonText) {
  for (int Indent : {-1, 0, 2}) {
    auto [Text, Count] = pieces(sample(), Indent);
    EXPECT_EQ(Text, privacy::jsonText(sample(), Indent));
    EXPECT_EQ(Count, 1u);
  }
}

TEST(JsonWriterTest, InvalidUtf8IsReplacedAsInJsonText) {
  // A Latin-1 byte from a source file: U+FFFD, never an exception.
  json Value = {{"annotation", std::string("e\xe9t\xe9")}};
  auto [Text, Count] = pieces(Value, 2);
  EXPECT_EQ(Text, privacy::jsonText(Value, 2));
  EXPECT_NE(Text.find("\xef\xbf\xbd"), std::string::npos);
}

TEST(JsonWriterTest, LargeDocumentComesInSeveralPieces) {
  json Value = json::array();
  for (int I = 0; I < 20000; ++I)
    Value.push_back(
        {{"site", "src/file" + std::to_string(I) + ".cpp"}, {"line", I}});
  auto [Text, Count] = pieces(Value, 2);
  EXPECT_EQ(Text, privacy::jsonText(Value, 2));
  EXPECT_GT(Count, 1u);
}

} // namespace
