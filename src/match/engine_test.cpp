#include "match/engine.h"

#include <gtest/gtest.h>

#include "match/validate.h"
#include "match/verifier.h"

namespace clerkship::match {
namespace {

using Assignments = std::vector<std::vector<int32_t>>;

MatchResult MatchValid(const Instance& in, const MatchOptions& options = {}) {
  EXPECT_TRUE(Validate(in).has_value());
  MatchResult result = RunMatch(in, options);
  StabilityReport report = Verify(in, result.matching);
  EXPECT_TRUE(report.defects.empty());
  EXPECT_EQ(result.stable, report.Stable());
  EXPECT_EQ(result.blocking_pairs.empty(), report.blocking_pairs.empty());
  return result;
}

// Gale & Shapley (1962), example 1: each man has a different first choice, so the
// applicant-optimal matching gives everyone their first choice with three proposals.
TEST(EngineTest, GaleShapleyClassic) {
  Instance in;
  in.applicants = {{{0, 1, 2}}, {{1, 2, 0}}, {{2, 0, 1}}};
  in.programs = {{1, {1, 2, 0}}, {1, {2, 0, 1}}, {1, {0, 1, 2}}};
  MatchResult r = MatchValid(in);
  EXPECT_EQ(r.matching.assignments, (Assignments{{0}, {1}, {2}}));
  EXPECT_TRUE(r.stable);
  EXPECT_TRUE(r.converged);
  EXPECT_EQ(r.proposals, 3);
}

// Everyone wants program 0; it takes its top two, the third falls back to program 1.
TEST(EngineTest, CapacityAndDisplacement) {
  Instance in;
  in.applicants = {{{0, 1}}, {{0, 1}}, {{0, 1}}};
  in.programs = {{2, {2, 1, 0}}, {1, {0, 1, 2}}};
  MatchResult r = MatchValid(in);
  EXPECT_EQ(r.matching.assignments, (Assignments{{1}, {0}, {0}}));
  EXPECT_EQ(r.proposals, 4);
}

TEST(EngineTest, PairIsAcceptableOnlyIfBothSidesRank) {
  Instance in;
  in.applicants = {{{0, 1}}, {{1}}};
  in.programs = {{1, {1}}, {1, {1, 0}}};  // program 0 does not rank applicant 0
  MatchResult r = MatchValid(in);
  // Applicant 1 ranks only program 1 and is preferred there; applicant 0 gets nothing.
  EXPECT_EQ(r.matching.assignments, (Assignments{{}, {1}}));
}

TEST(EngineTest, ZeroCapacityAndHugeCapacity) {
  Instance in;
  in.applicants = {{{0, 1}}, {{0, 1}}};
  in.programs = {{0, {0, 1}}, {int64_t{1} << 40, {1, 0}}};
  MatchResult r = MatchValid(in);
  EXPECT_EQ(r.matching.assignments, (Assignments{{1}, {1}}));
}

TEST(EngineTest, MultiBlockSkipsOverlappingPrograms) {
  Instance in;
  // p0: days 0-27, p1: 14-41 (overlaps p0), p2: 28-55. Applicant 0 wants two blocks.
  in.programs = {{1, {0, 1}, true, {0, 27}}, {1, {0, 1}, true, {14, 41}}, {1, {0}, true, {28, 55}}};
  in.applicants = {{{0, 1, 2}, 2}, {{1, 0}}};
  MatchResult r = MatchValid(in);
  EXPECT_EQ(r.matching.assignments, (Assignments{{0, 2}, {1}}));
  EXPECT_TRUE(r.stable);
}

TEST(EngineTest, MultiBlockReconsidersAfterLosingAProgram) {
  Instance in;
  // Applicant 0 (k = 2) prefers p0 > p1 > p2, p0 overlaps p1. It first takes p0 and p2, then is
  // displaced from p0 by applicant 1, so it should take p1 (which no longer clashes).
  in.programs = {{1, {1, 0}, true, {0, 10}}, {1, {0}, true, {5, 15}}, {1, {0}, true, {20, 30}}};
  in.applicants = {{{0, 1, 2}, 2}, {{0}}};
  MatchResult r = MatchValid(in);
  EXPECT_EQ(r.matching.assignments, (Assignments{{1, 2}, {0}}));
  EXPECT_TRUE(r.stable);
}

TEST(EngineTest, CoupleGetsBestFeasiblePair) {
  Instance in;
  // Applicants 0, 1 are a couple; applicant 2 is single and is preferred at p0.
  in.programs = {{1, {2, 0}}, {1, {1}}, {1, {0, 1}}};
  in.applicants = {{}, {}, {{0}}};
  in.couples = {{0, 1, {{0, 1}, {2, 1}, {2, kNone}}}};
  MatchResult r = MatchValid(in);
  EXPECT_EQ(r.matching.assignments, (Assignments{{2}, {1}, {0}}));
  EXPECT_TRUE(r.stable);
  EXPECT_TRUE(r.converged);
}

TEST(EngineTest, CoupleInSameProgramNeedsTwoSeats) {
  Instance in;
  in.programs = {{2, {0, 2, 1}}, {2, {1, 0}}};
  in.applicants = {{}, {}, {{0}}};
  in.couples = {{0, 1, {{0, 0}, {1, 1}}}};
  MatchResult r = MatchValid(in);
  // Program 0 would keep applicant 0 and 2 over applicant 1, so the couple goes to p1 together.
  EXPECT_EQ(r.matching.assignments, (Assignments{{1}, {1}, {0}}));
  EXPECT_TRUE(r.stable);
}

TEST(EngineTest, CoupleDisplacementFreesPartnersSeat) {
  Instance in;
  // Single 2 settles at p0 first; the couple then takes (p0, p1), displacing it, and single 2
  // falls back to p2.
  in.programs = {{1, {0, 2}}, {1, {1}}, {1, {2}}};
  in.applicants = {{}, {}, {{0, 2}}};
  in.couples = {{0, 1, {{0, 1}}}};
  MatchResult r = MatchValid(in);
  EXPECT_EQ(r.matching.assignments, (Assignments{{0}, {1}, {2}}));
}

// Roth (1984)-style instance with no stable matching: the guard must stop the procedure and
// the result must name blocking pairs.
TEST(EngineTest, NoStableMatchingWithCoupleIsReported) {
  Instance in;
  in.programs = {{1, {0, 2}}, {1, {2, 1}}};
  in.applicants = {{}, {}, {{0, 1}}};
  in.couples = {{0, 1, {{0, 1}}}};
  MatchResult r = MatchValid(in, {.max_steps = 1000});
  EXPECT_FALSE(r.converged);
  EXPECT_FALSE(r.stable);
  EXPECT_FALSE(r.blocking_pairs.empty());
  EXPECT_EQ(r.steps, 1000);
}

TEST(EngineTest, CycleIsBrokenBySettingTheCyclingAgentAside) {
  Instance in;
  in.programs = {{1, {0, 2}}, {1, {2, 1}}};
  in.applicants = {{}, {}, {{0, 1}}};
  in.couples = {{0, 1, {{0, 1}}}};
  MatchResult r = MatchValid(in);
  EXPECT_FALSE(r.converged);
  EXPECT_EQ(r.set_aside, 1);
  EXPECT_FALSE(r.stable);
  EXPECT_EQ(r.blocking_pairs.size(), 1u);
  EXPECT_LT(r.steps, 10'000);
}

TEST(EngineTest, DeterministicAcrossRuns) {
  Instance in;
  in.programs = {{1, {0, 2}}, {1, {2, 1}}, {2, {2, 0, 1, 3}}};
  in.applicants = {{}, {}, {{0, 1, 2}}, {{2}}};
  in.couples = {{0, 1, {{0, 1}, {2, 2}}}};
  MatchResult a = RunMatch(in);
  MatchResult b = RunMatch(in);
  EXPECT_EQ(a.matching.assignments, b.matching.assignments);
  EXPECT_EQ(a.proposals, b.proposals);
  EXPECT_EQ(a.blocking_pairs, b.blocking_pairs);
}

TEST(EngineTest, EmptyInstance) {
  MatchResult r = RunMatch(Instance{});
  EXPECT_TRUE(r.matching.assignments.empty());
  EXPECT_TRUE(r.stable);
}

}  // namespace
}  // namespace clerkship::match
