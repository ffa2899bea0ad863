#include "services/demo.h"

#include "services/institutions.h"
#include "store/institutions.h"

namespace clerkship::services {

core::Result<int> LoadDemoIfEmpty(Context& ctx) {
  auto count = ctx.db.Run<int>([](store::Tx& tx) -> core::Result<int> {
    return store::CountInstitutions(tx);
  });
  if (!count) return std::unexpected(count.error());
  if (*count > 0) return 0;
  const core::InstitutionDraft kDemo[] = {
      {"Lakeshore University Medical Center", "Chicago", "IL", "US", "America/Chicago",
       "https://lakeshore.example.org"},
      {"Bayview Community Hospital", "Oakland", "CA", "US", "America/Los_Angeles",
       "https://bayview.example.org"},
      {"St. Brendan's Teaching Hospital", "Boston", "MA", "US", "America/New_York",
       "https://stbrendans.example.org"},
      {"Gulf Coast Regional Medical Center", "Houston", "TX", "US", "America/Chicago", ""},
  };
  Actor system{"system:demo", ""};
  int created = 0;
  for (const auto& d : kDemo) {
    auto r = CreateInstitution(ctx, system, d);
    if (!r) return std::unexpected(r.error());
    ++created;
  }
  return created;
}

}  // namespace clerkship::services
