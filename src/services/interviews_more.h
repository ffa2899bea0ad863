// Fair release of interview slots and interviewers' scorecards (issue 7;
// docs/interviews.md, docs/decisions/014-fair-release-and-scorecards.md).
// One transaction per use case; thread-safe like Context.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "services/context.h"
#include "store/interviews_more.h"
#include "store/vault.h"

namespace clerkship::services {

// ---- fair release (coordinators)

struct ReleaseInput {
  std::string mode;                          // first_come | randomized | preferences
  std::string release_date, release_time;    // randomized, in the institution's zone
  int window_minutes = 10;                   // randomized
  std::string deadline_date, deadline_time;  // preferences, in the institution's zone
  int version = 0;                           // of the settings read (0: none saved yet)
};
// Coordinator of the offering's institution. Randomized: draws a new seeded
// order of the applicants invited now (turn i opens at release + i × window);
// refused (kConflict "mode") once the release has started. Preferences:
// refused once the assignment ran. kConflict "version" for a stale write.
core::Result<store::ReleaseRow> SaveInterviewRelease(Context& ctx, const Actor& actor,
                                                     const std::string& institution_id,
                                                     const std::string& offering_id, const ReleaseInput& in);

struct AssignedBooking {
  std::string application_id, applicant_name, slot_id, starts_at;
};
struct AssignmentOutcome {
  std::string seed;
  std::vector<AssignedBooking> assigned;
  std::vector<std::string> unassigned;  // application ids, in draw order
};
// Coordinator: runs the preferences batch once (random serial dictatorship,
// core::AssignByPreferences) over the invited applicants without a booking
// who ranked slots, books each winner (capacity-guarded like a booking) and
// e-mails the .ics. Closes preferences. kConflict "mode" in another mode or
// when it already ran.
core::Result<AssignmentOutcome> RunInterviewAssignment(Context& ctx, const Actor& actor,
                                                       const std::string& institution_id,
                                                       const std::string& offering_id);

// Coordinator: e-mails invited applicants without a booking a reminder to
// book (or to rank). `application_ids` empty: all of them. Returns how many
// were e-mailed. kInvalidArgument "application_ids[i]" for someone else.
core::Result<int> NudgeNotBooked(Context& ctx, const Actor& actor, const std::string& institution_id,
                                 const std::string& offering_id, const std::vector<std::string>& application_ids);

// ---- fair release (applicants; inside the interviews use cases)

struct ApplicantRelease {
  std::string mode = "first_come";
  std::string release_at, turn_opens_at;  // randomized (UTC)
  int turn = -1;                          // 0-based position in the draw; -1 not drawn
  std::string preference_deadline;        // preferences (UTC)
  bool assigned = false;                  // preferences: the batch ran
  bool can_rank = false;                  // preferences open for this applicant now
  std::vector<std::string> preferences;   // ranked slot ids
};
ApplicantRelease ApplicantReleaseOf(store::Tx& tx, Context& ctx, const store::ApplicationRow& a);
// kConflict (field slot_id) naming when the caller's turn opens, or that
// slots are assigned from preferences; ok in first_come mode.
core::Status CheckBookingTurn(store::Tx& tx, Context& ctx, const store::ApplicationRow& a);
// Staff view of one not-booked applicant: turn opening / ranked count.
struct WaitingInfo {
  std::string turn_opens_at;
  int ranked = 0;
};
std::map<std::string, WaitingInfo> WaitingInfoOf(store::Tx& tx, const std::string& offering_id);

// The applicant ranks the slots they can make (best first, no ties) until the
// preference deadline. kConflict "slot_ids" in another mode, after the
// deadline or the assignment; kInvalidArgument "slot_ids[i]".
core::Status SaveInterviewPreferences(Context& ctx, const Actor& actor, const std::string& application_id,
                                      const std::vector<std::string>& slot_ids);

// ---- scorecards (staff of the institution; never applicants)

struct ScorecardInput {
  std::map<std::string, int> scores;  // criterion key → 1..5
  std::string recommendation;         // strong_yes | yes | no | strong_no (required to submit)
  std::string notes;
  bool submit = false;
  int version = 0;  // of the caller's card read (0: a new card)
};
// Any staff member of the institution scores the application's booked
// interview (the slot's named interviewers are offered the form first; the
// others may still score, as before accounts were linked — decision 014). A submitted card stays submitted (it may be amended).
// kConflict "booking" without a booked interview; kConflict "version"
// "changed by someone else; reload" for a stale write.
core::Result<store::ScorecardRow> SaveInterviewScorecard(Context& ctx, const Actor& actor,
                                                         const std::string& institution_id,
                                                         const std::string& application_id, const ScorecardInput& in);

struct ScorecardsView {
  std::optional<std::string> booking_id, starts_at, interviewers;  // the booked interview (names: accounts, free text)
  std::vector<store::SlotInterviewer> interviewer_accounts;           // the slot's named interviewers
  bool you_interview = false;                                         // the caller is one of them
  std::vector<store::ScorecardRow> cards;  // submitted ones + the caller's own draft
  int average = -1;                         // of the submitted totals (hundredths), -1 none
};
ScorecardsView ScorecardsFor(store::Tx& tx, const Actor& actor, const std::string& application_id);

}  // namespace clerkship::services
