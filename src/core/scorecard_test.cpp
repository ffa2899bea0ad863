#include "core/scorecard.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(ScorecardTest, TotalIsWeightedLikeReviewScores) {
  auto rubric = DefaultRubric();  // 30, 30, 20, 20
  std::map<std::string, int> all5, all1;
  for (const auto& c : rubric) {
    all5[c.key] = 5;
    all1[c.key] = 1;
  }
  EXPECT_EQ(*ScorecardTotal(rubric, all5, true), 10000);
  EXPECT_EQ(*ScorecardTotal(rubric, all1, true), 2000);
}

TEST(ScorecardTest, DraftsMayBeIncompleteSubmissionsMayNot) {
  std::vector<Criterion> rubric = {{"a", "A", 60}, {"b", "B", 40}};
  EXPECT_EQ(*ScorecardTotal(rubric, {{"a", 5}}, false), 6000);
  auto missing = ScorecardTotal(rubric, {{"a", 5}}, true);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "scores.b");
}

TEST(ScorecardTest, BadScoresNameTheCriterion) {
  std::vector<Criterion> rubric = {{"a", "A", 100}};
  EXPECT_EQ(ScorecardTotal(rubric, {{"a", 6}}, false).error().field, "scores.a");
  EXPECT_EQ(ScorecardTotal(rubric, {{"a", 0}}, false).error().field, "scores.a");
  EXPECT_EQ(ScorecardTotal(rubric, {{"zz", 3}}, false).error().field, "scores.zz");
}

TEST(ScorecardTest, RecommendationsAndAverage) {
  EXPECT_TRUE(IsRecommendation("strong_yes"));
  EXPECT_TRUE(IsRecommendation("no"));
  EXPECT_FALSE(IsRecommendation("maybe"));
  EXPECT_FALSE(IsRecommendation(""));
  EXPECT_EQ(AverageTotal({}), -1);
  EXPECT_EQ(AverageTotal({8000, 6001}), 7001);  // 7000.5 rounds up
  EXPECT_EQ(AverageTotal({10000}), 10000);
}

}  // namespace
}  // namespace clerkship::core
