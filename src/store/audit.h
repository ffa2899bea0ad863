// Append-only audit log: who changed what, when, from where.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct AuditEntry {
  std::string id;
  std::string at;
  std::string actor_id;
  std::string actor_ip;
  std::string action;       // "institution.create"
  std::string record_type;  // "institution"
  std::string record_id;
  std::string institution_id;
  std::string detail;       // JSON text, no secrets
};

void AppendAudit(Tx& tx, const AuditEntry& e);

// Newest first. `institution_ids` empty = every entry (admins); otherwise only
// entries of those institutions. `before` ("" = now) pages by time.
std::vector<AuditEntry> ListAudit(Tx& tx, const std::vector<std::string>& institution_ids,
                                  const std::string& before, int limit);

}  // namespace clerkship::store
