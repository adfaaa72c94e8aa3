//===- LspProtocolTest.cpp - privacy-lsp's transport and positions --------===//
#include "JsonRpc.h"
#include "Protocol.h"
#include "TextPositions.h"

#include <gtest/gtest.h>

#include <string>
#include <unistd.h>

namespace privacy::lsp {
namespace {

TEST(LineTableTest, Utf16CountsSurrogatePairsAsTwo) {
  // "é" is 2 bytes and 1 unit, "😀" 4 bytes and 2 units.
  std::string Text = "int a;\n/* \xC3\xA9\xF0\x9F\x98\x80 */ x;\n";
  LineTable Utf16(Text, PositionEncoding::Utf16);
  size_t X = Text.find("x;");
  Position P = Utf16.positionOf(X);
  EXPECT_EQ(P.Line, 1u);
  EXPECT_EQ(P.Character, 3u + 1 + 2 + 4);
  EXPECT_EQ(Utf16.offsetOf(P), X);
  LineTable Utf8(Text, PositionEncoding::Utf8);
  EXPECT_EQ(Utf8.positionOf(X).Character, 3u + 2 + 4 + 4);
  EXPECT_EQ(Utf8.offsetOf(Utf8.positionOf(X)), X);
}

TEST(LineTableTest, EndOfLineLeavesOutCarriageReturn) {
  std::string Text = "ab\r\ncd";
  LineTable T(Text, PositionEncoding::Utf16);
  EXPECT_EQ(T.endOfLine(0).Character, 2u);
  EXPECT_EQ(T.endOfLine(1).Character, 2u);
  EXPECT_EQ(T.line(0), "ab");
  EXPECT_EQ(T.lineCount(), 2u);
}

TEST(LineTableTest, ClampsWhatLiesBeyondTheText) {
  std::string Text = "ab\ncd";
  LineTable T(Text, PositionEncoding::Utf16);
  EXPECT_EQ(T.offsetOf({0, 99}), 2u); // the end of line 0
  EXPECT_EQ(T.offsetOf({9, 0}), 5u);  // the end of the text
  EXPECT_EQ(T.positionOf(99).Line, 1u);
  EXPECT_EQ(T.positionOf(99).Character, 2u);
  EXPECT_EQ(T.line(7), "");
}

TEST(LineTableTest, BrokenUtf8StillAdvances) {
  std::string Text = "\xFF\xFE"
                     "x";
  LineTable T(Text, PositionEncoding::Utf16);
  EXPECT_EQ(T.positionOf(2).Character, 2u);
}

TEST(UriTest, DecodesAndEncodesFileUris) {
  EXPECT_EQ(pathFromUri("file:///a%20b/c%C3%A9.cpp").value_or(""),
            "/a b/c\xC3\xA9.cpp");
  EXPECT_EQ(pathFromUri("file://localhost/x.cpp").value_or(""), "/x.cpp");
  EXPECT_EQ(uriFromPath("/a b/c\xC3\xA9+.cpp"), "file:///a%20b/c%C3%A9%2B.cpp");
  EXPECT_EQ(pathFromUri(uriFromPath("/p q/#r.cpp")).value_or(""),
            "/p q/#r.cpp");
  // A '%' without two hex digits is kept as it is.
  EXPECT_EQ(pathFromUri("file:///100%").value_or(""), "/100%");
}

TEST(UriTest, OnlyLocalFiles) {
  EXPECT_FALSE(pathFromUri("untitled:Untitled-1"));
  EXPECT_FALSE(pathFromUri("https://example.invalid/a.cpp"));
  EXPECT_FALSE(pathFromUri("file://server/share/a.cpp"));
}

TEST(RangeTest, IntersectsWhenTouching) {
  Range Finding{{3, 4}, {3, 9}};
  EXPECT_TRUE(Finding.intersects({{3, 9}, {3, 9}}));
  EXPECT_TRUE(Finding.intersects({{0, 0}, {5, 0}}));
  EXPECT_FALSE(Finding.intersects({{3, 10}, {4, 0}}));
  EXPECT_FALSE(Finding.intersects({{2, 0}, {3, 3}}));
}

TEST(ProtocolTest, DidChangeNeedsTheWholeText) {
  std::string Error;
  nlohmann::json Incremental = nlohmann::json::parse(R"({
    "textDocument": {"uri": "file:///a.cpp", "version": 2},
    "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                  "end": {"line": 0, "character": 1}},
                        "text": "x"}]})");
  EXPECT_FALSE(readDidChange(Incremental, Error));
  EXPECT_NE(Error.find("full synchronisation"), std::string::npos);
  nlohmann::json Full = nlohmann::json::parse(R"({
    "textDocument": {"uri": "file:///a.cpp", "version": 2},
    "contentChanges": [{"text": "old"}, {"text": "new"}]})");
  std::optional<TextDocumentItem> Item = readDidChange(Full, Error);
  ASSERT_TRUE(Item);
  EXPECT_EQ(Item->Text, "new");
  EXPECT_EQ(Item->Version, 2);
}

