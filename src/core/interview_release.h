// Fair release of interview slots (issue 7; docs/interviews.md,
// docs/decisions/014-fair-release-and-scorecards.md): the seeded random order
// of a "randomized window", each applicant's turn, the validation of ranked
// slot preferences, and the batch assignment by random serial dictatorship.
// Pure and deterministic for a given seed.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace clerkship::core {

// Modes of an offering's interview release.
inline constexpr const char* kReleaseFirstCome = "first_come";
inline constexpr const char* kReleaseRandomized = "randomized";
inline constexpr const char* kReleasePreferences = "preferences";
bool IsReleaseMode(const std::string& mode);

// Window between two turns: 1..1440 minutes.
Status ValidateWindowMinutes(int minutes);

// The ids in a random order fixed by `seed`: the ids are sorted first, so the
// order depends only on the set of ids and the seed (a Fisher–Yates shuffle
// driven by splitmix64, identical on every platform and compiler).
std::vector<std::string> SeededOrder(std::vector<std::string> ids, std::uint64_t seed);

// Minutes after the release at which the applicant at 0-based `position`
// may book: position × window.
inline long long TurnOffsetMinutes(int position, int window_minutes) {
  return static_cast<long long>(position) * window_minutes;
}

// A ranking of slots, best first: 1..50 entries, no slot twice (no ties), each
// one of `offered`. Errors name "slot_ids" or "slot_ids[i]".
Status ValidatePreferences(const std::vector<std::string>& ranking, const std::vector<std::string>& offered);

struct AssignmentInput {
  // Application id → its ranked slot ids (best first; validated).
  std::map<std::string, std::vector<std::string>> preferences;
  // Slot id → places still free (capacity − booked; 0 for a past slot).
  std::map<std::string, int> free_places;
  std::uint64_t seed = 0;
};
struct Assignment {
  std::vector<std::string> order;                  // the serial order drawn from the seed
  std::map<std::string, std::string> slot_of;      // application → slot (assigned ones)
  std::vector<std::string> unassigned;             // in serial order: every ranked slot was full
};
// Random serial dictatorship: applicants in SeededOrder(seed) each take their
// best-ranked slot that still has a free place. Never gives a slot more than
// its free places; a slot missing from free_places counts as full.
Assignment AssignByPreferences(const AssignmentInput& in);

}  // namespace clerkship::core
