// Input validation for the match engine: everything RunMatch() assumes about an Instance.
// Pure; error messages name the offending entry (by id when Names are given, else by #index).
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "match/instance.h"

namespace clerkship::match {

// Display names (the external ids) of the instance's entries, index-aligned with it.
struct Names {
  std::vector<std::string_view> programs;
  std::vector<std::string_view> applicants;
  std::vector<std::string_view> couples;
};

struct InputError {
  enum class Entity : uint8_t { kDocument, kProgram, kApplicant, kCouple };
  Entity entity = Entity::kDocument;
  int32_t index = kNone;  // index of the offending entry of that kind
  std::string message;    // complete sentence fragment, e.g. `program "p1": negative capacity -2`
};

// Succeeds when: capacities are >= 0; every index is in range; no rank list repeats an entry
// (a repeat is how a tie would have to be written); start <= end for dated programs;
// max_assignments >= 1; couples have two distinct members, each in at most one couple, with
// max_assignments 1 and no own ranking; couple entries are not [none, none] and not repeated.
// Fails with the first violation found (programs, then couples, then applicants, in order).
[[nodiscard]] std::expected<void, InputError> Validate(const Instance& instance,
                                                       const Names* names = nullptr);

// `program "p1"` (or `program #3` without names); used for messages here and by callers.
std::string DescribeProgram(int32_t index, const Names* names);
std::string DescribeApplicant(int32_t index, const Names* names);
std::string DescribeCouple(int32_t index, const Names* names);

}  // namespace clerkship::match
