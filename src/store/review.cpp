#include "store/review.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

// One WHERE clause for the page and its count; an empty parameter turns its
// condition off, so the statement text never depends on user input.
constexpr const char* kQueueFrom =
    " FROM applications a LEFT JOIN application_snapshots s ON s.application_id = a.id"
    " WHERE a.offering_id = :o AND a.status <> 'draft'"
    " AND (:st1 = '' OR a.status = :st2)"
    " AND (:b1 = '' OR EXISTS (SELECT 1 FROM application_blocks ab WHERE ab.application_id = a.id"
    " AND ab.block_id = :b2))"
    " AND (:m1 < 0 OR (a.score_count > 0 AND a.score_avg >= :m2))"
    " AND (:c1 = '' OR s.school_country = :c2)"
    " AND (:e1 = '' OR s.exams_passed LIKE :e2)"
    " AND (:q1 = '' OR s.search_name LIKE :q2)";

constexpr const char* kQueueColumns =
    "SELECT a.id, a.applicant_id, a.status, a.submitted_at, a.version, a.score_count, a.score_avg, "
    "a.score_spread, a.waitlist_rank, COALESCE(s.applicant_name, ''), COALESCE(s.school_name, ''), "
    "COALESCE(s.school_country, ''), COALESCE(s.exams_summary, ''), "
    "(SELECT COUNT(*) FROM messages m WHERE m.application_id = a.id AND m.sender_side = 'applicant') - "
    "COALESCE((SELECT r.seen FROM message_reads r WHERE r.application_id = a.id AND r.user_id = :me), 0)";

// Scramble applications first (issue 9): submitted after a published match
// round, by an applicant that round did not place, for one of its blocks.
constexpr const char* kScrambleFirst =
    " ORDER BY EXISTS (SELECT 1 FROM match_results mr JOIN match_rounds r ON r.id = mr.round_id"
    " JOIN match_round_blocks rb ON rb.round_id = r.id"
    " JOIN application_blocks sb ON sb.application_id = a.id AND sb.block_id = rb.block_id"
    " WHERE mr.applicant_id = a.applicant_id AND mr.outcome <> 'matched' AND r.status = 'published'"
    " AND a.submitted_at >= r.published_at) DESC, ";

std::string QueueOrder(const std::string& sort) {
  if (sort == "-submitted") return std::string(kScrambleFirst) + "a.submitted_at DESC, a.id";
  if (sort == "score") return std::string(kScrambleFirst) + "a.score_count = 0, a.score_avg DESC, a.submitted_at, a.id";
  if (sort == "-score") return std::string(kScrambleFirst) + "a.score_count = 0, a.score_avg, a.submitted_at, a.id";
  if (sort == "waitlist") return std::string(kScrambleFirst) + "a.waitlist_rank = 0, a.waitlist_rank, a.submitted_at, a.id";
  return std::string(kScrambleFirst) + "a.submitted_at, a.id";
}

}  // namespace

void InsertEvent(Tx& tx, const EventRow& e) {
  long long seq = 0;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT COALESCE(MAX(seq), 0) FROM application_events WHERE application_id = :a",
       soci::use(e.application_id));
  for (const auto& r : rows) seq = AsInt(r, 0);
  int next = static_cast<int>(seq) + 1;
  tx.sql() << "INSERT INTO application_events (id, application_id, seq, kind, event, from_status, to_status, "
              "actor_id, actor_kind, detail, created_at) VALUES (:id, :a, :seq, :k, :e, :f, :t, :ai, :ak, :d, :c)",
      soci::use(e.id), soci::use(e.application_id), soci::use(next), soci::use(e.kind), soci::use(e.event), soci::use(e.from_status),
      soci::use(e.to_status), soci::use(e.actor_id), soci::use(e.actor_kind), soci::use(e.detail),
      soci::use(e.created_at);
}

std::vector<EventRow> ListEvents(Tx& tx, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, application_id, kind, event, from_status, to_status, actor_id, actor_kind, "
                           "detail, created_at FROM application_events WHERE application_id = :a "
                           "ORDER BY seq, id",
       soci::use(application_id));
  std::vector<EventRow> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                   r.get<std::string>(4), r.get<std::string>(5), r.get<std::string>(6), r.get<std::string>(7),
                   r.get<std::string>(8), r.get<std::string>(9)});
  }
  return out;
}

