#include "store/catalog.h"

#include <soci/soci.h>


#include "core/text.h"
#include "store/rows.h"

namespace clerkship::store {
namespace {

constexpr const char* kOfferingColumns =
    "o.id, o.institution_id, o.status, o.title, o.specialty, o.type, o.hands_on, o.description, "
    "o.city, o.state, o.country, o.duration_weeks, o.currency, o.fee_min_cents, o.visas, o.details, "
    "o.created_at, o.updated_at, i.name, i.time_zone";

OfferingRow OfferingFromRow(const soci::row& r, size_t at = 0) {
  OfferingRow o;
  o.id = r.get<std::string>(at + 0);
  o.institution_id = r.get<std::string>(at + 1);
  o.status = r.get<std::string>(at + 2);
  o.title = r.get<std::string>(at + 3);
  o.specialty = r.get<std::string>(at + 4);
  o.type = r.get<std::string>(at + 5);
  o.hands_on = r.get<int>(at + 6) != 0;
  o.description = r.get<std::string>(at + 7);
  o.city = r.get<std::string>(at + 8);
  o.state = r.get<std::string>(at + 9);
  o.country = r.get<std::string>(at + 10);
  o.duration_weeks = r.get<int>(at + 11);
  o.currency = r.get<std::string>(at + 12);
  o.fee_min_cents = r.get_properties(at + 13).get_data_type() == soci::dt_long_long
                        ? r.get<long long>(at + 13)
                        : r.get<int>(at + 13);
  o.visas = r.get<std::string>(at + 14);
  o.details = r.get<std::string>(at + 15);
  o.created_at = r.get<std::string>(at + 16);
  o.updated_at = r.get<std::string>(at + 17);
  o.institution_name = r.get<std::string>(at + 18);
  o.time_zone = r.get<std::string>(at + 19);
  return o;
}

core::Block BlockFromRow(const soci::row& r) {
  core::Block b;
  b.id = r.get<std::string>(0);
  b.offering_id = r.get<std::string>(1);
  b.draft = {r.get<std::string>(2), r.get<std::string>(3), r.get<int>(4), r.get<std::string>(5),
             r.get<std::string>(6)};
  b.applications = r.get<int>(7);
  b.filled = r.get<int>(8);
  return b;
}

}  // namespace

std::vector<SpecialtyRow> ListSpecialties(Tx& tx) {
  soci::rowset<soci::row> rows = tx.sql().prepare << "SELECT code, name FROM specialties ORDER BY name";
  std::vector<SpecialtyRow> out;
  for (const auto& r : rows) out.push_back({r.get<std::string>(0), r.get<std::string>(1)});
  return out;
}

void InsertSpecialty(Tx& tx, const SpecialtyRow& s, const std::string& now) {
  tx.sql() << "INSERT INTO specialties (code, name, created_at) VALUES (:c, :n, :at)", soci::use(s.code),
      soci::use(s.name), soci::use(now);
}

void InsertOffering(Tx& tx, const OfferingRow& o) {
  int hands_on = o.hands_on;
  long long fee = o.fee_min_cents;
  tx.sql() << "INSERT INTO offerings (id, institution_id, status, title, specialty, type, hands_on, "
              "description, city, state, country, duration_weeks, currency, fee_min_cents, visas, "
              "details, created_at, updated_at) VALUES (:id, :inst, :status, :title, :spec, :type, "
              ":hands, :descr, :city, :state, :country, :weeks, :cur, :fee, :visas, :details, :c, :u)",
      soci::use(o.id), soci::use(o.institution_id), soci::use(o.status), soci::use(o.title),
      soci::use(o.specialty), soci::use(o.type), soci::use(hands_on), soci::use(o.description),
      soci::use(o.city), soci::use(o.state), soci::use(o.country), soci::use(o.duration_weeks),
      soci::use(o.currency), soci::use(fee), soci::use(o.visas), soci::use(o.details),
      soci::use(o.created_at), soci::use(o.updated_at);
}

void UpdateOffering(Tx& tx, const OfferingRow& o) {
  int hands_on = o.hands_on;
  long long fee = o.fee_min_cents;
  tx.sql() << "UPDATE offerings SET title = :title, specialty = :spec, type = :type, hands_on = :hands, "
              "description = :descr, city = :city, state = :state, country = :country, "
              "duration_weeks = :weeks, currency = :cur, fee_min_cents = :fee, visas = :visas, "
              "details = :details, updated_at = :u WHERE id = :id",
      soci::use(o.title), soci::use(o.specialty), soci::use(o.type), soci::use(hands_on),
      soci::use(o.description), soci::use(o.city), soci::use(o.state), soci::use(o.country),
      soci::use(o.duration_weeks), soci::use(o.currency), soci::use(fee), soci::use(o.visas),
      soci::use(o.details), soci::use(o.updated_at), soci::use(o.id);
}

void SetOfferingStatus(Tx& tx, const std::string& id, const std::string& status, const std::string& now) {
  tx.sql() << "UPDATE offerings SET status = :s, updated_at = :u WHERE id = :id", soci::use(status),
      soci::use(now), soci::use(id);
}

std::optional<OfferingRow> FindOffering(Tx& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kOfferingColumns
                        << " FROM offerings o JOIN institutions i ON i.id = o.institution_id WHERE o.id = :id",
       soci::use(id));
  for (const auto& r : rows) return OfferingFromRow(r);
  return std::nullopt;
}

