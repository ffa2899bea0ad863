#include "store/audit.h"

#include <soci/soci.h>

#include <algorithm>

namespace clerkship::store {

void AppendAudit(Tx& tx, const AuditEntry& e) {
  tx.sql() << "INSERT INTO audit_log (id, at, actor_id, actor_ip, action, record_type, record_id, "
              "institution_id, detail) VALUES (:id, :at, :actor, :ip, :action, :rt, :rid, :inst, "
              ":detail)",
      soci::use(e.id), soci::use(e.at), soci::use(e.actor_id), soci::use(e.actor_ip),
      soci::use(e.action), soci::use(e.record_type), soci::use(e.record_id),
      soci::use(e.institution_id), soci::use(e.detail);
}

std::vector<AuditEntry> ListAudit(Tx& tx, const std::vector<std::string>& institution_ids,
                                  const std::string& before, int limit) {
  std::vector<AuditEntry> out;
  std::string cutoff = before.empty() ? "9999" : before;
  auto collect = [&](soci::rowset<soci::row>& rows) {
    for (const auto& r : rows) {
      out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                     r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5),
                     r.get<std::string>(6), r.get<std::string>(7), r.get<std::string>(8)});
    }
  };
  constexpr const char* kSelect =
      "SELECT id, at, actor_id, actor_ip, action, record_type, record_id, institution_id, detail "
      "FROM audit_log WHERE at < :before";
  if (institution_ids.empty()) {
    soci::rowset<soci::row> rows = (tx.sql().prepare << kSelect << " ORDER BY at DESC, id DESC LIMIT :lim",
                                    soci::use(cutoff), soci::use(limit));
    collect(rows);
    return out;
  }
  for (const auto& inst : institution_ids) {
    soci::rowset<soci::row> rows =
        (tx.sql().prepare << kSelect << " AND institution_id = :i ORDER BY at DESC, id DESC LIMIT :lim",
         soci::use(cutoff), soci::use(inst), soci::use(limit));
    collect(rows);
  }
  std::sort(out.begin(), out.end(), [](const AuditEntry& a, const AuditEntry& b) {
    return a.at != b.at ? a.at > b.at : a.id > b.id;
  });
  if (out.size() > static_cast<size_t>(limit)) out.resize(limit);
  return out;
}

}  // namespace clerkship::store
