// Demo data for `make run` and `clerkship demo`.
#pragma once

#include "core/result.h"
#include "services/context.h"

namespace clerkship::services {

// The password of every demo account (printed by `make run`).
extern const char* const kDemoPassword;

// Loads the small demo data set when the database has no institutions.
// Returns the number of institutions created (0 when it already had data).
core::Result<int> LoadDemoIfEmpty(Context& ctx);

}  // namespace clerkship::services