std::vector<OfferingRow> ListOfferings(Tx& tx, const std::string& institution_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kOfferingColumns
                        << " FROM offerings o JOIN institutions i ON i.id = o.institution_id "
                           "WHERE o.institution_id = :i ORDER BY o.status, o.title, o.id",
       soci::use(institution_id));
  std::vector<OfferingRow> out;
  for (const auto& r : rows) out.push_back(OfferingFromRow(r));
  return out;
}

void IndexOffering(Tx& tx, const OfferingRow& o, const std::string& specialty_name) {
  // Folded so that "Muller" finds "Müller" on both backends.
  const std::string title = core::FoldDiacritics(o.title), description = core::FoldDiacritics(o.description),
                    institution = core::FoldDiacritics(o.institution_name),
                    specialty = core::FoldDiacritics(specialty_name), city = core::FoldDiacritics(o.city);
  if (tx.backend() == Backend::kSqlite) {
    tx.sql() << "DELETE FROM offerings_fts WHERE offering_id = :id", soci::use(o.id);
    tx.sql() << "INSERT INTO offerings_fts (offering_id, title, description, institution, specialty) "
                "VALUES (:id, :t, :d, :i, :s)",
        soci::use(o.id), soci::use(title), soci::use(description), soci::use(institution),
        soci::use(specialty);
  } else {
    std::string text = title + " " + institution + " " + specialty + " " + city + " " + description;
    tx.sql() << "UPDATE offerings SET search = to_tsvector('simple', :t) WHERE id = :id", soci::use(text),
        soci::use(o.id);
  }
}

void InsertBlock(Tx& tx, const core::Block& b, const std::string& now) {
  tx.sql() << "INSERT INTO blocks (id, offering_id, start_date, end_date, seats, opens_on, deadline, "
              "created_at) VALUES (:id, :o, :s, :e, :seats, :open, :dl, :c)",
      soci::use(b.id), soci::use(b.offering_id), soci::use(b.draft.start_date),
      soci::use(b.draft.end_date), soci::use(b.draft.seats), soci::use(b.draft.opens_on),
      soci::use(b.draft.deadline), soci::use(now);
}

void UpdateBlock(Tx& tx, const core::Block& b) {
  tx.sql() << "UPDATE blocks SET start_date = :s, end_date = :e, seats = :seats, opens_on = :open, "
              "deadline = :dl WHERE id = :id",
      soci::use(b.draft.start_date), soci::use(b.draft.end_date), soci::use(b.draft.seats),
      soci::use(b.draft.opens_on), soci::use(b.draft.deadline), soci::use(b.id);
}

void DeleteBlock(Tx& tx, const std::string& block_id) {
  tx.sql() << "DELETE FROM blocks WHERE id = :id", soci::use(block_id);
}

