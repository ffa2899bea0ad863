// The scheduled match day of a round (migration 019): whether the serve
// scheduler runs and publishes it at match_day, and the one claim that makes
// it happen exactly once across server processes. Named statements over a Tx,
// valid on SQLite and PostgreSQL. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct MatchDayScheduleRow {
  std::string round_id;
  bool scheduled = false;
  std::string claimed_at, claimed_by;  // '' until a scheduler claimed it
  std::string outcome;                 // '' | published: … | failed: …
  std::string finished_at, updated_at;
};
std::optional<MatchDayScheduleRow> FindMatchDaySchedule(Tx& tx, const std::string& round_id);
// Sets `scheduled` (insert or update); the claim and outcome stay.
void SaveMatchDaySchedule(Tx& tx, const std::string& round_id, bool scheduled, const std::string& now);
// Rounds scheduled and not claimed whose match_day and rank_lists_due are
// <= now and that are not published yet.
std::vector<std::string> DueMatchDays(Tx& tx, const std::string& now);
// The conditional UPDATE: true for exactly one caller per round (claimed_at
// goes from '' to now), false when someone else claimed it or it is not
// scheduled any more.
bool ClaimMatchDay(Tx& tx, const std::string& round_id, const std::string& now, const std::string& by);
void FinishMatchDay(Tx& tx, const std::string& round_id, const std::string& outcome, const std::string& now);

}  // namespace clerkship::store
