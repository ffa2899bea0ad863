#include "store/scramble.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

constexpr const char* kRoundColumns = "id, round_id, seq, starts_at, ends_at, created_at";

ScrambleRoundRow RoundFrom(const soci::row& r) {
  return {r.get<std::string>(0), r.get<std::string>(1), static_cast<int>(AsInt(r, 2)), r.get<std::string>(3),
          r.get<std::string>(4), r.get<std::string>(5)};
}

constexpr const char* kApplicationSelect =
    "SELECT s.id, s.round_id, s.scramble_round_id, s.applicant_id, s.block_id, s.application_id, s.institution_id, "
    "s.created_at, COALESCE(u.display_name, ''), COALESCE(a.status, '') FROM scramble_applications s "
    "LEFT JOIN users u ON u.id = s.applicant_id LEFT JOIN applications a ON a.id = s.application_id ";

ScrambleApplicationRow ApplicationFrom(const soci::row& r) {
  ScrambleApplicationRow a;
  a.id = r.get<std::string>(0);
  a.round_id = r.get<std::string>(1);
  a.scramble_round_id = r.get<std::string>(2);
  a.applicant_id = r.get<std::string>(3);
  a.block_id = r.get<std::string>(4);
  a.application_id = r.get<std::string>(5);
  a.institution_id = r.get<std::string>(6);
  a.created_at = r.get<std::string>(7);
  a.applicant_name = r.get<std::string>(8);
  a.application_status = r.get<std::string>(9);
  return a;
}

}  // namespace

int ScrambleLimitOf(Tx& tx, const std::string& round_id) {
  int limit = kDefaultScrambleLimit;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT application_limit FROM scramble_settings WHERE round_id = :r", soci::use(round_id));
  for (const auto& r : rows) limit = static_cast<int>(AsInt(r, 0));
  return limit;
}

void SaveScrambleLimit(Tx& tx, const std::string& round_id, int limit, const std::string& now) {
  soci::statement st = (tx.sql().prepare << "UPDATE scramble_settings SET application_limit = :l, updated_at = :u "
                                            "WHERE round_id = :r",
                        soci::use(limit), soci::use(now), soci::use(round_id));
  if (Execute(st) == 1) return;
  tx.sql() << "INSERT INTO scramble_settings (round_id, application_limit, updated_at) VALUES (:r, :l, :u)",
      soci::use(round_id), soci::use(limit), soci::use(now);
}

std::vector<ScrambleRoundRow> ListScrambleRounds(Tx& tx, const std::string& round_id) {
  soci::rowset<soci::row> rows = (tx.sql().prepare << "SELECT " << kRoundColumns
                                                    << " FROM scramble_rounds WHERE round_id = :r "
                                                       "ORDER BY starts_at, seq, id",
                                  soci::use(round_id));
  std::vector<ScrambleRoundRow> out;
  for (const auto& r : rows) out.push_back(RoundFrom(r));
  return out;
}

std::optional<ScrambleRoundRow> FindScrambleRound(Tx& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kRoundColumns << " FROM scramble_rounds WHERE id = :id", soci::use(id));
  for (const auto& r : rows) return RoundFrom(r);
  return std::nullopt;
}

void InsertScrambleRound(Tx& tx, const ScrambleRoundRow& r) {
  tx.sql() << "INSERT INTO scramble_rounds (" << kRoundColumns << ") VALUES (:id, :r, :q, :s, :e, :c)",
      soci::use(r.id), soci::use(r.round_id), soci::use(r.seq), soci::use(r.starts_at), soci::use(r.ends_at),
      soci::use(r.created_at);
}

void DeleteScrambleRound(Tx& tx, const std::string& id) {
  tx.sql() << "DELETE FROM scramble_rounds WHERE id = :id", soci::use(id);
}

std::vector<ScrambleRoundRow> ScrambleRoundsToAnnounce(Tx& tx, const std::string& now) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT s.id, s.round_id, s.seq, s.starts_at, s.ends_at, s.created_at "
                           "FROM scramble_rounds s JOIN match_rounds r ON r.id = s.round_id "
                           "WHERE s.notice_claimed_at = '' AND s.starts_at <= :n1 AND s.ends_at > :n2 "
                           "AND r.status = 'published' ORDER BY s.starts_at, s.id",
       soci::use(now), soci::use(now));
  std::vector<ScrambleRoundRow> out;
  for (const auto& r : rows) out.push_back(RoundFrom(r));
  return out;
}

bool ClaimScrambleNotice(Tx& tx, const std::string& scramble_round_id, const std::string& now,
                         const std::string& by) {
  soci::statement st = (tx.sql().prepare << "UPDATE scramble_rounds SET notice_claimed_at = :n, notice_claimed_by = :b "
                                            "WHERE id = :id AND notice_claimed_at = ''",
                        soci::use(now), soci::use(by), soci::use(scramble_round_id));
  return Execute(st) == 1;
}

void InsertScrambleApplication(Tx& tx, const ScrambleApplicationRow& a) {
  tx.sql() << "INSERT INTO scramble_applications (id, round_id, scramble_round_id, applicant_id, block_id, "
              "application_id, institution_id, created_at) VALUES (:id, :r, :s, :u, :b, :a, :i, :c)",
      soci::use(a.id), soci::use(a.round_id), soci::use(a.scramble_round_id), soci::use(a.applicant_id),
      soci::use(a.block_id), soci::use(a.application_id), soci::use(a.institution_id), soci::use(a.created_at);
}

int CountScrambleApplications(Tx& tx, const std::string& round_id, const std::string& applicant_id) {
  long long n = 0;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT COUNT(*) FROM scramble_applications WHERE round_id = :r AND applicant_id = :u",
       soci::use(round_id), soci::use(applicant_id));
  for (const auto& r : rows) n = AsInt(r, 0);
  return static_cast<int>(n);
}

std::vector<ScrambleApplicationRow> ScrambleApplicationsOf(Tx& tx, const std::string& round_id,
                                                           const std::string& applicant_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kApplicationSelect) +
                               "WHERE s.round_id = :r AND s.applicant_id = :u ORDER BY s.created_at, s.id",
       soci::use(round_id), soci::use(applicant_id));
  std::vector<ScrambleApplicationRow> out;
  for (const auto& r : rows) out.push_back(ApplicationFrom(r));
  return out;
}

std::vector<ScrambleApplicationRow> ScrambleApplicationsAt(Tx& tx, const std::string& round_id,
                                                           const std::string& institution_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kApplicationSelect) +
                               "WHERE s.round_id = :r AND s.institution_id = :i ORDER BY s.created_at, s.id",
       soci::use(round_id), soci::use(institution_id));
  std::vector<ScrambleApplicationRow> out;
  for (const auto& r : rows) out.push_back(ApplicationFrom(r));
  return out;
}

std::optional<ScrambleApplicationRow> FindScrambleApplication(Tx& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kApplicationSelect) + "WHERE s.id = :id", soci::use(id));
  for (const auto& r : rows) return ApplicationFrom(r);
  return std::nullopt;
}

int PendingScrambleOffersOfBlock(Tx& tx, const std::string& block_id, const std::string& now) {
  long long n = 0;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT COUNT(*) FROM offers WHERE block_id = :b AND status = 'pending' "
                           "AND scramble_round_id <> '' AND expires_at > :n",
       soci::use(block_id), soci::use(now));
  for (const auto& r : rows) n = AsInt(r, 0);
  return static_cast<int>(n);
}

}  // namespace clerkship::store
