#include "match/engine.h"

#include <algorithm>
#include <climits>
#include <cstddef>
#include <utility>

#include "match/verifier.h"

namespace clerkship::match {
namespace {

// pe_back_ value for a program's entry naming a couple member who can be placed there.
constexpr int32_t kCoupleMember = -2;

// Steps one agent may take while one couple (or, first, all singles) settles before it is taken
// to be cycling and set aside. Legitimate chains move an agent a handful of times; a cycle like
// Roth's example moves it forever.
constexpr int32_t kCycleLimit = 1000;

// All state of one run. Indices: applicants [0, n), couples [0, c); agents on the work stack
// are applicants (solo) as a, couples as n + c. "Entries" are positions in flattened rank lists.
class Engine {
 public:
  Engine(const Instance& in, const MatchOptions& options) : in_(in) {
    n_ = static_cast<int32_t>(in.applicants.size());
    m_ = static_cast<int32_t>(in.programs.size());
    c_ = static_cast<int32_t>(in.couples.size());
    BuildTables();
    int64_t entries = static_cast<int64_t>(e_prog_.size() + pe_app_.size() + ce_p_.size());
    max_steps_ = options.max_steps > 0 ? options.max_steps : 8 * entries + 100'000;
  }

  MatchResult Run() {
    // Roth–Peranson order: all single applicants settle first, then couples enter one at a time;
    // every displaced agent re-enters through the same stack until nothing moves.
    for (int32_t a = n_ - 1; a >= 0; --a) {
      if (couple_of_[a] == kNone && a_off_[a] != a_off_[a + 1]) Push(a);
    }
    bool within_guard = Drain();
    for (int32_t c = 0; c < c_ && within_guard; ++c) {
      c_active_[c] = 1;
      Push(n_ + c);
      within_guard = Drain();
    }

    MatchResult result;
    result.converged = within_guard && set_aside_ == 0;
    result.set_aside = set_aside_;
    result.proposals = proposals_;
    result.steps = steps_;
    result.matching.assignments.resize(n_);
    for (int32_t a = 0; a < n_; ++a) {
      auto& out = result.matching.assignments[a];
      if (couple_of_[a] != kNone) {
        if (cur_[a] != kNone) out.push_back(cur_[a]);
      } else if (k_[a] == 1) {
        if (cur_[a] != kNone) out.push_back(e_prog_[cur_[a]]);
      } else {
        for (int32_t e : multi_[a]) out.push_back(e_prog_[e]);
      }
    }
    if (!result.converged) {
      StabilityReport report = Verify(in_, result.matching);
      result.stable = report.Stable();
      result.blocking_pairs = std::move(report.blocking_pairs);
    }
    return result;
  }

 private:
  struct Held {
    int32_t rank;
    int32_t applicant;
  };
  static bool WorseOnTop(const Held& x, const Held& y) { return x.rank < y.rank; }

