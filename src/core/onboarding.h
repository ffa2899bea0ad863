// Onboarding after acceptance (issue 7; decision 013): the institution's
// items of an offering (orientation, badge photo, information to acknowledge,
// policies to sign), what an applicant recorded against them, and the
// checklist of a placement = the block's compliance items (compliance.h) +
// these items → done / missing, "cleared to start". Pure; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/compliance.h"
#include "core/result.h"

namespace clerkship::core {

// Item kinds (wire codes): orientation | badge_photo | information | policy.
extern const std::vector<std::string> kOnboardingKinds;

inline constexpr size_t kMaxOnboardingItems = 30;
inline constexpr size_t kMaxOnboardingTitle = 200;
inline constexpr size_t kMaxOnboardingBody = 20000;
inline constexpr size_t kMaxOnboardingPlace = 500;

// What a coordinator types for one item.
struct OnboardingItemDraft {
  std::string id;     // empty for a new item; kept to keep signatures of an unchanged policy
  std::string kind;   // from kOnboardingKinds
  std::string title;  // required (badge_photo defaults to "Badge photo")
  std::string body;   // information/policy: required (the text shown, the text signed)
  std::string date;   // orientation: YYYY-MM-DD in the institution's zone
  std::string time;   // orientation: HH:MM (24 h) in the institution's zone
  std::string place;  // orientation: required

  bool operator==(const OnboardingItemDraft&) const = default;
};

// Trims and checks an offering's items. kInvalidArgument names the field
// ("items[2].date"); at most kMaxOnboardingItems, at most one badge_photo.
Result<std::vector<OnboardingItemDraft>> ValidateOnboardingItems(std::vector<OnboardingItemDraft> items);

// A stored item.
struct OnboardingItem {
  std::string id;
  std::string kind;
  std::string title;
  std::string body;
  std::string starts_at;  // orientation: UTC ISO 8601
  std::string place;
  int version = 1;        // policies: +1 each time the text changes
  std::string text_hash;  // SHA-256 (hex) of the title and body, computed by the caller
};

// What the applicant recorded for an item of a placement.
struct OnboardingRecord {
  std::string item_id;
  std::string action;     // acknowledge | sign
  std::string text_hash;  // the policy text signed (sign only)
  int version = 0;
  std::string at;         // UTC ISO 8601
};

// The action an item takes from the applicant: "acknowledge" (orientation,
// information), "sign" (policy), "" (badge photo: upload to the vault).
std::string ActionFor(const std::string& kind);

inline constexpr char kDone[] = "done";
inline constexpr char kNeedsSignature[] = "needs_signature";  // policy changed since signed

struct OnboardingItemStatus {
  std::string item_id;
  std::string kind;
  std::string title;
  std::string state;   // done | missing | needs_signature
  std::string reason;  // a sentence for the applicant
  std::string recorded_at;

  bool operator==(const OnboardingItemStatus&) const = default;
};

struct OnboardingChecklist {
  std::vector<ComplianceItem> compliance;  // as given
  std::vector<OnboardingItemStatus> items;
  // One line per unfinished thing, compliance first ("TB test: Expires …",
  // "Sign: Confidentiality policy"): what the board and reminders list.
  std::vector<std::string> missing;
  bool cleared = false;  // compliance Cleared() and every item done
};

// The checklist of one placement. `has_badge_photo`: the applicant's vault
// holds a live, not rejected badge photo.
OnboardingChecklist EvaluateOnboarding(const std::vector<ComplianceItem>& compliance,
                                       const std::vector<OnboardingItem>& items,
                                       const std::vector<OnboardingRecord>& records, bool has_badge_photo);

// Reminder thresholds before the start, in days.
inline constexpr int kOnboardingReminderDays[] = {14, 7, 2};

// The threshold due on `today` for a start on `start_date`: the smallest of
// kOnboardingReminderDays that is ≥ the days left, while at least one day is
// left (a run missed on the exact day still sends it later; the caller sends
// each threshold once). nullopt when none or a date is invalid.
std::optional<int> DueOnboardingReminder(const std::string& today, const std::string& start_date);

}  // namespace clerkship::core
