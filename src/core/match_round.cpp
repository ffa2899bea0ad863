#include "core/match_round.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.h"
#include "core/dates.h"

namespace clerkship::core {

const std::vector<std::string> kMatchRoundStatuses = {"draft", "open", "ranking_closed", "matched", "published"};

namespace {

struct Step {
  const char* action;
  const char* from;
  const char* to;
};
const Step kSteps[] = {
    {"open", "draft", "open"},
    {"close_ranking", "open", "ranking_closed"},
    {"run", "ranking_closed", "matched"},
    {"publish", "matched", "published"},
};

std::string Index(const char* field, size_t i) { return std::string(field) + "[" + std::to_string(i) + "]"; }

bool IsEligible(const std::vector<MatchEligibility>& eligible, const std::string& applicant_id, const std::string& block_id) {
  return std::any_of(eligible.begin(), eligible.end(), [&](const MatchEligibility& e) {
    return e.applicant_id == applicant_id && e.block_id == block_id;
  });
}

}  // namespace

Result<std::string> NextRoundStatus(const std::string& from, const std::string& action) {
  for (const auto& s : kSteps) {
    if (action != s.action) continue;
    if (from == s.from) return std::string(s.to);
    if (action == "run" && (from == "matched" || from == "published")) {
      return Conflict("this round has already been run");
    }
    if (action == "publish" && from == "published") return Conflict("this round is already published");
    return Conflict("a round that is " + from + " cannot " + (action == "close_ranking" ? "close ranking" : action) +
                    " (it must be " + s.from + ")");
  }
  return InvalidArgument("action", "unknown action: " + action + " (open, close_ranking, run or publish)");
}

bool EligibleForMatch(const std::string& s) {
  return s == "submitted" || s == "under_review" || s == "interview" || s == "waitlisted";
}

Status ValidateTimeline(const RoundTimeline& t) {
  auto close = ParseIso8601(t.applications_close);
  if (!close) return InvalidArgument("applications_close", "write a UTC time like 2027-02-01T17:00:00Z");
  auto due = ParseIso8601(t.rank_lists_due);
  if (!due) return InvalidArgument("rank_lists_due", "write a UTC time like 2027-02-15T17:00:00Z");
  auto day = ParseIso8601(t.match_day);
  if (!day) return InvalidArgument("match_day", "write a UTC time like 2027-02-20T15:00:00Z");
  if (*due < *close) return InvalidArgument("rank_lists_due", "rank lists are due after applications close");
  if (*day < *due) return InvalidArgument("match_day", "match day is after rank lists are due");
  return {};
}

Status ValidateApplicantList(const std::string& applicant_id, const std::vector<std::string>& block_ids,
                             const std::vector<MatchEligibility>& eligible) {
  if (block_ids.size() > 100) return InvalidArgument("block_ids", "rank at most 100 blocks");
  std::set<std::string> seen;
  for (size_t i = 0; i < block_ids.size(); ++i) {
    if (!seen.insert(block_ids[i]).second) {
      return InvalidArgument(Index("block_ids", i), "a block can be ranked only once");
    }
    if (!IsEligible(eligible, applicant_id, block_ids[i])) {
      return InvalidArgument(Index("block_ids", i),
                             "you can rank only blocks of this round you applied to (with an open application)");
    }
  }
  return {};
}

Status ValidateProgramList(const std::string& block_id, const std::vector<std::string>& applicant_ids,
                           const std::vector<std::string>& do_not_rank, const std::vector<MatchEligibility>& eligible) {
  if (applicant_ids.size() + do_not_rank.size() > 5000) return InvalidArgument("applicant_ids", "too many applicants");
  std::set<std::string> seen;
  for (size_t i = 0; i < applicant_ids.size(); ++i) {
    if (!seen.insert(applicant_ids[i]).second) {
      return InvalidArgument(Index("applicant_ids", i), "an applicant can be ranked only once");
    }
    if (!IsEligible(eligible, applicant_ids[i], block_id)) {
      return InvalidArgument(Index("applicant_ids", i),
                             "only applicants with an open application for this block can be ranked");
    }
  }
  for (size_t i = 0; i < do_not_rank.size(); ++i) {
    if (!seen.insert(do_not_rank[i]).second) {
      return InvalidArgument(Index("do_not_rank", i), "an applicant is either ranked or marked do not rank, once");
    }
    if (!IsEligible(eligible, do_not_rank[i], block_id)) {
      return InvalidArgument(Index("do_not_rank", i), "not an applicant of this block");
    }
  }
  return {};
}

Status ValidateCoupleList(const std::string& first_id, const std::string& second_id,
                          const std::vector<BlockPair>& pairs, const std::vector<MatchEligibility>& eligible) {
  if (pairs.size() > 300) return InvalidArgument("pairs", "rank at most 300 pairs");
  std::set<BlockPair> seen;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& [a, b] = pairs[i];
    if (a.empty() && b.empty()) {
      return InvalidArgument(Index("pairs", i), "a pair needs a block for at least one of you");
    }
    if (!seen.insert(pairs[i]).second) return InvalidArgument(Index("pairs", i), "a pair can be ranked only once");
    if (!a.empty() && !IsEligible(eligible, first_id, a)) {
      return InvalidArgument(Index("pairs", i), "the first partner did not apply to this block (with an open application)");
    }
    if (!b.empty() && !IsEligible(eligible, second_id, b)) {
      return InvalidArgument(Index("pairs", i), "the second partner did not apply to this block (with an open application)");
    }
  }
  return {};
}

