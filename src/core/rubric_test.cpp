#include "core/rubric.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

std::string FieldOf(std::vector<Criterion> r) {
  auto s = ValidateRubric(r);
  return s ? "" : s.error().field + ": " + s.error().message;
}

TEST(RubricTest, TheDefaultRubricIsValidAndSumsTo100) {
  auto r = DefaultRubric();
  EXPECT_TRUE(ValidateRubric(r).has_value());
}

TEST(RubricTest, LabelsAreTrimmed) {
  std::vector<Criterion> r = {{"fit", "  Fit for the team ", 100}};
  ASSERT_TRUE(ValidateRubric(r).has_value());
  EXPECT_EQ(r[0].label, "Fit for the team");
}

TEST(RubricTest, EachMistakeNamesItsField) {
  EXPECT_EQ(FieldOf({}), "rubric: a rubric needs at least one criterion");
  EXPECT_EQ(FieldOf({{"a", "A", 50}, {"b", "B", 40}}), "rubric: the weights must add up to 100 (they add up to 90)");
  EXPECT_EQ(FieldOf({{"a", "A", 50}, {"a", "B", 50}}), "rubric[1].key: the key a is used twice");
  EXPECT_EQ(FieldOf({{"A b", "A", 100}}), "rubric[0].key: a key uses only a-z, 0-9 and _");
  EXPECT_EQ(FieldOf({{"", "A", 100}}), "rubric[0].key: a key has 1 to 40 characters");
  EXPECT_EQ(FieldOf({{"a", "   ", 100}}), "rubric[0].label: each criterion needs a label");
  EXPECT_EQ(FieldOf({{"a", "A", 0}, {"b", "B", 100}}), "rubric[0].weight: a weight is 1 to 100");
  EXPECT_EQ(FieldOf({{"a", std::string(81, 'x'), 100}}), "rubric[0].label: a label has at most 80 characters");
  EXPECT_EQ(FieldOf({{"a", "\xff", 100}}), "rubric[0].label: the label is not valid text");
  std::vector<Criterion> eleven;
  for (int i = 0; i < 11; ++i) eleven.push_back({"k" + std::to_string(i), "K", 10});
  EXPECT_EQ(FieldOf(eleven), "rubric: a rubric has at most 10 criteria");
}

TEST(RubricTest, TargetDaysAreOneToNinety) {
  EXPECT_TRUE(ValidateTargetDays(1).has_value());
  EXPECT_TRUE(ValidateTargetDays(90).has_value());
  EXPECT_EQ(ValidateTargetDays(0).error().field, "target_days");
  EXPECT_FALSE(ValidateTargetDays(91).has_value());
}

}  // namespace
}  // namespace clerkship::core