TEST(ProtocolTest, InitializePrefersUtf8WhenOffered) {
  std::string Error;
  auto P =
      readInitializeParams(nlohmann::json::parse(R"({"rootUri": "file:///w",
        "capabilities": {"general": {"positionEncodings": ["utf-16", "utf-8"]}},
        "initializationOptions": {"policy": "p.json", "fallbackFlags": ["-DX", 3]}})"),
                           Error);
  ASSERT_TRUE(P);
  EXPECT_EQ(P->RootPath, "/w");
  EXPECT_EQ(P->Encoding, PositionEncoding::Utf8);
  EXPECT_EQ(P->Options.Policy, "p.json");
  EXPECT_EQ(P->Options.FallbackFlags, std::vector<std::string>{"-DX"});
  EXPECT_FALSE(readInitializeParams(nlohmann::json::array(), Error));
}

/// A pipe whose write end the test fills before the reader reads.
class PipeReader {
public:
  PipeReader() {
    int Fds[2];
    EXPECT_EQ(pipe(Fds), 0);
    In = Fds[0];
    Out = Fds[1];
  }
  ~PipeReader() {
    close(In);
    if (Out >= 0)
      close(Out);
  }
  void write(const std::string &Bytes) {
    ASSERT_EQ(::write(Out, Bytes.data(), Bytes.size()),
              static_cast<ssize_t>(Bytes.size()));
  }
  void closeWriteEnd() {
    close(Out);
    Out = -1;
  }
  int In, Out;
};

TEST(MessageReaderTest, ReadsFramedMessagesOneByOne) {
  PipeReader P;
  P.write("Content-Length: 2\r\nContent-Type: x\r\n\r\n{}"
          "content-length:  7\r\n\r\n[1,2,3]");
  MessageReader R(P.In);
  ReadResult First = R.read(1000);
  EXPECT_EQ(First.What, ReadResult::Message);
  EXPECT_EQ(First.Body, "{}");
  ReadResult Second = R.read(1000);
  EXPECT_EQ(Second.What, ReadResult::Message);
  EXPECT_EQ(Second.Body, "[1,2,3]");
  EXPECT_EQ(R.read(10).What, ReadResult::TimedOut);
  P.closeWriteEnd();
  EXPECT_EQ(R.read(1000).What, ReadResult::Closed);
}

TEST(MessageReaderTest, SkipsHeadersWithoutUsableLength) {
  PipeReader P;
  P.write("Content-Type: x\r\n\r\n"
          "Content-Length: lots\r\n\r\n"
          "Content-Length: 999999999999\r\n\r\n"
          "Content-Length: 1\r\n\r\n7");
  MessageReader R(P.In);
  ReadResult A = R.read(1000), B = R.read(1000), C = R.read(1000);
  EXPECT_EQ(A.What, ReadResult::Malformed);
  EXPECT_EQ(A.Error, "a message header without Content-Length");
  EXPECT_EQ(B.What, ReadResult::Malformed);
  EXPECT_EQ(B.Error, "Content-Length 'lots' is not a number");
  EXPECT_EQ(C.What, ReadResult::Malformed);
  EXPECT_NE(C.Error.find("over the limit"), std::string::npos);
  ReadResult D = R.read(1000);
  EXPECT_EQ(D.What, ReadResult::Message);
  EXPECT_EQ(D.Body, "7");
}

TEST(MessageReaderTest, ABodyCutByTheEndOfInputIsNoMessage) {
  PipeReader P;
  P.write("Content-Length: 10\r\n\r\n{\"a\":");
  P.closeWriteEnd();
  MessageReader R(P.In);
  EXPECT_EQ(R.read(1000).What, ReadResult::Closed);
}

} // namespace
} // namespace privacy::lsp
