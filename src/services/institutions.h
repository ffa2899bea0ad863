// Institution use cases. Each function is one transaction.
#pragma once

#include <vector>

#include "core/institution.h"
#include "core/result.h"
#include "services/context.h"

namespace clerkship::services {

// Validates the draft (including that the time zone exists), stores the
// institution and an audit entry. kInvalidArgument names the field;
// kConflict when the same name already exists in that city.
core::Result<core::Institution> CreateInstitution(Context& ctx, const Actor& actor,
                                                  core::InstitutionDraft draft);

// Institutions ordered by name (at most 500).
core::Result<std::vector<core::Institution>> ListInstitutions(Context& ctx);

// One institution, or kNotFound.
core::Result<core::Institution> GetInstitution(Context& ctx, const std::string& id);

}  // namespace clerkship::services
