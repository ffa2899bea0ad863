#include "store/match_rounds.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

constexpr const char* kRoundColumns =
    "id, name, status, applications_close, rank_lists_due, match_day, created_by, stats, stable, blocking_pairs, "
    "matched_at, published_at, created_at, updated_at";

MatchRoundRow RoundFrom(const soci::row& r) {
  MatchRoundRow m;
  m.id = r.get<std::string>(0);
  m.name = r.get<std::string>(1);
  m.status = r.get<std::string>(2);
  m.applications_close = r.get<std::string>(3);
  m.rank_lists_due = r.get<std::string>(4);
  m.match_day = r.get<std::string>(5);
  m.created_by = r.get<std::string>(6);
  m.stats = r.get<std::string>(7);
  m.stable = AsInt(r, 8) != 0;
  m.blocking_pairs = r.get<std::string>(9);
  m.matched_at = r.get<std::string>(10);
  m.published_at = r.get<std::string>(11);
  m.created_at = r.get<std::string>(12);
  m.updated_at = r.get<std::string>(13);
  return m;
}

constexpr const char* kCoupleSelect =
    "SELECT c.id, c.round_id, c.first_id, c.second_id, c.status, c.created_at, c.confirmed_at, "
    "COALESCE(u1.email, ''), COALESCE(u2.email, ''), COALESCE(u1.display_name, ''), COALESCE(u2.display_name, '') "
    "FROM match_couples c LEFT JOIN users u1 ON u1.id = c.first_id LEFT JOIN users u2 ON u2.id = c.second_id ";

CoupleRow CoupleFrom(const soci::row& r) {
  return {r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
          r.get<std::string>(4), r.get<std::string>(5), r.get<std::string>(6), r.get<std::string>(7),
          r.get<std::string>(8), r.get<std::string>(9), r.get<std::string>(10)};
}

}  // namespace

void InsertMatchRound(Tx& tx, const MatchRoundRow& r) {
  int stable = r.stable ? 1 : 0;
  tx.sql() << "INSERT INTO match_rounds (" << kRoundColumns
           << ") VALUES (:id, :n, :s, :ac, :rd, :md, :cb, :st, :sb, :bp, :ma, :pa, :c, :u)",
      soci::use(r.id), soci::use(r.name), soci::use(r.status), soci::use(r.applications_close),
      soci::use(r.rank_lists_due), soci::use(r.match_day), soci::use(r.created_by), soci::use(r.stats),
      soci::use(stable), soci::use(r.blocking_pairs), soci::use(r.matched_at), soci::use(r.published_at),
      soci::use(r.created_at), soci::use(r.updated_at);
}

std::optional<MatchRoundRow> FindMatchRound(Tx& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kRoundColumns << " FROM match_rounds WHERE id = :id", soci::use(id));
  for (const auto& r : rows) return RoundFrom(r);
  return std::nullopt;
}

std::vector<MatchRoundRow> ListMatchRounds(Tx& tx, const std::string& institution_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kRoundColumns
                        << " FROM match_rounds WHERE (:i1 = '' OR EXISTS (SELECT 1 FROM match_round_blocks b "
                           "WHERE b.round_id = match_rounds.id AND b.institution_id = :i2)) "
                           "ORDER BY created_at DESC, id",
       soci::use(institution_id), soci::use(institution_id));
  std::vector<MatchRoundRow> out;
  for (const auto& r : rows) out.push_back(RoundFrom(r));
  return out;
}

bool SetMatchRoundStatus(Tx& tx, const std::string& id, const std::string& from, const std::string& to,
                         const std::string& now) {
  soci::statement st = (tx.sql().prepare << "UPDATE match_rounds SET status = :t, updated_at = :u "
                                            "WHERE id = :id AND status = :f",
                        soci::use(to), soci::use(now), soci::use(id), soci::use(from));
  return Execute(st) == 1;
}

bool SaveMatchRun(Tx& tx, const MatchRoundRow& r) {
  int stable = r.stable ? 1 : 0;
  soci::statement st =
      (tx.sql().prepare << "UPDATE match_rounds SET status = 'matched', stats = :s, stable = :sb, "
                           "blocking_pairs = :bp, matched_at = :m, updated_at = :u "
                           "WHERE id = :id AND status = 'ranking_closed'",
       soci::use(r.stats), soci::use(stable), soci::use(r.blocking_pairs), soci::use(r.matched_at),
       soci::use(r.updated_at), soci::use(r.id));
  return Execute(st) == 1;
}

bool PublishMatchRound(Tx& tx, const std::string& id, const std::string& now) {
  soci::statement st = (tx.sql().prepare << "UPDATE match_rounds SET status = 'published', published_at = :p, "
                                            "updated_at = :u WHERE id = :id AND status = 'matched'",
                        soci::use(now), soci::use(now), soci::use(id));
  return Execute(st) == 1;
}

