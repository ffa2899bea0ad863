#include "core/block_overlap.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(BlockOverlapTest, InclusiveRangesShareADay) {
  EXPECT_TRUE(DatesOverlap("2027-03-01", "2027-03-28", "2027-03-28", "2027-04-24"));
  EXPECT_FALSE(DatesOverlap("2027-03-01", "2027-03-28", "2027-03-29", "2027-04-24"));
  EXPECT_TRUE(DatesOverlap("2027-03-01", "2027-03-28", "2027-02-01", "2027-05-01"));
  EXPECT_FALSE(DatesOverlap("2027-05-01", "2027-05-28", "2027-03-01", "2027-03-28"));
}

TEST(BlockOverlapTest, OneWarningPerOverlappingPairNamingTheRotation) {
  std::vector<ChosenBlock> chosen = {{"2027-03-01", "2027-03-28"}, {"2027-06-01", "2027-06-28"}};
  std::vector<HeldRotation> held = {{"Cardiology Sub-internship", "Lakeshore", "2027-03-15", "2027-04-11"},
                                    {"Surgery Elective", "", "2027-07-01", "2027-07-28"}};
  auto w = OverlapWarnings(chosen, held);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].field, "block_ids[0]");
  EXPECT_EQ(w[0].message,
            "Your choice 1 (2027-03-01 to 2027-03-28) overlaps your accepted rotation Cardiology Sub-internship at "
            "Lakeshore (2027-03-15 to 2027-04-11).");
  EXPECT_TRUE(OverlapWarnings(chosen, {}).empty());
}

}  // namespace
}  // namespace clerkship::core
