// Match rounds in the product (issue 9; docs/match.md): an admin creates a
// round over catalog blocks, applicants, couples and coordinators rank and
// certify, the round runs the match engine and verifier, and publishing
// places everyone at one moment. One transaction per use case; thread-safe
// like Context. Routes check the Access level; institution scoping and the
// rank-list rules are checked here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/match_round.h"
#include "core/result.h"
#include "services/context.h"
#include "store/match_rounds.h"

namespace clerkship::services {

struct NewRoundBlock {
  std::string block_id;
  std::optional<int> quota;  // default: the block's seats left
};
struct NewMatchRound {
  std::string name;
  core::RoundTimeline timeline;
  std::vector<NewRoundBlock> blocks;
  // Set by CreateGroupMatchRound (services/institution_groups.h): the actor
  // must manage the group and every block must belong to a member institution.
  std::string group_id;
};
// Admin: a draft round. kInvalidArgument naming "name", a timeline field or
// "blocks[i]" (unknown block, twice, quota above the seats left or below 0).
core::Result<store::MatchRoundRow> CreateMatchRound(Context& ctx, const Actor& actor, const NewMatchRound& r);

// Admins see every round; everyone else the rounds past draft.
core::Result<std::vector<store::MatchRoundRow>> ListMatchRounds(Context& ctx, const Actor& actor);

// Admin: open (draft → open) or close_ranking (open → ranking_closed).
core::Result<store::MatchRoundRow> AdvanceMatchRound(Context& ctx, const Actor& actor, const std::string& round_id,
                                                     const std::string& action);

struct ListProgress {
  int total = 0;      // lists expected (applicants with something to rank; blocks)
  int saved = 0;
  int certified = 0;
};
struct AdminRoundView {
  store::MatchRoundRow round;
  std::vector<store::RoundBlockRow> blocks;
  ListProgress applicants, programs;
  int couples = 0;                            // confirmed
  std::vector<store::MatchResultRow> results;  // after publish
};
core::Result<AdminRoundView> GetMatchRoundForAdmin(Context& ctx, const std::string& round_id);

struct RunSummary {
  store::MatchRoundRow round;
  int applicants = 0, programs = 0, matched = 0, unfilled_seats = 0;
  long long proposals = 0;
  bool stable = true;
};
// Admin or the CLI (`clerkship match-round run ID`): builds the instance from
// certified lists, runs the engine and the verifier, stores the result (hidden
// until publish). From ranking_closed, or from open once rank lists are due.
// kConflict when already run.
core::Result<RunSummary> RunMatchRound(Context& ctx, const Actor& actor, const std::string& round_id);

struct PublishSummary {
  store::MatchRoundRow round;
  int placed = 0, not_matched = 0, lapsed = 0;
};
// Admin: matched → published, in one transaction: placements (seats taken),
// applications accepted through the "match" event, unmatched applications
// marked, one e-mail per applicant. kConflict when not matched or published.
core::Result<PublishSummary> PublishMatchRound(Context& ctx, const Actor& actor, const std::string& round_id);

// ---- applicants
struct ApplicantRoundView {
  store::MatchRoundRow round;
  std::vector<store::RoundBlockRow> rankable;  // blocks the caller applied to (open application)
  std::vector<std::string> list;               // own list (block ids)
  std::string certified_at;
  std::optional<store::CoupleRow> couple;
  bool couple_first = false;                   // the caller takes the first block of each pair
  std::vector<store::RoundBlockRow> partner_rankable;
  std::vector<core::BlockPair> couple_list;    // first member's block, second member's block
  std::string couple_certified_at;
  bool editable = false;
  std::optional<store::MatchResultRow> result;  // after publish
  std::optional<store::RoundBlockRow> result_block;
};
core::Result<ApplicantRoundView> GetApplicantRound(Context& ctx, const Actor& actor, const std::string& round_id);
// Replaces the caller's own list (kConflict in a confirmed couple or after the due time).
core::Status SaveApplicantRankList(Context& ctx, const Actor& actor, const std::string& round_id,
                                   const std::vector<std::string>& block_ids);
// Certifies the caller's own list, or the couple's joint list when in a confirmed couple.
core::Status CertifyApplicantRankList(Context& ctx, const Actor& actor, const std::string& round_id);
// Invites an existing applicant account by e-mail to rank as a couple.
core::Result<store::CoupleRow> InviteCouplePartner(Context& ctx, const Actor& actor, const std::string& round_id,
                                                   const std::string& email);
// The invited partner confirms; the members' own lists are replaced by the joint one.
core::Result<store::CoupleRow> ConfirmCouple(Context& ctx, const Actor& actor, const std::string& round_id);
// Either member of a confirmed couple: the joint list (pairs in the inviter's, invitee's order).
core::Status SaveCoupleRankList(Context& ctx, const Actor& actor, const std::string& round_id,
                                const std::vector<core::BlockPair>& pairs);
// After publish, for applicants of the round who did not match: the round's
// blocks with seats left (kForbidden for anyone else).
core::Result<std::vector<store::RoundBlockRow>> ScrambleBlocks(Context& ctx, const Actor& actor,
                                                               const std::string& round_id);

// ---- coordinators
struct Candidate {
  std::string applicant_id, name, application_id, status;
};
struct ProgramRankView {
  store::RoundBlockRow block;
  std::vector<Candidate> candidates;
  std::vector<std::string> ranked, do_not_rank;
  std::string certified_at;
  std::vector<Candidate> matched;  // after publish
};
struct InstitutionRoundView {
  store::MatchRoundRow round;
  std::vector<ProgramRankView> programs;
  bool editable = false;
};
// The institution's blocks of a round (kNotFound for a draft or a round
// without them).
core::Result<InstitutionRoundView> GetInstitutionRound(Context& ctx, const Actor& actor,
                                                       const std::string& institution_id,
                                                       const std::string& round_id);
core::Result<std::vector<store::MatchRoundRow>> ListInstitutionRounds(Context& ctx, const std::string& institution_id);
core::Status SaveProgramRankList(Context& ctx, const Actor& actor, const std::string& institution_id,
                                 const std::string& round_id, const std::string& block_id,
                                 const std::vector<std::string>& ranked, const std::vector<std::string>& do_not_rank);
core::Status CertifyProgramRankList(Context& ctx, const Actor& actor, const std::string& institution_id,
                                    const std::string& round_id, const std::string& block_id);

}  // namespace clerkship::services