std::optional<ReviewSettingsRow> FindReviewSettings(Tx& tx, const std::string& institution_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT institution_id, rubric, target_days, updated_at FROM institution_review_settings "
                           "WHERE institution_id = :i",
       soci::use(institution_id));
  for (const auto& r : rows) {
    return ReviewSettingsRow{r.get<std::string>(0), r.get<std::string>(1), static_cast<int>(AsInt(r, 2)),
                             r.get<std::string>(3)};
  }
  return std::nullopt;
}

void SaveReviewSettings(Tx& tx, const ReviewSettingsRow& s) {
  tx.sql() << "DELETE FROM institution_review_settings WHERE institution_id = :i", soci::use(s.institution_id);
  tx.sql() << "INSERT INTO institution_review_settings (institution_id, rubric, target_days, updated_at) "
              "VALUES (:i, :r, :t, :u)",
      soci::use(s.institution_id), soci::use(s.rubric), soci::use(s.target_days), soci::use(s.updated_at);
}

bool SaveScore(Tx& tx, const ScoreRow& s, int expected_version) {
  if (expected_version == 0) {
    int n = 0;
    tx.sql() << "SELECT COUNT(*) FROM scores WHERE application_id = :a AND reviewer_id = :r",
        soci::use(s.application_id), soci::use(s.reviewer_id), soci::into(n);
    if (n > 0) return false;
    tx.sql() << "INSERT INTO scores (application_id, reviewer_id, scores, total, note, version, updated_at) "
                "VALUES (:a, :r, :s, :t, :n, :v, :u)",
        soci::use(s.application_id), soci::use(s.reviewer_id), soci::use(s.scores), soci::use(s.total),
        soci::use(s.note), soci::use(s.version), soci::use(s.updated_at);
    return true;
  }
  soci::statement st =
      (tx.sql().prepare << "UPDATE scores SET scores = :s, total = :t, note = :n, version = :v, updated_at = :u "
                           "WHERE application_id = :a AND reviewer_id = :r AND version = :old",
       soci::use(s.scores), soci::use(s.total), soci::use(s.note), soci::use(s.version), soci::use(s.updated_at),
       soci::use(s.application_id), soci::use(s.reviewer_id), soci::use(expected_version));
  return Execute(st) == 1;
}

std::vector<ScoreRow> ListScores(Tx& tx, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT s.application_id, s.reviewer_id, COALESCE(u.display_name, ''), s.scores, "
                           "s.total, s.note, s.version, s.updated_at FROM scores s LEFT JOIN users u "
                           "ON u.id = s.reviewer_id WHERE s.application_id = :a ORDER BY s.updated_at, s.reviewer_id",
       soci::use(application_id));
  std::vector<ScoreRow> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                   static_cast<int>(AsInt(r, 4)), r.get<std::string>(5), static_cast<int>(AsInt(r, 6)),
                   r.get<std::string>(7)});
  }
  return out;
}

std::optional<ScoreRow> FindScore(Tx& tx, const std::string& application_id, const std::string& reviewer_id) {
  for (auto& s : ListScores(tx, application_id)) {
    if (s.reviewer_id == reviewer_id) return s;
  }
  return std::nullopt;
}

void RefreshScoreAggregates(Tx& tx, const std::string& application_id) {
  auto scores = ListScores(tx, application_id);
  int count = static_cast<int>(scores.size());
  long long sum = 0;
  int lo = 0, hi = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    sum += scores[i].total;
    if (i == 0 || scores[i].total < lo) lo = scores[i].total;
    if (i == 0 || scores[i].total > hi) hi = scores[i].total;
  }
  int avg = count ? static_cast<int>((sum + count / 2) / count) : 0;
  int spread = hi - lo;
  tx.sql() << "UPDATE applications SET score_count = :c, score_avg = :a, score_spread = :s WHERE id = :id",
      soci::use(count), soci::use(avg), soci::use(spread), soci::use(application_id);
}

