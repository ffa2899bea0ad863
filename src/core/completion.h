// Rotation completion (issue 8, docs/completion.md): the placement's state
// machine, the ACGME end-of-rotation evaluation, attendance, certificate
// codes, the applicant's feedback on a rotation and the ERAS experience
// entry. Pure functions over plain values; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace clerkship::core {

// ---- Placement states: scheduled → in_progress → completed | incomplete;
// scheduled | in_progress → cancelled. Every allowed move is one row of one
// table (PlacementMoves); anything else is kConflict naming both states.
struct PlacementMove {
  const char* from;
  const char* to;
};
const std::vector<PlacementMove>& PlacementMoves();
bool IsPlacementStatus(const std::string& status);
// kInvalidArgument("status") for an unknown target, kConflict for a move the
// table does not allow ("a completed placement cannot become in_progress").
Status CheckPlacementMove(const std::string& from, const std::string& to);

// ---- ACGME evaluation: six competencies rated on a described 1–5 scale.
struct Competency {
  std::string key;    // patient_care, medical_knowledge, …
  std::string label;  // as the preceptor reads it (wording depends on hands-on)
  std::string prompt;
};
// The six competencies in ACGME order. For an observership (hands_on false)
// patient care is rated as "patient_care_observed" (understanding of the care
// the student watched), never as care the student performed.
std::vector<Competency> Competencies(bool hands_on);
struct ScaleLevel {
  int value;           // 1..5
  std::string label;   // "Meets expectations"
  std::string anchor;  // what the level means in behaviour
};
const std::vector<ScaleLevel>& EvaluationScale();

struct EvaluationDraft {
  std::map<std::string, int> ratings;  // competency key → 1..5
  std::string comments;                // narrative, ≤ 5000 characters
};
// Checks a draft (`submitting` false: ratings may be missing) or a final
// evaluation (every competency rated, comments required). Errors name the
// field, e.g. "ratings.medical_knowledge". An observership evaluation that
// rates "patient_care" is kInvalidArgument("ratings.patient_care").
Status ValidateEvaluation(const EvaluationDraft& draft, bool hands_on, bool submitting);

// ---- Attendance: one entry per day, within the placement's dates.
struct AttendanceDay {
  std::string date;    // YYYY-MM-DD
  std::string status;  // present | absent
  std::string note;    // optional, ≤ 200
};
struct AttendanceSummary {
  int present = 0;
  int absent = 0;
};
// kInvalidArgument("days[i].date|status|note") for a bad date, a date outside
// [start, end], a repeated date, or another status. Returns the counts.
Result<AttendanceSummary> ValidateAttendance(const std::vector<AttendanceDay>& days, const std::string& start,
                                             const std::string& end);

// ---- Certificate codes: "CLK-XXXX-XXXX-XC": nine random symbols and one
// check symbol of the Crockford base-32 alphabet (no I, L, O, U), so codes
// read aloud or typed are unambiguous and a single typo or a swap of two
// neighbours is caught before any lookup.
// The code for 45 random bits (only the low 45 bits of `random` are used).
std::string CertificateCode(uint64_t random);
// The canonical code for what a person typed (lower case, spaces, missing
// dashes, O for 0 and I/L for 1 are accepted). kInvalidArgument("code") when
// it is not a code or the check symbol does not match.
Result<std::string> ParseCertificateCode(const std::string& text);

// ---- Applicant feedback on a rotation (anonymous to the preceptor).
struct FeedbackQuestion {
  std::string key;
  std::string label;
};
const std::vector<FeedbackQuestion>& FeedbackQuestions();
struct FeedbackDraft {
  std::map<std::string, int> ratings;  // every question, 1..5
  std::string comment;                 // optional, ≤ 2000
};
Status ValidateFeedback(const FeedbackDraft& draft);
constexpr int kMinFeedbackResponses = 3;
struct FeedbackSummary {
  int responses = 0;
  std::map<std::string, double> averages;  // question key → mean, 1 decimal
};
// The averages, or nullopt with fewer than kMinFeedbackResponses responses
// (so no single student's answers can be read off the offering page).
std::optional<FeedbackSummary> AggregateFeedback(const std::vector<std::map<std::string, int>>& responses);

// ---- ERAS "experience" entry of one completed rotation.
struct ErasEntry {
  std::string organization;  // institution, city
  std::string position;      // "Clinical elective — Cardiology"
  std::string start_date, end_date;
  int weeks = 0;
  int hours_per_week = 0;
  std::string supervisor;
  std::string description;
  std::string experience_type;  // "hands-on" | "observership"
  std::string verification_code;
};
struct RotationRecord {
  std::string institution, institution_place, rotation_title, specialty, rotation_type;
  bool hands_on = true;
  std::string start_date, end_date;
  std::string preceptor;
  int days_present = 0;  // 0: attendance not recorded
  std::string verification_code;
};
// Whole weeks between the dates (inclusive), at least 1.
int RotationWeeks(const std::string& start, const std::string& end);
ErasEntry ToErasEntry(const RotationRecord& r);
// Header + one line per entry (RFC 4180, formulas guarded).
std::string ErasCsv(const std::vector<ErasEntry>& entries);

}  // namespace clerkship::core