RoundInstance BuildRoundInstance(const RoundLists& lists) {
  RoundInstance out;
  std::map<std::string, int32_t> program_index;
  for (const auto& b : lists.blocks) {
    if (program_index.count(b.block_id)) continue;
    program_index[b.block_id] = static_cast<int32_t>(out.program_ids.size());
    out.program_ids.push_back(b.block_id);
    match::Program p;
    p.capacity = std::max(0, b.quota);
    if (IsCalendarDate(b.start_date) && IsCalendarDate(b.end_date)) {
      auto start = DaysBetween("1970-01-01", b.start_date);
      auto end = DaysBetween("1970-01-01", b.end_date);
      if (start && end && *start <= *end) {
        p.has_dates = true;
        p.dates = {*start, *end};
      }
    }
    out.instance.programs.push_back(std::move(p));
  }
  auto ok = [&](const std::string& applicant, const std::string& block) {
    return program_index.count(block) && IsEligible(lists.eligible, applicant, block);
  };

  // Applicants in id order: everyone with an own list or in a couple.
  std::set<std::string> coupled;
  std::vector<const CoupleRanking*> couples;
  for (const auto& c : lists.couples) {
    if (c.first_id == c.second_id || coupled.count(c.first_id) || coupled.count(c.second_id)) continue;
    coupled.insert(c.first_id);
    coupled.insert(c.second_id);
    couples.push_back(&c);
  }
  std::map<std::string, const ApplicantRanking*> solo;
  for (const auto& a : lists.applicants) {
    if (!coupled.count(a.applicant_id)) solo.emplace(a.applicant_id, &a);
  }
  std::set<std::string> everyone(coupled);
  for (const auto& [id, _] : solo) everyone.insert(id);
  std::map<std::string, int32_t> applicant_index;
  for (const auto& id : everyone) {
    applicant_index[id] = static_cast<int32_t>(out.applicant_ids.size());
    out.applicant_ids.push_back(id);
    match::Applicant a;
    auto it = solo.find(id);
    if (it != solo.end()) {
      std::set<std::string> seen;
      for (const auto& block : it->second->block_ids) {
        if (ok(id, block) && seen.insert(block).second) a.ranking.push_back(program_index[block]);
      }
    }
    out.instance.applicants.push_back(std::move(a));
  }

  for (const auto* c : couples) {
    match::Couple mc;
    mc.first = applicant_index[c->first_id];
    mc.second = applicant_index[c->second_id];
    std::set<BlockPair> seen;
    for (const auto& [a, b] : c->pairs) {
      if (a.empty() && b.empty()) continue;
      if ((!a.empty() && !ok(c->first_id, a)) || (!b.empty() && !ok(c->second_id, b))) continue;
      if (!seen.insert({a, b}).second) continue;
      mc.ranking.push_back({a.empty() ? match::kNone : program_index[a], b.empty() ? match::kNone : program_index[b]});
    }
    out.couple_ids.push_back(c->couple_id);
    out.instance.couples.push_back(std::move(mc));
  }

  for (const auto& pr : lists.programs) {
    auto pit = program_index.find(pr.block_id);
    if (pit == program_index.end()) continue;
    auto& ranking = out.instance.programs[pit->second].ranking;
    std::set<std::string> seen;
    for (const auto& applicant : pr.applicant_ids) {
      auto ait = applicant_index.find(applicant);
      if (ait == applicant_index.end() || !ok(applicant, pr.block_id) || !seen.insert(applicant).second) continue;
      ranking.push_back(ait->second);
    }
  }
  return out;
}

}  // namespace clerkship::core