  void BuildTables() {
    couple_of_.assign(n_, kNone);
    for (int32_t c = 0; c < c_; ++c) {
      couple_of_[in_.couples[c].first] = c;
      couple_of_[in_.couples[c].second] = c;
    }
    // Applicant entries (solo applicants only).
    a_off_.assign(n_ + 1, 0);
    for (int32_t a = 0; a < n_; ++a) {
      a_off_[a + 1] = a_off_[a] + static_cast<int32_t>(in_.applicants[a].ranking.size());
    }
    e_prog_.resize(a_off_[n_]);
    e_rank_.assign(a_off_[n_], -1);
    for (int32_t a = 0; a < n_; ++a) {
      std::copy(in_.applicants[a].ranking.begin(), in_.applicants[a].ranking.end(),
                e_prog_.begin() + a_off_[a]);
    }
    // Program entries.
    p_off_.assign(m_ + 1, 0);
    for (int32_t p = 0; p < m_; ++p) {
      p_off_[p + 1] = p_off_[p] + static_cast<int32_t>(in_.programs[p].ranking.size());
    }
    pe_app_.resize(p_off_[m_]);
    pe_back_.assign(p_off_[m_], -1);
    for (int32_t p = 0; p < m_; ++p) {
      std::copy(in_.programs[p].ranking.begin(), in_.programs[p].ranking.end(),
                pe_app_.begin() + p_off_[p]);
    }
    // Transpose program lists: for each applicant, the program entries that name it.
    std::vector<int32_t> t_off(n_ + 1, 0);
    for (int32_t a : pe_app_) ++t_off[a + 1];
    for (int32_t a = 0; a < n_; ++a) t_off[a + 1] += t_off[a];
    std::vector<int32_t> t_entry(pe_app_.size());
    std::vector<int32_t> t_prog(pe_app_.size());
    {
      std::vector<int32_t> fill(t_off.begin(), t_off.end() - 1);
      for (int32_t p = 0; p < m_; ++p) {
        for (int32_t f = p_off_[p]; f < p_off_[p + 1]; ++f) {
          int32_t slot = fill[pe_app_[f]]++;
          t_entry[slot] = f;
          t_prog[slot] = p;
        }
      }
    }
    // Mutual ranks for solo applicants: entry -> rank of applicant at program, and back.
    std::vector<int32_t> pos(m_, -1);
    for (int32_t a = 0; a < n_; ++a) {
      if (couple_of_[a] != kNone) continue;
      for (int32_t e = a_off_[a]; e < a_off_[a + 1]; ++e) pos[e_prog_[e]] = e;
      for (int32_t t = t_off[a]; t < t_off[a + 1]; ++t) {
        int32_t e = pos[t_prog[t]];
        if (e >= 0) {
          e_rank_[e] = t_entry[t] - p_off_[t_prog[t]];
          pe_back_[t_entry[t]] = e;
        }
      }
      for (int32_t e = a_off_[a]; e < a_off_[a + 1]; ++e) pos[e_prog_[e]] = -1;
    }
    // Couples: rank of each member at the program in its slot; -1 if not ranked there.
    c_off_.assign(c_ + 1, 0);
    for (int32_t c = 0; c < c_; ++c) {
      c_off_[c + 1] = c_off_[c] + static_cast<int32_t>(in_.couples[c].ranking.size());
    }
    const size_t ce = c_off_[c_];
    ce_p_.resize(ce);
    ce_q_.resize(ce);
    ce_rp_.assign(ce, -1);
    ce_rq_.assign(ce, -1);
    ce_ok_.assign(ce, 0);
    std::vector<int32_t> rank_at(m_, -1);
    std::vector<uint8_t> used(m_, 0);
    for (int32_t c = 0; c < c_; ++c) {
      const Couple& couple = in_.couples[c];
      for (int32_t j = c_off_[c]; j < c_off_[c + 1]; ++j) {
        ce_p_[j] = couple.ranking[j - c_off_[c]].first;
        ce_q_[j] = couple.ranking[j - c_off_[c]].second;
      }
      for (int slot = 0; slot < 2; ++slot) {
        const int32_t member = slot == 0 ? couple.first : couple.second;
        auto& progs = slot == 0 ? ce_p_ : ce_q_;
        auto& ranks = slot == 0 ? ce_rp_ : ce_rq_;
        for (int32_t t = t_off[member]; t < t_off[member + 1]; ++t) {
          rank_at[t_prog[t]] = t_entry[t] - p_off_[t_prog[t]];
        }
        for (int32_t j = c_off_[c]; j < c_off_[c + 1]; ++j) {
          if (progs[j] != kNone) {
            ranks[j] = rank_at[progs[j]];
            used[progs[j]] = 1;
          }
        }
        for (int32_t t = t_off[member]; t < t_off[member + 1]; ++t) {
          if (used[t_prog[t]]) pe_back_[t_entry[t]] = kCoupleMember;
        }
        for (int32_t t = t_off[member]; t < t_off[member + 1]; ++t) rank_at[t_prog[t]] = -1;
        for (int32_t j = c_off_[c]; j < c_off_[c + 1]; ++j) {
          if (progs[j] != kNone) used[progs[j]] = 0;
        }
      }
      for (int32_t j = c_off_[c]; j < c_off_[c + 1]; ++j) {
        ce_ok_[j] = (ce_p_[j] == kNone || ce_rp_[j] >= 0) && (ce_q_[j] == kNone || ce_rq_[j] >= 0);
      }
    }
    // Program state: a max-heap (worst held applicant on top) per program. Effective capacity
    // never exceeds the list length, so huge capacities cost no memory; +2 room for a couple.
    cap_.resize(m_);
    h_off_.assign(m_ + 1, 0);
    starts_.resize(m_);
    ends_.resize(m_);
    for (int32_t p = 0; p < m_; ++p) {
      const Program& program = in_.programs[p];
      cap_[p] = static_cast<int32_t>(
          std::min<int64_t>(program.capacity, static_cast<int64_t>(program.ranking.size())));
      h_off_[p + 1] = h_off_[p] + cap_[p] + 2;
      starts_[p] = program.has_dates ? program.dates.start : INT32_MAX;
      ends_[p] = program.has_dates ? program.dates.end : INT32_MIN;
    }
    heap_.resize(h_off_[m_]);
    h_size_.assign(m_, 0);
    // Applicant and couple state.
    k_.resize(n_);
    for (int32_t a = 0; a < n_; ++a) {
      k_[a] = std::max(1, std::min(in_.applicants[a].max_assignments, a_off_[a + 1] - a_off_[a]));
    }
    cur_.assign(n_, kNone);
    ptr_.assign(a_off_.begin(), a_off_.end() - 1);
    multi_.resize(n_);
    c_cur_.assign(c_, kNone);
    c_active_.assign(c_, 0);
    queued_.assign(static_cast<size_t>(n_) + c_, 0);
    set_aside_mark_.assign(static_cast<size_t>(n_) + c_, 0);
    phase_steps_.assign(static_cast<size_t>(n_) + c_, 0);
    vacated_mark_.assign(m_, 0);
  }

