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
  bool stable = true;     // no blocking pair (verified with Verify() when not converged)
  bool converged = true;  // false when the iteration guard stopped the procedure
  std::vector<BlockingPair> blocking_pairs;  // empty when stable
  int64_t proposals = 0;  // applications a program evaluated (including re-applications)
  int64_t steps = 0;      // agent steps taken
};

// Matches a valid instance (Validate() succeeded; otherwise behaviour is undefined).
// Without couples and with every max_assignments == 1 the result is the applicant-optimal
// stable matching. Otherwise the result is stable whenever the procedure converges; when the
// guard stops it, `stable` is false unless the state reached happens to be stable, and
// `blocking_pairs` lists every blocking pair (see verifier.h for the definition).
[[nodiscard]] MatchResult RunMatch(const Instance& instance, const MatchOptions& options = {});

}  // namespace clerkship::match