void InsertRoundBlock(Tx& tx, const RoundBlockRow& b) {
  tx.sql() << "INSERT INTO match_round_blocks (round_id, block_id, offering_id, institution_id, quota) "
              "VALUES (:r, :b, :o, :i, :q)",
      soci::use(b.round_id), soci::use(b.block_id), soci::use(b.offering_id), soci::use(b.institution_id),
      soci::use(b.quota);
}

std::optional<RoundBlockRow> FindCatalogBlock(Tx& tx, const std::string& block_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT b.id, b.offering_id, o.institution_id, o.title, i.name, b.start_date, b.end_date, "
                           "b.seats, b.filled FROM blocks b JOIN offerings o ON o.id = b.offering_id "
                           "JOIN institutions i ON i.id = o.institution_id WHERE b.id = :b",
       soci::use(block_id));
  for (const auto& r : rows) {
    RoundBlockRow b;
    b.block_id = r.get<std::string>(0);
    b.offering_id = r.get<std::string>(1);
    b.institution_id = r.get<std::string>(2);
    b.offering_title = r.get<std::string>(3);
    b.institution_name = r.get<std::string>(4);
    b.start_date = r.get<std::string>(5);
    b.end_date = r.get<std::string>(6);
    b.seats = static_cast<int>(AsInt(r, 7));
    b.filled = static_cast<int>(AsInt(r, 8));
    return b;
  }
  return std::nullopt;
}

std::vector<RoundBlockRow> ListRoundBlocks(Tx& tx, const std::string& round_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT rb.round_id, rb.block_id, rb.offering_id, rb.institution_id, rb.quota, "
                           "o.title, i.name, b.start_date, b.end_date, b.seats, b.filled "
                           "FROM match_round_blocks rb JOIN blocks b ON b.id = rb.block_id "
                           "JOIN offerings o ON o.id = rb.offering_id JOIN institutions i ON i.id = rb.institution_id "
                           "WHERE rb.round_id = :r ORDER BY i.name, o.title, b.start_date, rb.block_id",
       soci::use(round_id));
  std::vector<RoundBlockRow> out;
  for (const auto& r : rows) {
    RoundBlockRow b;
    b.round_id = r.get<std::string>(0);
    b.block_id = r.get<std::string>(1);
    b.offering_id = r.get<std::string>(2);
    b.institution_id = r.get<std::string>(3);
    b.quota = static_cast<int>(AsInt(r, 4));
    b.offering_title = r.get<std::string>(5);
    b.institution_name = r.get<std::string>(6);
    b.start_date = r.get<std::string>(7);
    b.end_date = r.get<std::string>(8);
    b.seats = static_cast<int>(AsInt(r, 9));
    b.filled = static_cast<int>(AsInt(r, 10));
    out.push_back(std::move(b));
  }
  return out;
}

std::vector<EligibleRow> ListRoundEligibility(Tx& tx, const std::string& round_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT a.applicant_id, ab.block_id, a.id FROM applications a "
                           "JOIN application_blocks ab ON ab.application_id = a.id "
                           "JOIN match_round_blocks rb ON rb.block_id = ab.block_id AND rb.round_id = :r "
                           "WHERE a.status IN ('submitted', 'under_review', 'interview', 'waitlisted') "
                           "ORDER BY a.applicant_id, ab.block_id, a.submitted_at, a.id",
       soci::use(round_id));
  std::vector<EligibleRow> out;
  for (const auto& r : rows) out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2)});
  return out;
}

void SaveRankList(Tx& tx, const std::string& round_id, const std::string& kind, const std::string& owner_id,
                  const std::vector<RankEntryRow>& entries, const std::string& now) {
  DeleteRankList(tx, round_id, kind, owner_id);
  std::string empty;
  tx.sql() << "INSERT INTO match_rank_lists (round_id, kind, owner_id, certified_at, certified_by, updated_at) "
              "VALUES (:r, :k, :o, :c, :cb, :u)",
      soci::use(round_id), soci::use(kind), soci::use(owner_id), soci::use(empty), soci::use(empty), soci::use(now);
  for (size_t i = 0; i < entries.size(); ++i) {
    int seq = static_cast<int>(i) + 1;
    tx.sql() << "INSERT INTO match_rank_entries (round_id, kind, owner_id, seq, position, item, item2) "
                "VALUES (:r, :k, :o, :s, :p, :i, :i2)",
        soci::use(round_id), soci::use(kind), soci::use(owner_id), soci::use(seq), soci::use(entries[i].position),
        soci::use(entries[i].item), soci::use(entries[i].item2);
  }
}

void CertifyRankList(Tx& tx, const std::string& round_id, const std::string& kind, const std::string& owner_id,
                     const std::string& by, const std::string& now) {
  tx.sql() << "UPDATE match_rank_lists SET certified_at = :c, certified_by = :b WHERE round_id = :r AND kind = :k "
              "AND owner_id = :o",
      soci::use(now), soci::use(by), soci::use(round_id), soci::use(kind), soci::use(owner_id);
}

