#include "match/verifier.h"

#include <gtest/gtest.h>

namespace clerkship::match {
namespace {

using Kind = BlockingPair::Kind;

BlockingPair Solo(int32_t a, int32_t p) { return {Kind::kApplicant, a, {p, kNone}}; }
BlockingPair Pair(int32_t c, int32_t p, int32_t q) { return {Kind::kCouple, c, {p, q}}; }

std::vector<Defect::Kind> DefectKinds(const StabilityReport& r) {
  std::vector<Defect::Kind> kinds;
  for (const Defect& d : r.defects) kinds.push_back(d.kind);
  return kinds;
}

Instance TwoByTwo() {
  Instance in;
  in.applicants = {{{0, 1}}, {{0, 1}}};
  in.programs = {{1, {0, 1}}, {1, {0, 1}}};
  return in;
}

TEST(VerifierTest, StableMatchingHasNoBlockingPair) {
  StabilityReport r = Verify(TwoByTwo(), {{{0}, {1}}});
  EXPECT_TRUE(r.Stable());
}

TEST(VerifierTest, ListsEveryBlockingPair) {
  // Applicant 0 is preferred everywhere but sits at its second choice; applicant 1 is unmatched.
  StabilityReport r = Verify(TwoByTwo(), {{{1}, {}}});
  EXPECT_TRUE(r.defects.empty());
  EXPECT_EQ(r.blocking_pairs, (std::vector<BlockingPair>{Solo(0, 0), Solo(1, 0)}));
  // Swapped: program 0 holds applicant 1 but prefers applicant 0, who prefers program 0.
  r = Verify(TwoByTwo(), {{{1}, {0}}});
  EXPECT_EQ(r.blocking_pairs, (std::vector<BlockingPair>{Solo(0, 0)}));
}

TEST(VerifierTest, UnacceptablePairsNeverBlock) {
  Instance in = TwoByTwo();
  in.programs[0].ranking = {1};  // program 0 does not rank applicant 0
  StabilityReport r = Verify(in, {{{}, {0}}});
  EXPECT_EQ(r.blocking_pairs, (std::vector<BlockingPair>{Solo(0, 1)}));
}

TEST(VerifierTest, ReportsDefects) {
  Instance in = TwoByTwo();
  EXPECT_EQ(DefectKinds(Verify(in, {{{0}}})), (std::vector{Defect::Kind::kWrongSize}));
  EXPECT_EQ(DefectKinds(Verify(in, {{{0}, {0}}})), (std::vector{Defect::Kind::kOverCapacity}));
  EXPECT_EQ(DefectKinds(Verify(in, {{{0, 1}, {}}})), (std::vector{Defect::Kind::kTooMany}));
  EXPECT_EQ(DefectKinds(Verify(in, {{{0, 0}, {}}})), (std::vector{Defect::Kind::kRepeatedProgram}));
  EXPECT_EQ(DefectKinds(Verify(in, {{{5}, {}}})), (std::vector{Defect::Kind::kUnknownProgram}));
  in.programs[1].ranking = {0};
  EXPECT_EQ(DefectKinds(Verify(in, {{{0}, {1}}})), (std::vector{Defect::Kind::kUnacceptable}));
}

TEST(VerifierTest, OverlapIsADefect) {
  Instance in;
  in.programs = {{1, {0}, true, {0, 10}}, {1, {0}, true, {10, 20}}};
  in.applicants = {{{0, 1}, 2}};
  EXPECT_EQ(DefectKinds(Verify(in, {{{0, 1}}})), (std::vector{Defect::Kind::kOverlap}));
}

TEST(VerifierTest, MultiBlockBlockingUsesTheApplicantsChoice) {
  Instance in;
  // p0: days 0-10, p1: 5-15 (overlaps p0), p2: 20-30, p3: no dates. Applicant 0 has k = 2.
  in.programs = {
      {1, {0}, true, {0, 10}}, {1, {0}, true, {5, 15}}, {1, {0}, true, {20, 30}}, {1, {0}}};
  in.applicants = {{{1, 0, 2, 3}, 2}};
  // Holding p0 and p2: p1 is preferred to p0 and would replace it -> blocks; p3 does not
  // (both slots are taken by better programs).
  StabilityReport r = Verify(in, {{{0, 2}}});
  EXPECT_EQ(r.blocking_pairs, (std::vector<BlockingPair>{Solo(0, 1)}));
  // Holding p1 and p2 is stable: p0 overlaps p1, which is better; p3 is ranked below both.
  EXPECT_TRUE(Verify(in, {{{1, 2}}}).Stable());
  // Holding p1 only: p2 (and p3) fill a free slot without clashing.
  r = Verify(in, {{{1}}});
  EXPECT_EQ(r.blocking_pairs, (std::vector<BlockingPair>{Solo(0, 2), Solo(0, 3)}));
}

TEST(VerifierTest, CoupleBlocksWithPairsAboveItsCurrentOne) {
  Instance in;
  // Couple (0, 1); single 2 holds p0 but p0 prefers member 0.
  in.programs = {{1, {0, 2}}, {1, {1}}, {1, {0}}, {1, {1}}};
  in.applicants = {{}, {}, {{0}}};
  in.couples = {{0, 1, {{0, 1}, {2, 3}, {2, kNone}}}};
  StabilityReport r = Verify(in, {{{2}, {3}, {0}}});
  EXPECT_TRUE(r.defects.empty());
  EXPECT_EQ(r.blocking_pairs, (std::vector<BlockingPair>{Pair(0, 0, 1)}));
  // Unmatched couple: every acceptable pair with room blocks; (p0, p1) does too.
  r = Verify(in, {{{}, {}, {0}}});
  EXPECT_EQ(r.blocking_pairs,
            (std::vector<BlockingPair>{Pair(0, 0, 1), Pair(0, 2, 3), Pair(0, 2, kNone)}));
  // A pair not in the couple's list is a defect.
  EXPECT_EQ(DefectKinds(Verify(in, {{{2}, {1}, {0}}})),
            (std::vector{Defect::Kind::kCoupleNotListed}));
}

TEST(VerifierTest, CoupleVacatesItsOwnSeats) {
  Instance in;
  in.programs = {{1, {0, 1}}, {1, {0, 1}}};
  in.applicants = {{}, {}};
  in.couples = {{0, 1, {{1, 0}, {0, 1}}}};
  // At (p0, p1) the couple would rather swap; each program is full only with the couple itself.
  StabilityReport r = Verify(in, {{{0}, {1}}});
  EXPECT_EQ(r.blocking_pairs, (std::vector<BlockingPair>{Pair(0, 1, 0)}));
}

TEST(VerifierTest, CoupleInOneProgramNeedsBothSeats) {
  Instance in;
  in.programs = {{2, {0, 2, 1}}, {2, {0, 1}}};
  in.applicants = {{}, {}, {{0}}};
  in.couples = {{0, 1, {{0, 0}, {1, 1}}}};
  // p0 holds single 2, whom it prefers to member 1: (p0, p0) cannot take both members.
  EXPECT_TRUE(Verify(in, {{{1}, {1}, {0}}}).Stable());
  in.programs[0].ranking = {0, 1, 2};
  EXPECT_EQ(Verify(in, {{{1}, {1}, {0}}}).blocking_pairs,
            (std::vector<BlockingPair>{Pair(0, 0, 0)}));
}

}  // namespace
}  // namespace clerkship::match
