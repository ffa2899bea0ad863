#include "store/interviews_more.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {

std::optional<ReleaseRow> FindRelease(Tx& tx, const std::string& offering_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT offering_id, institution_id, mode, release_at, window_minutes, preference_deadline, "
                           "seed, assigned_at, version, updated_by, updated_at FROM interview_release "
                           "WHERE offering_id = :o",
       soci::use(offering_id));
  for (const auto& r : rows) {
    ReleaseRow x;
    x.offering_id = r.get<std::string>(0);
    x.institution_id = r.get<std::string>(1);
    x.mode = r.get<std::string>(2);
    x.release_at = r.get<std::string>(3);
    x.window_minutes = static_cast<int>(AsInt(r, 4));
    x.preference_deadline = r.get<std::string>(5);
    x.seed = r.get<std::string>(6);
    x.assigned_at = r.get<std::string>(7);
    x.version = static_cast<int>(AsInt(r, 8));
    x.updated_by = r.get<std::string>(9);
    x.updated_at = r.get<std::string>(10);
    return x;
  }
  return std::nullopt;
}

bool SaveRelease(Tx& tx, const ReleaseRow& r, int expected_version) {
  if (expected_version == 0) {
    int n = 0;
    tx.sql() << "SELECT COUNT(*) FROM interview_release WHERE offering_id = :o", soci::use(r.offering_id),
        soci::into(n);
    if (n > 0) return false;
    tx.sql() << "INSERT INTO interview_release (offering_id, institution_id, mode, release_at, window_minutes, "
                "preference_deadline, seed, assigned_at, version, updated_by, updated_at) "
                "VALUES (:o, :i, :m, :r, :w, :d, :s, :a, :v, :ub, :ua)",
        soci::use(r.offering_id), soci::use(r.institution_id), soci::use(r.mode), soci::use(r.release_at),
        soci::use(r.window_minutes), soci::use(r.preference_deadline), soci::use(r.seed), soci::use(r.assigned_at),
        soci::use(r.version), soci::use(r.updated_by), soci::use(r.updated_at);
    return true;
  }
  soci::statement st =
      (tx.sql().prepare << "UPDATE interview_release SET mode = :m, release_at = :r, window_minutes = :w, "
                           "preference_deadline = :d, seed = :s, assigned_at = :a, version = :v, updated_by = :ub, "
                           "updated_at = :ua WHERE offering_id = :o AND version = :old",
       soci::use(r.mode), soci::use(r.release_at), soci::use(r.window_minutes), soci::use(r.preference_deadline),
       soci::use(r.seed), soci::use(r.assigned_at), soci::use(r.version), soci::use(r.updated_by),
       soci::use(r.updated_at), soci::use(r.offering_id), soci::use(expected_version));
  return Execute(st) == 1;
}

bool MarkAssigned(Tx& tx, const std::string& offering_id, const std::string& seed, const std::string& now) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE interview_release SET assigned_at = :a, seed = :s, version = version + 1, "
                           "updated_at = :u WHERE offering_id = :o AND mode = 'preferences' AND assigned_at = ''",
       soci::use(now), soci::use(seed), soci::use(now), soci::use(offering_id));
  return Execute(st) == 1;
}

void ReplaceTurns(Tx& tx, const std::string& offering_id, const std::vector<TurnRow>& turns) {
  tx.sql() << "DELETE FROM interview_turns WHERE offering_id = :o", soci::use(offering_id);
  for (const auto& t : turns) {
    tx.sql() << "INSERT INTO interview_turns (offering_id, application_id, turn_index, opens_at) "
                "VALUES (:o, :a, :p, :t)",
        soci::use(offering_id), soci::use(t.application_id), soci::use(t.turn_index), soci::use(t.opens_at);
  }
}

std::vector<TurnRow> TurnsOf(Tx& tx, const std::string& offering_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT application_id, turn_index, opens_at FROM interview_turns WHERE offering_id = :o "
                           "ORDER BY turn_index",
       soci::use(offering_id));
  std::vector<TurnRow> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), static_cast<int>(AsInt(r, 1)), r.get<std::string>(2)});
  }
  return out;
}

std::optional<TurnRow> TurnOf(Tx& tx, const std::string& offering_id, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT application_id, turn_index, opens_at FROM interview_turns "
                           "WHERE offering_id = :o AND application_id = :a",
       soci::use(offering_id), soci::use(application_id));
  for (const auto& r : rows) return TurnRow{r.get<std::string>(0), static_cast<int>(AsInt(r, 1)), r.get<std::string>(2)};
  return std::nullopt;
}

void ReplacePreferences(Tx& tx, const std::string& application_id, const std::string& offering_id,
                        const std::vector<std::string>& slot_ids, const std::string& now) {
  tx.sql() << "DELETE FROM interview_preferences WHERE application_id = :a", soci::use(application_id);
  int choice = 0;
  for (const auto& s : slot_ids) {
    ++choice;
    tx.sql() << "INSERT INTO interview_preferences (application_id, slot_id, offering_id, choice, updated_at) "
                "VALUES (:a, :s, :o, :c, :u)",
        soci::use(application_id), soci::use(s), soci::use(offering_id), soci::use(choice), soci::use(now);
  }
}

std::vector<std::string> PreferencesOf(Tx& tx, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT slot_id FROM interview_preferences WHERE application_id = :a ORDER BY choice",
       soci::use(application_id));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.get<std::string>(0));
  return out;
}

