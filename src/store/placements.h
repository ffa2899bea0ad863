// Placements (an applicant holding a seat of a block) and the seat counter
// of a block: named statements over a Tx. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct PlacementRow {
  std::string id;
  std::string application_id;
  std::string applicant_id;
  std::string institution_id;
  std::string offering_id;
  std::string block_id;
  std::string source;  // offer | match
  std::string status;  // scheduled | in_progress | completed | incomplete | cancelled
  std::string status_reason;
  std::string preceptor_id;  // '' until assigned
  std::string start_date, end_date;
  int version = 1;
  std::string created_at;
  std::string updated_at;
};

// Takes one seat of the block when one is free: a single conditional UPDATE,
// so concurrent transactions (also from several processes on one PostgreSQL)
// never take more seats than the block has. False when the block is full.
bool TakeSeat(Tx& tx, const std::string& block_id);
// Gives one seat back (never below zero).
void ReleaseSeat(Tx& tx, const std::string& block_id);

void InsertPlacement(Tx& tx, const PlacementRow& p);
// Writes status, reason, preceptor and updated_at when `p.version` is the
// stored version, and stores version + 1. False when someone changed it.
bool UpdatePlacement(Tx& tx, const PlacementRow& p);
std::optional<PlacementRow> FindPlacement(Tx& tx, const std::string& id);
// The application's placement that is not cancelled, if any.
std::optional<PlacementRow> ActivePlacementOfApplication(Tx& tx, const std::string& application_id);
// An applicant's placements (every status), soonest start first.
std::vector<PlacementRow> PlacementsOfApplicant(Tx& tx, const std::string& applicant_id);
// A block's placements that are not cancelled.
std::vector<PlacementRow> PlacementsOfBlock(Tx& tx, const std::string& block_id);
// An institution's placements (every status), soonest start first.
std::vector<PlacementRow> PlacementsOfInstitution(Tx& tx, const std::string& institution_id);

}  // namespace clerkship::store