void SetWaitlistRank(Tx& tx, const std::string& application_id, int rank) {
  tx.sql() << "UPDATE applications SET waitlist_rank = :r WHERE id = :id", soci::use(rank), soci::use(application_id);
}

void SetFirstDecision(Tx& tx, const std::string& application_id, const std::string& at) {
  tx.sql() << "UPDATE applications SET first_decision_at = :t WHERE id = :id AND first_decision_at = ''",
      soci::use(at), soci::use(application_id);
}

int MaxWaitlistRank(Tx& tx, const std::string& offering_id) {
  long long n = 0;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT COALESCE(MAX(waitlist_rank), 0) FROM applications WHERE offering_id = :o "
                           "AND status = 'waitlisted'",
       soci::use(offering_id));
  for (const auto& r : rows) n = AsInt(r, 0);
  return static_cast<int>(n);
}

std::vector<std::string> WaitlistOf(Tx& tx, const std::string& offering_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id FROM applications WHERE offering_id = :o AND status = 'waitlisted' "
                           "ORDER BY waitlist_rank, id",
       soci::use(offering_id));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.get<std::string>(0));
  return out;
}

ReviewFacts FindReviewFacts(Tx& tx, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT score_count, score_avg, score_spread, waitlist_rank, first_decision_at "
                           "FROM applications WHERE id = :id",
       soci::use(application_id));
  ReviewFacts f;
  for (const auto& r : rows) {
    f = {static_cast<int>(AsInt(r, 0)), static_cast<int>(AsInt(r, 1)), static_cast<int>(AsInt(r, 2)),
         static_cast<int>(AsInt(r, 3)), r.get<std::string>(4)};
  }
  return f;
}

void InsertMessage(Tx& tx, const MessageRow& m) {
  long long seq = 0;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT COALESCE(MAX(seq), 0) FROM messages WHERE application_id = :a",
       soci::use(m.application_id));
  for (const auto& r : rows) seq = AsInt(r, 0);
  int next = static_cast<int>(seq) + 1;
  tx.sql() << "INSERT INTO messages (id, application_id, sender_id, sender_side, seq, body, created_at) "
              "VALUES (:id, :a, :s, :side, :seq, :b, :c)",
      soci::use(m.id), soci::use(m.application_id), soci::use(m.sender_id), soci::use(m.sender_side),
      soci::use(next),
      soci::use(m.body), soci::use(m.created_at);
}

std::vector<MessageRow> ListMessages(Tx& tx, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT m.id, m.application_id, m.sender_id, COALESCE(u.display_name, ''), "
                           "m.sender_side, m.body, m.created_at FROM messages m LEFT JOIN users u "
                           "ON u.id = m.sender_id WHERE m.application_id = :a ORDER BY m.seq, m.id",
       soci::use(application_id));
  std::vector<MessageRow> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                   r.get<std::string>(4), r.get<std::string>(5), r.get<std::string>(6)});
  }
  return out;
}

int CountMessagesFrom(Tx& tx, const std::string& application_id, const std::string& side) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM messages WHERE application_id = :a AND sender_side = :s",
      soci::use(application_id), soci::use(side), soci::into(n);
  return n;
}

int SeenCount(Tx& tx, const std::string& application_id, const std::string& user_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT seen FROM message_reads WHERE application_id = :a AND user_id = :u",
       soci::use(application_id), soci::use(user_id));
  for (const auto& r : rows) return static_cast<int>(AsInt(r, 0));
  return 0;
}

void MarkSeen(Tx& tx, const std::string& application_id, const std::string& user_id, int seen) {
  soci::statement st = (tx.sql().prepare << "UPDATE message_reads SET seen = :s WHERE application_id = :a "
                                            "AND user_id = :u",
                        soci::use(seen), soci::use(application_id), soci::use(user_id));
  if (Execute(st) == 0) {
    tx.sql() << "INSERT INTO message_reads (application_id, user_id, seen) VALUES (:a, :u, :s)",
        soci::use(application_id), soci::use(user_id), soci::use(seen);
  }
}

