// Match rounds in the product (issue 9): the round's life cycle, the rules a
// rank list must follow, and the translation of stored rank lists into the
// engine's match::Instance. Pure (only match/instance.h, a header of plain
// structs, from the engine); thread-safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "match/instance.h"

namespace clerkship::core {

// draft → open → ranking_closed → matched → published.
extern const std::vector<std::string> kMatchRoundStatuses;

// The status after `action` (open | close_ranking | run | publish) from
// `from`; kConflict with a sentence when the round is not at the right step.
Result<std::string> NextRoundStatus(const std::string& from, const std::string& action);

// Applications in these statuses take part in a round (reviewed or
// interviewed, not decided): submitted, under_review, interview, waitlisted.
bool EligibleForMatch(const std::string& application_status);

struct RoundTimeline {
  std::string applications_close;  // ISO 8601 UTC, "2027-02-01T17:00:00Z"
  std::string rank_lists_due;
  std::string match_day;
};
// Each a UTC timestamp, in order applications_close ≤ rank_lists_due ≤
// match_day; kInvalidArgument naming the field.
Status ValidateTimeline(const RoundTimeline& t);

// What an applicant or a block may rank: applicant → blocks applied to
// within the round with an eligible application.
struct MatchEligibility {
  std::string applicant_id;
  std::string block_id;
  std::string application_id;
};

// An applicant's own list: blocks of the round the applicant applied to with
// an eligible application, no block twice, at most 100. Field "block_ids[i]".
Status ValidateApplicantList(const std::string& applicant_id, const std::vector<std::string>& block_ids,
                             const std::vector<MatchEligibility>& eligible);

// A block's list: applicants with an eligible application for the block, none
// twice, none both ranked and in "do not rank". Fields "applicant_ids[i]",
// "do_not_rank[i]".
Status ValidateProgramList(const std::string& block_id, const std::vector<std::string>& applicant_ids,
                           const std::vector<std::string>& do_not_rank, const std::vector<MatchEligibility>& eligible);

// A couple's joint list: pairs (first member's block, second member's block),
// "" = that member unmatched; never both empty; each block one the member may
// rank; no pair twice. Field "pairs[i]".
using BlockPair = std::pair<std::string, std::string>;
Status ValidateCoupleList(const std::string& first_id, const std::string& second_id,
                          const std::vector<BlockPair>& pairs, const std::vector<MatchEligibility>& eligible);

struct RoundBlock {
  std::string block_id;
  int quota = 0;               // seats offered in the round
  std::string start_date;      // YYYY-MM-DD
  std::string end_date;
};
struct ApplicantRanking {
  std::string applicant_id;
  std::vector<std::string> block_ids;
};
struct ProgramRanking {
  std::string block_id;
  std::vector<std::string> applicant_ids;
};
struct CoupleRanking {
  std::string couple_id;
  std::string first_id, second_id;
  std::vector<BlockPair> pairs;
};
struct RoundLists {
  std::vector<RoundBlock> blocks;
  std::vector<ApplicantRanking> applicants;  // members of couples are not listed here
  std::vector<ProgramRanking> programs;
  std::vector<CoupleRanking> couples;
  std::vector<MatchEligibility> eligible;         // entries not (or no longer) eligible are dropped
};

// The instance and the ids behind its indices.
struct RoundInstance {
  match::Instance instance;
  std::vector<std::string> program_ids;    // block ids
  std::vector<std::string> applicant_ids;  // user ids
  std::vector<std::string> couple_ids;
};

// Builds the engine's input: programs = the round's blocks (quota, dates),
// applicants = everyone with a list (own or joint), in id order; entries that
// are not eligible any more (withdrawn application, block left the round,
// applicant without a list) are dropped, so the result always passes
// match::Validate. max_assignments is 1. Never fails.
RoundInstance BuildRoundInstance(const RoundLists& lists);

}  // namespace clerkship::core
