#include "match/verifier.h"

#include <algorithm>
#include <utility>

namespace clerkship::match {
namespace {

class Checker {
 public:
  Checker(const Instance& in, const Matching& matching) : in_(in), m_(matching) {}

  StabilityReport Run() {
    const size_t n = in_.applicants.size();
    if (m_.assignments.size() != n) {
      report_.defects.push_back({Defect::Kind::kWrongSize});
      return std::move(report_);
    }
    BuildRanks();
    BuildHolders();
    couple_of_.assign(n, kNone);
    for (size_t c = 0; c < in_.couples.size(); ++c) {
      couple_of_[in_.couples[c].first] = static_cast<int32_t>(c);
      couple_of_[in_.couples[c].second] = static_cast<int32_t>(c);
    }
    for (size_t a = 0; a < n; ++a) {
      if (couple_of_[a] == kNone) CheckSingle(static_cast<int32_t>(a));
    }
    for (size_t c = 0; c < in_.couples.size(); ++c) CheckCouple(static_cast<int32_t>(c));
    return std::move(report_);
  }

 private:
  // ranks_[p]: (applicant, rank) sorted by applicant, for lookups by binary search.
  void BuildRanks() {
    ranks_.resize(in_.programs.size());
    for (size_t p = 0; p < in_.programs.size(); ++p) {
      const auto& ranking = in_.programs[p].ranking;
      auto& sorted = ranks_[p];
      sorted.reserve(ranking.size());
      for (size_t r = 0; r < ranking.size(); ++r) {
        sorted.emplace_back(ranking[r], static_cast<int32_t>(r));
      }
      std::sort(sorted.begin(), sorted.end());
    }
  }

  // Rank of applicant a in program p's list, or -1.
  int32_t RankAt(int32_t p, int32_t a) const {
    const auto& sorted = ranks_[p];
    auto it = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(a, int32_t{-1}));
    return it != sorted.end() && it->first == a ? it->second : -1;
  }

  void BuildHolders() {
    const size_t programs = in_.programs.size();
    holders_.resize(programs);
    for (size_t a = 0; a < m_.assignments.size(); ++a) {
      const auto& got = m_.assignments[a];
      for (size_t i = 0; i < got.size(); ++i) {
        const int32_t p = got[i];
        if (p < 0 || static_cast<size_t>(p) >= programs) {
          report_.defects.push_back({Defect::Kind::kUnknownProgram, static_cast<int32_t>(a), p});
          continue;
        }
        if (std::find(got.begin(), got.begin() + static_cast<std::ptrdiff_t>(i), p) !=
            got.begin() + static_cast<std::ptrdiff_t>(i)) {
          report_.defects.push_back({Defect::Kind::kRepeatedProgram, static_cast<int32_t>(a), p});
          continue;
        }
        const int32_t rank = RankAt(p, static_cast<int32_t>(a));
        if (rank < 0) {
          report_.defects.push_back({Defect::Kind::kUnacceptable, static_cast<int32_t>(a), p});
        }
        holders_[p].emplace_back(rank, static_cast<int32_t>(a));
      }
    }
    for (size_t p = 0; p < programs; ++p) {
      if (static_cast<int64_t>(holders_[p].size()) > in_.programs[p].capacity) {
        report_.defects.push_back({Defect::Kind::kOverCapacity, kNone, static_cast<int32_t>(p)});
      }
    }
  }

  // Whether p admits a single newcomer of this rank (no holder of p is leaving).
  bool AdmitsOne(int32_t p, int32_t rank) const {
    const int64_t capacity = in_.programs[p].capacity;
    const auto held = static_cast<int64_t>(holders_[p].size());
    if (held + 1 <= capacity) return true;
    // Kept iff fewer than `capacity` of H ∪ {a} rank above a.
    int64_t better = 0;
    for (const auto& [r, a] : holders_[p]) better += (r >= 0 && r < rank);
    return better < capacity;
  }

  // Whether p admits all of `newcomers` (ranks) once holders `leaving` have gone.
  bool AdmitsAll(int32_t p, const std::vector<int32_t>& newcomers,
                 const std::vector<int32_t>& leaving) const {
    const int64_t capacity = in_.programs[p].capacity;
    std::vector<int32_t> pool;  // ranks of everyone p would choose among
    for (const auto& [r, a] : holders_[p]) {
      if (std::find(leaving.begin(), leaving.end(), a) == leaving.end()) pool.push_back(r);
    }
    pool.insert(pool.end(), newcomers.begin(), newcomers.end());
    if (static_cast<int64_t>(pool.size()) <= capacity) return true;
    for (int32_t rank : newcomers) {
      int64_t better = 0;
      for (int32_t r : pool) better += (r >= 0 && r < rank);
      if (better >= capacity) return false;
    }
    return true;
  }

