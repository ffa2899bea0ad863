// The institution side of applications: timeline events, rubric scores,
// messages and read markers, submission snapshots and the review queue query.
// Named statements over a Tx. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct EventRow {
  std::string id;
  std::string application_id;
  std::string kind;  // status | message | score
  std::string event;
  std::string from_status;
  std::string to_status;
  std::string actor_id;
  std::string actor_kind;
  std::string detail;
  std::string created_at;
};
void InsertEvent(Tx& tx, const EventRow& e);
// Oldest first.
std::vector<EventRow> ListEvents(Tx& tx, const std::string& application_id);

struct ReviewSettingsRow {
  std::string institution_id;
  std::string rubric;  // JSON array
  int target_days = 14;
  std::string updated_at;
};
std::optional<ReviewSettingsRow> FindReviewSettings(Tx& tx, const std::string& institution_id);
void SaveReviewSettings(Tx& tx, const ReviewSettingsRow& s);

struct ScoreRow {
  std::string application_id;
  std::string reviewer_id;
  std::string reviewer_name;  // filled by ListScores
  std::string scores;         // JSON object
  int total = 0;              // hundredths of a point
  std::string note;
  int version = 0;
  std::string updated_at;
};
// Inserts (expected_version 0) or updates when the stored version equals
// expected_version; false when someone else saved in between.
bool SaveScore(Tx& tx, const ScoreRow& s, int expected_version);
std::optional<ScoreRow> FindScore(Tx& tx, const std::string& application_id, const std::string& reviewer_id);
std::vector<ScoreRow> ListScores(Tx& tx, const std::string& application_id);
// Recomputes applications.score_count/score_avg/score_spread from the scores.
void RefreshScoreAggregates(Tx& tx, const std::string& application_id);

// waitlist_rank and first_decision_at ('' keeps the stored one).
void SetWaitlistRank(Tx& tx, const std::string& application_id, int rank);
void SetFirstDecision(Tx& tx, const std::string& application_id, const std::string& at);
// Largest waitlist rank at an offering (0 when none).
int MaxWaitlistRank(Tx& tx, const std::string& offering_id);
// Waitlisted application ids at an offering, by rank.
std::vector<std::string> WaitlistOf(Tx& tx, const std::string& offering_id);

struct ReviewFacts {
  int score_count = 0;
  int score_avg = 0;
  int score_spread = 0;
  int waitlist_rank = 0;
  std::string first_decision_at;
};
ReviewFacts FindReviewFacts(Tx& tx, const std::string& application_id);

struct MessageRow {
  std::string id;
  std::string application_id;
  std::string sender_id;
  std::string sender_name;  // filled by ListMessages
  std::string sender_side;  // applicant | institution
  std::string body;
  std::string created_at;
};
void InsertMessage(Tx& tx, const MessageRow& m);
std::vector<MessageRow> ListMessages(Tx& tx, const std::string& application_id);
// Messages of `side` in the thread.
int CountMessagesFrom(Tx& tx, const std::string& application_id, const std::string& side);
// How many of the other side's messages `user_id` has seen.
int SeenCount(Tx& tx, const std::string& application_id, const std::string& user_id);
void MarkSeen(Tx& tx, const std::string& application_id, const std::string& user_id, int seen);

struct SnapshotRow {
  std::string application_id;
  std::string profile;  // JSON
  std::string applicant_name;
  std::string school_name;
  std::string school_country;
  std::string exams_passed;   // ",usmle_step1,"
  std::string exams_summary;  // "usmle_step1: pass"
  std::string created_at;
};
void SaveSnapshot(Tx& tx, const SnapshotRow& s);  // replaces
std::optional<SnapshotRow> FindSnapshot(Tx& tx, const std::string& application_id);

struct QueueFilter {
  std::string offering_id;
  std::string viewer_id;  // for unread counts
  std::string status;     // '' any
  std::string block_id;
  int min_score = -1;     // hundredths; -1 any
  std::string country;
  std::string exam;       // passed
  std::string search;     // lower-case fragment of the name
  std::string sort = "submitted";  // submitted | -submitted | score | -score | waitlist
  int limit = 50;         // 0: no limit
  int offset = 0;
};
struct QueueRow {
  std::string application_id;
  std::string applicant_id;
  std::string status;
  std::string submitted_at;
  int version = 0;
  int score_count = 0;
  int score_avg = 0;
  int score_spread = 0;
  int waitlist_rank = 0;
  std::string applicant_name;
  std::string school_name;
  std::string school_country;
  std::string exams_summary;
  int unread = 0;
};
struct QueuePage {
  std::vector<QueueRow> rows;
  int total = 0;
};
QueuePage QueryQueue(Tx& tx, const QueueFilter& f);

// (submitted_at, first_decision_at) of applications at the institution first
// decided at or after `since`.
std::vector<std::pair<std::string, std::string>> DecisionTimes(Tx& tx, const std::string& institution_id,
                                                               const std::string& since);

}  // namespace clerkship::store
