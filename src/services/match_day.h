// The scheduled match day (issue 9; docs/match.md "Scheduled match day"): an
// admin marks a round to run and publish by itself at its match_day; the
// serve scheduler (cli/main.cpp, services/jobs.h) calls RunDueMatchDays, which
// claims each due round with a conditional UPDATE so that exactly one server
// process runs it, then runs and publishes it exactly as the admin's buttons
// do. Thread-safe like Context.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "services/context.h"
#include "store/match_day.h"

namespace clerkship::services {

// Admin: schedules (or unschedules) the automatic run. kConflict once the
// round is published or the scheduler has claimed it.
core::Result<store::MatchDayScheduleRow> ScheduleMatchDay(Context& ctx, const Actor& actor,
                                                          const std::string& round_id, bool scheduled);
// Admin: the schedule (scheduled = false when never set).
core::Result<store::MatchDayScheduleRow> GetMatchDaySchedule(Context& ctx, const std::string& round_id);

struct MatchDayOutcome {
  std::string round_id;
  std::string outcome;  // "published: …" or "failed: …"
};
// The job: for each round due now, claim it (one transaction); when this
// process won the claim, run (if not run yet) and publish it (the same use
// cases as the admin's), then record the outcome. Returns what this process did.
core::Result<std::vector<MatchDayOutcome>> RunDueMatchDays(Context& ctx, const std::string& runner);

}  // namespace clerkship::services
