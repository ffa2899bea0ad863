#include "store/placements.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

constexpr const char* kColumns =
    "id, application_id, applicant_id, institution_id, offering_id, block_id, source, status, status_reason, "
    "preceptor_id, start_date, end_date, version, created_at, updated_at";

PlacementRow FromRow(const soci::row& r) {
  PlacementRow p;
  p.id = r.get<std::string>(0);
  p.application_id = r.get<std::string>(1);
  p.applicant_id = r.get<std::string>(2);
  p.institution_id = r.get<std::string>(3);
  p.offering_id = r.get<std::string>(4);
  p.block_id = r.get<std::string>(5);
  p.source = r.get<std::string>(6);
  p.status = r.get<std::string>(7);
  p.status_reason = r.get<std::string>(8);
  p.preceptor_id = r.get<std::string>(9);
  p.start_date = r.get<std::string>(10);
  p.end_date = r.get<std::string>(11);
  p.version = static_cast<int>(AsInt(r, 12));
  p.created_at = r.get<std::string>(13);
  p.updated_at = r.get<std::string>(14);
  return p;
}

std::vector<PlacementRow> Select(Tx& tx, const std::string& where, const std::string& param) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kColumns << " FROM placements WHERE " << where, soci::use(param));
  std::vector<PlacementRow> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

}  // namespace

bool TakeSeat(Tx& tx, const std::string& block_id) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE blocks SET filled = filled + 1 WHERE id = :b AND filled < seats",
       soci::use(block_id));
  return Execute(st) == 1;
}

void ReleaseSeat(Tx& tx, const std::string& block_id) {
  tx.sql() << "UPDATE blocks SET filled = filled - 1 WHERE id = :b AND filled > 0", soci::use(block_id);
}

void InsertPlacement(Tx& tx, const PlacementRow& p) {
  tx.sql() << "INSERT INTO placements (" << kColumns
           << ") VALUES (:id, :ap, :us, :i, :o, :b, :src, :s, :r, :pr, :sd, :ed, :v, :c, :u)",
      soci::use(p.id), soci::use(p.application_id), soci::use(p.applicant_id), soci::use(p.institution_id),
      soci::use(p.offering_id), soci::use(p.block_id), soci::use(p.source), soci::use(p.status),
      soci::use(p.status_reason), soci::use(p.preceptor_id), soci::use(p.start_date), soci::use(p.end_date),
      soci::use(p.version), soci::use(p.created_at), soci::use(p.updated_at);
}

bool UpdatePlacement(Tx& tx, const PlacementRow& p) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE placements SET status = :s, status_reason = :r, preceptor_id = :pr, "
                           "updated_at = :u, version = version + 1 WHERE id = :id AND version = :v",
       soci::use(p.status), soci::use(p.status_reason), soci::use(p.preceptor_id), soci::use(p.updated_at),
       soci::use(p.id), soci::use(p.version));
  return Execute(st) == 1;
}

std::optional<PlacementRow> FindPlacement(Tx& tx, const std::string& id) {
  auto rows = Select(tx, "id = :id", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<PlacementRow> ActivePlacementOfApplication(Tx& tx, const std::string& application_id) {
  auto rows = Select(tx, "application_id = :a AND status <> 'cancelled' ORDER BY created_at DESC, id", application_id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<PlacementRow> PlacementsOfApplicant(Tx& tx, const std::string& applicant_id) {
  return Select(tx, "applicant_id = :a ORDER BY start_date, id", applicant_id);
}

std::vector<PlacementRow> PlacementsOfBlock(Tx& tx, const std::string& block_id) {
  return Select(tx, "block_id = :b AND status <> 'cancelled' ORDER BY created_at, id", block_id);
}

std::vector<PlacementRow> PlacementsOfInstitution(Tx& tx, const std::string& institution_id) {
  return Select(tx, "institution_id = :i ORDER BY start_date, id", institution_id);
}

}  // namespace clerkship::store
