// Match rounds (migration 013): rounds, their blocks and quotas, rank lists
// (applicant, program, couple), couples and results. Named statements over a
// Tx, valid on SQLite and PostgreSQL. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct MatchRoundRow {
  std::string id;
  std::string name;
  std::string status;
  std::string applications_close, rank_lists_due, match_day;
  std::string created_by;
  std::string stats;           // JSON or ''
  bool stable = false;
  std::string blocking_pairs;  // JSON array
  std::string matched_at, published_at;
  std::string created_at, updated_at;
};
void InsertMatchRound(Tx& tx, const MatchRoundRow& r);
std::optional<MatchRoundRow> FindMatchRound(Tx& tx, const std::string& id);
// Newest first. `institution_id` non-empty: only rounds with a block of it.
std::vector<MatchRoundRow> ListMatchRounds(Tx& tx, const std::string& institution_id);
// Moves the round from `from` to `to` (compare-and-set); false when it was
// not at `from` any more (someone else moved it).
bool SetMatchRoundStatus(Tx& tx, const std::string& id, const std::string& from, const std::string& to,
                         const std::string& now);
// ranking_closed → matched with the run's stats and stability report.
bool SaveMatchRun(Tx& tx, const MatchRoundRow& r);
// matched → published at `now`.
bool PublishMatchRound(Tx& tx, const std::string& id, const std::string& now);

struct RoundBlockRow {
  std::string round_id, block_id, offering_id, institution_id;
  int quota = 0;
  // Joined when read.
  std::string offering_title, institution_name, start_date, end_date;
  int seats = 0, filled = 0;
};
void InsertRoundBlock(Tx& tx, const RoundBlockRow& b);
// A catalog block by id alone, read the way a round shows it (quota 0).
std::optional<RoundBlockRow> FindCatalogBlock(Tx& tx, const std::string& block_id);
// By institution name, offering title, start date.
std::vector<RoundBlockRow> ListRoundBlocks(Tx& tx, const std::string& round_id);

// Applicant × block of the round × application, for applications in a
// status that takes part (submitted, under_review, interview, waitlisted);
// oldest submission first.
struct EligibleRow {
  std::string applicant_id, block_id, application_id;
};
std::vector<EligibleRow> ListRoundEligibility(Tx& tx, const std::string& round_id);

struct RankListRow {
  std::string round_id, kind, owner_id;
  std::string certified_at, certified_by, updated_at;
};
struct RankEntryRow {
  int position = 0;  // 1.. ranked; 0 = do not rank
  std::string item, item2;
};
// Replaces the list's entries (in the given order) and clears certification.
void SaveRankList(Tx& tx, const std::string& round_id, const std::string& kind, const std::string& owner_id,
                  const std::vector<RankEntryRow>& entries, const std::string& now);
void CertifyRankList(Tx& tx, const std::string& round_id, const std::string& kind, const std::string& owner_id,
                     const std::string& by, const std::string& now);
void DeleteRankList(Tx& tx, const std::string& round_id, const std::string& kind, const std::string& owner_id);
std::optional<RankListRow> FindRankList(Tx& tx, const std::string& round_id, const std::string& kind,
                                        const std::string& owner_id);
std::vector<RankListRow> ListRankLists(Tx& tx, const std::string& round_id, const std::string& kind);
// In list order (ranked entries by position, then do-not-rank ones).
std::vector<RankEntryRow> ListRankEntries(Tx& tx, const std::string& round_id, const std::string& kind,
                                          const std::string& owner_id);

struct CoupleRow {
  std::string id, round_id, first_id, second_id, status, created_at, confirmed_at;
  std::string first_email, second_email, first_name, second_name;  // joined when read
};
void InsertCouple(Tx& tx, const CoupleRow& c);
// The applicant's pending or confirmed couple in the round.
std::optional<CoupleRow> FindCoupleOf(Tx& tx, const std::string& round_id, const std::string& user_id);
void SetCoupleStatus(Tx& tx, const std::string& id, const std::string& status, const std::string& now);
std::vector<CoupleRow> ListCouples(Tx& tx, const std::string& round_id, const std::string& status);

struct MatchResultRow {
  std::string round_id, applicant_id, block_id, application_id, placement_id, outcome;
};
void InsertMatchResult(Tx& tx, const MatchResultRow& r);
void UpdateMatchResult(Tx& tx, const MatchResultRow& r);
std::vector<MatchResultRow> ListMatchResults(Tx& tx, const std::string& round_id);
std::optional<MatchResultRow> FindMatchResult(Tx& tx, const std::string& round_id, const std::string& applicant_id);

}  // namespace clerkship::store
