// Offers and seats (issue 7; docs/offers.md): a coordinator offers one block
// of an application; the applicant accepts (one transaction that takes a seat
// with store::TakeSeat, so the block is never overbooked, also with several
// server processes on one PostgreSQL) or declines; offers expire (a job),
// can be rescinded, and accepted placements can be cancelled. A freed seat
// goes to the block's waitlist (auto) or is announced to the coordinators
// (notify). One transaction per use case; thread-safe like Context.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "services/context.h"
#include "store/offers.h"
#include "store/placements.h"
#include "store/vault.h"

namespace clerkship::services {

struct OfferView {
  store::OfferRow row;
  std::string offering_title;
  std::string institution_name;
  std::string time_zone;  // the institution's
  std::string block_start, block_end;
  int seats = 0, filled = 0, pending_offers = 0;
};

struct OfferInput {
  std::string block_id;
  std::optional<int> expiry_days;  // 1..60; the offering's setting when absent
  std::string note;                // optional, at most 2000 characters
};
// Coordinator of `institution_id`: offers a block of the offering to the
// application (core event "offer"). kConflict when the block has no free seat
// ("offers beyond seats"), when the application already holds a pending offer,
// or when its status allows no offer. A pending offer holds no seat: several
// may be open for the last free seat; the first acceptance takes it.
core::Result<OfferView> MakeOffer(Context& ctx, const Actor& actor, const std::string& institution_id,
                                  const std::string& application_id, const OfferInput& in);

struct AcceptResult {
  OfferView offer;
  store::PlacementRow placement;
  std::vector<std::string> declined_offer_ids;  // with decline_other_offers
};
// Inside the scramble's transaction (services/scramble.cpp): a pending offer
// of `block_id` to the application that expires at `expires_at` (the end of
// the scramble round), tagged with the round. The caller checks the window,
// the seats and the coordinator; kConflict when the application takes no offer.
core::Result<store::OfferRow> InsertScrambleOffer(store::Tx& tx, Context& ctx, const Actor& actor,
                                                  const store::ApplicationRow& a, const std::string& block_id,
                                                  core::TimePoint expires_at, const std::string& scramble_round_id,
                                                  const std::string& note);

// The applicant accepts their pending offer, in ONE transaction: the offer is
// pending and not expired, no active placement of theirs overlaps the block's
// dates (kConflict naming it), a seat is free (TakeSeat), the placement is
// written (source "offer"), the application becomes accepted, audit. When no
// seat is left the offer lapses and the application goes back to the top of
// the waitlist (committed), and the answer is kConflict "no seat left …".
// A scramble offer: kConflict when another scramble offer was accepted;
// accepting declines the applicant's other pending scramble offers.
core::Result<AcceptResult> AcceptOffer(Context& ctx, const Actor& actor, const std::string& offer_id,
                                       bool decline_other_offers);
// The applicant declines a pending offer; or gives up an accepted one (the
// placement is cancelled and the seat returns). kConflict otherwise.
core::Result<OfferView> DeclineOffer(Context& ctx, const Actor& actor, const std::string& offer_id,
                                     const std::string& reason);
// Coordinator: rescinds a pending offer; `reason` is required.
core::Result<OfferView> RescindOffer(Context& ctx, const Actor& actor, const std::string& institution_id,
                                     const std::string& offer_id, const std::string& reason);
// Coordinator: cancels an accepted placement; `reason` is required. The seat
// returns, the application becomes cancelled, waitlist promotion runs.
core::Result<store::PlacementRow> CancelPlacement(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                  const std::string& placement_id, const std::string& reason);

// The expiry job: expires due pending offers in batches (PostgreSQL: FOR
// UPDATE SKIP LOCKED, so several processes never expire one offer twice).
// Returns how many it expired.
core::Result<int> ExpireOffers(Context& ctx);

// Inside the applicant's withdrawal: closes a pending offer of the
// application, or cancels its placement (seat back, promotion).
void CloseOffersOnWithdraw(store::Tx& tx, Context& ctx, const Actor& actor, const store::ApplicationRow& a,
                           const std::string& from_status);

// The caller's offers (applicant), newest first.
core::Result<std::vector<OfferView>> MyOffers(Context& ctx, const Actor& actor);
// Offers of one application (staff of the institution, or its applicant when
// institution_id is empty).
core::Result<std::vector<OfferView>> ApplicationOffers(Context& ctx, const Actor& actor,
                                                       const std::string& institution_id,
                                                       const std::string& application_id);

struct BlockBoard {
  store::BlockSeats block;
  int pending_offers = 0;
  std::vector<std::string> waitlist;  // application ids, by rank
};
struct OfferingBoard {
  store::OfferSettingsRow settings;
  std::vector<BlockBoard> blocks;
  std::vector<OfferView> offers;
  std::vector<store::PlacementRow> placements;  // every status
  std::vector<std::pair<std::string, std::string>> names;  // applicant id → name
};
// Staff: the offering's blocks with seats, its offers and placements.
core::Result<OfferingBoard> OfferingOffers(Context& ctx, const Actor& actor, const std::string& institution_id,
                                           const std::string& offering_id);
// Coordinator: expiry days (1..60) and waitlist promotion (auto | notify).
core::Result<store::OfferSettingsRow> SaveOfferSettings(Context& ctx, const Actor& actor,
                                                        const std::string& institution_id,
                                                        const std::string& offering_id, int expiry_days,
                                                        const std::string& waitlist_promotion);

}  // namespace clerkship::services
