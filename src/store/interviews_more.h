// Fair release settings, drawn turns, ranked preferences and interview
// scorecards (migration 017): named statements over a Tx, valid on SQLite
// and PostgreSQL. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/interviews.h"

namespace clerkship::store {

struct ReleaseRow {
  std::string offering_id, institution_id;
  std::string mode = "first_come";
  std::string release_at;
  int window_minutes = 0;
  std::string preference_deadline;
  std::string seed;
  std::string assigned_at;
  int version = 0;  // 0: no row yet
  std::string updated_by, updated_at;
};
std::optional<ReleaseRow> FindRelease(Tx& tx, const std::string& offering_id);
// Inserts (expected_version 0) or updates when the stored version equals
// `expected_version`; writes r.version. False when it moved on.
bool SaveRelease(Tx& tx, const ReleaseRow& r, int expected_version);
// Sets assigned_at once; false when the batch already ran (or no row).
bool MarkAssigned(Tx& tx, const std::string& offering_id, const std::string& seed, const std::string& now);

struct TurnRow {
  std::string application_id;
  int turn_index = 0;
  std::string opens_at;
};
void ReplaceTurns(Tx& tx, const std::string& offering_id, const std::vector<TurnRow>& turns);
std::vector<TurnRow> TurnsOf(Tx& tx, const std::string& offering_id);
std::optional<TurnRow> TurnOf(Tx& tx, const std::string& offering_id, const std::string& application_id);

// The application's ranking, best first.
void ReplacePreferences(Tx& tx, const std::string& application_id, const std::string& offering_id,
                        const std::vector<std::string>& slot_ids, const std::string& now);
std::vector<std::string> PreferencesOf(Tx& tx, const std::string& application_id);
// Application id → number of ranked slots, for an offering.
std::vector<std::pair<std::string, int>> PreferenceCounts(Tx& tx, const std::string& offering_id);

struct ScorecardRow {
  std::string booking_id, interviewer_id, application_id, institution_id;
  std::string interviewer_name;  // filled by ScorecardsOf
  std::string scores = "{}";     // JSON object
  int total = 0;
  std::string recommendation, notes;
  std::string status = "draft";
  int version = 0;
  std::string submitted_at, updated_at;
};
// Insert (expected_version 0, none stored) or update at `expected_version`;
// false otherwise (a stale write).
bool SaveScorecard(Tx& tx, const ScorecardRow& s, int expected_version);
std::optional<ScorecardRow> FindScorecard(Tx& tx, const std::string& booking_id, const std::string& interviewer_id);
// Every scorecard of the application (all bookings), oldest first.
std::vector<ScorecardRow> ScorecardsOf(Tx& tx, const std::string& application_id);

// ---- interviewers as accounts (migration 020)

// Replaces the slot's interviewer accounts with `user_ids` (in that order).
void SetSlotInterviewers(Tx& tx, const std::string& slot_id, const std::string& institution_id,
                         const std::vector<std::string>& user_ids);
// The slot's interviewer accounts, in the order chosen.
std::vector<SlotInterviewer> InterviewersOfSlot(Tx& tx, const std::string& slot_id);
// Every interviewer account of the offering's slots (slot_id tells which).
std::vector<SlotInterviewer> InterviewersOfOffering(Tx& tx, const std::string& offering_id);

}  // namespace clerkship::store
