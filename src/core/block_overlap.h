// Overlap of the blocks an application chooses with rotations the applicant
// already holds (placements scheduled or in progress): a warning, never a
// refusal (docs/decisions/015-applications-rest.md). Pure; thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "core/offers.h"  // DatesOverlap

namespace clerkship::core {

// An accepted rotation: a placement that is scheduled or in progress.
struct HeldRotation {
  std::string title;        // the offering's title
  std::string institution;  // its institution's name
  std::string start_date;   // YYYY-MM-DD, inclusive
  std::string end_date;     // YYYY-MM-DD, inclusive
};

struct ChosenBlock {
  std::string start_date;
  std::string end_date;
};

struct OverlapWarning {
  std::string field;    // "block_ids[i]" (the chosen block, in preference order)
  std::string message;  // names the rotation and both date ranges

  bool operator==(const OverlapWarning&) const = default;
};

// One warning per (chosen block, held rotation) pair that overlaps, in block
// order, then rotation order.
std::vector<OverlapWarning> OverlapWarnings(const std::vector<ChosenBlock>& chosen,
                                            const std::vector<HeldRotation>& held);

}  // namespace clerkship::core
