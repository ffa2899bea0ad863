// An interviewer's scorecard (issue 7): the institution's rubric scored 1..5
// per criterion, a recommendation and notes. Pure.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/rubric.h"

namespace clerkship::core {

// strong_yes | yes | no | strong_no.
bool IsRecommendation(const std::string& r);

// The weighted total in hundredths of a point out of 100 (like review
// scores: weight × score × 20). With `complete` every criterion needs a score
// (a submitted card); a draft may leave some out (they count 0). Errors name
// "scores.<key>" (not 1..5, or not a criterion of the rubric).
Result<int> ScorecardTotal(const std::vector<Criterion>& rubric, const std::map<std::string, int>& scores,
                           bool complete);

// The mean of the totals, rounded to the nearest hundredth; -1 when empty.
int AverageTotal(const std::vector<int>& totals);

}  // namespace clerkship::core
