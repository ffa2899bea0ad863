// Institutions table: named statements over a Tx. Thread-compatible (a Tx is
// used by one thread).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/institution.h"
#include "store/database.h"

namespace clerkship::store {

void InsertInstitution(Tx& tx, const core::Institution& inst);
// All institutions ordered by name, at most `limit`.
std::vector<core::Institution> ListInstitutions(Tx& tx, int limit);
std::optional<core::Institution> FindInstitution(Tx& tx, const std::string& id);
int CountInstitutions(Tx& tx);

}  // namespace clerkship::store
