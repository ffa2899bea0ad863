#include "services/offers.h"

#include <csignal>
#include <cstdlib>
#include <set>

#include "adapters/random.h"
#include "adapters/zones.h"
#include "core/application_state.h"
#include "core/offers.h"
#include "services/catalog.h"
#include "services/internal.h"
#include "services/review.h"
#include "store/accounts.h"
#include "store/catalog.h"
#include "store/review.h"
#include "store/vault.h"

namespace clerkship::services {
namespace {

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }

bool IsCoordinator(const Actor& actor, const std::string& institution_id) {
  return actor.principal.is_admin || actor.principal.HasRole(institution_id, core::Role::kCoordinator);
}

// Test builds only: CLERKSHIP_CRASH_AT=<point> kills the process there (the
// crash-safety check, scripts/crash_offer_check.py). Release builds ignore it.
void CrashPoint([[maybe_unused]] const char* point) {
#ifdef CLERKSHIP_TEST_HOOKS
  const char* at = std::getenv("CLERKSHIP_CRASH_AT");
  if (at && std::string(at) == point) std::raise(SIGKILL);
#endif
}

std::string Dates(const store::BlockSeats& b) { return b.start_date + " to " + b.end_date; }

OfferView ViewOf(store::Tx& tx, store::OfferRow row) {
  OfferView v;
  if (auto o = store::FindOffering(tx, row.offering_id)) {
    v.offering_title = o->title;
    v.institution_name = o->institution_name;
    v.time_zone = o->time_zone;
  }
  if (auto b = store::FindBlockSeats(tx, row.block_id)) {
    v.block_start = b->start_date;
    v.block_end = b->end_date;
    v.seats = b->seats;
    v.filled = b->filled;
  }
  v.pending_offers = store::PendingOffersOfBlock(tx, row.block_id);
  v.row = std::move(row);
  return v;
}

std::string ApplicantLink(Context& ctx, const std::string& application_id) {
  return ctx.public_url + "/applications/" + application_id;
}

void AddEvent(store::Tx& tx, Context& ctx, const std::string& application_id, const std::string& event,
              const std::string& from, const std::string& to, const std::string& actor_id,
              const std::string& actor_kind, const std::string& detail) {
  store::InsertEvent(tx, {adapters::NewId(), application_id, "status", event, from, to, actor_id, actor_kind, detail,
                          Now(ctx)});
}

// Moves the application by `event` as `who`; kConflict when it changed.
core::Result<store::ApplicationRow> Move(store::Tx& tx, Context& ctx, const Actor& actor, store::ApplicationRow a,
                                         const std::string& event, core::Actor who, const std::string& reason) {
  auto next = core::Transition(a.status, event, who);
  if (!next) return std::unexpected(next.error());
  std::string from = a.status;
  a.status = *next;
  a.status_reason = reason;
  a.version += 1;
  a.updated_at = Now(ctx);
  if (!store::UpdateApplicationStatus(tx, a)) return core::Conflict("this application changed; reload it");
  const char* kind = who == core::Actor::kApplicant     ? "applicant"
                     : who == core::Actor::kCoordinator ? "coordinator"
                     : who == core::Actor::kReviewer    ? "reviewer"
                                                        : "system";
  AddEvent(tx, ctx, a.id, event, from, a.status, who == core::Actor::kSystem ? "" : actor.user_id, kind, reason);
  return a;
}

void EmailApplicant(store::Tx& tx, Context& ctx, const std::string& applicant_id, const EmailContent& e) {
  if (auto u = store::FindUserById(tx, applicant_id)) SendEmail(tx, ctx, u->email, e);
}

std::string NameOf(store::Tx& tx, const std::string& applicant_id) {
  if (auto u = store::FindUserById(tx, applicant_id)) return u->display_name;
  return "";
}

// Writes a new pending offer and moves the application to "offer".
core::Result<store::OfferRow> InsertNewOffer(store::Tx& tx, Context& ctx, const Actor& actor,
                                             const store::ApplicationRow& a, const store::OfferingRow& offering,
                                             const store::BlockSeats& block, int expiry_days, const std::string& note,
                                             core::Actor who, std::optional<core::TimePoint> expires_at = std::nullopt,
                                             const std::string& scramble_round_id = "") {
  auto moved = Move(tx, ctx, actor, a, "offer", who, note);
  if (!moved) return std::unexpected(moved.error());
  std::string now = Now(ctx);
  store::OfferRow o;
  o.id = adapters::NewId();
  o.application_id = a.id;
  o.applicant_id = a.applicant_id;
  o.institution_id = a.institution_id;
  o.offering_id = a.offering_id;
  o.block_id = block.id;
  o.status = "pending";
  auto expires = expires_at ? *expires_at : ctx.clock.Now() + std::chrono::hours(24 * expiry_days);
  o.expires_at = core::FormatIso8601(expires);
  o.reason = note;
  o.offered_by = who == core::Actor::kSystem ? "" : actor.user_id;
  o.created_at = now;
  o.updated_at = now;
  o.scramble_round_id = scramble_round_id;
  store::InsertOffer(tx, o);
  store::SetFirstDecision(tx, a.id, now);
  Audit(tx, ctx, actor,
        who == core::Actor::kSystem ? "offer.promote" : (scramble_round_id.empty() ? "offer.create" : "offer.scramble"),
        "offer", o.id,
        a.institution_id, a.id + " block " + block.id + " expires " + o.expires_at);
  EmailApplicant(tx, ctx, a.applicant_id,
                 OfferMadeMessage(NameOf(tx, a.applicant_id), offering.title, offering.institution_name, Dates(block),
                                  adapters::LocalDateTimeWithZone(expires, offering.time_zone), who == core::Actor::kSystem,
                                  ApplicantLink(ctx, a.id)));
  return o;
}

// After a seat came back or an offer closed: while the block has free seats
// not covered by pending offers, the top of its waitlist gets an offer
// (auto), or the coordinators get one e-mail (notify).
void RefillBlock(store::Tx& tx, Context& ctx, const std::string& block_id, bool seat_released) {
  auto block = store::FindBlockSeats(tx, block_id);
  if (!block) return;
  auto offering = store::FindOffering(tx, block->offering_id);
  if (!offering) return;
  auto settings = store::OfferSettingsOf(tx, offering->id);
  int uncovered = block->seats - block->filled - store::PendingOffersOfBlock(tx, block_id);
  if (uncovered <= 0) return;
  auto waitlist = store::WaitlistOfBlock(tx, offering->id, block_id);
  if (settings.waitlist_promotion == "auto") {
    Actor system;
    for (const auto& id : waitlist) {
      if (uncovered <= 0) break;
      auto a = store::FindApplication(tx, id);
      if (!a) continue;
      if (InsertNewOffer(tx, ctx, system, *a, *offering, *block, settings.expiry_days,
                         "offered from the waitlist", core::Actor::kSystem)) {
        --uncovered;
      }
    }
    return;
  }
  if (!seat_released && waitlist.empty()) return;
  std::string link = ctx.public_url + "/institutions/" + offering->institution_id + "/offerings/" + offering->id +
                     "/offers";
  for (const auto& s : store::ListStaff(tx, offering->institution_id)) {
    if (s.role != "coordinator") continue;
    SendEmail(tx, ctx, s.email,
              SeatFreeMessage(s.display_name, offering->title, Dates(*block), uncovered,
                              static_cast<int>(waitlist.size()), link));
  }
}

// Gives the seat of an active placement back (the caller moves the application).
void ReleasePlacement(store::Tx& tx, Context& ctx, store::PlacementRow p, const std::string& reason) {
  p.status = "cancelled";
  p.status_reason = reason;
  p.updated_at = Now(ctx);
  if (!store::UpdatePlacement(tx, p)) throw std::runtime_error("placement changed during release");
  store::ReleaseSeat(tx, p.block_id);
  store::BumpCatalogVersion(tx);
}

// Closes a pending offer (declined | expired | rescinded) and moves its
// application with `event`; then refills the block.
core::Status ClosePending(store::Tx& tx, Context& ctx, const Actor& actor, store::OfferRow o, const std::string& status,
                          const std::string& event, core::Actor who, const std::string& reason) {
  o.status = status;
  o.reason = reason;
  o.updated_at = Now(ctx);
  if (!store::UpdateOffer(tx, o)) return core::Conflict("this offer changed; reload it");
  auto a = store::FindApplication(tx, o.application_id);
  if (!a) return core::NotFound("no such application");
  if (a->status == "offer") {
    auto moved = Move(tx, ctx, actor, *a, event, who, reason);
    if (!moved) return std::unexpected(moved.error());
  }
  Audit(tx, ctx, actor, "offer." + status, "offer", o.id, o.institution_id, reason);
  RefillBlock(tx, ctx, o.block_id, false);
  return {};
}

core::Result<store::OfferRow> OwnOffer(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto o = store::FindOffer(tx, id);
  if (!o || o->applicant_id != actor.user_id) return core::NotFound("no such offer");
  return *o;
}

core::Result<store::OfferRow> InstitutionOffer(store::Tx& tx, const std::string& institution_id,
                                               const std::string& id) {
  auto o = store::FindOffer(tx, id);
  if (!o || o->institution_id != institution_id) return core::NotFound("no such offer");
  return *o;
}

}  // namespace

