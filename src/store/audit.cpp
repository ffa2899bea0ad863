#include "store/audit.h"

#include <soci/soci.h>

namespace clerkship::store {

void AppendAudit(Tx& tx, const AuditEntry& e) {
  tx.sql() << "INSERT INTO audit_log (id, at, actor_id, actor_ip, action, record_type, record_id, "
              "institution_id, detail) VALUES (:id, :at, :actor, :ip, :action, :rt, :rid, :inst, "
              ":detail)",
      soci::use(e.id), soci::use(e.at), soci::use(e.actor_id), soci::use(e.actor_ip),
      soci::use(e.action), soci::use(e.record_type), soci::use(e.record_id),
      soci::use(e.institution_id), soci::use(e.detail);
}

}  // namespace clerkship::store
