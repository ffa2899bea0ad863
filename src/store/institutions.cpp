#include "store/institutions.h"

#include <soci/soci.h>

namespace clerkship::store {
namespace {

constexpr const char* kColumns =
    "id, name, city, state, country, time_zone, website, created_at";

core::Institution FromRow(const soci::row& r) {
  return core::Institution{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                           r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5),
                           r.get<std::string>(6), r.get<std::string>(7)};
}

}  // namespace

void InsertInstitution(Tx& tx, const core::Institution& i) {
  tx.sql() << "INSERT INTO institutions (id, name, city, state, country, time_zone, website, "
              "created_at) VALUES (:id, :name, :city, :state, :country, :tz, :web, :at)",
      soci::use(i.id), soci::use(i.name), soci::use(i.city), soci::use(i.state),
      soci::use(i.country), soci::use(i.time_zone), soci::use(i.website), soci::use(i.created_at);
}

std::vector<core::Institution> ListInstitutions(Tx& tx, int limit) {
  soci::rowset<soci::row> rows = (tx.sql().prepare << "SELECT " << kColumns
                                                    << " FROM institutions ORDER BY name, id LIMIT :lim",
                                  soci::use(limit));
  std::vector<core::Institution> out;
  for (const auto& r : rows) out.push_back(FromRow(r));
  return out;
}

std::optional<core::Institution> FindInstitution(Tx& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kColumns << " FROM institutions WHERE id = :id",
       soci::use(id));
  for (const auto& r : rows) return FromRow(r);
  return std::nullopt;
}

int CountInstitutions(Tx& tx) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM institutions", soci::into(n);
  return n;
}

}  // namespace clerkship::store