core::Result<store::OfferRow> InsertScrambleOffer(store::Tx& tx, Context& ctx, const Actor& actor,
                                                  const store::ApplicationRow& a, const std::string& block_id,
                                                  core::TimePoint expires_at, const std::string& scramble_round_id,
                                                  const std::string& note) {
  auto offering = store::FindOffering(tx, a.offering_id);
  auto block = store::FindBlockSeats(tx, block_id);
  if (!offering || !block || block->offering_id != a.offering_id) {
    return core::InvalidArgument("block_id", "not a block of this rotation");
  }
  return InsertNewOffer(tx, ctx, actor, a, *offering, *block, 0, note, core::Actor::kCoordinator, expires_at,
                        scramble_round_id);
}

core::Result<OfferView> MakeOffer(Context& ctx, const Actor& actor, const std::string& institution_id,
                                  const std::string& application_id, const OfferInput& in) {
  if (in.block_id.empty()) return core::InvalidArgument("block_id", "choose the block to offer");
  if (in.note.size() > 2000) return core::InvalidArgument("note", "the note is at most 2000 characters");
  if (in.expiry_days) {
    if (auto st = core::ValidateOfferExpiryDays(*in.expiry_days, "expiry_days"); !st) return std::unexpected(st.error());
  }
  if (!IsCoordinator(actor, institution_id)) return core::Forbidden("only a coordinator can make offers");
  return ctx.db.Run<OfferView>([&](store::Tx& tx) -> core::Result<OfferView> {
    auto a = store::FindApplication(tx, application_id);
    if (!a || a->institution_id != institution_id || a->status == "draft") return core::NotFound("no such application");
    auto offering = store::FindOffering(tx, a->offering_id);
    auto block = store::FindBlockSeats(tx, in.block_id);
    if (!offering || !block || block->offering_id != a->offering_id) {
      return core::InvalidArgument("block_id", "not a block of this rotation");
    }
    if (auto t = core::Transition(a->status, "offer", core::Actor::kCoordinator); !t) return std::unexpected(t.error());
    if (block->filled >= block->seats) {
      return core::Conflict("this block is full (" + std::to_string(block->filled) + " of " +
                            std::to_string(block->seats) +
                            " seats taken); add a seat or put the application on the waitlist");
    }
    auto settings = store::OfferSettingsOf(tx, a->offering_id);
    auto o = InsertNewOffer(tx, ctx, actor, *a, *offering, *block, in.expiry_days.value_or(settings.expiry_days),
                            in.note, core::Actor::kCoordinator);
    if (!o) return std::unexpected(o.error());
    return ViewOf(tx, *o);
  });
}

