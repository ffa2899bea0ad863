#include "store/onboarding.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {

std::vector<OnboardingItemRow> ListOnboardingItems(Tx& tx, const std::string& offering_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, offering_id, position, kind, title, body, local_date, local_time, starts_at, "
                           "place, version, text_hash, created_at, updated_at FROM onboarding_items "
                           "WHERE offering_id = :o ORDER BY position, id",
       soci::use(offering_id));
  std::vector<OnboardingItemRow> out;
  for (const auto& r : rows) {
    OnboardingItemRow i;
    i.id = r.get<std::string>(0);
    i.offering_id = r.get<std::string>(1);
    i.position = static_cast<int>(AsInt(r, 2));
    i.kind = r.get<std::string>(3);
    i.title = r.get<std::string>(4);
    i.body = r.get<std::string>(5);
    i.local_date = r.get<std::string>(6);
    i.local_time = r.get<std::string>(7);
    i.starts_at = r.get<std::string>(8);
    i.place = r.get<std::string>(9);
    i.version = static_cast<int>(AsInt(r, 10));
    i.text_hash = r.get<std::string>(11);
    i.created_at = r.get<std::string>(12);
    i.updated_at = r.get<std::string>(13);
    out.push_back(std::move(i));
  }
  return out;
}

void InsertOnboardingItem(Tx& tx, const OnboardingItemRow& i) {
  tx.sql() << "INSERT INTO onboarding_items (id, offering_id, position, kind, title, body, local_date, local_time, "
              "starts_at, place, version, text_hash, created_at, updated_at) VALUES (:id, :o, :p, :k, :t, :b, :d, "
              ":tm, :s, :pl, :v, :h, :c, :u)",
      soci::use(i.id), soci::use(i.offering_id), soci::use(i.position), soci::use(i.kind), soci::use(i.title),
      soci::use(i.body), soci::use(i.local_date), soci::use(i.local_time), soci::use(i.starts_at),
      soci::use(i.place), soci::use(i.version), soci::use(i.text_hash), soci::use(i.created_at),
      soci::use(i.updated_at);
}

void UpdateOnboardingItem(Tx& tx, const OnboardingItemRow& i) {
  tx.sql() << "UPDATE onboarding_items SET position = :p, kind = :k, title = :t, body = :b, local_date = :d, "
              "local_time = :tm, starts_at = :s, place = :pl, version = :v, text_hash = :h, updated_at = :u "
              "WHERE id = :id",
      soci::use(i.position), soci::use(i.kind), soci::use(i.title), soci::use(i.body), soci::use(i.local_date),
      soci::use(i.local_time), soci::use(i.starts_at), soci::use(i.place), soci::use(i.version),
      soci::use(i.text_hash), soci::use(i.updated_at), soci::use(i.id);
}

void DeleteOnboardingItem(Tx& tx, const std::string& item_id) {
  tx.sql() << "DELETE FROM onboarding_records WHERE item_id = :i", soci::use(item_id);
  tx.sql() << "DELETE FROM onboarding_items WHERE id = :i", soci::use(item_id);
}

std::vector<OnboardingRecordRow> ListOnboardingRecords(Tx& tx, const std::string& placement_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT placement_id, item_id, action, text_hash, version, user_id, recorded_at "
                           "FROM onboarding_records WHERE placement_id = :p",
       soci::use(placement_id));
  std::vector<OnboardingRecordRow> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                   static_cast<int>(AsInt(r, 4)), r.get<std::string>(5), r.get<std::string>(6)});
  }
  return out;
}

void SaveOnboardingRecord(Tx& tx, const OnboardingRecordRow& r) {
  tx.sql() << "DELETE FROM onboarding_records WHERE placement_id = :p AND item_id = :i", soci::use(r.placement_id),
      soci::use(r.item_id);
  tx.sql() << "INSERT INTO onboarding_records (placement_id, item_id, action, text_hash, version, user_id, "
              "recorded_at) VALUES (:p, :i, :a, :h, :v, :u, :at)",
      soci::use(r.placement_id), soci::use(r.item_id), soci::use(r.action), soci::use(r.text_hash),
      soci::use(r.version), soci::use(r.user_id), soci::use(r.recorded_at);
}

std::optional<LetterheadRow> FindLetterhead(Tx& tx, const std::string& institution_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT institution_id, address, phone, signatory_name, signatory_title, updated_at "
                           "FROM institution_letterheads WHERE institution_id = :i",
       soci::use(institution_id));
  for (const auto& r : rows) {
    return LetterheadRow{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                         r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5)};
  }
  return std::nullopt;
}

void SaveLetterhead(Tx& tx, const LetterheadRow& l) {
  tx.sql() << "DELETE FROM institution_letterheads WHERE institution_id = :i", soci::use(l.institution_id);
  tx.sql() << "INSERT INTO institution_letterheads (institution_id, address, phone, signatory_name, "
              "signatory_title, updated_at) VALUES (:i, :a, :p, :n, :t, :u)",
      soci::use(l.institution_id), soci::use(l.address), soci::use(l.phone), soci::use(l.signatory_name),
      soci::use(l.signatory_title), soci::use(l.updated_at);
}

std::vector<PlacementRow> PlacementsStartingBetween(Tx& tx, const std::string& from, const std::string& to) {
  std::vector<PlacementRow> out;
  soci::rowset<std::string> ids =
      (tx.sql().prepare << "SELECT id FROM placements WHERE status = 'scheduled' AND start_date >= :f AND "
                           "start_date <= :t ORDER BY start_date, id",
       soci::use(from), soci::use(to));
  std::vector<std::string> list(ids.begin(), ids.end());
  for (const auto& id : list) {
    if (auto p = FindPlacement(tx, id)) out.push_back(std::move(*p));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> RemindersWithPrefix(Tx& tx, const std::string& prefix) {
  std::string pattern = prefix + "%";
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT key, created_at FROM reminders_sent WHERE key LIKE :p ORDER BY created_at, key",
       soci::use(pattern));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
  return out;
}

}  // namespace clerkship::store
