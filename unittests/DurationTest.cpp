//===- DurationTest.cpp - retention periods in words ----------------------===//
#include "privacy/Duration.h"

#include "gtest/gtest.h"

using namespace privacy;

namespace {

TEST(DurationTest, YearsMonthsWeeksDays) {
  EXPECT_EQ(durationInWords("P3Y", false), "3 years");
  EXPECT_EQ(durationInWords("P1Y", false), "1 year");
  EXPECT_EQ(durationInWords("P6M", false), "6 months");
  EXPECT_EQ(durationInWords("P1M", false), "1 month");
  EXPECT_EQ(durationInWords("P2W", false), "2 weeks");
  EXPECT_EQ(durationInWords("P30D", false), "30 days");
  EXPECT_EQ(durationInWords("P0D", false), "0 days");
}

TEST(DurationTest, SeveralUnitsJoinedAsAList) {
  EXPECT_EQ(durationInWords("P1Y6M", false), "1 year and 6 months");
  EXPECT_EQ(durationInWords("P1Y2M3D", false), "1 year, 2 months and 3 days");
  EXPECT_EQ(durationInWords("P1DT12H", false), "1 day and 12 hours");
}

TEST(DurationTest, TimeUnitsAfterT) {
  EXPECT_EQ(durationInWords("PT12H", false), "12 hours");
  EXPECT_EQ(durationInWords("PT1H30M", false), "1 hour and 30 minutes");
  EXPECT_EQ(durationInWords("PT45S", false), "45 seconds");
  // M is minutes after T, months before it.
  EXPECT_EQ(durationInWords("P1MT1M", false), "1 month and 1 minute");
}

TEST(DurationTest, Korean) {
  EXPECT_EQ(durationInWords("P3Y", true), "3년");
  EXPECT_EQ(durationInWords("P6M", true), "6개월");
  EXPECT_EQ(durationInWords("P1Y2M3D", true), "1년 2개월 3일");
  EXPECT_EQ(durationInWords("P2W", true), "2주");
  EXPECT_EQ(durationInWords("PT1H30M5S", true), "1시간 30분 5초");
}

TEST(DurationTest, NotADurationGivesNothing) {
  for (const char *Bad : {"", "P", "3Y", "p3y", "P3", "PY", "PT", "P1YT", "P3X",
                          "P1M1Y", "P1D1D", "PT1H1H", "PT1D", "P1H", "P1.5Y",
                          "P-1Y", "P1TY", "P1234567890Y", "three years"})
    EXPECT_EQ(durationInWords(Bad, false), "") << Bad;
  EXPECT_EQ(durationInWords("P123456789Y", false), "123456789 years");
}

} // namespace