core::Result<AcceptResult> AcceptOffer(Context& ctx, const Actor& actor, const std::string& offer_id,
                                       bool decline_other_offers) {
  struct Outcome {
    AcceptResult result;
    bool seat_gone = false;
  };
  auto out = ctx.db.Run<Outcome>([&](store::Tx& tx) -> core::Result<Outcome> {
    store::LockApplicant(tx, actor.user_id);
    bool decline_others = decline_other_offers;
    bool scramble_only = false;  // a scramble acceptance declines the other scramble offers
    auto o = OwnOffer(tx, actor, offer_id);
    if (!o) return std::unexpected(o.error());
    if (auto st = core::CheckOfferAcceptable(o->status); !st) return std::unexpected(st.error());
    std::string now = Now(ctx);
    if (o->expires_at <= now) return core::Conflict("this offer has expired (" + o->expires_at + ")");
    auto a = store::FindApplication(tx, o->application_id);
    if (!a) return core::NotFound("no such application");
    if (auto t = core::Transition(a->status, "accept", core::Actor::kApplicant); !t) return std::unexpected(t.error());
    auto block = store::FindBlockSeats(tx, o->block_id);
    if (!block) return core::NotFound("no such block");
    // The scramble: at most one scramble offer is accepted; accepting one declines the others.
    if (!o->scramble_round_id.empty()) {
      for (const auto& other : store::OffersOfApplicant(tx, actor.user_id)) {
        if (other.id != o->id && other.status == "accepted" && !other.scramble_round_id.empty()) {
          return core::Conflict("you already accepted a scramble offer; only one can be accepted");
        }
      }
      if (!decline_others) scramble_only = true;
      decline_others = true;
    }
    for (const auto& p : store::PlacementsOfApplicant(tx, actor.user_id)) {
      if (p.status != "scheduled" && p.status != "in_progress") continue;
      if (!core::DatesOverlap(p.start_date, p.end_date, block->start_date, block->end_date)) continue;
      std::string title = "another rotation";
      if (auto other = store::FindOffering(tx, p.offering_id)) title = other->title;
      return core::Conflict("these dates overlap your placement in " + title + " (" + p.start_date + " to " +
                            p.end_date + "); you cannot hold both");
    }
    // Claim the offer first: a second acceptance of the same offer waits on
    // this row and then finds the version moved.
    store::PlacementRow p;
    p.id = adapters::NewId();
    o->status = "accepted";
    o->placement_id = p.id;
    o->updated_at = now;
    if (!store::UpdateOffer(tx, *o)) return core::Conflict("this offer changed; reload it");
    o->version += 1;
    Outcome res;
    if (!store::TakeSeat(tx, block->id)) {
      o->status = "lapsed";
      o->placement_id = "";
      o->reason = "no seat left when accepted";
      if (!store::UpdateOffer(tx, *o)) return core::Conflict("this offer changed; reload it");
      o->version += 1;
      auto moved = Move(tx, ctx, actor, *a, "seat_gone", core::Actor::kSystem, "no seat left when accepted");
      if (!moved) return std::unexpected(moved.error());
      store::PutOnTopOfWaitlist(tx, a->offering_id, a->id);
      Audit(tx, ctx, actor, "offer.lapsed", "offer", o->id, o->institution_id, "no seat left; waitlisted first");
      if (auto offering = store::FindOffering(tx, o->offering_id)) {
        EmailApplicant(tx, ctx, a->applicant_id,
                       OfferClosedMessage(NameOf(tx, a->applicant_id), offering->title, offering->institution_name,
                                          "lapsed", "", ApplicantLink(ctx, a->id)));
      }
      res.seat_gone = true;
      res.result.offer = ViewOf(tx, *o);
      return res;
    }
    CrashPoint("offer.accept.after_take_seat");
    p.application_id = a->id;
    p.applicant_id = a->applicant_id;
    p.institution_id = a->institution_id;
    p.offering_id = a->offering_id;
    p.block_id = block->id;
    p.source = "offer";
    p.status = "scheduled";
    p.start_date = block->start_date;
    p.end_date = block->end_date;
    p.created_at = now;
    p.updated_at = now;
    store::InsertPlacement(tx, p);
    CrashPoint("offer.accept.after_placement");
    auto moved = Move(tx, ctx, actor, *a, "accept", core::Actor::kApplicant, "");
    if (!moved) return std::unexpected(moved.error());
    store::BumpCatalogVersion(tx);
    Audit(tx, ctx, actor, "offer.accept", "offer", o->id, o->institution_id, "placement " + p.id);
    if (decline_others) {
      for (auto& other : store::OffersOfApplicant(tx, actor.user_id)) {
        if (other.status != "pending" || other.id == o->id) continue;
        if (scramble_only && other.scramble_round_id.empty()) continue;
        auto st = ClosePending(tx, ctx, actor, other, "declined", "decline", core::Actor::kApplicant,
                               "accepted another offer");
        if (!st) return std::unexpected(st.error());
        res.result.declined_offer_ids.push_back(other.id);
      }
    }
    if (auto offering = store::FindOffering(tx, o->offering_id)) {
      EmailApplicant(tx, ctx, a->applicant_id,
                     PlacementConfirmedMessage(NameOf(tx, a->applicant_id), offering->title,
                                               offering->institution_name, Dates(*block), ApplicantLink(ctx, a->id)));
    }
    CrashPoint("offer.accept.before_commit");
    res.result.offer = ViewOf(tx, *o);
    res.result.placement = p;
    return res;
  });
  if (!out) return std::unexpected(out.error());
  ctx.catalog_cache->Invalidate();
  if (out->seat_gone) {
    return core::Conflict("no seat left: the last seat of this block was just taken; you are now first on its waitlist");
  }
  return std::move(out->result);
}