std::vector<core::Block> ListBlocks(Tx& tx, const std::string& offering_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, offering_id, start_date, end_date, seats, opens_on, deadline, "
                           "applications, filled FROM blocks WHERE offering_id = :o ORDER BY start_date, id",
       soci::use(offering_id));
  std::vector<core::Block> out;
  for (const auto& r : rows) out.push_back(BlockFromRow(r));
  return out;
}

std::optional<core::Block> FindBlock(Tx& tx, const std::string& offering_id, const std::string& block_id) {
  for (auto& b : ListBlocks(tx, offering_id)) {
    if (b.id == block_id) return b;
  }
  return std::nullopt;
}

long long CatalogVersion(Tx& tx) {
  long long v = 0;
  tx.sql() << "SELECT version FROM catalog_version WHERE id = 1", soci::into(v);
  return v;
}

void BumpCatalogVersion(Tx& tx) { tx.sql() << "UPDATE catalog_version SET version = version + 1 WHERE id = 1"; }

void MarkBlocksVisible(Tx& tx, const std::string& offering_id) {
  tx.sql() << "UPDATE blocks SET published_seq = (SELECT version FROM catalog_version WHERE id = 1) "
              "WHERE offering_id = :o AND published_seq = 0 AND "
              "EXISTS (SELECT 1 FROM offerings WHERE id = :o2 AND status = 'published')",
      soci::use(offering_id), soci::use(offering_id);
}

std::vector<core::IndexedOffering> LoadCatalogIndex(Tx& tx) {
  std::vector<core::IndexedOffering> out;
  std::unordered_map<std::string, size_t> at;
  soci::rowset<soci::row> rows =
      tx.sql().prepare << "SELECT o.id, o.title, o.institution_id, i.name, i.time_zone, o.specialty, o.type, "
                          "o.hands_on, o.city, o.state, o.country, o.duration_weeks, o.currency, o.fee_min_cents, "
                          "o.visas, o.description, COALESCE(s.name, o.specialty) FROM offerings o "
                          "JOIN institutions i ON i.id = o.institution_id "
                          "LEFT JOIN specialties s ON s.code = o.specialty "
                          "WHERE o.status = 'published' ORDER BY o.id";
  for (const auto& r : rows) {
    core::IndexedOffering o;
    o.id = r.get<std::string>(0);
    o.title = r.get<std::string>(1);
    o.institution_id = r.get<std::string>(2);
    o.institution_name = r.get<std::string>(3);
    o.time_zone = r.get<std::string>(4);
    o.specialty = r.get<std::string>(5);
    o.type = r.get<std::string>(6);
    o.hands_on = AsInt(r, 7) != 0;
    o.city = r.get<std::string>(8);
    o.state = r.get<std::string>(9);
    o.country = r.get<std::string>(10);
    o.duration_weeks = static_cast<int>(AsInt(r, 11));
    o.currency = r.get<std::string>(12);
    o.fee_min_cents = AsInt(r, 13);
    std::string visas = r.get<std::string>(14);
    for (size_t p = 0; p < visas.size();) {
      size_t q = visas.find(' ', p);
      if (q == std::string::npos) q = visas.size();
      if (q > p) o.visas.push_back(visas.substr(p, q - p));
      p = q + 1;
    }
    o.search_text = o.title + " " + o.institution_name + " " + r.get<std::string>(16) + " " + o.city + " " +
                    r.get<std::string>(15);
    at[o.id] = out.size();
    out.push_back(std::move(o));
  }
  soci::rowset<soci::row> blocks =
      tx.sql().prepare << "SELECT b.offering_id, b.start_date, b.opens_on, b.deadline, b.seats - b.filled "
                          "FROM blocks b JOIN offerings o ON o.id = b.offering_id WHERE o.status = 'published' "
                          "ORDER BY b.offering_id, b.start_date";
  for (const auto& r : blocks) {
    auto it = at.find(r.get<std::string>(0));
    if (it == at.end()) continue;
    out[it->second].blocks.push_back({r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                                      static_cast<int>(std::max<long long>(0, AsInt(r, 4)))});
  }
  return out;
}

}  // namespace clerkship::store
