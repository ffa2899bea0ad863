// Deterministic generator of national-scale match instances for benchmarks (bench/ only):
// popularity-skewed, correlated rank lists, couples with joint lists, multi-block applicants.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "match/instance.h"

namespace clerkship::match::bench {

struct GeneratorOptions {
  int32_t applicants = 45'000;
  int32_t programs = 6'000;
  int32_t min_capacity = 1;
  int32_t max_capacity = 12;
  int32_t min_list = 8;  // single applicants' list lengths, uniform in [min, max]
  int32_t max_list = 16;
  double couple_share = 0.05;       // share of applicants who are in a couple
  double multi_share = 0.05;        // share of single applicants with max_assignments 2–3
  double dated_share = 1.0;         // share of programs with start/end dates
  double do_not_rank_share = 0.05;  // applicants a program leaves off its list
  uint64_t seed = 2027;
};

// The instance couple-free and single-block: same sizes, couples=0, multi-block=0.
inline GeneratorOptions CoupleFree(GeneratorOptions options) {
  options.couple_share = 0;
  options.multi_share = 0;
  return options;
}

// splitmix64: portable, so the same seed gives the same instance with any standard library.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  int32_t Between(int32_t lo, int32_t hi) {  // inclusive
    return lo + static_cast<int32_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  double Normal() {  // Box–Muller
    const double u = std::max(Unit(), 1e-300);
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * Unit());
  }

 private:
  uint64_t state_;
};

inline Instance GenerateInstance(const GeneratorOptions& o) {
  Random rng(o.seed);
  Instance in;
  const int32_t n = o.applicants;
  const int32_t m = o.programs;
  in.programs.resize(m);
  in.applicants.resize(n);

  // Programs: capacity, dates (13 four-week blocks from 2027-01-04; a fifth span two blocks),
  // and a popularity that skews who applies where.
  constexpr int32_t kFirstDay = 20822;  // 2027-01-04
  std::vector<double> quality(m);
  std::vector<double> cumulative(m);
  double total = 0;
  for (int32_t p = 0; p < m; ++p) {
    Program& program = in.programs[p];
    program.capacity = rng.Between(o.min_capacity, o.max_capacity);
    if (rng.Unit() < o.dated_share) {
      const int32_t block = rng.Between(0, 12);
      const int32_t weeks = rng.Unit() < 0.2 ? 8 : 4;
      program.has_dates = true;
      program.dates = {kFirstDay + 28 * block, kFirstDay + 28 * block + 7 * weeks - 1};
    }
    quality[p] = rng.Normal();
    total += std::exp(0.8 * quality[p]);
    cumulative[p] = total;
  }
  auto pick_program = [&] {
    const double x = rng.Unit() * total;
    return static_cast<int32_t>(std::upper_bound(cumulative.begin(), cumulative.end(), x) -
                                cumulative.begin());
  };
  // A list of `length` distinct programs, ordered by quality plus personal taste.
  std::vector<uint32_t> seen(m, 0);
  uint32_t stamp = 0;
  auto make_list = [&](int32_t length) {
    ++stamp;
    std::vector<std::pair<double, int32_t>> scored;
    while (static_cast<int32_t>(scored.size()) < length) {
      const int32_t p = std::min(pick_program(), m - 1);
      if (seen[p] == stamp) continue;
      seen[p] = stamp;
      scored.emplace_back(-(quality[p] + 0.7 * rng.Normal()), p);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<int32_t> list;
    for (const auto& [score, p] : scored) list.push_back(p);
    return list;
  };

  // Applicants: the first couple_share of them are in couples (pairs of neighbours).
  std::vector<double> merit(n);
  for (double& x : merit) x = rng.Normal();
  int32_t members = static_cast<int32_t>(o.couple_share * n);
  members -= members % 2;
  std::vector<std::vector<int32_t>> applied(m);  // applicants that put p on a list
  for (int32_t c = 0; 2 * c + 1 < members; ++c) {
    Couple couple{2 * c, 2 * c + 1, {}};
    const std::vector<int32_t> first = make_list(rng.Between(5, 8));
    const std::vector<int32_t> second = make_list(rng.Between(5, 8));
    std::vector<std::pair<int32_t, ProgramPair>> pairs;  // (rank sum, pair)
    for (size_t i = 0; i < first.size(); ++i) {
      for (size_t j = 0; j < second.size(); ++j) {
        pairs.push_back({static_cast<int32_t>(i + j), {first[i], second[j]}});
      }
    }
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    const size_t keep = std::min<size_t>(pairs.size(), rng.Between(10, 18));
    for (size_t k = 0; k < keep; ++k) couple.ranking.push_back(pairs[k].second);
    couple.ranking.push_back({first[0], kNone});  // fall-backs: one of them placed
    couple.ranking.push_back({kNone, second[0]});
    for (const ProgramPair& pair : couple.ranking) {
      if (pair.first != kNone) applied[pair.first].push_back(couple.first);
      if (pair.second != kNone) applied[pair.second].push_back(couple.second);
    }
    in.couples.push_back(std::move(couple));
  }
  for (int32_t a = members; a < n; ++a) {
    Applicant& applicant = in.applicants[a];
    applicant.ranking = make_list(rng.Between(o.min_list, o.max_list));
    if (rng.Unit() < o.multi_share) applicant.max_assignments = rng.Between(2, 3);
    for (int32_t p : applicant.ranking) applied[p].push_back(a);
  }
  // Program lists: everyone who applied (once), by merit plus the program's own view, minus a
  // few it does not rank.
  for (int32_t p = 0; p < m; ++p) {
    auto& who = applied[p];
    std::sort(who.begin(), who.end());
    who.erase(std::unique(who.begin(), who.end()), who.end());
    std::vector<std::pair<double, int32_t>> scored;
    scored.reserve(who.size());
    for (int32_t a : who) {
      if (rng.Unit() < o.do_not_rank_share) continue;
      scored.emplace_back(-(merit[a] + 0.5 * rng.Normal()), a);
    }
    std::sort(scored.begin(), scored.end());
    for (const auto& [score, a] : scored) in.programs[p].ranking.push_back(a);
  }
  return in;
}

inline std::string ApplicantId(int32_t a) { return "a" + std::to_string(100000 + a); }
inline std::string ProgramId(int32_t p) { return "p" + std::to_string(10000 + p); }
inline std::string CoupleId(int32_t c) { return "c" + std::to_string(10000 + c); }

}  // namespace clerkship::match::bench