void DeleteRankList(Tx& tx, const std::string& round_id, const std::string& kind, const std::string& owner_id) {
  tx.sql() << "DELETE FROM match_rank_entries WHERE round_id = :r AND kind = :k AND owner_id = :o",
      soci::use(round_id), soci::use(kind), soci::use(owner_id);
  tx.sql() << "DELETE FROM match_rank_lists WHERE round_id = :r AND kind = :k AND owner_id = :o",
      soci::use(round_id), soci::use(kind), soci::use(owner_id);
}

std::optional<RankListRow> FindRankList(Tx& tx, const std::string& round_id, const std::string& kind,
                                        const std::string& owner_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT round_id, kind, owner_id, certified_at, certified_by, updated_at "
                           "FROM match_rank_lists WHERE round_id = :r AND kind = :k AND owner_id = :o",
       soci::use(round_id), soci::use(kind), soci::use(owner_id));
  for (const auto& r : rows) {
    return RankListRow{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                       r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5)};
  }
  return std::nullopt;
}

std::vector<RankListRow> ListRankLists(Tx& tx, const std::string& round_id, const std::string& kind) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT round_id, kind, owner_id, certified_at, certified_by, updated_at "
                           "FROM match_rank_lists WHERE round_id = :r AND kind = :k ORDER BY owner_id",
       soci::use(round_id), soci::use(kind));
  std::vector<RankListRow> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                   r.get<std::string>(4), r.get<std::string>(5)});
  }
  return out;
}

std::vector<RankEntryRow> ListRankEntries(Tx& tx, const std::string& round_id, const std::string& kind,
                                          const std::string& owner_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT position, item, item2 FROM match_rank_entries "
                           "WHERE round_id = :r AND kind = :k AND owner_id = :o ORDER BY seq",
       soci::use(round_id), soci::use(kind), soci::use(owner_id));
  std::vector<RankEntryRow> out;
  for (const auto& r : rows) {
    out.push_back({static_cast<int>(AsInt(r, 0)), r.get<std::string>(1), r.get<std::string>(2)});
  }
  return out;
}

void InsertCouple(Tx& tx, const CoupleRow& c) {
  tx.sql() << "INSERT INTO match_couples (id, round_id, first_id, second_id, status, created_at, confirmed_at) "
              "VALUES (:id, :r, :f, :s, :st, :c, :cf)",
      soci::use(c.id), soci::use(c.round_id), soci::use(c.first_id), soci::use(c.second_id), soci::use(c.status),
      soci::use(c.created_at), soci::use(c.confirmed_at);
}

std::optional<CoupleRow> FindCoupleOf(Tx& tx, const std::string& round_id, const std::string& user_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << kCoupleSelect
                        << "WHERE c.round_id = :r AND c.status IN ('pending', 'confirmed') "
                           "AND (c.first_id = :u1 OR c.second_id = :u2) ORDER BY c.created_at, c.id",
       soci::use(round_id), soci::use(user_id), soci::use(user_id));
  for (const auto& r : rows) return CoupleFrom(r);
  return std::nullopt;
}

void SetCoupleStatus(Tx& tx, const std::string& id, const std::string& status, const std::string& now) {
  tx.sql() << "UPDATE match_couples SET status = :s, confirmed_at = :c WHERE id = :id", soci::use(status),
      soci::use(now), soci::use(id);
}

std::vector<CoupleRow> ListCouples(Tx& tx, const std::string& round_id, const std::string& status) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << kCoupleSelect << "WHERE c.round_id = :r AND c.status = :s ORDER BY c.id",
       soci::use(round_id), soci::use(status));
  std::vector<CoupleRow> out;
  for (const auto& r : rows) out.push_back(CoupleFrom(r));
  return out;
}

void InsertMatchResult(Tx& tx, const MatchResultRow& r) {
  tx.sql() << "INSERT INTO match_results (round_id, applicant_id, block_id, application_id, placement_id, outcome) "
              "VALUES (:r, :a, :b, :ap, :p, :o)",
      soci::use(r.round_id), soci::use(r.applicant_id), soci::use(r.block_id), soci::use(r.application_id),
      soci::use(r.placement_id), soci::use(r.outcome);
}

void UpdateMatchResult(Tx& tx, const MatchResultRow& r) {
  tx.sql() << "UPDATE match_results SET placement_id = :p, outcome = :o WHERE round_id = :r AND applicant_id = :a",
      soci::use(r.placement_id), soci::use(r.outcome), soci::use(r.round_id), soci::use(r.applicant_id);
}

std::vector<MatchResultRow> ListMatchResults(Tx& tx, const std::string& round_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT round_id, applicant_id, block_id, application_id, placement_id, outcome "
                           "FROM match_results WHERE round_id = :r ORDER BY applicant_id",
       soci::use(round_id));
  std::vector<MatchResultRow> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                   r.get<std::string>(4), r.get<std::string>(5)});
  }
  return out;
}

std::optional<MatchResultRow> FindMatchResult(Tx& tx, const std::string& round_id, const std::string& applicant_id) {
  for (auto& r : ListMatchResults(tx, round_id)) {
    if (r.applicant_id == applicant_id) return r;
  }
  return std::nullopt;
}

}  // namespace clerkship::store
