#include "match/validate.h"

#include <gtest/gtest.h>

namespace clerkship::match {
namespace {

Instance Base() {
  Instance in;
  in.programs = {{1, {0, 1}}, {2, {1, 2}}};
  in.applicants = {{{0, 1}}, {}, {}};
  in.couples = {{1, 2, {{0, 1}, {1, kNone}}}};
  return in;
}

Names BaseNames() { return Names{{"p0", "p1"}, {"a0", "a1", "a2"}, {"c0"}}; }

std::string ErrorOf(const Instance& in) {
  const Names names = BaseNames();
  auto result = Validate(in, &names);
  EXPECT_FALSE(result.has_value());
  return result.has_value() ? std::string() : result.error().message;
}

TEST(ValidateTest, AcceptsValidInstance) {
  EXPECT_TRUE(Validate(Base()).has_value());
  EXPECT_TRUE(Validate(Instance{}).has_value());
}

TEST(ValidateTest, NegativeCapacity) {
  Instance in = Base();
  in.programs[1].capacity = -1;
  EXPECT_EQ(ErrorOf(in), "program \"p1\": negative capacity -1");
}

TEST(ValidateTest, DuplicateInProgramRanking) {
  Instance in = Base();
  in.programs[0].ranking = {0, 1, 0};
  EXPECT_EQ(ErrorOf(in),
            "program \"p0\": ranking lists applicant \"a0\" twice (positions 1 and 3); ties and "
            "duplicates are not allowed");
}

TEST(ValidateTest, DuplicateInApplicantRanking) {
  Instance in = Base();
  in.applicants[0].ranking = {1, 1};
  EXPECT_NE(ErrorOf(in).find("applicant \"a0\": ranking lists program \"p1\" twice"),
            std::string::npos);
}

TEST(ValidateTest, UnknownIndices) {
  Instance in = Base();
  in.applicants[0].ranking = {0, 7};
  EXPECT_EQ(ErrorOf(in), "applicant \"a0\": ranking position 2 is not a known program");
  in = Base();
  in.programs[0].ranking = {5};
  EXPECT_EQ(ErrorOf(in), "program \"p0\": ranking position 1 is not a known applicant");
  in = Base();
  in.couples[0].ranking[1].first = 9;
  EXPECT_EQ(ErrorOf(in), "couple \"c0\": ranking position 2 names an unknown program");
}

TEST(ValidateTest, DatesOutOfOrder) {
  Instance in = Base();
  in.programs[0].has_dates = true;
  in.programs[0].dates = {10, 9};
  EXPECT_EQ(ErrorOf(in), "program \"p0\": start is after end");
}

TEST(ValidateTest, CoupleMemberWithSoloList) {
  Instance in = Base();
  in.applicants[2].ranking = {1};
  EXPECT_EQ(ErrorOf(in),
            "applicant \"a2\": is a member of couple \"c0\" and must not have its own ranking (the "
            "couple ranks jointly)");
}

TEST(ValidateTest, CoupleMembership) {
  Instance in = Base();
  in.couples.push_back({0, 2, {}});
  const Names names{{"p0", "p1"}, {"a0", "a1", "a2"}, {"c0", "c1"}};
  auto result = Validate(in, &names);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message,
            "couple \"c1\": applicant \"a2\" is already a member of couple \"c0\"");
  EXPECT_EQ(result.error().entity, InputError::Entity::kCouple);
  EXPECT_EQ(result.error().index, 1);
  in = Base();
  in.couples[0].second = 1;
  EXPECT_EQ(ErrorOf(in), "couple \"c0\": both members are applicant \"a1\"");
}

TEST(ValidateTest, CoupleListProblems) {
  Instance in = Base();
  in.couples[0].ranking.push_back({kNone, kNone});
  EXPECT_NE(ErrorOf(in).find("position 3 is [null, null]"), std::string::npos);
  in = Base();
  in.couples[0].ranking.push_back({0, 1});
  EXPECT_EQ(ErrorOf(in),
            "couple \"c0\": ranking lists [program \"p0\", program \"p1\"] twice (positions 1 and "
            "3); ties and duplicates are not allowed");
}

TEST(ValidateTest, MaxAssignments) {
  Instance in = Base();
  in.applicants[0].max_assignments = 0;
  EXPECT_EQ(ErrorOf(in), "applicant \"a0\": max_assignments must be at least 1 (got 0)");
  in = Base();
  in.applicants[1].max_assignments = 2;
  EXPECT_EQ(ErrorOf(in),
            "applicant \"a1\": is a member of couple \"c0\" and must have max_assignments 1");
}

TEST(ValidateTest, WithoutNamesUsesIndices) {
  Instance in = Base();
  in.programs[1].capacity = -3;
  auto result = Validate(in);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message, "program #1: negative capacity -3");
}

}  // namespace
}  // namespace clerkship::match
