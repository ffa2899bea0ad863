// Stability verifier: checks that an assignment is feasible and lists every blocking pair.
// Written independently of the engine (shares only the Instance types); pure, reentrant.
//
// Definitions (also in docs/match.md). A pair is acceptable only if each side ranks the other.
// * Program p "admits" a set S of new applicants given its current holders H when, after p
//   keeps the best `capacity` of H ∪ S by its ranking, all of S are kept.
// * Single applicant a (max_assignments k) and program p with a not at p block when a and p
//   rank each other, p admits {a}, and a's choice from M(a) ∪ {p} contains p. a's choice from a
//   set: walk a's ranking, take each program that overlaps no program taken so far, stop at k
//   taken. (k = 1: a is unmatched or ranks p above its program.)
// * Couple c and a pair (p, q) from its joint list block when (p, q) is listed above the
//   couple's current pair (both unmatched counts as below every entry), every non-null program
//   ranks the member it would receive, and, with the couple's own current seats vacated, p
//   admits the member(s) it would receive and so does q (if p == q, both members together).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "match/instance.h"

namespace clerkship::match {

// A way in which an assignment is not a matching at all (a bug in whatever produced it).
struct Defect {
  enum class Kind : uint8_t {
    kWrongSize,        // assignments.size() != number of applicants
    kUnknownProgram,   // program index out of range
    kRepeatedProgram,  // the same program twice for one applicant
    kUnacceptable,     // applicant and program do not rank each other
    kTooMany,          // more programs than max_assignments
    kOverlap,          // two assigned programs with overlapping dates
    kOverCapacity,     // a program holds more than its capacity
    kCoupleNotListed,  // a couple's programs are not an entry of its joint list
  };
  Kind kind = Kind::kWrongSize;
  int32_t applicant = kNone;
  int32_t program = kNone;
  int32_t couple = kNone;
};

struct StabilityReport {
  std::vector<Defect> defects;               // empty for a feasible assignment
  std::vector<BlockingPair> blocking_pairs;  // single applicants (by index), then couples
  bool Stable() const { return defects.empty() && blocking_pairs.empty(); }
};

// Checks `matching` against a valid `instance`. Never fails; problems are in the report.
[[nodiscard]] StabilityReport Verify(const Instance& instance, const Matching& matching);

// A one-line English description, e.g. "program #3 holds 4 applicants over capacity 3".
std::string DescribeDefect(const Defect& defect);

}  // namespace clerkship::match
