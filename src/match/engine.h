// Stable matching engine: applicant-proposing deferred acceptance with capacities, extended in
// the Roth–Peranson way to couples and multi-block (k placements, no overlapping dates).
// Pure and deterministic; RunMatch is reentrant (no shared state).
#pragma once

#include <cstdint>
#include <vector>

#include "match/instance.h"

namespace clerkship::match {

struct MatchOptions {
  // Iteration guard: the most agent steps (one applicant or couple choosing its best available
  // option) before the procedure gives up. 0 = 8 × (all rank-list entries) + 100,000.
  int64_t max_steps = 0;
};

struct MatchResult {
  Matching matching;      // always feasible: capacities, acceptability, k and dates respected
  bool stable = true;     // no blocking pair (checked with Verify() whenever not converged)
  bool converged = true;  // false when a cycle was broken or the step guard stopped the run
  int32_t set_aside = 0;  // agents set aside (left where they stood) to break a cycle
  std::vector<BlockingPair> blocking_pairs;  // empty when stable
  int64_t proposals = 0;  // applications a program evaluated (including re-applications)
  int64_t steps = 0;      // agent steps taken
};

// Matches a valid instance (Validate() succeeded; otherwise behaviour is undefined).
// Without couples and with every max_assignments == 1 the result is the applicant-optimal
// stable matching. Otherwise the result is stable whenever the procedure converges. An agent
// that moves more than 1,000 times while one couple settles is cycling: it is set aside where
// it stands and the run continues; when that happened or the step guard stopped the run,
// `stable` comes from Verify() and `blocking_pairs` lists every blocking pair (verifier.h).
[[nodiscard]] MatchResult RunMatch(const Instance& instance, const MatchOptions& options = {});

}  // namespace clerkship::match