  // ---- program side -------------------------------------------------------------------------
  Held* HeapOf(int32_t p) { return heap_.data() + h_off_[p]; }

  // Whether p would take an applicant of this rank now (free seat, or worse applicant held).
  bool Admits(int32_t p, int32_t rank) {
    if (h_size_[p] < cap_[p]) return true;
    return cap_[p] > 0 && rank < HeapOf(p)[0].rank;
  }

  // Adds the applicant; returns the applicant pushed out (the worst) or kNone.
  int32_t Insert(int32_t p, int32_t rank, int32_t a) {
    Held* h = HeapOf(p);
    h[h_size_[p]++] = Held{rank, a};
    std::push_heap(h, h + h_size_[p], WorseOnTop);
    if (h_size_[p] <= cap_[p]) return kNone;
    std::pop_heap(h, h + h_size_[p], WorseOnTop);
    return h[--h_size_[p]].applicant;
  }

  // Removes a held applicant (a withdrawal) and records the program as possibly reopened.
  void Remove(int32_t p, int32_t a) {
    Held* h = HeapOf(p);
    int32_t size = h_size_[p];
    for (int32_t i = 0; i < size; ++i) {
      if (h[i].applicant == a) {
        h[i] = h[size - 1];
        h_size_[p] = size - 1;
        std::make_heap(h, h + size - 1, WorseOnTop);
        break;
      }
    }
    if (!vacated_mark_[p]) {
      vacated_mark_[p] = 1;
      vacated_.push_back(p);
    }
  }

  // ---- agents -------------------------------------------------------------------------------
  void Push(int32_t agent) {
    if (!queued_[agent] && !set_aside_mark_[agent]) {
      queued_[agent] = 1;
      stack_.push_back(agent);
    }
  }

  // Applicant x was pushed out of program p by a better-ranked applicant.
  void Evicted(int32_t x, int32_t p) {
    const int32_t c = couple_of_[x];
    if (c != kNone) {
      // The partner withdraws at once, so a couple is always fully placed or fully free.
      const Couple& couple = in_.couples[c];
      const int32_t partner = couple.first == x ? couple.second : couple.first;
      cur_[x] = kNone;
      if (cur_[partner] != kNone) {
        Remove(cur_[partner], partner);
        cur_[partner] = kNone;
      }
      c_cur_[c] = kNone;
      Push(n_ + c);
    } else if (k_[x] == 1) {
      ptr_[x] = cur_[x] + 1;  // p's threshold only rises: never re-apply unless it reopens
      cur_[x] = kNone;
      Push(x);
    } else {
      auto& held = multi_[x];
      for (size_t i = 0; i < held.size(); ++i) {
        if (e_prog_[held[i]] == p) {
          held.erase(held.begin() + static_cast<std::ptrdiff_t>(i));
          break;
        }
      }
      Push(x);
    }
  }

  // A single applicant with k = 1: classic deferred acceptance, resumed from ptr_.
  void StepSingle(int32_t a) {
    const int32_t end = a_off_[a + 1];
    const int32_t cur = cur_[a];
    int32_t e = ptr_[a];
    for (; e < end; ++e) {
      if (e == cur) break;  // nothing better is available: stay
      const int32_t rank = e_rank_[e];
      if (rank < 0) continue;  // the program does not rank this applicant
      ++proposals_;
      const int32_t p = e_prog_[e];
      if (Admits(p, rank)) {
        if (cur != kNone) Remove(e_prog_[cur], a);  // moving up after a vacancy
        cur_[a] = e;
        const int32_t out = Insert(p, rank, a);
        if (out != kNone) Evicted(out, p);
        break;
      }
    }
    ptr_[a] = e;
  }