core::Result<OfferView> DeclineOffer(Context& ctx, const Actor& actor, const std::string& offer_id,
                                     const std::string& reason) {
  if (reason.size() > 2000) return core::InvalidArgument("reason", "the reason is at most 2000 characters");
  auto r = ctx.db.Run<OfferView>([&](store::Tx& tx) -> core::Result<OfferView> {
    auto o = OwnOffer(tx, actor, offer_id);
    if (!o) return std::unexpected(o.error());
    if (o->status == "pending") {
      auto st = ClosePending(tx, ctx, actor, *o, "declined", "decline", core::Actor::kApplicant, reason);
      if (!st) return std::unexpected(st.error());
      return ViewOf(tx, *store::FindOffer(tx, o->id));
    }
    if (o->status != "accepted") {
      auto st = core::CheckOfferAcceptable(o->status);
      return core::Conflict(st ? "this offer cannot be declined" : st.error().message);
    }
    // Giving up an accepted seat: the placement ends, the seat returns.
    auto p = store::FindPlacement(tx, o->placement_id);
    if (!p || p->status == "cancelled") return core::Conflict("this placement is already cancelled");
    if (p->status != "scheduled") return core::Conflict("a placement that has started cannot be declined");
    auto a = store::FindApplication(tx, o->application_id);
    if (!a) return core::NotFound("no such application");
    auto moved = Move(tx, ctx, actor, *a, "withdraw", core::Actor::kApplicant, reason);
    if (!moved) return std::unexpected(moved.error());
    ReleasePlacement(tx, ctx, *p, "declined by the applicant");
    for (const auto& b : a->block_ids) store::AddBlockApplications(tx, b, -1);
    o->status = "declined";
    o->reason = reason;
    o->updated_at = Now(ctx);
    if (!store::UpdateOffer(tx, *o)) return core::Conflict("this offer changed; reload it");
    Audit(tx, ctx, actor, "placement.decline", "placement", p->id, p->institution_id, reason);
    RefillBlock(tx, ctx, p->block_id, true);
    return ViewOf(tx, *store::FindOffer(tx, o->id));
  });
  if (r) ctx.catalog_cache->Invalidate();
  return r;
}

