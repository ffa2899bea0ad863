#include "core/match_round.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

std::vector<MatchEligibility> Eligible() {
  return {{"ana", "b1", "app1"}, {"ana", "b2", "app1"}, {"raj", "b1", "app2"},
          {"li", "b2", "app3"},  {"li", "b3", "app4"},  {"kim", "b3", "app5"}};
}

TEST(MatchRound, StatusesFollowTheTimeline) {
  EXPECT_EQ(*NextRoundStatus("draft", "open"), "open");
  EXPECT_EQ(*NextRoundStatus("open", "close_ranking"), "ranking_closed");
  EXPECT_EQ(*NextRoundStatus("ranking_closed", "run"), "matched");
  EXPECT_EQ(*NextRoundStatus("matched", "publish"), "published");
  EXPECT_EQ(NextRoundStatus("matched", "run").error().code, ErrorCode::kConflict);
  EXPECT_EQ(NextRoundStatus("published", "run").error().message, "this round has already been run");
  EXPECT_EQ(NextRoundStatus("published", "publish").error().code, ErrorCode::kConflict);
  EXPECT_EQ(NextRoundStatus("open", "run").error().code, ErrorCode::kConflict);
  EXPECT_EQ(NextRoundStatus("draft", "publish").error().code, ErrorCode::kConflict);
  EXPECT_EQ(NextRoundStatus("open", "explode").error().field, "action");
}

TEST(MatchRound, EligibleStatuses) {
  for (const char* s : {"submitted", "under_review", "interview", "waitlisted"}) EXPECT_TRUE(EligibleForMatch(s));
  for (const char* s : {"draft", "info_requested", "offer", "accepted", "rejected", "withdrawn"}) {
    EXPECT_FALSE(EligibleForMatch(s)) << s;
  }
}

TEST(MatchRound, TimelineIsUtcAndOrdered) {
  EXPECT_TRUE(ValidateTimeline({"2027-02-01T17:00:00Z", "2027-02-15T17:00:00Z", "2027-02-20T15:00:00Z"}));
  EXPECT_EQ(ValidateTimeline({"2027-02-01", "2027-02-15T17:00:00Z", "2027-02-20T15:00:00Z"}).error().field,
            "applications_close");
  EXPECT_EQ(ValidateTimeline({"2027-02-16T17:00:00Z", "2027-02-15T17:00:00Z", "2027-02-20T15:00:00Z"}).error().field,
            "rank_lists_due");
  EXPECT_EQ(ValidateTimeline({"2027-02-01T17:00:00Z", "2027-02-15T17:00:00Z", "2027-02-14T15:00:00Z"}).error().field,
            "match_day");
}

TEST(MatchRound, ApplicantRanksOnlyBlocksAppliedTo) {
  EXPECT_TRUE(ValidateApplicantList("ana", {"b2", "b1"}, Eligible()));
  EXPECT_TRUE(ValidateApplicantList("ana", {}, Eligible()));
  auto other = ValidateApplicantList("ana", {"b1", "b3"}, Eligible());
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().field, "block_ids[1]");
  EXPECT_EQ(ValidateApplicantList("ana", {"b1", "b1"}, Eligible()).error().field, "block_ids[1]");
  EXPECT_EQ(ValidateApplicantList("ana", {"nope"}, Eligible()).error().field, "block_ids[0]");
}

TEST(MatchRound, ProgramRanksOnlyItsApplicants) {
  EXPECT_TRUE(ValidateProgramList("b1", {"raj", "ana"}, {}, Eligible()));
  EXPECT_TRUE(ValidateProgramList("b1", {"raj"}, {"ana"}, Eligible()));
  EXPECT_EQ(ValidateProgramList("b1", {"li"}, {}, Eligible()).error().field, "applicant_ids[0]");
  EXPECT_EQ(ValidateProgramList("b1", {"raj", "raj"}, {}, Eligible()).error().field, "applicant_ids[1]");
  EXPECT_EQ(ValidateProgramList("b1", {"raj"}, {"raj"}, Eligible()).error().field, "do_not_rank[0]");
  EXPECT_EQ(ValidateProgramList("b1", {}, {"kim"}, Eligible()).error().field, "do_not_rank[0]");
}

