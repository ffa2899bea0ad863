#include "store/offers.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

// Newest first; within one second the open offer before the closed ones.
constexpr const char* kNewestFirst =
    " ORDER BY created_at DESC, CASE status WHEN 'pending' THEN 0 WHEN 'accepted' THEN 1 ELSE 2 END, id";

constexpr const char* kColumns =
    "id, application_id, applicant_id, institution_id, offering_id, block_id, status, expires_at, reason, "
    "offered_by, placement_id, version, created_at, updated_at, scramble_round_id";

OfferRow FromRow(const soci::row& r) {
  OfferRow o;
  o.id = r.get<std::string>(0);
  o.application_id = r.get<std::string>(1);
  o.applicant_id = r.get<std::string>(2);
  o.institution_id = r.get<std::string>(3);
  o.offering_id = r.get<std::string>(4);
  o.block_id = r.get<std::string>(5);
  o.status = r.get<std::string>(6);
  o.expires_at = r.get<std::string>(7);
  o.reason = r.get<std::string>(8);
  o.offered_by = r.get<std::string>(9);
  o.placement_id = r.get<std::string>(10);
  o.version = static_cast<int>(AsInt(r, 11));
  o.created_at = r.get<std::string>(12);
  o.updated_at = r.get<std::string>(13);
  o.scramble_round_id = r.get<std::string>(14);
  return o;
}

std::vector<OfferRow> Select(Tx& tx, const std::string& where, const std::string& param) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kColumns << " FROM offers WHERE " << where, soci::use(param));
  std::vector<OfferRow> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace

void InsertOffer(Tx& tx, const OfferRow& o) {
  tx.sql() << "INSERT INTO offers (" << kColumns
           << ") VALUES (:id, :a, :u, :i, :o, :b, :s, :e, :r, :by, :p, :v, :c, :up, :sr)",
      soci::use(o.id), soci::use(o.application_id), soci::use(o.applicant_id), soci::use(o.institution_id),
      soci::use(o.offering_id), soci::use(o.block_id), soci::use(o.status), soci::use(o.expires_at),
      soci::use(o.reason), soci::use(o.offered_by), soci::use(o.placement_id), soci::use(o.version),
      soci::use(o.created_at), soci::use(o.updated_at), soci::use(o.scramble_round_id);
}

bool UpdateOffer(Tx& tx, const OfferRow& o) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE offers SET status = :s, reason = :r, placement_id = :p, updated_at = :u, "
                           "version = version + 1 WHERE id = :id AND version = :v",
       soci::use(o.status), soci::use(o.reason), soci::use(o.placement_id), soci::use(o.updated_at),
       soci::use(o.id), soci::use(o.version));
  return Execute(st) == 1;
}

std::optional<OfferRow> FindOffer(Tx& tx, const std::string& id) {
  auto rows = Select(tx, "id = :id", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<OfferRow> OffersOfApplication(Tx& tx, const std::string& application_id) {
  return Select(tx, "application_id = :a" + std::string(kNewestFirst), application_id);
}

std::vector<OfferRow> OffersOfApplicant(Tx& tx, const std::string& applicant_id) {
  return Select(tx, "applicant_id = :a" + std::string(kNewestFirst), applicant_id);
}

std::vector<OfferRow> OffersOfOffering(Tx& tx, const std::string& offering_id) {
  return Select(tx, "offering_id = :o" + std::string(kNewestFirst), offering_id);
}

int PendingOffersOfBlock(Tx& tx, const std::string& block_id) {
  long long n = 0;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT COUNT(*) FROM offers WHERE block_id = :b AND status = 'pending'",
       soci::use(block_id));
  for (const auto& r : rows) n = AsInt(r, 0);
  return static_cast<int>(n);
}

std::vector<std::string> DueOfferIds(Tx& tx, const std::string& now, int limit) {
  std::string sql =
      "SELECT id FROM offers WHERE status = 'pending' AND expires_at <= :n ORDER BY expires_at, id LIMIT :l";
  if (tx.backend() == Backend::kPostgres) sql += " FOR UPDATE SKIP LOCKED";
  soci::rowset<soci::row> rows = (tx.sql().prepare << sql, soci::use(now), soci::use(limit));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.get<std::string>(0));
  return out;
}

void LockApplicant(Tx& tx, const std::string& user_id) {
  if (tx.backend() != Backend::kPostgres) return;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id FROM users WHERE id = :u FOR UPDATE", soci::use(user_id));
  for (const auto& r : rows) (void)r;
}

OfferSettingsRow OfferSettingsOf(Tx& tx, const std::string& offering_id) {
  OfferSettingsRow s;
  s.offering_id = offering_id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT expiry_days, waitlist_promotion, updated_at FROM offer_settings "
                           "WHERE offering_id = :o",
       soci::use(offering_id));
  for (const auto& r : rows) {
    s.expiry_days = static_cast<int>(AsInt(r, 0));
    s.waitlist_promotion = r.get<std::string>(1);
    s.updated_at = r.get<std::string>(2);
  }
  return s;
}

void SaveOfferSettings(Tx& tx, const OfferSettingsRow& s) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE offer_settings SET expiry_days = :d, waitlist_promotion = :w, updated_at = :u "
                           "WHERE offering_id = :o",
       soci::use(s.expiry_days), soci::use(s.waitlist_promotion), soci::use(s.updated_at), soci::use(s.offering_id));
  if (Execute(st) == 1) return;
  tx.sql() << "INSERT INTO offer_settings (offering_id, expiry_days, waitlist_promotion, updated_at) "
              "VALUES (:o, :d, :w, :u)",
      soci::use(s.offering_id), soci::use(s.expiry_days), soci::use(s.waitlist_promotion), soci::use(s.updated_at);
}

std::optional<BlockSeats> FindBlockSeats(Tx& tx, const std::string& block_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, offering_id, start_date, end_date, seats, filled FROM blocks WHERE id = :b",
       soci::use(block_id));
  for (const auto& r : rows) {
    BlockSeats b;
    b.id = r.get<std::string>(0);
    b.offering_id = r.get<std::string>(1);
    b.start_date = r.get<std::string>(2);
    b.end_date = r.get<std::string>(3);
    b.seats = static_cast<int>(AsInt(r, 4));
    b.filled = static_cast<int>(AsInt(r, 5));
    return b;
  }
  return std::nullopt;
}

std::vector<std::string> WaitlistOfBlock(Tx& tx, const std::string& offering_id, const std::string& block_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT a.id FROM applications a JOIN application_blocks ab ON ab.application_id = a.id "
                           "WHERE a.offering_id = :o AND a.status = 'waitlisted' AND ab.block_id = :b "
                           "ORDER BY a.waitlist_rank, a.id",
       soci::use(offering_id), soci::use(block_id));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.get<std::string>(0));
  return out;
}

void PutOnTopOfWaitlist(Tx& tx, const std::string& offering_id, const std::string& application_id) {
  tx.sql() << "UPDATE applications SET waitlist_rank = waitlist_rank + 1 WHERE offering_id = :o "
              "AND status = 'waitlisted' AND id <> :a",
      soci::use(offering_id), soci::use(application_id);
  tx.sql() << "UPDATE applications SET waitlist_rank = 1 WHERE id = :a", soci::use(application_id);
}

}  // namespace clerkship::store
