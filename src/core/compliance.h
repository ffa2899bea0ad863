// The compliance engine: an offering's required documents + a block's dates
// + the applicant's vault → one checklist item per requirement (decision
// 005). Pure functions over plain values; thread-compatible.
//
// Rules (dates are calendar dates "YYYY-MM-DD" in the institution's zone,
// compared as strings, so the caller passes validated dates):
//  * Expiry is inclusive: a document is valid through its expires_on day, so
//    one expiring on the block's last day is satisfied.
//  * expires_on before the block's start → expired; on/after the start but
//    before the end → expires_during. A document of any type that states an
//    expiry date is held to it.
//  * A document of an expiring type (vault.h) without expires_on cannot be
//    checked against the dates: it is "pending" with the reason "Expiry date
//    missing …" (the applicant must add it; verification alone won't do).
//  * Per document the precedence is rejected, then dates (expired,
//    expires_during, expiry missing), then status (pending, verified →
//    satisfied); a status other than verified/rejected counts as pending.
//  * Several documents of a type: the best are chosen, ranked satisfied >
//    pending > pending without expiry date > expires_during > expired >
//    rejected, ties broken by the later expiry, then the later issue date,
//    then input order. A requirement with count n takes the best n distinct
//    documents; the item's state is the worst of those, or "missing" when
//    fewer than n exist. Deleted documents are ignored.
//  * letter_of_recommendation and cover_letter are "application" items:
//    the application answers them, the vault does not.
#pragma once

#include <string>
#include <vector>

#include "core/vault.h"

namespace clerkship::core {

// States, as stored and sent on the wire.
inline constexpr char kSatisfied[] = "satisfied";
inline constexpr char kMissing[] = "missing";
inline constexpr char kExpired[] = "expired";
inline constexpr char kExpiresDuring[] = "expires_during";
inline constexpr char kPending[] = "pending";
inline constexpr char kRejected[] = "rejected";
inline constexpr char kApplication[] = "application";

// One required document of the offering (catalog.h RequiredDocument).
struct Requirement {
  std::string type;  // a kDocumentTypes code
  int count = 1;     // distinct documents needed; < 1 counts as 1
};

struct BlockDates {
  std::string start_date;  // first day of the rotation
  std::string end_date;    // last day of the rotation
};

// A vault document as of its current version.
struct VaultDocument {
  std::string id;
  std::string type;
  std::string status;  // pending | verified | rejected
  std::string status_reason;
  std::string issued_on;
  std::string expires_on;
  bool deleted = false;
  // Immunization records: the entries, shown with the item. The coordinator
  // judges them when verifying; the engine does not second-guess that.
  std::vector<VaccineEntry> vaccines;
};

struct ComplianceItem {
  std::string requirement;  // the requirement's type
  int count = 1;
  std::string state;   // one of the states above
  std::string reason;  // a sentence naming dates, e.g. "Expires 2027-01-15, before
                       // the rotation ends on 2027-01-31."
  std::vector<std::string> document_ids;  // the documents chosen, best first

  bool operator==(const ComplianceItem&) const = default;
};

// One item per requirement, in the requirements' order.
std::vector<ComplianceItem> EvaluateCompliance(const std::vector<Requirement>& requirements,
                                               const BlockDates& block,
                                               const std::vector<VaultDocument>& documents);

// True when every item is satisfied ("application" items do not block: the
// application's own completeness covers them). True for no items.
bool Cleared(const std::vector<ComplianceItem>& items);

// Reminder thresholds, in days before the target date.
inline constexpr int kReminderDays[] = {30, 14, 3};

// The thresholds of kReminderDays that fall exactly on `today` for
// `target_date` (at most one; empty when none, or when a date is invalid).
std::vector<int> DueReminderDays(const std::string& today, const std::string& target_date);

struct Reminder {
  std::string kind;         // "document_expires" | "block_start"
  int days = 0;             // days left: 30, 14 or 3
  std::string date;         // the expiry date or the block's start
  std::string requirement;  // document_expires: the requirement's type
  std::string document_id;  // document_expires: the expiring document

  bool operator==(const Reminder&) const = default;
};

// The reminders due `today` for one block's checklist: "block_start" when
// the block starts in 30/14/3 days and the items are not Cleared, and
// "document_expires" for each chosen document of an item that is not
// satisfied whose expires_on (before the block's end) is 30/14/3 days away.
// `items` is EvaluateCompliance's result for the same block and documents.
std::vector<Reminder> DueReminders(const std::string& today, const BlockDates& block,
                                   const std::vector<ComplianceItem>& items,
                                   const std::vector<VaultDocument>& documents);

}  // namespace clerkship::core