void SaveSnapshot(Tx& tx, const SnapshotRow& s) {
  std::string search;
  for (char c : s.applicant_name) search.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  tx.sql() << "DELETE FROM application_snapshots WHERE application_id = :a", soci::use(s.application_id);
  tx.sql() << "INSERT INTO application_snapshots (application_id, profile, applicant_name, search_name, "
              "school_name, school_country, exams_passed, exams_summary, created_at) "
              "VALUES (:a, :p, :n, :sn, :s, :c, :e, :es, :t)",
      soci::use(s.application_id), soci::use(s.profile), soci::use(s.applicant_name), soci::use(search),
      soci::use(s.school_name), soci::use(s.school_country), soci::use(s.exams_passed), soci::use(s.exams_summary),
      soci::use(s.created_at);
}

std::optional<SnapshotRow> FindSnapshot(Tx& tx, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT application_id, profile, applicant_name, school_name, school_country, "
                           "exams_passed, exams_summary, created_at FROM application_snapshots "
                           "WHERE application_id = :a",
       soci::use(application_id));
  for (const auto& r : rows) {
    return SnapshotRow{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                       r.get<std::string>(4), r.get<std::string>(5), r.get<std::string>(6), r.get<std::string>(7)};
  }
  return std::nullopt;
}

QueuePage QueryQueue(Tx& tx, const QueueFilter& f) {
  std::string exam_like = f.exam.empty() ? "" : "%," + f.exam + ",%";
  std::string search_like = f.search.empty() ? "" : "%" + f.search + "%";
  QueuePage page;
  {
    long long total = 0;
    soci::rowset<soci::row> rows =
        (tx.sql().prepare << "SELECT COUNT(*)" << kQueueFrom, soci::use(f.offering_id), soci::use(f.status),
         soci::use(f.status), soci::use(f.block_id), soci::use(f.block_id), soci::use(f.min_score),
         soci::use(f.min_score), soci::use(f.country), soci::use(f.country), soci::use(exam_like),
         soci::use(exam_like), soci::use(search_like), soci::use(search_like));
    for (const auto& r : rows) total = AsInt(r, 0);
    page.total = static_cast<int>(total);
  }
  int limit = f.limit > 0 ? f.limit : 1000000;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << kQueueColumns << kQueueFrom << QueueOrder(f.sort) << " LIMIT :lim OFFSET :off",
       soci::use(f.viewer_id), soci::use(f.offering_id), soci::use(f.status), soci::use(f.status),
       soci::use(f.block_id), soci::use(f.block_id), soci::use(f.min_score), soci::use(f.min_score),
       soci::use(f.country), soci::use(f.country), soci::use(exam_like), soci::use(exam_like),
       soci::use(search_like), soci::use(search_like), soci::use(limit), soci::use(f.offset));
  for (const auto& r : rows) {
    QueueRow q;
    q.application_id = r.get<std::string>(0);
    q.applicant_id = r.get<std::string>(1);
    q.status = r.get<std::string>(2);
    q.submitted_at = r.get<std::string>(3);
    q.version = static_cast<int>(AsInt(r, 4));
    q.score_count = static_cast<int>(AsInt(r, 5));
    q.score_avg = static_cast<int>(AsInt(r, 6));
    q.score_spread = static_cast<int>(AsInt(r, 7));
    q.waitlist_rank = static_cast<int>(AsInt(r, 8));
    q.applicant_name = r.get<std::string>(9);
    q.school_name = r.get<std::string>(10);
    q.school_country = r.get<std::string>(11);
    q.exams_summary = r.get<std::string>(12);
    q.unread = static_cast<int>(AsInt(r, 13));
    page.rows.push_back(std::move(q));
  }
  return page;
}

std::vector<std::pair<std::string, std::string>> DecisionTimes(Tx& tx, const std::string& institution_id,
                                                               const std::string& since) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT submitted_at, first_decision_at FROM applications WHERE institution_id = :i "
                           "AND first_decision_at >= :s AND first_decision_at <> '' AND submitted_at <> ''",
       soci::use(institution_id), soci::use(since));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
  return out;
}

}  // namespace clerkship::store
