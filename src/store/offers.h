// Offers of a block to an application, the per-offering offer settings, and
// the block-level reads the offer use cases need: named statements over a Tx.
// Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct OfferRow {
  std::string id;
  std::string application_id;
  std::string applicant_id;
  std::string institution_id;
  std::string offering_id;
  std::string block_id;
  std::string status;  // pending | accepted | declined | expired | rescinded | lapsed
  std::string expires_at;
  std::string reason;
  std::string offered_by;    // user id, '' for the system
  std::string placement_id;  // '' until accepted
  int version = 1;
  std::string created_at;
  std::string updated_at;
  std::string scramble_round_id;  // the scramble round it was made in, or ''
};

void InsertOffer(Tx& tx, const OfferRow& o);
// Writes status, reason, placement_id and updated_at when `o.version` is the
// stored version, and stores version + 1. False when someone changed it.
bool UpdateOffer(Tx& tx, const OfferRow& o);
std::optional<OfferRow> FindOffer(Tx& tx, const std::string& id);
std::vector<OfferRow> OffersOfApplication(Tx& tx, const std::string& application_id);
// Every offer to the applicant, newest first.
std::vector<OfferRow> OffersOfApplicant(Tx& tx, const std::string& applicant_id);
std::vector<OfferRow> OffersOfOffering(Tx& tx, const std::string& offering_id);
int PendingOffersOfBlock(Tx& tx, const std::string& block_id);
// Ids of pending offers whose expires_at <= now, oldest first, at most
// `limit`. On PostgreSQL the rows are locked FOR UPDATE SKIP LOCKED, so two
// processes running the expiry job never pick the same offer.
std::vector<std::string> DueOfferIds(Tx& tx, const std::string& now, int limit);

// One applicant at a time through acceptance: on PostgreSQL a row lock on the
// user (SELECT … FOR UPDATE), so two overlapping acceptances of one person
// cannot both pass the overlap check; SQLite write transactions are serial.
void LockApplicant(Tx& tx, const std::string& user_id);

struct OfferSettingsRow {
  std::string offering_id;
  int expiry_days = 7;
  std::string waitlist_promotion = "auto";  // auto | notify
  std::string updated_at;
};
// The stored settings, or the defaults (7 days, auto).
OfferSettingsRow OfferSettingsOf(Tx& tx, const std::string& offering_id);
void SaveOfferSettings(Tx& tx, const OfferSettingsRow& s);

struct BlockSeats {
  std::string id, offering_id, start_date, end_date;
  int seats = 0, filled = 0;
};
std::optional<BlockSeats> FindBlockSeats(Tx& tx, const std::string& block_id);
// Waitlisted applications of the offering that chose the block, best rank first.
std::vector<std::string> WaitlistOfBlock(Tx& tx, const std::string& offering_id, const std::string& block_id);
// Puts the application at rank 1 of its offering's waitlist (others move down).
void PutOnTopOfWaitlist(Tx& tx, const std::string& offering_id, const std::string& application_id);

}  // namespace clerkship::store
