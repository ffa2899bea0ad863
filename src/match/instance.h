// The matching problem in dense form: programs, applicants and couples addressed by index.
// Plain values, no invariants enforced here; run Validate() (validate.h) before RunMatch().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace clerkship::match {

// Marks "no program" (a couple member left unmatched) or "no applicant/couple".
inline constexpr int32_t kNone = -1;

// Inclusive date range in days since 1970-01-01.
struct Dates {
  int32_t start = 0;
  int32_t end = 0;
};

struct Program {
  int64_t capacity = 0;
  std::vector<int32_t> ranking;  // applicant indices, most preferred first
  bool has_dates = false;        // without dates a program overlaps nothing
  Dates dates;
};

struct Applicant {
  std::vector<int32_t> ranking;  // program indices, most preferred first; empty for couple members
  int32_t max_assignments = 1;   // k: at most k programs, pairwise non-overlapping
};

// One entry of a couple's joint list: a program for each member, kNone = that member unmatched.
struct ProgramPair {
  int32_t first = kNone;
  int32_t second = kNone;
  friend bool operator==(const ProgramPair&, const ProgramPair&) = default;
};

struct Couple {
  int32_t first = kNone;             // applicant index of the member taking ProgramPair::first
  int32_t second = kNone;            // applicant index of the member taking ProgramPair::second
  std::vector<ProgramPair> ranking;  // most preferred first; both-unmatched is implicitly last
};

struct Instance {
  std::vector<Program> programs;
  std::vector<Applicant> applicants;
  std::vector<Couple> couples;
};

// An assignment: for every applicant the programs it holds (index = applicant).
struct Matching {
  std::vector<std::vector<int32_t>> assignments;
};

// A blocking pair. For a single applicant: (applicant, program). For a couple: the couple
// and the pair of programs (either may be kNone) it would rather have and could get.
struct BlockingPair {
  enum class Kind : uint8_t { kApplicant, kCouple };
  Kind kind = Kind::kApplicant;
  int32_t agent = kNone;  // applicant index (kApplicant) or couple index (kCouple)
  ProgramPair programs;   // kApplicant: programs.first is the program, .second is kNone
  friend bool operator==(const BlockingPair&, const BlockingPair&) = default;
};

// True when both programs carry dates and the inclusive ranges share at least one day.
inline bool Overlaps(const Program& a, const Program& b) {
  return a.has_dates && b.has_dates && a.dates.start <= b.dates.end && b.dates.start <= a.dates.end;
}

}  // namespace clerkship::match
