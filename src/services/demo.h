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

struct DemoCounts {
  int institutions = 0;
  int offerings = 0;
  int blocks = 0;
  int applicants = 0;
};

// The national-scale data set (deterministic, seed 2027) into a migrated,
// empty database: 1,500 institutions, 20,000 offerings (about 95% published),
// 60,000 blocks in 2027–2028, 100,000 applicant profiles.
core::Result<DemoCounts> LoadNationalDemo(Context& ctx);

}  // namespace clerkship::services