core::Result<OfferView> RescindOffer(Context& ctx, const Actor& actor, const std::string& institution_id,
                                     const std::string& offer_id, const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return core::InvalidArgument("reason", "say why the offer is rescinded (the applicant reads it)");
  }
  if (reason.size() > 2000) return core::InvalidArgument("reason", "the reason is at most 2000 characters");
  return ctx.db.Run<OfferView>([&](store::Tx& tx) -> core::Result<OfferView> {
    auto o = InstitutionOffer(tx, institution_id, offer_id);
    if (!o) return std::unexpected(o.error());
    if (o->status != "pending") {
      return core::Conflict("only a pending offer can be rescinded (this one is " + o->status +
                            (o->status == "accepted" ? "; cancel the placement instead)" : ")"));
    }
    auto st = ClosePending(tx, ctx, actor, *o, "rescinded", "rescind_offer", core::Actor::kCoordinator, reason);
    if (!st) return std::unexpected(st.error());
    if (auto offering = store::FindOffering(tx, o->offering_id)) {
      EmailApplicant(tx, ctx, o->applicant_id,
                     OfferClosedMessage(NameOf(tx, o->applicant_id), offering->title, offering->institution_name,
                                        "rescinded", reason, ApplicantLink(ctx, o->application_id)));
    }
    return ViewOf(tx, *store::FindOffer(tx, o->id));
  });
}