  void CheckSingle(int32_t a) {
    const Applicant& applicant = in_.applicants[a];
    const auto& list = applicant.ranking;
    const auto& got = m_.assignments[a];
    // Positions of held programs in a's own list (unknown or repeated ones are already defects).
    std::vector<int32_t> held_pos;
    for (int32_t p : got) {
      if (p < 0 || static_cast<size_t>(p) >= in_.programs.size()) continue;
      auto it = std::find(list.begin(), list.end(), p);
      if (it == list.end()) {
        report_.defects.push_back({Defect::Kind::kUnacceptable, a, p});
        continue;
      }
      held_pos.push_back(static_cast<int32_t>(it - list.begin()));
    }
    std::sort(held_pos.begin(), held_pos.end());
    held_pos.erase(std::unique(held_pos.begin(), held_pos.end()), held_pos.end());
    if (static_cast<int64_t>(held_pos.size()) > applicant.max_assignments) {
      report_.defects.push_back({Defect::Kind::kTooMany, a});
    }
    for (size_t i = 0; i < held_pos.size(); ++i) {
      for (size_t j = i + 1; j < held_pos.size(); ++j) {
        if (Overlaps(in_.programs[list[held_pos[i]]], in_.programs[list[held_pos[j]]])) {
          report_.defects.push_back({Defect::Kind::kOverlap, a, list[held_pos[j]]});
        }
      }
    }
    for (size_t i = 0; i < list.size(); ++i) {
      const int32_t p = list[i];
      if (std::binary_search(held_pos.begin(), held_pos.end(), static_cast<int32_t>(i))) continue;
      const int32_t rank = RankAt(p, a);
      if (rank < 0 || !AdmitsOne(p, rank)) continue;
      if (WouldChoose(a, held_pos, static_cast<int32_t>(i))) {
        report_.blocking_pairs.push_back({BlockingPair::Kind::kApplicant, a, {p, kNone}});
      }
    }
  }

  // Whether a's choice from its held programs plus list position `extra` includes `extra`.
  bool WouldChoose(int32_t a, const std::vector<int32_t>& held_pos, int32_t extra) const {
    const Applicant& applicant = in_.applicants[a];
    std::vector<int32_t> options = held_pos;
    options.insert(std::upper_bound(options.begin(), options.end(), extra), extra);
    std::vector<int32_t> taken;
    for (int32_t pos : options) {
      if (static_cast<int64_t>(taken.size()) >= applicant.max_assignments) break;
      const Program& program = in_.programs[applicant.ranking[pos]];
      bool clash = false;
      for (int32_t t : taken)
        clash = clash || Overlaps(program, in_.programs[applicant.ranking[t]]);
      if (clash) continue;
      if (pos == extra) return true;
      taken.push_back(pos);
    }
    return false;
  }

  void CheckCouple(int32_t c) {
    const Couple& couple = in_.couples[c];
    const auto& got1 = m_.assignments[couple.first];
    const auto& got2 = m_.assignments[couple.second];
    if (got1.size() > 1) report_.defects.push_back({Defect::Kind::kTooMany, couple.first});
    if (got2.size() > 1) report_.defects.push_back({Defect::Kind::kTooMany, couple.second});
    const ProgramPair current{got1.empty() ? kNone : got1[0], got2.empty() ? kNone : got2[0]};
    size_t position = couple.ranking.size();  // both unmatched: below every entry
    if (current.first != kNone || current.second != kNone) {
      auto it = std::find(couple.ranking.begin(), couple.ranking.end(), current);
      if (it == couple.ranking.end()) {
        report_.defects.push_back({Defect::Kind::kCoupleNotListed, kNone, kNone, c});
      } else {
        position = static_cast<size_t>(it - couple.ranking.begin());
      }
    }
    const std::vector<int32_t> leaving{couple.first, couple.second};
    for (size_t j = 0; j < position; ++j) {
      const ProgramPair& pair = couple.ranking[j];
      const int32_t r1 = pair.first == kNone ? -1 : RankAt(pair.first, couple.first);
      const int32_t r2 = pair.second == kNone ? -1 : RankAt(pair.second, couple.second);
      if ((pair.first != kNone && r1 < 0) || (pair.second != kNone && r2 < 0)) continue;
      bool admitted;
      if (pair.first != kNone && pair.first == pair.second) {
        admitted = AdmitsAll(pair.first, {r1, r2}, leaving);
      } else {
        admitted = (pair.first == kNone || AdmitsAll(pair.first, {r1}, leaving)) &&
                   (pair.second == kNone || AdmitsAll(pair.second, {r2}, leaving));
      }
      if (admitted) report_.blocking_pairs.push_back({BlockingPair::Kind::kCouple, c, pair});
    }
  }

  const Instance& in_;
  const Matching& m_;
  StabilityReport report_;
  std::vector<std::vector<std::pair<int32_t, int32_t>>> ranks_;    // (applicant, rank)
  std::vector<std::vector<std::pair<int32_t, int32_t>>> holders_;  // (rank, applicant)
  std::vector<int32_t> couple_of_;
};

}  // namespace

StabilityReport Verify(const Instance& instance, const Matching& matching) {
  return Checker(instance, matching).Run();
}

std::string DescribeDefect(const Defect& d) {
  auto a = [&] { return "applicant #" + std::to_string(d.applicant); };
  auto p = [&] { return "program #" + std::to_string(d.program); };
  switch (d.kind) {
    case Defect::Kind::kWrongSize:
      return "assignment does not list every applicant";
    case Defect::Kind::kUnknownProgram:
      return a() + " is assigned an unknown " + p();
    case Defect::Kind::kRepeatedProgram:
      return a() + " is assigned " + p() + " twice";
    case Defect::Kind::kUnacceptable:
      return a() + " and " + p() + " do not rank each other";
    case Defect::Kind::kTooMany:
      return a() + " holds more programs than max_assignments";
    case Defect::Kind::kOverlap:
      return a() + " holds " + p() + " overlapping another program";
    case Defect::Kind::kOverCapacity:
      return p() + " holds more applicants than its capacity";
    case Defect::Kind::kCoupleNotListed:
      return "couple #" + std::to_string(d.couple) + " holds a pair not in its joint list";
  }
  return "unknown defect";
}

}  // namespace clerkship::match
