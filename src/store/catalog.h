// Catalog tables: specialties, offerings, blocks, and the search index.
// Named statements over a Tx; thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/catalog_index.h"
#include "store/database.h"

namespace clerkship::store {

struct SpecialtyRow {
  std::string code;
  std::string name;
};
std::vector<SpecialtyRow> ListSpecialties(Tx& tx);
void InsertSpecialty(Tx& tx, const SpecialtyRow& s, const std::string& now);

// An offering row: searchable columns plus the details JSON (written by services).
struct OfferingRow {
  std::string id;
  std::string institution_id;
  std::string status;
  std::string title;
  std::string specialty;
  std::string type;
  bool hands_on = true;
  std::string description;
  std::string city;
  std::string state;
  std::string country;
  int duration_weeks = 4;
  std::string currency;
  int64_t fee_min_cents = 0;
  std::string visas;  // " j1 b1_b2 "
  std::string details;
  std::string created_at;
  std::string updated_at;
  // Joined from institutions when read.
  std::string institution_name;
  std::string time_zone;
};

void InsertOffering(Tx& tx, const OfferingRow& o);
void UpdateOffering(Tx& tx, const OfferingRow& o);
void SetOfferingStatus(Tx& tx, const std::string& id, const std::string& status, const std::string& now);
std::optional<OfferingRow> FindOffering(Tx& tx, const std::string& id);
std::vector<OfferingRow> ListOfferings(Tx& tx, const std::string& institution_id);
// Rewrites the offering's search entry (title, description, institution, specialty name).
void IndexOffering(Tx& tx, const OfferingRow& o, const std::string& specialty_name);

void InsertBlock(Tx& tx, const core::Block& b, const std::string& now);
void UpdateBlock(Tx& tx, const core::Block& b);
void DeleteBlock(Tx& tx, const std::string& block_id);
std::vector<core::Block> ListBlocks(Tx& tx, const std::string& offering_id);
std::optional<core::Block> FindBlock(Tx& tx, const std::string& offering_id, const std::string& block_id);

// The catalog version (bumped by every catalog change) and the bump.
long long CatalogVersion(Tx& tx);
void BumpCatalogVersion(Tx& tx);
// Stamps the offering's never-yet-visible blocks with the current catalog
// version when the offering is published (call after the bump): the
// saved-search alerts announce each block once, by this stamp.
void MarkBlocksVisible(Tx& tx, const std::string& offering_id);

// Every published offering with its blocks, for the in-memory search index.
std::vector<core::IndexedOffering> LoadCatalogIndex(Tx& tx);

}  // namespace clerkship::store
