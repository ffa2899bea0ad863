#include "core/scorecard.h"

namespace clerkship::core {

bool IsRecommendation(const std::string& r) {
  return r == "strong_yes" || r == "yes" || r == "no" || r == "strong_no";
}

Result<int> ScorecardTotal(const std::vector<Criterion>& rubric, const std::map<std::string, int>& scores,
                           bool complete) {
  for (const auto& [key, value] : scores) {
    bool known = false;
    for (const auto& c : rubric) known = known || c.key == key;
    if (!known) return InvalidArgument("scores." + key, "not a criterion of the rubric");
    if (value < 1 || value > 5) return InvalidArgument("scores." + key, "a score is 1 to 5");
  }
  int total = 0;
  for (const auto& c : rubric) {
    auto it = scores.find(c.key);
    if (it == scores.end()) {
      if (complete) return InvalidArgument("scores." + c.key, "score " + c.label + " from 1 to 5 before submitting");
      continue;
    }
    total += c.weight * it->second * 20;
  }
  return total;
}

int AverageTotal(const std::vector<int>& totals) {
  if (totals.empty()) return -1;
  long long sum = 0;
  for (int t : totals) sum += t;
  long long n = static_cast<long long>(totals.size());
  return static_cast<int>((sum * 2 + n) / (2 * n));
}

}  // namespace clerkship::core