  // A multi-block applicant: greedily takes, in its own order, each program that would admit
  // it and overlaps none already taken, up to k; drops what it held and no longer takes.
  void StepMulti(int32_t a) {
    std::vector<int32_t>& held = multi_[a];
    chosen_.clear();
    for (int32_t e = a_off_[a]; e < a_off_[a + 1]; ++e) {
      if (static_cast<int32_t>(chosen_.size()) == k_[a]) break;
      const int32_t rank = e_rank_[e];
      if (rank < 0) continue;
      const int32_t p = e_prog_[e];
      bool overlaps = false;
      for (int32_t taken : chosen_) {
        const int32_t q = e_prog_[taken];
        if (starts_[p] <= ends_[q] && starts_[q] <= ends_[p]) {
          overlaps = true;
          break;
        }
      }
      if (overlaps) continue;
      if (std::find(held.begin(), held.end(), e) != held.end()) {
        chosen_.push_back(e);
      } else {
        ++proposals_;
        if (Admits(p, rank)) chosen_.push_back(e);
      }
    }
    for (int32_t e : held) {
      if (std::find(chosen_.begin(), chosen_.end(), e) == chosen_.end()) Remove(e_prog_[e], a);
    }
    added_.clear();
    for (int32_t e : chosen_) {
      if (std::find(held.begin(), held.end(), e) == held.end()) added_.push_back(e);
    }
    held = chosen_;
    for (int32_t e : added_) {
      const int32_t out = Insert(e_prog_[e], e_rank_[e], a);
      if (out != kNone) Evicted(out, e_prog_[e]);
    }
  }

  // Number of the couple's members currently held by p.
  int32_t OwnAt(int32_t p, int32_t m1, int32_t m2) const {
    return (cur_[m1] == p) + (cur_[m2] == p);
  }

  // Whether p would hold both members (ranks r1, r2) if the couple vacated its own seats there.
  bool AdmitsBoth(int32_t p, int32_t r1, int32_t r2, int32_t m1, int32_t m2) {
    const int32_t others = h_size_[p] - OwnAt(p, m1, m2);
    if (others + 2 <= cap_[p]) return true;
    if (cap_[p] < 2) return false;
    const int32_t worst = std::max(r1, r2);
    int32_t better = 0;
    const Held* h = HeapOf(p);
    for (int32_t i = 0; i < h_size_[p]; ++i) {
      if (h[i].applicant != m1 && h[i].applicant != m2 && h[i].rank < worst) ++better;
    }
    return better + 2 <= cap_[p];
  }

  // A couple takes the first pair in its joint list that both programs would accept now.
  void StepCouple(int32_t c) {
    const Couple& couple = in_.couples[c];
    const int32_t m1 = couple.first;
    const int32_t m2 = couple.second;
    const int32_t cur = c_cur_[c];
    for (int32_t j = c_off_[c]; j < c_off_[c + 1]; ++j) {
      if (j == cur) return;
      if (!ce_ok_[j]) continue;
      const int32_t p = ce_p_[j];
      const int32_t q = ce_q_[j];
      proposals_ += (p != kNone && cur_[m1] != p) + (q != kNone && cur_[m2] != q);
      bool ok;
      if (p != kNone && p == q) {
        ok = AdmitsBoth(p, ce_rp_[j], ce_rq_[j], m1, m2);
      } else {
        ok = (p == kNone || OwnAt(p, m1, m2) > 0 || Admits(p, ce_rp_[j])) &&
             (q == kNone || OwnAt(q, m1, m2) > 0 || Admits(q, ce_rq_[j]));
      }
      if (ok) {
        MoveCouple(c, j);
        return;
      }
    }
  }

  void MoveCouple(int32_t c, int32_t j) {
    const Couple& couple = in_.couples[c];
    const int32_t m1 = couple.first;
    const int32_t m2 = couple.second;
    const int32_t p = ce_p_[j];
    const int32_t q = ce_q_[j];
    if (cur_[m1] != kNone && cur_[m1] != p) {
      Remove(cur_[m1], m1);
      cur_[m1] = kNone;
    }
    if (cur_[m2] != kNone && cur_[m2] != q) {
      Remove(cur_[m2], m2);
      cur_[m2] = kNone;
    }
    c_cur_[c] = j;
    if (p != kNone && cur_[m1] != p) {
      cur_[m1] = p;
      const int32_t out = Insert(p, ce_rp_[j], m1);
      if (out != kNone) Evicted(out, p);
    }
    if (q != kNone && cur_[m2] != q) {
      cur_[m2] = q;
      const int32_t out = Insert(q, ce_rq_[j], m2);
      if (out != kNone) Evicted(out, q);
    }
    // The couple's own seats moved, and they count as free when it weighs a pair above the new
    // one (a member may take the seat its partner just left), so it looks once more.
    Push(n_ + c);
  }

