#include "core/compliance.h"

#include <algorithm>

#include "core/dates.h"
#include "core/text.h"

namespace clerkship::core {
namespace {

// Best first; the item's state is that of its worst chosen document.
enum Rank {
  kRankSatisfied,
  kRankPending,
  kRankNoExpiry,
  kRankExpiresDuring,
  kRankExpired,
  kRankRejected
};

struct Judged {
  const VaultDocument* doc;
  Rank rank;
  const char* state;
  std::string reason;
};

bool IsApplicationItem(const std::string& type) {
  return type == "letter_of_recommendation" || type == "cover_letter";
}

// "TB test" stays, "Immunization record" → "immunization record".
std::string Noun(const std::string& type) {
  const VaultType* t = FindVaultType(type);
  std::string s = t ? t->label : type;
  if (!t) std::replace(s.begin(), s.end(), '_', ' ');
  if (s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z')) {
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  }
  return s;
}

std::string Sentence(std::string s) {
  s = Trim(s);
  if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') s += '.';
  return s;
}

Judged Judge(const VaultDocument& d, const BlockDates& b) {
  const VaultType* type = FindVaultType(d.type);
  if (d.status == "rejected") {
    std::string why = Trim(d.status_reason);
    return {&d, kRankRejected, kRejected,
            why.empty() ? "Rejected by the coordinator." : "Rejected: " + Sentence(why)};
  }
  if (d.expires_on.empty() && type && type->expires) {
    return {&d, kRankNoExpiry, kPending,
            "Expiry date missing; add it so the document can be checked against the rotation "
            "dates."};
  }
  if (!d.expires_on.empty() && d.expires_on < b.start_date) {
    return {&d, kRankExpired, kExpired,
            "Expires " + d.expires_on + ", before the rotation starts on " + b.start_date + "."};
  }
  if (!d.expires_on.empty() && d.expires_on < b.end_date) {
    return {&d, kRankExpiresDuring, kExpiresDuring,
            "Expires " + d.expires_on + ", before the rotation ends on " + b.end_date + "."};
  }
  std::string valid = d.expires_on.empty() ? "" : " Valid through " + d.expires_on + ".";
  if (d.status == "verified") return {&d, kRankSatisfied, kSatisfied, "Verified." + valid};
  return {&d, kRankPending, kPending, "Awaiting verification." + valid};
}

}  // namespace

std::vector<ComplianceItem> EvaluateCompliance(const std::vector<Requirement>& requirements,
                                               const BlockDates& block,
                                               const std::vector<VaultDocument>& documents) {
  std::vector<ComplianceItem> items;
  items.reserve(requirements.size());
  for (const auto& req : requirements) {
    ComplianceItem item;
    item.requirement = req.type;
    item.count = std::max(1, req.count);
    if (IsApplicationItem(req.type)) {
      item.state = kApplication;
      item.reason = "Provided with the application.";
      items.push_back(std::move(item));
      continue;
    }
    std::vector<Judged> judged;
    for (const auto& d : documents) {
      if (d.deleted || d.type != req.type) continue;
      // The same document listed twice still counts once toward `count`.
      if (std::any_of(judged.begin(), judged.end(),
                      [&](const Judged& j) { return j.doc->id == d.id; })) {
        continue;
      }
      judged.push_back(Judge(d, block));
    }
    std::stable_sort(judged.begin(), judged.end(), [](const Judged& a, const Judged& b) {
      if (a.rank != b.rank) return a.rank < b.rank;
      if (a.doc->expires_on != b.doc->expires_on) return a.doc->expires_on > b.doc->expires_on;
      return a.doc->issued_on > b.doc->issued_on;
    });
    size_t chosen = std::min(judged.size(), static_cast<size_t>(item.count));
    for (size_t i = 0; i < chosen; ++i) item.document_ids.push_back(judged[i].doc->id);
    if (judged.empty()) {
      item.state = kMissing;
      item.reason = item.count == 1 ? "No " + Noun(req.type) + " in the vault."
                                    : std::to_string(item.count) + " needed (" + Noun(req.type) +
                                          "), none in the vault.";
    } else if (judged.size() < static_cast<size_t>(item.count)) {
      item.state = kMissing;
      item.reason = std::to_string(item.count) + " needed (" + Noun(req.type) + "), only " +
                    std::to_string(judged.size()) + " in the vault.";
    } else {
      const Judged& worst = judged[chosen - 1];  // sorted, so the last chosen is the worst
      item.state = worst.state;
      item.reason = worst.reason;
    }
    items.push_back(std::move(item));
  }
  return items;
}

bool Cleared(const std::vector<ComplianceItem>& items) {
  return std::all_of(items.begin(), items.end(), [](const ComplianceItem& i) {
    return i.state == kSatisfied || i.state == kApplication;
  });
}

std::vector<int> DueReminderDays(const std::string& today, const std::string& target_date) {
  std::vector<int> due;
  auto days = DaysBetween(today, target_date);
  if (!days) return due;
  for (int threshold : kReminderDays) {
    if (*days == threshold) due.push_back(threshold);
  }
  return due;
}

std::vector<Reminder> DueReminders(const std::string& today, const BlockDates& block,
                                   const std::vector<ComplianceItem>& items,
                                   const std::vector<VaultDocument>& documents) {
  std::vector<Reminder> out;
  if (!Cleared(items)) {
    for (int days : DueReminderDays(today, block.start_date)) {
      out.push_back({"block_start", days, block.start_date, "", ""});
    }
  }
  for (const auto& item : items) {
    if (item.state == kSatisfied || item.state == kApplication) continue;
    for (const auto& id : item.document_ids) {
      auto it = std::find_if(documents.begin(), documents.end(),
                             [&](const VaultDocument& d) { return d.id == id && !d.deleted; });
      if (it == documents.end() || it->expires_on.empty() || it->expires_on >= block.end_date) {
        continue;
      }
      for (int days : DueReminderDays(today, it->expires_on)) {
        out.push_back({"document_expires", days, it->expires_on, item.requirement, id});
      }
    }
  }
  return out;
}

}  // namespace clerkship::core
