// Onboarding tables (migration 016; decision 013): an offering's items, what
// an applicant recorded per placement, the institution's letterhead, and the
// placements whose start is near (reminders). Named statements over a Tx.
// Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.h"
#include "store/placements.h"

namespace clerkship::store {

struct OnboardingItemRow {
  std::string id;
  std::string offering_id;
  int position = 0;
  std::string kind;
  std::string title;
  std::string body;
  std::string local_date;  // orientation, institution's zone
  std::string local_time;
  std::string starts_at;   // orientation, UTC
  std::string place;
  int version = 1;
  std::string text_hash;
  std::string created_at;
  std::string updated_at;
};
// The offering's items in their order.
std::vector<OnboardingItemRow> ListOnboardingItems(Tx& tx, const std::string& offering_id);
void InsertOnboardingItem(Tx& tx, const OnboardingItemRow& item);
// Rewrites every column but id, offering_id and created_at.
void UpdateOnboardingItem(Tx& tx, const OnboardingItemRow& item);
// Removes the item and what applicants recorded for it.
void DeleteOnboardingItem(Tx& tx, const std::string& item_id);

struct OnboardingRecordRow {
  std::string placement_id;
  std::string item_id;
  std::string action;  // acknowledge | sign
  std::string text_hash;
  int version = 0;
  std::string user_id;
  std::string recorded_at;
};
std::vector<OnboardingRecordRow> ListOnboardingRecords(Tx& tx, const std::string& placement_id);
// Replaces the placement's record of that item.
void SaveOnboardingRecord(Tx& tx, const OnboardingRecordRow& r);

struct LetterheadRow {
  std::string institution_id;
  std::string address;
  std::string phone;
  std::string signatory_name;
  std::string signatory_title;
  std::string updated_at;
};
std::optional<LetterheadRow> FindLetterhead(Tx& tx, const std::string& institution_id);
void SaveLetterhead(Tx& tx, const LetterheadRow& l);

// Scheduled placements starting from `from` to `to` (inclusive dates).
std::vector<PlacementRow> PlacementsStartingBetween(Tx& tx, const std::string& from, const std::string& to);
// Reminder keys (reminders_sent) starting with `prefix`, with when each was sent.
std::vector<std::pair<std::string, std::string>> RemindersWithPrefix(Tx& tx, const std::string& prefix);

}  // namespace clerkship::store