std::vector<std::pair<std::string, int>> PreferenceCounts(Tx& tx, const std::string& offering_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT application_id, COUNT(*) FROM interview_preferences WHERE offering_id = :o "
                           "GROUP BY application_id ORDER BY application_id",
       soci::use(offering_id));
  std::vector<std::pair<std::string, int>> out;
  for (const auto& r : rows) out.emplace_back(r.get<std::string>(0), static_cast<int>(AsInt(r, 1)));
  return out;
}

namespace {

constexpr const char* kScorecardColumns =
    "c.booking_id, c.interviewer_id, c.application_id, c.institution_id, COALESCE(u.display_name, ''), c.scores, "
    "c.total, c.recommendation, c.notes, c.status, c.version, c.submitted_at, c.updated_at";

ScorecardRow ScorecardFrom(const soci::row& r) {
  ScorecardRow s;
  s.booking_id = r.get<std::string>(0);
  s.interviewer_id = r.get<std::string>(1);
  s.application_id = r.get<std::string>(2);
  s.institution_id = r.get<std::string>(3);
  s.interviewer_name = r.get<std::string>(4);
  s.scores = r.get<std::string>(5);
  s.total = static_cast<int>(AsInt(r, 6));
  s.recommendation = r.get<std::string>(7);
  s.notes = r.get<std::string>(8);
  s.status = r.get<std::string>(9);
  s.version = static_cast<int>(AsInt(r, 10));
  s.submitted_at = r.get<std::string>(11);
  s.updated_at = r.get<std::string>(12);
  return s;
}

}  // namespace

bool SaveScorecard(Tx& tx, const ScorecardRow& s, int expected_version) {
  if (expected_version == 0) {
    int n = 0;
    tx.sql() << "SELECT COUNT(*) FROM interview_scorecards WHERE booking_id = :b AND interviewer_id = :i",
        soci::use(s.booking_id), soci::use(s.interviewer_id), soci::into(n);
    if (n > 0) return false;
    tx.sql() << "INSERT INTO interview_scorecards (booking_id, interviewer_id, application_id, institution_id, scores, "
                "total, recommendation, notes, status, version, submitted_at, updated_at) "
                "VALUES (:b, :i, :a, :n, :s, :t, :r, :no, :st, :v, :sa, :u)",
        soci::use(s.booking_id), soci::use(s.interviewer_id), soci::use(s.application_id),
        soci::use(s.institution_id), soci::use(s.scores), soci::use(s.total), soci::use(s.recommendation),
        soci::use(s.notes), soci::use(s.status), soci::use(s.version), soci::use(s.submitted_at),
        soci::use(s.updated_at);
    return true;
  }
  soci::statement st =
      (tx.sql().prepare << "UPDATE interview_scorecards SET scores = :s, total = :t, recommendation = :r, notes = :no, "
                           "status = :st, version = :v, submitted_at = :sa, updated_at = :u "
                           "WHERE booking_id = :b AND interviewer_id = :i AND version = :old",
       soci::use(s.scores), soci::use(s.total), soci::use(s.recommendation), soci::use(s.notes), soci::use(s.status),
       soci::use(s.version), soci::use(s.submitted_at), soci::use(s.updated_at), soci::use(s.booking_id),
       soci::use(s.interviewer_id), soci::use(expected_version));
  return Execute(st) == 1;
}

std::optional<ScorecardRow> FindScorecard(Tx& tx, const std::string& booking_id, const std::string& interviewer_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kScorecardColumns
                        << " FROM interview_scorecards c LEFT JOIN users u ON u.id = c.interviewer_id "
                           "WHERE c.booking_id = :b AND c.interviewer_id = :i",
       soci::use(booking_id), soci::use(interviewer_id));
  for (const auto& r : rows) return ScorecardFrom(r);
  return std::nullopt;
}

std::vector<ScorecardRow> ScorecardsOf(Tx& tx, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kScorecardColumns
                        << " FROM interview_scorecards c LEFT JOIN users u ON u.id = c.interviewer_id "
                           "WHERE c.application_id = :a ORDER BY c.updated_at, c.interviewer_id",
       soci::use(application_id));
  std::vector<ScorecardRow> out;
  for (const auto& r : rows) out.push_back(ScorecardFrom(r));
  return out;
}

void SetSlotInterviewers(Tx& tx, const std::string& slot_id, const std::string& institution_id,
                         const std::vector<std::string>& user_ids) {
  tx.sql() << "DELETE FROM interview_slot_interviewers WHERE slot_id = :s", soci::use(slot_id);
  int position = 0;
  for (const auto& user_id : user_ids) {
    tx.sql() << "INSERT INTO interview_slot_interviewers (slot_id, user_id, institution_id, position) "
                "VALUES (:s, :u, :i, :p)",
        soci::use(slot_id), soci::use(user_id), soci::use(institution_id), soci::use(position);
    ++position;
  }
}

namespace {

std::vector<SlotInterviewer> Interviewers(Tx& tx, const char* where, const std::string& param) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT i.slot_id, u.id, u.display_name, u.email FROM interview_slot_interviewers i "
                           "JOIN users u ON u.id = i.user_id WHERE "
                        << where << " ORDER BY i.slot_id, i.position",
       soci::use(param));
  std::vector<SlotInterviewer> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3)});
  }
  return out;
}

}  // namespace

std::vector<SlotInterviewer> InterviewersOfSlot(Tx& tx, const std::string& slot_id) {
  return Interviewers(tx, "i.slot_id = :s", slot_id);
}

std::vector<SlotInterviewer> InterviewersOfOffering(Tx& tx, const std::string& offering_id) {
  return Interviewers(tx, "i.slot_id IN (SELECT id FROM interview_slots WHERE offering_id = :o)", offering_id);
}

}  // namespace clerkship::store
