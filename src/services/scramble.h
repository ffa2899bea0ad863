// The scramble after a published match round (issue 9; docs/match.md
// "Scramble"): the admin schedules timed scramble rounds and a per-applicant
// application limit; during a round, applicants of the match round who did
// not match apply to its blocks with seats left, and coordinators make offers
// that expire at the round's end (the offers system, services/offers.h). One
// transaction per use case; thread-safe like Context.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/scramble.h"
#include "services/context.h"
#include "store/match_rounds.h"
#include "store/offers.h"
#include "store/scramble.h"

namespace clerkship::services {

struct ScrambleSchedule {
  std::string round_id;
  int application_limit = store::kDefaultScrambleLimit;
  std::vector<store::ScrambleRoundRow> rounds;  // in time order
  std::optional<size_t> current, next;          // indexes into rounds at `now`
  std::string now;
};

// Admin: replaces the schedule of a published round. Rounds that have started
// must be kept unchanged (kConflict naming the round); a new round must end in
// the future. kInvalidArgument naming the field (core::ValidateScrambleSchedule);
// kConflict before publish.
core::Result<ScrambleSchedule> SaveScrambleSchedule(Context& ctx, const Actor& actor, const std::string& round_id,
                                                    const std::vector<core::ScrambleWindow>& rounds,
                                                    int application_limit);
// Anyone who may see the round: its schedule (empty before one is set).
core::Result<ScrambleSchedule> GetScrambleSchedule(Context& ctx, const Actor& actor, const std::string& round_id);

struct MyScrambleApplication {
  store::ScrambleApplicationRow row;
  store::RoundBlockRow block;
  std::optional<store::OfferRow> offer;  // the newest offer of its application for this block
};
struct ApplicantScramble {
  ScrambleSchedule schedule;
  int used = 0;                            // applications submitted
  bool can_apply = false;                  // a round is open, the limit not reached, no scramble offer accepted
  std::string reason;                      // why not, when !can_apply
  std::vector<store::RoundBlockRow> blocks;  // the round's blocks with seats left
  std::vector<MyScrambleApplication> applications;
};
// An applicant of the round who did not match (kForbidden for anyone else,
// with the reason; kConflict before publish).
core::Result<ApplicantScramble> GetApplicantScramble(Context& ctx, const Actor& actor, const std::string& round_id);

// During a scramble round: applies to a block of the round with seats left.
// Reuses the applicant's open application at the offering, else submits a new
// one. kForbidden (matched / not in the round), kConflict outside a round, for
// a second application to the block, after a scramble offer was accepted, and
// when the limit is reached (naming it, field "application_limit");
// kInvalidArgument "block_id" for a block outside the round or without seats.
core::Result<store::ScrambleApplicationRow> ApplyInScramble(Context& ctx, const Actor& actor,
                                                            const std::string& round_id, const std::string& block_id);

struct ScrambleApplicantView {
  store::ScrambleApplicationRow row;
  std::optional<store::OfferRow> offer;
};
struct ScrambleBlockView {
  store::RoundBlockRow block;
  int pending_offers = 0;
  std::vector<ScrambleApplicantView> applicants;
};
struct InstitutionScramble {
  store::MatchRoundRow round;
  ScrambleSchedule schedule;
  std::vector<ScrambleBlockView> blocks;  // the institution's blocks with seats left or scramble applicants
};
core::Result<InstitutionScramble> GetInstitutionScramble(Context& ctx, const Actor& actor,
                                                         const std::string& institution_id,
                                                         const std::string& round_id);

// Coordinator, during a scramble round: offers the applied-for block; the
// offer expires at the round's end. kConflict outside a round, when the
// block's seats left are all covered by pending scramble offers, or when the
// applicant already accepted a scramble offer.
core::Result<store::OfferRow> MakeScrambleOffer(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                const std::string& round_id,
                                                const std::string& scramble_application_id, const std::string& note);

// The job (serve scheduler, like RunDueMatchDays): for each scramble round
// that is open now and not announced yet, claims it with a conditional UPDATE
// and, in the same transaction, queues one "the scramble is open" e-mail to
// each applicant of the match round who did not match, has not accepted a
// scramble offer and has applications left. Exactly once per scramble round
// across server processes. Returns the number of e-mails this process queued.
core::Result<int> AnnounceOpenScrambleRounds(Context& ctx, const std::string& runner);

}  // namespace clerkship::services
