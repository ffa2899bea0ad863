// Catalog tables: specialties, offerings, blocks, and the search index.
// Named statements over a Tx; thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
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

struct SearchFilter {
  std::string text;  // free text; already reduced to words
  std::string type, specialty, state, country;
  int hands_on = -1;        // -1 any, 0 no, 1 yes
  int64_t fee_max_cents = -1;
  std::string open_on;      // "" or a date: an application window includes it
  std::string start_month;  // "" or YYYY-MM: a block starts in it
  std::string visa;         // "" or a visa code
  std::string sort = "start";  // start | deadline | fee | relevance
  int limit = 20;
  int offset = 0;
};

struct SearchHit {
  OfferingRow offering;
  std::string next_start;     // earliest block start on or after today ("" if none)
  std::string next_deadline;  // earliest deadline on or after today
  int seats_left = 0;         // over upcoming blocks
};

struct SearchPage {
  int total = 0;
  std::vector<SearchHit> hits;
  // facet name → value → count of matching offerings
  std::map<std::string, std::map<std::string, int>> facets;
};

// Published offerings matching `f`; `today` (YYYY-MM-DD) decides "upcoming".
SearchPage SearchOfferings(Tx& tx, const SearchFilter& f, const std::string& today);

}  // namespace clerkship::store
