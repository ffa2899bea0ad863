// An in-memory index of the published catalog and the pure search over it:
// filters, facet counts, sorting and paging. The service keeps one snapshot
// per process and rebuilds it when the catalog version changes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace clerkship::core {

struct IndexedBlock {
  std::string start_date;
  std::string opens_on;
  std::string deadline;
  int seats_left = 0;
};

struct IndexedOffering {
  std::string id;
  std::string title;
  std::string institution_id;
  std::string institution_name;
  std::string time_zone;
  std::string specialty;
  std::string type;
  bool hands_on = true;
  std::string city;
  std::string state;
  std::string country;
  int duration_weeks = 0;
  std::string currency;
  int64_t fee_min_cents = 0;
  std::vector<std::string> visas;
  std::vector<IndexedBlock> blocks;  // sorted by start_date
  std::string search_text;           // words to index (title, institution, specialty, city, description); cleared once indexed
};

struct CatalogQuery {
  std::string type, specialty, state, country, visa;
  int hands_on = -1;            // -1 any
  int64_t fee_max_cents = -1;   // -1 any
  bool open_now = false;
  std::string start_month;      // "" or YYYY-MM
  std::string sort = "start";   // start | deadline | fee | relevance
  int offset = 0;
  int limit = 20;
};

struct CatalogHit {
  const IndexedOffering* offering = nullptr;
  std::string next_start;     // first block starting today or later ("" if none)
  std::string next_deadline;  // first deadline today or later
  int seats_left = 0;         // over upcoming blocks
};

struct CatalogPage {
  int total = 0;
  std::vector<CatalogHit> hits;
  std::map<std::string, std::map<std::string, int>> facets;
};

// Searches `offerings`. `text_scores`, when given, has one entry per
// offering: the full-text relevance (higher is better) or a negative number
// for offerings the text does not match. `today` is YYYY-MM-DD.
CatalogPage SearchCatalogIndex(const std::vector<IndexedOffering>& offerings, const CatalogQuery& q,
                               const std::vector<double>* text_scores, const std::string& today);

// The fee facet bucket of an all-in cost: free, under_1000, 1000_to_3000, over_3000 (dollars).
const char* FeeBucket(int64_t cents);

}  // namespace clerkship::core