core::Result<store::PlacementRow> CancelPlacement(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                  const std::string& placement_id, const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return core::InvalidArgument("reason", "say why the placement is cancelled (the applicant reads it)");
  }
  if (reason.size() > 2000) return core::InvalidArgument("reason", "the reason is at most 2000 characters");
  auto r = ctx.db.Run<store::PlacementRow>([&](store::Tx& tx) -> core::Result<store::PlacementRow> {
    auto p = store::FindPlacement(tx, placement_id);
    if (!p || p->institution_id != institution_id) return core::NotFound("no such placement");
    if (p->status == "cancelled") return core::Conflict("this placement is already cancelled");
    if (p->status != "scheduled" && p->status != "in_progress") {
      return core::Conflict("a placement that is " + p->status + " cannot be cancelled");
    }
    auto a = store::FindApplication(tx, p->application_id);
    if (!a) return core::NotFound("no such application");
    if (a->status == "accepted") {
      auto moved = Move(tx, ctx, actor, *a, "cancel_placement", core::Actor::kCoordinator, reason);
      if (!moved) return std::unexpected(moved.error());
    }
    ReleasePlacement(tx, ctx, *p, reason);
    Audit(tx, ctx, actor, "placement.cancel", "placement", p->id, institution_id, reason);
    if (auto offering = store::FindOffering(tx, p->offering_id)) {
      EmailApplicant(tx, ctx, p->applicant_id,
                     PlacementCancelledMessage(NameOf(tx, p->applicant_id), offering->title,
                                               offering->institution_name, reason, ApplicantLink(ctx, a->id)));
    }
    RefillBlock(tx, ctx, p->block_id, true);
    return *store::FindPlacement(tx, p->id);
  });
  if (r) ctx.catalog_cache->Invalidate();
  return r;
}

core::Result<int> ExpireOffers(Context& ctx) {
  constexpr int kBatch = 50;
  int total = 0;
  for (;;) {
    auto n = ctx.db.Run<int>([&](store::Tx& tx) -> core::Result<int> {
      std::string now = Now(ctx);
      auto ids = store::DueOfferIds(tx, now, kBatch);
      Actor system;
      int done = 0;
      for (const auto& id : ids) {
        auto o = store::FindOffer(tx, id);
        if (!o || o->status != "pending") continue;
        auto st = ClosePending(tx, ctx, system, *o, "expired", "expire_offer", core::Actor::kSystem,
                               "the offer expired");
        if (!st) return std::unexpected(st.error());
        if (auto offering = store::FindOffering(tx, o->offering_id)) {
          EmailApplicant(tx, ctx, o->applicant_id,
                         OfferClosedMessage(NameOf(tx, o->applicant_id), offering->title, offering->institution_name,
                                            "expired", "", ApplicantLink(ctx, o->application_id)));
        }
        ++done;
      }
      return static_cast<int>(ids.size()) < kBatch ? -done - 1 : done;  // negative: last batch
    });
    if (!n) return std::unexpected(n.error());
    if (*n < 0) return total + (-*n - 1);
    total += *n;
  }
}

void CloseOffersOnWithdraw(store::Tx& tx, Context& ctx, const Actor& actor, const store::ApplicationRow& a,
                           const std::string& from_status) {
  if (from_status != "offer" && from_status != "accepted") return;
  for (auto o : store::OffersOfApplication(tx, a.id)) {
    bool accepted = o.status == "accepted" && from_status == "accepted";
    if (o.status == "pending" || accepted) {
      o.status = "declined";
      o.reason = "the application was withdrawn";
      o.updated_at = Now(ctx);
      if (!store::UpdateOffer(tx, o)) throw std::runtime_error("offer changed during withdrawal");
      Audit(tx, ctx, actor, "offer.declined", "offer", o.id, o.institution_id, o.reason);
      if (!accepted) RefillBlock(tx, ctx, o.block_id, false);
    }
  }
  if (from_status == "accepted") {
    if (auto p = store::ActivePlacementOfApplication(tx, a.id)) {
      ReleasePlacement(tx, ctx, *p, "the application was withdrawn");
      Audit(tx, ctx, actor, "placement.cancel", "placement", p->id, a.institution_id, "withdrawn by the applicant");
      RefillBlock(tx, ctx, p->block_id, true);
      ctx.catalog_cache->Invalidate();
    }
  }
}

