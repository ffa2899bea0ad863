#include "match/validate.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace clerkship::match {
namespace {

std::string Describe(std::string_view kind, int32_t index,
                     const std::vector<std::string_view>* names) {
  std::string out(kind);
  if (names != nullptr && index >= 0 && static_cast<size_t>(index) < names->size()) {
    out += " \"";
    out += (*names)[index];
    out += '"';
  } else {
    out += " #" + std::to_string(index);
  }
  return out;
}

std::unexpected<InputError> Fail(InputError::Entity entity, int32_t index, std::string message) {
  return std::unexpected(InputError{entity, index, std::move(message)});
}

std::string ProgramOrNone(int32_t index, const Names* names) {
  return index == kNone ? std::string("null") : DescribeProgram(index, names);
}

}  // namespace

std::string DescribeProgram(int32_t index, const Names* names) {
  return Describe("program", index, names ? &names->programs : nullptr);
}
std::string DescribeApplicant(int32_t index, const Names* names) {
  return Describe("applicant", index, names ? &names->applicants : nullptr);
}
std::string DescribeCouple(int32_t index, const Names* names) {
  return Describe("couple", index, names ? &names->couples : nullptr);
}

std::expected<void, InputError> Validate(const Instance& in, const Names* names) {
  using Entity = InputError::Entity;
  const auto n_programs = static_cast<int32_t>(in.programs.size());
  const auto n_applicants = static_cast<int32_t>(in.applicants.size());
  const auto n_couples = static_cast<int32_t>(in.couples.size());

  // seen[x] = 1-based position of x in the list being checked, tagged by owner so that the
  // arrays never need clearing: (owner + 1) in the high half, position in the low half.
  std::vector<uint64_t> seen_applicant(n_applicants, 0);
  for (int32_t p = 0; p < n_programs; ++p) {
    const Program& program = in.programs[p];
    if (program.capacity < 0) {
      return Fail(
          Entity::kProgram, p,
          DescribeProgram(p, names) + ": negative capacity " + std::to_string(program.capacity));
    }
    if (program.has_dates && program.dates.start > program.dates.end) {
      return Fail(Entity::kProgram, p, DescribeProgram(p, names) + ": start is after end");
    }
    const uint64_t tag = static_cast<uint64_t>(p + 1) << 32;
    for (size_t i = 0; i < program.ranking.size(); ++i) {
      const int32_t a = program.ranking[i];
      if (a < 0 || a >= n_applicants) {
        return Fail(Entity::kProgram, p,
                    DescribeProgram(p, names) + ": ranking position " + std::to_string(i + 1) +
                        " is not a known applicant");
      }
      if ((seen_applicant[a] >> 32 << 32) == tag) {
        return Fail(Entity::kProgram, p,
                    DescribeProgram(p, names) + ": ranking lists " + DescribeApplicant(a, names) +
                        " twice (positions " + std::to_string(seen_applicant[a] & 0xffffffffu) +
                        " and " + std::to_string(i + 1) + "); ties and duplicates are not allowed");
      }
      seen_applicant[a] = tag | (i + 1);
    }
  }

  std::vector<int32_t> couple_of(n_applicants, kNone);
  for (int32_t c = 0; c < n_couples; ++c) {
    const Couple& couple = in.couples[c];
    for (int32_t member : {couple.first, couple.second}) {
      if (member < 0 || member >= n_applicants) {
        return Fail(Entity::kCouple, c,
                    DescribeCouple(c, names) + ": member is not a known applicant");
      }
      if (couple_of[member] != kNone) {
        return Fail(Entity::kCouple, c,
                    DescribeCouple(c, names) + ": " + DescribeApplicant(member, names) +
                        " is already a member of " + DescribeCouple(couple_of[member], names));
      }
      couple_of[member] = c;
      if (couple.first == couple.second) {
        return Fail(
            Entity::kCouple, c,
            DescribeCouple(c, names) + ": both members are " + DescribeApplicant(member, names));
      }
    }
    std::vector<std::pair<ProgramPair, size_t>> sorted;
    sorted.reserve(couple.ranking.size());
    for (size_t i = 0; i < couple.ranking.size(); ++i) {
      const ProgramPair& pair = couple.ranking[i];
      for (int32_t p : {pair.first, pair.second}) {
        if (p != kNone && (p < 0 || p >= n_programs)) {
          return Fail(Entity::kCouple, c,
                      DescribeCouple(c, names) + ": ranking position " + std::to_string(i + 1) +
                          " names an unknown program");
        }
      }
      if (pair.first == kNone && pair.second == kNone) {
        return Fail(Entity::kCouple, c,
                    DescribeCouple(c, names) + ": ranking position " + std::to_string(i + 1) +
                        " is [null, null] (both unmatched is implicitly last)");
      }
      sorted.emplace_back(pair, i);
    }
    std::sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
      return std::tie(x.first.first, x.first.second, x.second) <
             std::tie(y.first.first, y.first.second, y.second);
    });
    for (size_t i = 1; i < sorted.size(); ++i) {
      if (sorted[i].first == sorted[i - 1].first) {
        const ProgramPair& pair = sorted[i].first;
        return Fail(
            Entity::kCouple, c,
            DescribeCouple(c, names) + ": ranking lists [" + ProgramOrNone(pair.first, names) +
                ", " + ProgramOrNone(pair.second, names) + "] twice (positions " +
                std::to_string(sorted[i - 1].second + 1) + " and " +
                std::to_string(sorted[i].second + 1) + "); ties and duplicates are not allowed");
      }
    }
  }

  std::vector<uint64_t> seen_program(n_programs, 0);
  for (int32_t a = 0; a < n_applicants; ++a) {
    const Applicant& applicant = in.applicants[a];
    if (couple_of[a] != kNone) {
      if (!applicant.ranking.empty()) {
        return Fail(Entity::kApplicant, a,
                    DescribeApplicant(a, names) + ": is a member of " +
                        DescribeCouple(couple_of[a], names) +
                        " and must not have its own ranking (the couple ranks jointly)");
      }
      if (applicant.max_assignments != 1) {
        return Fail(Entity::kApplicant, a,
                    DescribeApplicant(a, names) + ": is a member of " +
                        DescribeCouple(couple_of[a], names) + " and must have max_assignments 1");
      }
      continue;
    }
    if (applicant.max_assignments < 1) {
      return Fail(Entity::kApplicant, a,
                  DescribeApplicant(a, names) + ": max_assignments must be at least 1 (got " +
                      std::to_string(applicant.max_assignments) + ")");
    }
    const uint64_t tag = static_cast<uint64_t>(a + 1) << 32;
    for (size_t i = 0; i < applicant.ranking.size(); ++i) {
      const int32_t p = applicant.ranking[i];
      if (p < 0 || p >= n_programs) {
        return Fail(Entity::kApplicant, a,
                    DescribeApplicant(a, names) + ": ranking position " + std::to_string(i + 1) +
                        " is not a known program");
      }
      if ((seen_program[p] >> 32 << 32) == tag) {
        return Fail(Entity::kApplicant, a,
                    DescribeApplicant(a, names) + ": ranking lists " + DescribeProgram(p, names) +
                        " twice (positions " + std::to_string(seen_program[p] & 0xffffffffu) +
                        " and " + std::to_string(i + 1) + "); ties and duplicates are not allowed");
      }
      seen_program[p] = tag | (i + 1);
    }
  }
  return {};
}

}  // namespace clerkship::match
