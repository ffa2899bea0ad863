#include "services/demo.h"

#include "adapters/crypto.h"
#include "adapters/random.h"
#include "services/accounts.h"
#include "services/institutions.h"
#include "store/accounts.h"
#include "store/institutions.h"

namespace clerkship::services {

const char* const kDemoPassword = "clerkship-demo-2027";

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
  std::vector<std::string> ids;
  for (const auto& d : kDemo) {
    auto r = CreateInstitution(ctx, system, d);
    if (!r) return std::unexpected(r.error());
    ids.push_back(r->id);
  }
  auto admin = EnsureAdmin(ctx, "admin@clerkship.example", kDemoPassword, "Platform Admin");
  if (!admin) return std::unexpected(admin.error());
  // Staff and one applicant, all verified, all with the demo password.
  struct Person {
    const char* email;
    const char* name;
    int institution;  // -1: applicant
    core::Role role;
  } people[] = {
      {"coordinator@lakeshore.example", "Grace Okafor", 0, core::Role::kCoordinator},
      {"reviewer@lakeshore.example", "Dr. Rahul Mehta", 0, core::Role::kReviewer},
      {"preceptor@lakeshore.example", "Dr. Elena Petrova", 0, core::Role::kPreceptor},
      {"coordinator@bayview.example", "Marcus Lee", 1, core::Role::kCoordinator},
      {"amina.khan@example.org", "Amina Khan", -1, core::Role::kReviewer},
  };
  std::string hash = adapters::HashPassword(kDemoPassword);
  auto st = ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    std::string now = core::FormatIso8601(ctx.clock.Now());
    for (const auto& p : people) {
      store::UserRow u{adapters::NewId(), p.email, hash, p.name, now, p.institution < 0, false, now};
      store::InsertUser(tx, u);
      if (p.institution >= 0) {
        store::InsertMembership(tx, adapters::NewId(), u.id, ids[p.institution], p.role, now);
      }
    }
    return {};
  });
  if (!st) return std::unexpected(st.error());
  return static_cast<int>(ids.size());
}

}  // namespace clerkship::services
