// Browsing the audit log: admins see everything; coordinators see their own
// institutions' entries only.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "services/context.h"
#include "store/audit.h"

namespace clerkship::services {

// `institution_id` "" = all the actor may see. kForbidden when a non-admin
// asks for an institution they do not coordinate, or has no coordinator role.
core::Result<std::vector<store::AuditEntry>> ListAudit(Context& ctx, const Actor& actor,
                                                        const std::string& institution_id,
                                                        const std::string& before, int limit);

}  // namespace clerkship::services