TEST(MatchRound, CoupleListsPairBlocksEachMemberAppliedTo) {
  EXPECT_TRUE(ValidateCoupleList("ana", "li", {{"b2", "b2"}, {"b1", "b3"}, {"b1", ""}, {"", "b3"}}, Eligible()));
  EXPECT_EQ(ValidateCoupleList("ana", "li", {{"", ""}}, Eligible()).error().field, "pairs[0]");
  EXPECT_EQ(ValidateCoupleList("ana", "li", {{"b1", "b2"}, {"b1", "b2"}}, Eligible()).error().field, "pairs[1]");
  EXPECT_EQ(ValidateCoupleList("ana", "li", {{"b3", "b2"}}, Eligible()).error().field, "pairs[0]");
  EXPECT_EQ(ValidateCoupleList("ana", "li", {{"b1", "b1"}}, Eligible()).error().field, "pairs[0]");
}

TEST(MatchRound, BuildsTheInstanceFromStoredLists) {
  RoundLists lists;
  lists.blocks = {{"b1", 1, "2027-03-01", "2027-03-28"}, {"b2", 2, "2027-04-05", "2027-05-02"}, {"b3", 1, "", ""}};
  lists.eligible = Eligible();
  lists.applicants = {{"raj", {"b1"}}, {"kim", {"b3"}}, {"ana", {"b2", "b1", "b3"}}, {"li", {"b3"}}};
  lists.couples = {{"c1", "ana", "li", {{"b2", "b2"}, {"b1", ""}, {"b3", "b3"}}}};
  lists.programs = {{"b1", {"ana", "raj", "zed"}}, {"b2", {"li", "ana"}}, {"b3", {"kim", "li"}}, {"gone", {"raj"}}};

  auto r = BuildRoundInstance(lists);
  ASSERT_EQ(r.program_ids, (std::vector<std::string>{"b1", "b2", "b3"}));
  ASSERT_EQ(r.applicant_ids, (std::vector<std::string>{"ana", "kim", "li", "raj"}));
  ASSERT_EQ(r.couple_ids, (std::vector<std::string>{"c1"}));
  const auto& in = r.instance;
  EXPECT_EQ(in.programs[0].capacity, 1);
  EXPECT_TRUE(in.programs[0].has_dates);
  EXPECT_EQ(in.programs[0].dates.end - in.programs[0].dates.start, 27);
  EXPECT_FALSE(in.programs[2].has_dates);
  // ana and li are a couple: no own lists; the pair with an ineligible block is dropped.
  EXPECT_TRUE(in.applicants[0].ranking.empty());
  EXPECT_TRUE(in.applicants[2].ranking.empty());
  EXPECT_EQ(in.applicants[1].ranking, (std::vector<int32_t>{2}));
  EXPECT_EQ(in.applicants[3].ranking, (std::vector<int32_t>{0}));
  ASSERT_EQ(in.couples.size(), 1u);
  EXPECT_EQ(in.couples[0].first, 0);
  EXPECT_EQ(in.couples[0].second, 2);
  ASSERT_EQ(in.couples[0].ranking.size(), 2u);
  EXPECT_EQ(in.couples[0].ranking[0], (match::ProgramPair{1, 1}));
  EXPECT_EQ(in.couples[0].ranking[1], (match::ProgramPair{0, match::kNone}));
  // Programs: unknown applicants (zed) and blocks outside the round are dropped.
  EXPECT_EQ(in.programs[0].ranking, (std::vector<int32_t>{0, 3}));
  EXPECT_EQ(in.programs[1].ranking, (std::vector<int32_t>{2, 0}));
  EXPECT_EQ(in.programs[2].ranking, (std::vector<int32_t>{1, 2}));
}

TEST(MatchRound, WithdrawnApplicationsLeaveTheInstance) {
  RoundLists lists;
  lists.blocks = {{"b1", 1, "", ""}};
  lists.eligible = {{"raj", "b1", "app2"}};  // ana's application was withdrawn after ranking
  lists.applicants = {{"ana", {"b1"}}, {"raj", {"b1"}}};
  lists.programs = {{"b1", {"ana", "raj"}}};
  auto r = BuildRoundInstance(lists);
  ASSERT_EQ(r.applicant_ids.size(), 2u);
  EXPECT_TRUE(r.instance.applicants[0].ranking.empty());
  EXPECT_EQ(r.instance.programs[0].ranking, (std::vector<int32_t>{1}));
}

}  // namespace
}  // namespace clerkship::core
