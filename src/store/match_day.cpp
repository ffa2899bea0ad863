#include "store/match_day.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {

std::optional<MatchDayScheduleRow> FindMatchDaySchedule(Tx& tx, const std::string& round_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT round_id, scheduled, claimed_at, claimed_by, outcome, finished_at, updated_at "
                           "FROM match_day_schedules WHERE round_id = :r",
       soci::use(round_id));
  for (const auto& r : rows) {
    MatchDayScheduleRow m;
    m.round_id = r.get<std::string>(0);
    m.scheduled = AsInt(r, 1) != 0;
    m.claimed_at = r.get<std::string>(2);
    m.claimed_by = r.get<std::string>(3);
    m.outcome = r.get<std::string>(4);
    m.finished_at = r.get<std::string>(5);
    m.updated_at = r.get<std::string>(6);
    return m;
  }
  return std::nullopt;
}

void SaveMatchDaySchedule(Tx& tx, const std::string& round_id, bool scheduled, const std::string& now) {
  int s = scheduled ? 1 : 0;
  soci::statement st = (tx.sql().prepare << "UPDATE match_day_schedules SET scheduled = :s, updated_at = :u "
                                            "WHERE round_id = :r",
                        soci::use(s), soci::use(now), soci::use(round_id));
  if (Execute(st) == 1) return;
  tx.sql() << "INSERT INTO match_day_schedules (round_id, scheduled, claimed_at, claimed_by, outcome, finished_at, "
              "updated_at) VALUES (:r, :s, '', '', '', '', :u)",
      soci::use(round_id), soci::use(s), soci::use(now);
}

std::vector<std::string> DueMatchDays(Tx& tx, const std::string& now) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT s.round_id FROM match_day_schedules s JOIN match_rounds r ON r.id = s.round_id "
                           "WHERE s.scheduled = 1 AND s.claimed_at = '' AND r.match_day <= :n1 "
                           "AND r.rank_lists_due <= :n2 AND r.status IN ('open', 'ranking_closed', 'matched') "
                           "ORDER BY r.match_day, r.id",
       soci::use(now), soci::use(now));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.get<std::string>(0));
  return out;
}

bool ClaimMatchDay(Tx& tx, const std::string& round_id, const std::string& now, const std::string& by) {
  soci::statement st = (tx.sql().prepare << "UPDATE match_day_schedules SET claimed_at = :n, claimed_by = :b, "
                                            "updated_at = :u WHERE round_id = :r AND scheduled = 1 AND claimed_at = ''",
                        soci::use(now), soci::use(by), soci::use(now), soci::use(round_id));
  return Execute(st) == 1;
}

void FinishMatchDay(Tx& tx, const std::string& round_id, const std::string& outcome, const std::string& now) {
  tx.sql() << "UPDATE match_day_schedules SET outcome = :o, finished_at = :f, updated_at = :u WHERE round_id = :r",
      soci::use(outcome), soci::use(now), soci::use(now), soci::use(round_id);
}

}  // namespace clerkship::store
