#include "services/institutions.h"

#include "adapters/random.h"
#include "adapters/system_clock.h"
#include "store/audit.h"
#include "store/institutions.h"

namespace clerkship::services {

core::Result<core::Institution> CreateInstitution(Context& ctx, const Actor& actor,
                                                  core::InstitutionDraft draft) {
  auto valid = core::ValidateInstitution(std::move(draft));
  if (!valid) return std::unexpected(valid.error());
  if (!adapters::TimeZoneExists(valid->time_zone)) {
    return core::InvalidArgument("time_zone", "unknown time zone " + valid->time_zone);
  }
  core::Institution inst{adapters::NewId(), valid->name,    valid->city,
                         valid->state,      valid->country, valid->time_zone,
                         valid->website,    core::FormatIso8601(ctx.clock.Now())};
  auto r = ctx.db.Run<core::Institution>([&](store::Tx& tx) -> core::Result<core::Institution> {
    store::InsertInstitution(tx, inst);
    store::AppendAudit(tx, {adapters::NewId(), inst.created_at, actor.user_id, actor.ip,
                            "institution.create", "institution", inst.id, inst.id, ""});
    return inst;
  });
  if (!r && r.error().code == core::ErrorCode::kConflict) {
    return std::unexpected(core::Error{core::ErrorCode::kConflict,
                                       "an institution with this name already exists in this city",
                                       "name", r.error().detail});
  }
  return r;
}

core::Result<std::vector<core::Institution>> ListInstitutions(Context& ctx) {
  return ctx.db.Run<std::vector<core::Institution>>(
      [&](store::Tx& tx) -> core::Result<std::vector<core::Institution>> {
        return store::ListInstitutions(tx, 500);
      });
}

core::Result<core::Institution> GetInstitution(Context& ctx, const std::string& id) {
  return ctx.db.Run<core::Institution>([&](store::Tx& tx) -> core::Result<core::Institution> {
    auto found = store::FindInstitution(tx, id);
    if (!found) return core::NotFound("no such institution");
    return *found;
  });
}

}  // namespace clerkship::services