core::Result<std::vector<OfferView>> MyOffers(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<std::vector<OfferView>>([&](store::Tx& tx) -> core::Result<std::vector<OfferView>> {
    std::vector<OfferView> out;
    for (auto& o : store::OffersOfApplicant(tx, actor.user_id)) out.push_back(ViewOf(tx, std::move(o)));
    return out;
  });
}

core::Result<std::vector<OfferView>> ApplicationOffers(Context& ctx, const Actor& actor,
                                                       const std::string& institution_id,
                                                       const std::string& application_id) {
  return ctx.db.RunRead<std::vector<OfferView>>([&](store::Tx& tx) -> core::Result<std::vector<OfferView>> {
    auto a = store::FindApplication(tx, application_id);
    bool ok = a && (institution_id.empty() ? a->applicant_id == actor.user_id
                                           : a->institution_id == institution_id && a->status != "draft");
    if (!ok) return core::NotFound("no such application");
    std::vector<OfferView> out;
    for (auto& o : store::OffersOfApplication(tx, a->id)) out.push_back(ViewOf(tx, std::move(o)));
    return out;
  });
}

core::Result<OfferingBoard> OfferingOffers(Context& ctx, const Actor&, const std::string& institution_id,
                                           const std::string& offering_id) {
  return ctx.db.RunRead<OfferingBoard>([&](store::Tx& tx) -> core::Result<OfferingBoard> {
    auto offering = store::FindOffering(tx, offering_id);
    if (!offering || offering->institution_id != institution_id) return core::NotFound("no such offering");
    OfferingBoard b;
    b.settings = store::OfferSettingsOf(tx, offering_id);
    std::set<std::string> people;
    for (const auto& blk : store::ListBlocks(tx, offering_id)) {
      BlockBoard bb;
      if (auto s = store::FindBlockSeats(tx, blk.id)) bb.block = *s;
      bb.pending_offers = store::PendingOffersOfBlock(tx, blk.id);
      bb.waitlist = store::WaitlistOfBlock(tx, offering_id, blk.id);
      b.blocks.push_back(std::move(bb));
    }
    for (auto& o : store::OffersOfOffering(tx, offering_id)) {
      people.insert(o.applicant_id);
      b.offers.push_back(ViewOf(tx, std::move(o)));
    }
    for (auto& p : store::PlacementsOfInstitution(tx, institution_id)) {
      if (p.offering_id != offering_id) continue;
      people.insert(p.applicant_id);
      b.placements.push_back(std::move(p));
    }
    for (const auto& id : people) {
      std::string name;
      if (auto prof = store::FindProfile(tx, id)) name = prof->legal_name;
      if (name.empty()) name = NameOf(tx, id);
      b.names.emplace_back(id, name);
    }
    return b;
  });
}

core::Result<store::OfferSettingsRow> SaveOfferSettings(Context& ctx, const Actor& actor,
                                                        const std::string& institution_id,
                                                        const std::string& offering_id, int expiry_days,
                                                        const std::string& waitlist_promotion) {
  if (auto st = core::ValidateOfferExpiryDays(expiry_days, "expiry_days"); !st) return std::unexpected(st.error());
  if (auto st = core::ValidateWaitlistPromotion(waitlist_promotion); !st) return std::unexpected(st.error());
  return ctx.db.Run<store::OfferSettingsRow>([&](store::Tx& tx) -> core::Result<store::OfferSettingsRow> {
    auto offering = store::FindOffering(tx, offering_id);
    if (!offering || offering->institution_id != institution_id) return core::NotFound("no such offering");
    store::OfferSettingsRow s{offering_id, expiry_days, waitlist_promotion, Now(ctx)};
    store::SaveOfferSettings(tx, s);
    Audit(tx, ctx, actor, "offering.offer_settings", "offering", offering_id, institution_id,
          std::to_string(expiry_days) + " days, " + waitlist_promotion);
    return s;
  });
}

}  // namespace clerkship::services
