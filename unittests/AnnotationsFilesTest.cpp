//===- AnnotationsFilesTest.cpp - the annotations files of a run ----------===//
#include "privacy/AnnotationsFile.h"

#include "gtest/gtest.h"

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace privacy;
namespace fs = std::filesystem;

namespace {

class AnnotationsFilesTest : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = fs::temp_directory_path() /
          ("privacy-annotations-files-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(Dir);
    fs::create_directories(Dir);
  }
  void TearDown() override { fs::remove_all(Dir); }

  std::string write(const std::string &Name, const std::string &Text) {
    std::string Path = (Dir / Name).string();
    std::ofstream(Path) << Text;
    return Path;
  }

  fs::path Dir;
};

const char *Good = "{\"annotations\": [\n"
                   "  {\"decl\": \"Account::email\", \"data\": \"email\"}\n"
                   "]}\n";

TEST_F(AnnotationsFilesTest, ConfiguredFilesComeFirst) {
  std::string Policy = write("privacy-policy.json", "{}");
  write("privacy-annotations.json", Good);
  EXPECT_EQ(annotationsFilePaths({"a.json", "b.json"}, Policy),
            (std::vector<std::string>{"a.json", "b.json"}));
  EXPECT_EQ(
      annotationsFilePaths({}, Policy),
      std::vector<std::string>{(Dir / "privacy-annotations.json").string()});
}

TEST_F(AnnotationsFilesTest, NoneBesideAPolicyWithoutOne) {
  std::string Policy = write("privacy-policy.json", "{}");
  EXPECT_TRUE(annotationsFilePaths({}, Policy).empty());
}

TEST_F(AnnotationsFilesTest, EveryFileLoadedInOrder) {
  std::string A = write("a.json", Good), B = write("b.json", Good);
  unsigned Reported = 0;
  std::optional<AnnotationsFiles> Files = loadAnnotationsFiles(
      {A, B}, nullptr, [&](const PolicyDiagnostic &) { ++Reported; });
  ASSERT_TRUE(Files);
  ASSERT_EQ(Files->size(), 2u);
  EXPECT_EQ((*Files)[0]->Path, A);
  EXPECT_EQ((*Files)[1]->Path, B);
  EXPECT_EQ(Reported, 0u);
}

TEST_F(AnnotationsFilesTest, OneBrokenFileIsReportedAndLoadsNothing) {
  std::string A = write("a.json", Good);
  std::string Broken = write("broken.json", "{\"annotations\": [\n  {,]}\n");
  std::vector<PolicyDiagnostic> Reported;
  std::optional<AnnotationsFiles> Files = loadAnnotationsFiles(
      {A, Broken}, nullptr,
      [&](const PolicyDiagnostic &D) { Reported.push_back(D); });
  EXPECT_FALSE(Files);
  ASSERT_FALSE(Reported.empty());
  EXPECT_EQ(Reported[0].File, Broken);
  EXPECT_EQ(Reported[0].Line, 2u);
  EXPECT_EQ(Reported[0].Level, PolicyDiagnostic::Error);
}

TEST_F(AnnotationsFilesTest, AMissingFileIsAnError) {
  std::vector<PolicyDiagnostic> Reported;
  std::optional<AnnotationsFiles> Files = loadAnnotationsFiles(
      {(Dir / "missing.json").string()}, nullptr,
      [&](const PolicyDiagnostic &D) { Reported.push_back(D); });
  EXPECT_FALSE(Files);
  ASSERT_EQ(Reported.size(), 1u);
  EXPECT_EQ(Reported[0].Level, PolicyDiagnostic::Error);
}

} // namespace
