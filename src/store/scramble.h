// The scramble after a match round (migration 019): the per-round application
// limit, the timed scramble rounds and the applications made in them. Named
// statements over a Tx, valid on SQLite and PostgreSQL. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

constexpr int kDefaultScrambleLimit = 10;

// The stored limit, or kDefaultScrambleLimit.
int ScrambleLimitOf(Tx& tx, const std::string& round_id);
void SaveScrambleLimit(Tx& tx, const std::string& round_id, int limit, const std::string& now);

struct ScrambleRoundRow {
  std::string id, round_id;
  int seq = 0;
  std::string starts_at, ends_at, created_at;
};
// In time order.
std::vector<ScrambleRoundRow> ListScrambleRounds(Tx& tx, const std::string& round_id);
std::optional<ScrambleRoundRow> FindScrambleRound(Tx& tx, const std::string& id);
void InsertScrambleRound(Tx& tx, const ScrambleRoundRow& r);
void DeleteScrambleRound(Tx& tx, const std::string& id);
// Scramble rounds open at `now` (starts_at <= now < ends_at) of published
// match rounds whose "scramble is open" e-mail is not claimed yet, in time order.
std::vector<ScrambleRoundRow> ScrambleRoundsToAnnounce(Tx& tx, const std::string& now);
// The conditional UPDATE (migration 020): true for exactly one caller per
// scramble round (notice_claimed_at goes from '' to now).
bool ClaimScrambleNotice(Tx& tx, const std::string& scramble_round_id, const std::string& now,
                         const std::string& by);

struct ScrambleApplicationRow {
  std::string id, round_id, scramble_round_id, applicant_id, block_id, application_id, institution_id, created_at;
  // Joined when read.
  std::string applicant_name, application_status;
};
void InsertScrambleApplication(Tx& tx, const ScrambleApplicationRow& a);
int CountScrambleApplications(Tx& tx, const std::string& round_id, const std::string& applicant_id);
// The applicant's, oldest first.
std::vector<ScrambleApplicationRow> ScrambleApplicationsOf(Tx& tx, const std::string& round_id,
                                                           const std::string& applicant_id);
// To the institution's blocks, oldest first.
std::vector<ScrambleApplicationRow> ScrambleApplicationsAt(Tx& tx, const std::string& round_id,
                                                           const std::string& institution_id);
std::optional<ScrambleApplicationRow> FindScrambleApplication(Tx& tx, const std::string& id);

// Pending offers of the block made in any scramble round that have not
// expired at `now` (an expired one frees its seat even before the expiry job ran).
int PendingScrambleOffersOfBlock(Tx& tx, const std::string& block_id, const std::string& now);

}  // namespace clerkship::store
