//===- FindingIdentityTest.cpp - what fingerprints are made of ------------===//
#include "privacy/FindingIdentity.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Tooling.h"

#include "gtest/gtest.h"

using namespace privacy;

namespace {

/// The anchor at the first occurrence of \p Marker in \p Code.
CodeAnchor anchorAt(const std::string &Code, const std::string &Marker) {
  std::unique_ptr<clang::ASTUnit> AST =
      clang::tooling::buildASTFromCodeWithArgs(Code, {"-std=c++17"});
  clang::ASTContext &Ctx = AST->getASTContext();
  const clang::SourceManager &SM = Ctx.getSourceManager();
  size_t Offset = Code.find(Marker);
  EXPECT_NE(Offset, std::string::npos) << Marker;
  clang::SourceLocation Loc =
      SM.getLocForStartOfFile(SM.getMainFileID()).getLocWithOffset(Offset);
  return codeAnchors(Ctx, {Loc}).front();
}

const char *const Code = R"(
void log(const char *);
namespace app {
struct User { const char *email; };
void signIn(const User &u) {
  if (u.email)
    log(u.email);
  auto later = [&] { log(u.email); };
  later();
}
}
)";

TEST(FindingIdentityTest, AnchorIsTheFunctionAndTheStatement) {
  CodeAnchor A = anchorAt(Code, "log(u.email);\n  auto");
  EXPECT_EQ(A.Function, "app::signIn");
  EXPECT_EQ(A.CodeHash, stableHash("log(u.email)"));
  // Inside the argument: the same statement.
  EXPECT_EQ(anchorAt(Code, "email);\n  auto").CodeHash, A.CodeHash);
}

TEST(FindingIdentityTest, AnIfConditionIsNotTheWholeIf) {
  EXPECT_EQ(anchorAt(Code, "u.email)\n").CodeHash, stableHash("u.email"));
}

TEST(FindingIdentityTest, ALambdaBelongsToItsFunction) {
  CodeAnchor A = anchorAt(Code, "log(u.email); }");
  EXPECT_EQ(A.Function, "app::signIn");
  EXPECT_EQ(A.CodeHash, stableHash("log(u.email)"));
}

TEST(FindingIdentityTest, MovingAndReindentingKeepTheAnchor) {
  std::string Moved = "\n\n// a comment\n" + std::string(Code);
  std::string Reindented = Moved;
  Reindented.replace(Reindented.find("    log(u.email);"), 17,
                     "    log(\n        u.email);");
  CodeAnchor A = anchorAt(Code, "log(u.email);\n  auto");
  EXPECT_EQ(anchorAt(Moved, "log(u.email);\n  auto").CodeHash, A.CodeHash);
  EXPECT_EQ(anchorAt(Reindented, "log(\n").CodeHash, A.CodeHash);
}

TEST(FindingIdentityTest, OutsideFunctionsTheDeclaration) {
  CodeAnchor A = anchorAt(Code, "email; }");
  EXPECT_EQ(A.Function, "");
  EXPECT_EQ(A.CodeHash, stableHash("const char*email"));
}

TEST(FindingIdentityTest, NormalizedCode) {
  EXPECT_EQ(normalizedCode("  a(\n\t b ,  c )\r\n"), "a(b,c)");
  EXPECT_EQ(normalizedCode("const   char *\n p"), "const char*p");
  EXPECT_EQ(normalizedCode(""), "");
}

TEST(FindingIdentityTest, SubjectsAreIdsNotWords) {
  FindingSubject S = findingSubject(
      reason::LogUndeclared{"email", "'logLine'", true, {"ip_address"}});
  EXPECT_EQ(S.Item, "email");
  EXPECT_EQ(S.Target, "'logLine'");
  S = findingSubject(reason::PurposeNotAllowed{
      {DataUse::Read, "phone", "field 'User::phone'"}, "marketing", "", {}});
  EXPECT_EQ(S.Item, "phone");
  EXPECT_EQ(S.Target, "marketing");
}

} // namespace
