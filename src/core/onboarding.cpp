#include "core/onboarding.h"

#include <algorithm>
#include <cctype>

#include "core/catalog.h"
#include "core/dates.h"
#include "core/text.h"
#include "core/vault.h"

namespace clerkship::core {

const std::vector<std::string> kOnboardingKinds = {"orientation", "badge_photo", "information", "policy"};

namespace {

bool IsTime(const std::string& s) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (int i : {0, 1, 3, 4}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int h = (s[0] - '0') * 10 + (s[1] - '0');
  int m = (s[3] - '0') * 10 + (s[4] - '0');
  return h < 24 && m < 60;
}

Status CheckText(const std::string& field, const std::string& value, size_t max, const char* what) {
  if (!IsValidUtf8(value)) return InvalidArgument(field, std::string(what) + " is not valid UTF-8");
  if (CodePointCount(value) > max) {
    return InvalidArgument(field, std::string(what) + " must be at most " + std::to_string(max) + " characters");
  }
  return {};
}

std::string LabelOf(const std::string& requirement) {
  if (const auto* t = FindVaultType(requirement)) return t->label;
  std::string s = requirement;
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace

Result<std::vector<OnboardingItemDraft>> ValidateOnboardingItems(std::vector<OnboardingItemDraft> items) {
  if (items.size() > kMaxOnboardingItems) {
    return InvalidArgument("items", "at most " + std::to_string(kMaxOnboardingItems) + " onboarding items");
  }
  int badges = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    auto& d = items[i];
    std::string at = "items[" + std::to_string(i) + "].";
    d.kind = Trim(d.kind);
    d.title = Trim(d.title);
    d.body = Trim(d.body);
    d.date = Trim(d.date);
    d.time = Trim(d.time);
    d.place = Trim(d.place);
    if (std::find(kOnboardingKinds.begin(), kOnboardingKinds.end(), d.kind) == kOnboardingKinds.end()) {
      return InvalidArgument(at + "kind", "kind is one of orientation, badge_photo, information, policy");
    }
    if (d.kind == "badge_photo") {
      if (++badges > 1) return InvalidArgument(at + "kind", "an offering asks for one badge photo at most");
      if (d.title.empty()) d.title = "Badge photo";
    }
    if (auto s = CheckText(at + "title", d.title, kMaxOnboardingTitle, "the title"); !s) return std::unexpected(s.error());
    if (d.title.empty()) return InvalidArgument(at + "title", "a title is required");
    if (auto s = CheckText(at + "body", d.body, kMaxOnboardingBody, "the text"); !s) return std::unexpected(s.error());
    if ((d.kind == "information" || d.kind == "policy") && d.body.empty()) {
      return InvalidArgument(at + "body", d.kind == "policy" ? "the policy text is required (it is what applicants sign)"
                                                             : "the information text is required");
    }
    if (d.kind == "orientation") {
      if (!IsIsoDate(d.date)) return InvalidArgument(at + "date", "the orientation date is required, as YYYY-MM-DD");
      if (!IsTime(d.time)) return InvalidArgument(at + "time", "the orientation time is required, as HH:MM (24-hour)");
      if (d.place.empty()) return InvalidArgument(at + "place", "the orientation place is required");
      if (auto s = CheckText(at + "place", d.place, kMaxOnboardingPlace, "the place"); !s) {
        return std::unexpected(s.error());
      }
    } else {
      d.date.clear();
      d.time.clear();
      d.place.clear();
    }
  }
  return items;
}

std::string ActionFor(const std::string& kind) {
  if (kind == "policy") return "sign";
  if (kind == "orientation" || kind == "information") return "acknowledge";
  return "";
}

OnboardingChecklist EvaluateOnboarding(const std::vector<ComplianceItem>& compliance,
                                       const std::vector<OnboardingItem>& items,
                                       const std::vector<OnboardingRecord>& records, bool has_badge_photo) {
  OnboardingChecklist out;
  out.compliance = compliance;
  for (const auto& c : compliance) {
    if (c.state == kSatisfied || c.state == kApplication) continue;
    out.missing.push_back(LabelOf(c.requirement) + ": " + c.reason);
  }
  for (const auto& item : items) {
    OnboardingItemStatus s{item.id, item.kind, item.title, kMissing, "", ""};
    auto rec = std::find_if(records.begin(), records.end(), [&](const OnboardingRecord& r) {
      return r.item_id == item.id && r.action == ActionFor(item.kind);
    });
    if (item.kind == "badge_photo") {
      if (has_badge_photo) {
        s.state = kDone;
        s.reason = "Badge photo in your vault.";
      } else {
        s.reason = "Upload a badge photo (JPEG or PNG) to your vault.";
      }
    } else if (rec == records.end()) {
      s.reason = item.kind == "policy" ? "Read and sign this policy." : "Read and acknowledge this.";
    } else if (item.kind == "policy" && rec->text_hash != item.text_hash) {
      s.state = kNeedsSignature;
      s.recorded_at = rec->at;
      s.reason = "The policy changed after you signed version " + std::to_string(rec->version) +
                 "; read and sign version " + std::to_string(item.version) + ".";
    } else {
      s.state = kDone;
      s.recorded_at = rec->at;
      s.reason = (item.kind == "policy" ? "Signed " : "Acknowledged ") + rec->at + ".";
    }
    if (s.state != kDone) {
      std::string verb = item.kind == "policy" ? "Sign" : item.kind == "badge_photo" ? "Upload" : "Acknowledge";
      out.missing.push_back(verb + ": " + item.title + (s.state == kNeedsSignature ? " (changed since signed)" : ""));
    }
    out.items.push_back(std::move(s));
  }
  out.cleared = out.missing.empty() && Cleared(compliance);
  return out;
}

std::optional<int> DueOnboardingReminder(const std::string& today, const std::string& start_date) {
  auto left = DaysBetween(today, start_date);
  if (!left || *left < 1) return std::nullopt;
  std::optional<int> due;
  for (int threshold : kOnboardingReminderDays) {
    if (*left <= threshold && (!due || threshold < *due)) due = threshold;
  }
  return due;
}

}  // namespace clerkship::core
