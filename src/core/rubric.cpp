#include "core/rubric.h"

#include <set>

#include "core/text.h"

namespace clerkship::core {

std::vector<Criterion> DefaultRubric() {
  return {{"academics", "Academics", 30},
          {"clinical_experience", "Clinical experience", 30},
          {"letters", "Letters", 20},
          {"fit", "Fit", 20}};
}

Status ValidateRubric(std::vector<Criterion>& rubric) {
  if (rubric.empty()) return InvalidArgument("rubric", "a rubric needs at least one criterion");
  if (rubric.size() > 10) return InvalidArgument("rubric", "a rubric has at most 10 criteria");
  std::set<std::string> keys;
  int sum = 0;
  for (size_t i = 0; i < rubric.size(); ++i) {
    auto& c = rubric[i];
    const std::string at = "rubric[" + std::to_string(i) + "]";
    if (c.key.empty() || c.key.size() > 40) return InvalidArgument(at + ".key", "a key has 1 to 40 characters");
    for (char ch : c.key) {
      if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) {
        return InvalidArgument(at + ".key", "a key uses only a-z, 0-9 and _");
      }
    }
    if (!keys.insert(c.key).second) return InvalidArgument(at + ".key", "the key " + c.key + " is used twice");
    if (!IsValidUtf8(c.label)) return InvalidArgument(at + ".label", "the label is not valid text");
    c.label = Trim(c.label);
    if (c.label.empty()) return InvalidArgument(at + ".label", "each criterion needs a label");
    if (c.label.size() > 80) return InvalidArgument(at + ".label", "a label has at most 80 characters");
    if (c.weight < 1 || c.weight > 100) return InvalidArgument(at + ".weight", "a weight is 1 to 100");
    sum += c.weight;
  }
  if (sum != 100) {
    return InvalidArgument("rubric", "the weights must add up to 100 (they add up to " + std::to_string(sum) + ")");
  }
  return {};
}

Status ValidateTargetDays(int days) {
  if (days < 1 || days > 90) return InvalidArgument("target_days", "the target is 1 to 90 days");
  return {};
}

}  // namespace clerkship::core
