#include "core/interview_release.h"

#include <algorithm>
#include <set>

namespace clerkship::core {
namespace {

// splitmix64: a tiny, well-mixed generator whose output is fixed by the seed.
std::uint64_t Next(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Uniform in [0, n) without modulo bias.
std::uint64_t Below(std::uint64_t& state, std::uint64_t n) {
  std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  for (;;) {
    std::uint64_t r = Next(state);
    if (r < limit) return r % n;
  }
}

}  // namespace

bool IsReleaseMode(const std::string& mode) {
  return mode == kReleaseFirstCome || mode == kReleaseRandomized || mode == kReleasePreferences;
}

Status ValidateWindowMinutes(int minutes) {
  if (minutes < 1 || minutes > 1440) return InvalidArgument("window_minutes", "the window is 1 to 1440 minutes");
  return {};
}

std::vector<std::string> SeededOrder(std::vector<std::string> ids, std::uint64_t seed) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::uint64_t state = seed;
  for (size_t i = ids.size(); i > 1; --i) {
    size_t j = static_cast<size_t>(Below(state, i));
    std::swap(ids[i - 1], ids[j]);
  }
  return ids;
}

Status ValidatePreferences(const std::vector<std::string>& ranking, const std::vector<std::string>& offered) {
  if (ranking.empty()) return InvalidArgument("slot_ids", "rank at least one slot you can make");
  if (ranking.size() > 50) return InvalidArgument("slot_ids", "rank at most 50 slots");
  std::set<std::string> known(offered.begin(), offered.end());
  std::set<std::string> seen;
  for (size_t i = 0; i < ranking.size(); ++i) {
    std::string field = "slot_ids[" + std::to_string(i) + "]";
    if (!known.contains(ranking[i])) return InvalidArgument(field, "not an open slot of this offering");
    if (!seen.insert(ranking[i]).second) {
      return InvalidArgument(field, "this slot is ranked twice; each rank holds one slot (no ties)");
    }
  }
  return {};
}

Assignment AssignByPreferences(const AssignmentInput& in) {
  Assignment out;
  std::vector<std::string> ids;
  for (const auto& [app, _] : in.preferences) ids.push_back(app);
  out.order = SeededOrder(std::move(ids), in.seed);
  std::map<std::string, int> free = in.free_places;
  for (const auto& app : out.order) {
    bool placed = false;
    for (const auto& slot : in.preferences.at(app)) {
      auto it = free.find(slot);
      if (it == free.end() || it->second <= 0) continue;
      --it->second;
      out.slot_of[app] = slot;
      placed = true;
      break;
    }
    if (!placed) out.unassigned.push_back(app);
  }
  return out;
}

}  // namespace clerkship::core