  // Programs that lost an applicant may now take someone they turned away: wake those agents.
  void ProcessVacancies() {
    for (size_t i = 0; i < vacated_.size(); ++i) {
      const int32_t p = vacated_[i];
      vacated_mark_[p] = 0;
      // Best-ranked last, so it is on top of the stack and takes the seat first.
      for (int32_t f = p_off_[p + 1] - 1; f >= p_off_[p]; --f) {
        const int32_t back = pe_back_[f];
        if (back == -1) continue;
        const int32_t a = pe_app_[f];
        if (back == kCoupleMember) {
          const int32_t c = couple_of_[a];
          if (c_active_[c] && cur_[a] != p) Push(n_ + c);
        } else if (k_[a] == 1) {
          if ((cur_[a] == kNone || cur_[a] > back) && Admits(p, e_rank_[back])) {
            ptr_[a] = std::min(ptr_[a], back);
            Push(a);
          }
        } else if (std::find(multi_[a].begin(), multi_[a].end(), back) == multi_[a].end() &&
                   Admits(p, e_rank_[back])) {
          Push(a);
        }
      }
    }
    vacated_.clear();
  }

  // Runs agents until nothing moves (true) or the step guard is reached (false). An agent that
  // keeps moving within one phase is set aside where it stands: it breaks the cycle, and the
  // verifier then reports whatever blocking pairs remain.
  bool Drain() {
    while (!stack_.empty()) {
      if (steps_ >= max_steps_) return false;
      const int32_t agent = stack_.back();
      stack_.pop_back();
      queued_[agent] = 0;
      if (phase_steps_[agent]++ == 0) touched_.push_back(agent);
      if (phase_steps_[agent] > kCycleLimit) {
        set_aside_mark_[agent] = 1;
        ++set_aside_;
        continue;
      }
      ++steps_;
      if (agent >= n_) {
        StepCouple(agent - n_);
      } else if (k_[agent] == 1) {
        StepSingle(agent);
      } else {
        StepMulti(agent);
      }
      ProcessVacancies();
    }
    for (int32_t agent : touched_) phase_steps_[agent] = 0;
    touched_.clear();
    return true;
  }

  const Instance& in_;
  int32_t n_ = 0;
  int32_t m_ = 0;
  int32_t c_ = 0;
  // Solo applicants' lists: entries [a_off_[a], a_off_[a+1]); program and the applicant's rank
  // at that program (-1: the program does not rank it, so the pair is unacceptable).
  std::vector<int32_t> a_off_, e_prog_, e_rank_;
  // Programs' lists: applicant, and its entry in the applicant's list (or kCoupleMember, or -1).
  std::vector<int32_t> p_off_, pe_app_, pe_back_;
  // Couples' joint lists: programs, members' ranks there, and whether the pair is acceptable.
  std::vector<int32_t> c_off_, ce_p_, ce_q_, ce_rp_, ce_rq_;
  std::vector<uint8_t> ce_ok_;
  // Programs: effective capacity, held applicants as heaps, dates (no dates: empty range).
  std::vector<int32_t> cap_, h_off_, h_size_, starts_, ends_;
  std::vector<Held> heap_;
  // Applicants: k, couple, current entry (solo k = 1) or program (couple member), resume
  // pointer (solo k = 1), held entries (multi-block).
  std::vector<int32_t> k_, couple_of_, cur_, ptr_;
  std::vector<std::vector<int32_t>> multi_;
  std::vector<int32_t> c_cur_;
  std::vector<uint8_t> c_active_;
  // Work.
  std::vector<int32_t> stack_;
  std::vector<uint8_t> queued_;
  std::vector<int32_t> vacated_;
  std::vector<uint8_t> vacated_mark_;
  std::vector<int32_t> chosen_, added_;
  // Cycle breaking: steps per agent in the current phase, agents set aside.
  std::vector<int32_t> phase_steps_, touched_;
  std::vector<uint8_t> set_aside_mark_;
  int32_t set_aside_ = 0;
  int64_t proposals_ = 0;
  int64_t steps_ = 0;
  int64_t max_steps_ = 0;
};

}  // namespace

MatchResult RunMatch(const Instance& instance, const MatchOptions& options) {
  Engine engine(instance, options);
  return engine.Run();
}

}  // namespace clerkship::match
