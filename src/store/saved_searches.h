// Saved searches and the published-block sequence the alert job reads.
// Named statements over a Tx; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "store/database.h"

namespace clerkship::store {

struct SavedSearchRow {
  std::string id;
  std::string user_id;
  std::string name;
  std::string query;  // search parameters as a JSON object of strings
  long long watermark = 0;
  std::string created_at;
  std::string last_alert_at;
  // Joined from users when read for alerts.
  std::string email;
  std::string display_name;
};

void InsertSavedSearch(Tx& tx, const SavedSearchRow& s);
// The user's saved searches, oldest first.
std::vector<SavedSearchRow> ListSavedSearches(Tx& tx, const std::string& user_id);
int CountSavedSearches(Tx& tx, const std::string& user_id);
// Deletes the user's saved search; false when there is none with that id.
bool DeleteSavedSearch(Tx& tx, const std::string& user_id, const std::string& id);

// The highest published_seq of any block (0 when none).
long long MaxPublishedSeq(Tx& tx);
// Saved searches whose watermark is below `seq`, with the owner's e-mail, at most `limit`.
std::vector<SavedSearchRow> SavedSearchesBehind(Tx& tx, long long seq, int limit);
// Moves a watermark from `from` to `to`; false when another process already
// moved it (the row's watermark is no longer `from`).
bool AdvanceWatermark(Tx& tx, const std::string& id, long long from, long long to,
                      const std::string& alert_at);

struct PublishedBlock {
  std::string offering_id;
  core::Block block;
  long long seq = 0;
};
// Blocks of published offerings with after < published_seq <= upto.
std::vector<PublishedBlock> BlocksPublishedBetween(Tx& tx, long long after, long long upto);

}  // namespace clerkship::store
