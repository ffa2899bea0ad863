// An institution's review rubric: the criteria reviewers score 1..5 and their
// weights. Pure.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace clerkship::core {

struct Criterion {
  std::string key;    // [a-z0-9_], 1..40, unique in the rubric
  std::string label;  // 1..80 characters of text
  int weight = 0;     // 1..100; the weights of a rubric sum to 100
};

// The rubric an institution starts with: academics 30, clinical experience
// 30, letters 20, fit 20.
std::vector<Criterion> DefaultRubric();

// 1..10 criteria; each error names the field, e.g. "rubric[2].weight".
// Labels are trimmed in place.
Status ValidateRubric(std::vector<Criterion>& rubric);

// The days an application may wait for a first decision before the
// coordinators are reminded: 1..90.
Status ValidateTargetDays(int days);

}  // namespace clerkship::core
