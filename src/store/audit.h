// Append-only audit log: who changed what, when, from where.
#pragma once

#include <string>

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

}  // namespace clerkship::store
