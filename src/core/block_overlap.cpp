#include "core/block_overlap.h"

namespace clerkship::core {

std::vector<OverlapWarning> OverlapWarnings(const std::vector<ChosenBlock>& chosen,
                                            const std::vector<HeldRotation>& held) {
  std::vector<OverlapWarning> out;
  for (size_t i = 0; i < chosen.size(); ++i) {
    const auto& b = chosen[i];
    for (const auto& h : held) {
      if (!DatesOverlap(b.start_date, b.end_date, h.start_date, h.end_date)) continue;
      std::string where = h.institution.empty() ? "" : " at " + h.institution;
      out.push_back({"block_ids[" + std::to_string(i) + "]",
                     "Your choice " + std::to_string(i + 1) + " (" + b.start_date + " to " + b.end_date +
                         ") overlaps your accepted rotation " + h.title + where + " (" + h.start_date + " to " +
                         h.end_date + ")."});
    }
  }
  return out;
}

}  // namespace clerkship::core
