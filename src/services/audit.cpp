#include "services/audit.h"

namespace clerkship::services {

core::Result<std::vector<store::AuditEntry>> ListAudit(Context& ctx, const Actor& actor,
                                                        const std::string& institution_id,
                                                        const std::string& before, int limit) {
  if (limit < 1 || limit > 500) return core::InvalidArgument("limit", "limit must be between 1 and 500");
  if (!before.empty() && !core::ParseIso8601(before)) {
    return core::InvalidArgument("before", "before must be a time such as 2027-01-04T09:00:00Z");
  }
  std::vector<std::string> scope;
  const auto& p = actor.principal;
  if (!p.is_admin) {
    for (const auto& m : p.memberships) {
      if (m.role == core::Role::kCoordinator &&
          (institution_id.empty() || m.institution_id == institution_id)) {
        scope.push_back(m.institution_id);
      }
    }
    if (scope.empty()) return core::Forbidden("only admins and coordinators can read the audit log");
  } else if (!institution_id.empty()) {
    scope.push_back(institution_id);
  }
  return ctx.db.Run<std::vector<store::AuditEntry>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::AuditEntry>> {
        return store::ListAudit(tx, scope, before, limit);
      });
}

}  // namespace clerkship::services
