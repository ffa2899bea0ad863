#include "services/onboarding.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "adapters/crypto.h"
#include "adapters/pdf.h"
#include "adapters/random.h"
#include "adapters/zones.h"
#include "core/catalog.h"
#include "core/csv.h"
#include "core/dates.h"
#include "core/text.h"
#include "services/catalog.h"
#include "services/internal.h"
#include "services/profile_json.h"
#include "store/accounts.h"
#include "store/catalog.h"
#include "store/institutions.h"
#include "store/vault.h"

namespace clerkship::services {
namespace {

using Json = nlohmann::json;

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }

bool Active(const store::PlacementRow& p) { return p.status == "scheduled" || p.status == "in_progress"; }

// What a signature binds to: the title and the text, as shown.
std::string TextHash(const std::string& title, const std::string& body) {
  return adapters::HashToken(title + "\n\n" + body);
}

core::Profile ProfileOf(store::Tx& tx, const std::string& user_id) {
  auto row = store::FindProfile(tx, user_id);
  if (!row) return {};
  auto j = Json::parse(row->data, nullptr, false);
  if (j.is_discarded()) return {};
  auto p = ProfileFromJson(j);
  return p ? *p : core::Profile{};
}

// Offerings read once per request (the board reads many placements).
struct OfferingCache {
  struct Entry {
    store::OfferingRow row;
    core::OfferingDraft draft;
    std::vector<core::Requirement> requirements;
    std::vector<store::OnboardingItemRow> items;
  };
  std::map<std::string, Entry> by_id;
  const Entry* Get(store::Tx& tx, const std::string& offering_id) {
    if (auto it = by_id.find(offering_id); it != by_id.end()) return &it->second;
    auto row = store::FindOffering(tx, offering_id);
    if (!row) return nullptr;
    Entry e{*row, OfferingDraftOf(*row), {}, store::ListOnboardingItems(tx, offering_id)};
    for (const auto& r : e.draft.required_documents) e.requirements.push_back({r.type, r.count});
    return &by_id.emplace(offering_id, std::move(e)).first->second;
  }
};

core::OnboardingItem CoreItem(const store::OnboardingItemRow& r) {
  return {r.id, r.kind, r.title, r.body, r.starts_at, r.place, r.version, r.text_hash};
}

PlacementOnboarding Evaluate(store::Tx& tx, OfferingCache& cache, store::PlacementRow p) {
  PlacementOnboarding v;
  const auto* o = cache.Get(tx, p.offering_id);
  std::vector<core::ComplianceItem> compliance;
  std::vector<core::OnboardingItem> items;
  if (o) {
    v.offering_title = o->row.title;
    v.institution_name = o->row.institution_name;
    v.time_zone = o->row.time_zone;
    v.visa_letter = o->draft.visa_letter;
    v.items = o->items;
    auto docs = store::ListDocuments(tx, p.applicant_id);
    // The same engine and vault view as the application checklist.
    compliance = core::EvaluateCompliance(o->requirements, {p.start_date, p.end_date}, VaultOf(docs));
    for (const auto& i : o->items) items.push_back(CoreItem(i));
    bool badge = std::any_of(docs.begin(), docs.end(), [](const store::DocumentRow& d) {
      return d.type == "badge_photo" && d.deleted_at.empty() && d.status != "rejected";
    });
    std::vector<core::OnboardingRecord> records;
    for (const auto& r : store::ListOnboardingRecords(tx, p.id)) {
      records.push_back({r.item_id, r.action, r.text_hash, r.version, r.recorded_at});
    }
    v.checklist = core::EvaluateOnboarding(compliance, items, records, badge);
  }
  v.placement = std::move(p);
  return v;
}

void AddReminders(store::Tx& tx, PlacementOnboarding& v) {
  std::string prefix = "onboarding:" + v.placement.id + ":";
  for (const auto& [key, at] : store::RemindersWithPrefix(tx, prefix)) {
    try {
      v.reminders.emplace_back(std::stoi(key.substr(prefix.size())), at);
    } catch (...) {
    }
  }
}

core::Result<store::OfferingRow> OfferingOf(store::Tx& tx, const std::string& institution_id,
                                            const std::string& offering_id) {
  auto o = store::FindOffering(tx, offering_id);
  if (!o || o->institution_id != institution_id) return core::NotFound("no such offering");
  return *o;
}

std::string Money(int64_t cents, const std::string& currency) {
  std::string whole = std::to_string(cents / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<size_t>(i), ",");
  int64_t rest = cents % 100;
  return currency + " " + whole + (rest ? "." + std::string(rest < 10 ? "0" : "") + std::to_string(rest) : "");
}

std::string Fees(const core::OfferingDraft& d) {
  std::vector<std::string> parts;
  for (const auto& f : d.fees) {
    std::string what = !f.label.empty() ? f.label : f.kind == "application" ? "application fee"
                                                  : f.kind == "tuition"     ? "tuition"
                                                  : f.kind == "deposit"     ? "deposit"
                                                                            : "fee";
    std::string who = f.category == "student" ? " (students)" : f.category == "graduate" ? " (graduates)" : "";
    parts.push_back(what + who + ": " + Money(f.amount_cents, d.currency));
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

std::string LongDate(const std::string& iso) {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  if (iso.size() != 10) return iso;
  int m = std::atoi(iso.substr(5, 2).c_str());
  if (m < 1 || m > 12) return iso;
  return std::to_string(std::atoi(iso.substr(8, 2).c_str())) + " " + kMonths[m - 1] + " " + iso.substr(0, 4);
}

}  // namespace

core::Result<OfferingOnboarding> GetOfferingOnboarding(Context& ctx, const Actor&, const std::string& institution_id,
                                                       const std::string& offering_id) {
  return ctx.db.RunRead<OfferingOnboarding>([&](store::Tx& tx) -> core::Result<OfferingOnboarding> {
    auto o = OfferingOf(tx, institution_id, offering_id);
    if (!o) return std::unexpected(o.error());
    return OfferingOnboarding{o->id, o->title, o->time_zone, OfferingDraftOf(*o).visa_letter,
                              store::ListOnboardingItems(tx, offering_id)};
  });
}

core::Result<OfferingOnboarding> SaveOfferingOnboarding(Context& ctx, const Actor& actor,
                                                        const std::string& institution_id,
                                                        const std::string& offering_id,
                                                        std::vector<core::OnboardingItemDraft> drafts) {
  auto valid = core::ValidateOnboardingItems(std::move(drafts));
  if (!valid) return std::unexpected(valid.error());
  return ctx.db.Run<OfferingOnboarding>([&](store::Tx& tx) -> core::Result<OfferingOnboarding> {
    auto o = OfferingOf(tx, institution_id, offering_id);
    if (!o) return std::unexpected(o.error());
    auto existing = store::ListOnboardingItems(tx, offering_id);
    std::string now = Now(ctx);
    std::set<std::string> kept;
    int changed = 0;
    for (size_t i = 0; i < valid->size(); ++i) {
      const auto& d = (*valid)[i];
      store::OnboardingItemRow row;
      if (!d.id.empty()) {
        auto it = std::find_if(existing.begin(), existing.end(), [&](const auto& x) { return x.id == d.id; });
        if (it == existing.end() || kept.contains(d.id)) {
          return core::InvalidArgument("items[" + std::to_string(i) + "].id",
                                       "no such item of this offering; leave the id out to add a new one");
        }
        row = *it;
      } else {
        row.id = adapters::NewId();
        row.offering_id = offering_id;
        row.created_at = now;
        row.version = 0;
      }
      std::string starts_at;
      if (d.kind == "orientation") {
        auto t = adapters::ZonedToUtc(d.date, d.time, o->time_zone);
        if (!t) return core::InvalidArgument("items[" + std::to_string(i) + "].time", t.error().message);
        starts_at = core::FormatIso8601(*t);
      }
      std::string hash = TextHash(d.title, d.body);
      bool same = row.version > 0 && row.kind == d.kind && row.text_hash == hash && row.local_date == d.date &&
                  row.local_time == d.time && row.place == d.place && row.position == static_cast<int>(i);
      if (row.text_hash != hash || row.kind != d.kind) row.version += 1;
      row.position = static_cast<int>(i);
      row.kind = d.kind;
      row.title = d.title;
      row.body = d.body;
      row.local_date = d.date;
      row.local_time = d.time;
      row.starts_at = starts_at;
      row.place = d.place;
      row.text_hash = hash;
      row.updated_at = now;
      if (d.id.empty()) {
        store::InsertOnboardingItem(tx, row);
        ++changed;
      } else if (!same) {
        store::UpdateOnboardingItem(tx, row);
        ++changed;
      }
      kept.insert(row.id);
    }
    int removed = 0;
    for (const auto& e : existing) {
      if (!kept.contains(e.id)) {
        store::DeleteOnboardingItem(tx, e.id);
        ++removed;
      }
    }
    Audit(tx, ctx, actor, "onboarding.items.save", "offering", offering_id, institution_id,
          std::to_string(valid->size()) + " items; " + std::to_string(changed) + " added or changed; " +
              std::to_string(removed) + " removed");
    return OfferingOnboarding{o->id, o->title, o->time_zone, OfferingDraftOf(*o).visa_letter,
                              store::ListOnboardingItems(tx, offering_id)};
  });
}

core::Result<std::vector<PlacementOnboarding>> MyOnboarding(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<std::vector<PlacementOnboarding>>(
      [&](store::Tx& tx) -> core::Result<std::vector<PlacementOnboarding>> {
        OfferingCache cache;
        std::vector<PlacementOnboarding> out;
        for (auto& p : store::PlacementsOfApplicant(tx, actor.user_id)) {
          if (!Active(p)) continue;
          out.push_back(Evaluate(tx, cache, std::move(p)));
        }
        return out;
      });
}

core::Result<PlacementOnboarding> RecordOnboarding(Context& ctx, const Actor& actor, const std::string& placement_id,
                                                   const std::string& item_id, const std::string& action,
                                                   const std::string& text_hash) {
  if (action != "acknowledge" && action != "sign") {
    return core::InvalidArgument("action", "action is acknowledge or sign");
  }
  return ctx.db.Run<PlacementOnboarding>([&](store::Tx& tx) -> core::Result<PlacementOnboarding> {
    auto p = store::FindPlacement(tx, placement_id);
    if (!p || p->applicant_id != actor.user_id || !Active(*p)) return core::NotFound("no such placement");
    auto items = store::ListOnboardingItems(tx, p->offering_id);
    auto item = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.id == item_id; });
    if (item == items.end()) return core::NotFound("no such onboarding item");
    std::string wanted = core::ActionFor(item->kind);
    if (wanted.empty()) {
      return core::InvalidArgument("action", "a badge photo is done by uploading it to your document vault");
    }
    if (wanted != action) {
      return core::InvalidArgument("action", "this item takes \"" + wanted + "\", not \"" + action + "\"");
    }
    if (action == "sign") {
      if (text_hash.empty()) return core::InvalidArgument("text_hash", "text_hash of the policy you read is required");
      if (text_hash != item->text_hash) {
        return std::unexpected(core::Error{core::ErrorCode::kConflict,
                                           "the policy \"" + item->title + "\" changed while you were reading it; "
                                           "read the new version (" + std::to_string(item->version) + ") and sign again",
                                           "text_hash", {}});
      }
    }
    store::SaveOnboardingRecord(tx, {p->id, item->id, action, action == "sign" ? item->text_hash : "",
                                     item->version, actor.user_id, Now(ctx)});
    Audit(tx, ctx, actor, action == "sign" ? "onboarding.sign" : "onboarding.acknowledge", "placement", p->id,
          p->institution_id,
          item->title + " (item " + item->id + ", version " + std::to_string(item->version) +
              (action == "sign" ? ", sha256 " + item->text_hash : "") + ")");
    OfferingCache cache;
    return Evaluate(tx, cache, *p);
  });
}

core::Result<std::vector<PlacementOnboarding>> OnboardingBoard(Context& ctx, const Actor&,
                                                               const std::string& institution_id,
                                                               const BoardFilter& f) {
  for (const auto& [field, value] : {std::pair{"start_from", &f.start_from}, std::pair{"start_to", &f.start_to}}) {
    if (!value->empty() && !core::IsIsoDate(*value)) return core::InvalidArgument(field, std::string(field) + " is a date YYYY-MM-DD");
  }
  return ctx.db.RunRead<std::vector<PlacementOnboarding>>(
      [&](store::Tx& tx) -> core::Result<std::vector<PlacementOnboarding>> {
        if (!f.offering_id.empty()) {
          auto o = OfferingOf(tx, institution_id, f.offering_id);
          if (!o) return core::InvalidArgument("offering_id", "no such offering at this institution");
        }
        OfferingCache cache;
        std::vector<PlacementOnboarding> out;
        for (auto& p : store::PlacementsOfInstitution(tx, institution_id)) {
          if (!Active(p)) continue;
          if (!f.offering_id.empty() && p.offering_id != f.offering_id) continue;
          if (!f.block_id.empty() && p.block_id != f.block_id) continue;
          if (!f.start_from.empty() && p.start_date < f.start_from) continue;
          if (!f.start_to.empty() && p.start_date > f.start_to) continue;
          auto v = Evaluate(tx, cache, std::move(p));
          auto profile = ProfileOf(tx, v.placement.applicant_id);
          v.applicant_name = profile.legal_name;
          if (auto u = store::FindUserById(tx, v.placement.applicant_id)) {
            v.applicant_email = u->email;
            if (v.applicant_name.empty()) v.applicant_name = u->display_name;
          }
          AddReminders(tx, v);
          out.push_back(std::move(v));
        }
        return out;
      });
}

std::string OnboardingBoardCsv(const std::vector<PlacementOnboarding>& rows) {
  std::string out = core::CsvLine({"applicant_name", "applicant_email", "offering", "start_date", "end_date",
                                   "cleared", "missing", "last_reminder_days", "placement_id"});
  for (const auto& r : rows) {
    std::string missing;
    for (size_t i = 0; i < r.checklist.missing.size(); ++i) missing += (i ? "; " : "") + r.checklist.missing[i];
    std::string last = r.reminders.empty() ? "" : std::to_string(r.reminders.back().first);
    out += core::CsvLine({r.applicant_name, r.applicant_email, r.offering_title, r.placement.start_date,
                          r.placement.end_date, r.checklist.cleared ? "yes" : "no", missing, last, r.placement.id});
  }
  return out;
}

core::Result<store::LetterheadRow> GetLetterhead(Context& ctx, const Actor&, const std::string& institution_id) {
  return ctx.db.RunRead<store::LetterheadRow>([&](store::Tx& tx) -> core::Result<store::LetterheadRow> {
    if (!store::FindInstitution(tx, institution_id)) return core::NotFound("no such institution");
    auto l = store::FindLetterhead(tx, institution_id);
    if (l) return *l;
    store::LetterheadRow empty;
    empty.institution_id = institution_id;
    return empty;
  });
}

core::Result<store::LetterheadRow> SaveLetterhead(Context& ctx, const Actor& actor, store::LetterheadRow l) {
  struct Field {
    const char* name;
    std::string* value;
    size_t max;
  };
  for (Field f : {Field{"address", &l.address, 500}, Field{"phone", &l.phone, 40},
                  Field{"signatory_name", &l.signatory_name, 200}, Field{"signatory_title", &l.signatory_title, 200}}) {
    *f.value = core::Trim(*f.value);
    if (!core::IsValidUtf8(*f.value)) return core::InvalidArgument(f.name, std::string(f.name) + " is not valid UTF-8");
    if (f.value->empty()) return core::InvalidArgument(f.name, std::string(f.name) + " is required");
    if (core::CodePointCount(*f.value) > f.max) {
      return core::InvalidArgument(f.name, std::string(f.name) + " must be at most " + std::to_string(f.max) +
                                               " characters");
    }
  }
  return ctx.db.Run<store::LetterheadRow>([&](store::Tx& tx) -> core::Result<store::LetterheadRow> {
    if (!store::FindInstitution(tx, l.institution_id)) return core::NotFound("no such institution");
    l.updated_at = Now(ctx);
    store::SaveLetterhead(tx, l);
    Audit(tx, ctx, actor, "letterhead.save", "institution", l.institution_id, l.institution_id, l.signatory_name);
    return l;
  });
}

core::Result<LetterPdf> VisaInvitationLetter(Context& ctx, const Actor& actor, const std::string& placement_id) {
  adapters::PdfDocument doc;
  std::string filename;
  auto built = ctx.db.Run<bool>([&](store::Tx& tx) -> core::Result<bool> {
    auto p = store::FindPlacement(tx, placement_id);
    if (!p || p->applicant_id != actor.user_id || !Active(*p)) return core::NotFound("no such placement");
    auto o = store::FindOffering(tx, p->offering_id);
    if (!o) return core::NotFound("no such placement");
    auto draft = OfferingDraftOf(*o);
    auto conflict = [](std::string field, std::string message) {
      return std::unexpected(core::Error{core::ErrorCode::kConflict, std::move(message), std::move(field), {}});
    };
    if (!draft.visa_letter) {
      return conflict("visa_letter", "\"" + o->title + "\" does not offer visa invitation letters; ask the coordinator");
    }
    auto profile = ProfileOf(tx, actor.user_id);
    if (profile.passport_name.empty()) {
      return conflict("passport_name",
                      "add your name exactly as in your passport to your profile (passport name) first");
    }
    auto inst = store::FindInstitution(tx, p->institution_id);
    auto head = store::FindLetterhead(tx, p->institution_id);
    if (!inst || !head || head->signatory_name.empty()) {
      return conflict("letterhead", "the institution has not filled in its letterhead yet; ask the coordinator");
    }
    using Kind = adapters::PdfBlock::Kind;
    auto& b = doc.blocks;
    std::string place = draft.site.empty() ? "" : draft.site + ", ";
    place += draft.city + (draft.state.empty() ? "" : ", " + draft.state) + ", " + draft.country;
    b.push_back({Kind::kTitle, inst->name, ""});
    b.push_back({Kind::kParagraph, head->address + "\nTelephone: " + head->phone, ""});
    b.push_back({Kind::kRule, "", ""});
    b.push_back({Kind::kParagraph, LongDate(adapters::LocalDate(ctx.clock.Now(), inst->time_zone)), ""});
    b.push_back({Kind::kParagraph, "To the consular officer concerned", ""});
    b.push_back({Kind::kHeading, "Invitation for a visiting clinical rotation", ""});
    b.push_back({Kind::kField, profile.passport_name, "Name (as in passport)"});
    if (!profile.passport_number.empty()) b.push_back({Kind::kField, profile.passport_number, "Passport number"});
    if (!profile.date_of_birth.empty()) b.push_back({Kind::kField, LongDate(profile.date_of_birth), "Date of birth"});
    b.push_back({Kind::kField, o->title, "Rotation"});
    b.push_back({Kind::kField, LongDate(p->start_date) + " to " + LongDate(p->end_date), "Dates"});
    b.push_back({Kind::kField, place, "Location"});
    b.push_back({Kind::kParagraph,
                 inst->name + " confirms that " + profile.passport_name + " has been accepted for the rotation \"" +
                     o->title + "\", from " + LongDate(p->start_date) + " to " + LongDate(p->end_date) + ".",
                 ""});
    b.push_back({Kind::kParagraph,
                 draft.hands_on
                     ? "This is a hands-on clinical rotation: under the supervision of our faculty, the visitor takes "
                       "part in the care of patients as a student."
                     : "This is an observership (observation only): the visitor observes clinical care and does not "
                       "take part in hands-on patient care.",
                 ""});
    b.push_back({Kind::kParagraph,
                 "The purpose of the visit is short-term clinical education. The visitor will not be employed by " +
                     inst->name + " and will receive no salary or other payment from it.",
                 ""});
    std::string fees = Fees(draft);
    b.push_back({Kind::kParagraph,
                 fees.empty() ? inst->name + " charges no fees for this rotation."
                              : "The fees published for this rotation are: " + fees +
                                    ". The visitor pays them; this letter makes no other statement about costs.",
                 ""});
    b.push_back({Kind::kParagraph, "Please contact us at the telephone number above with any question.", ""});
    b.push_back({Kind::kSpacer, "", ""});
    b.push_back({Kind::kParagraph, "Sincerely,", ""});
    b.push_back({Kind::kParagraph, head->signatory_name + "\n" + head->signatory_title + "\n" + inst->name, ""});
    doc.title = "Invitation letter — " + profile.passport_name;
    doc.author = inst->name;
    doc.footer = "Invitation letter issued by " + inst->name + " through Clerkship on " +
                 adapters::LocalDate(ctx.clock.Now(), inst->time_zone) + " — placement " + p->id;
    filename = "invitation-letter-" + p->start_date + ".pdf";
    Audit(tx, ctx, actor, "onboarding.visa_letter", "placement", p->id, p->institution_id, "");
    return true;
  });
  if (!built) return std::unexpected(built.error());
  auto pdf = adapters::RenderPdf(doc);
  if (!pdf) return std::unexpected(pdf.error());
  return LetterPdf{std::move(*pdf), filename};
}

core::Result<int> SendOnboardingReminders(Context& ctx) {
  std::string today = core::FormatIso8601(ctx.clock.Now()).substr(0, 10);
  std::string horizon = core::FormatIso8601(ctx.clock.Now() + std::chrono::hours(24 * 15)).substr(0, 10);
  auto placements = ctx.db.RunRead<std::vector<store::PlacementRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::PlacementRow>> {
        return store::PlacementsStartingBetween(tx, today, horizon);
      });
  if (!placements) return std::unexpected(placements.error());
  int sent = 0;
  for (const auto& candidate : *placements) {
    // One transaction per placement: a claim lost to another process rolls
    // back only this placement's e-mail.
    auto one = ctx.db.Run<int>([&](store::Tx& tx) -> core::Result<int> {
      auto p = store::FindPlacement(tx, candidate.id);
      if (!p || !Active(*p)) return 0;
      OfferingCache cache;
      const auto* o = cache.Get(tx, p->offering_id);
      if (!o) return 0;
      // Dates are the institution's.
      std::string local_today = adapters::LocalDate(ctx.clock.Now(), o->row.time_zone);
      auto days = core::DueOnboardingReminder(local_today, p->start_date);
      if (!days) return 0;
      auto v = Evaluate(tx, cache, *p);
      if (v.checklist.cleared) return 0;
      if (!store::MarkReminderSent(tx, "onboarding:" + p->id + ":" + std::to_string(*days), Now(ctx))) return 0;
      auto user = store::FindUserById(tx, p->applicant_id);
      if (!user) return 0;
      int left = core::DaysBetween(local_today, p->start_date).value_or(*days);
      SendEmail(tx, ctx, user->email,
                OnboardingReminderMessage(user->display_name, o->row.title + " (" + p->start_date + ")", left,
                                          v.checklist.missing, ctx.public_url + "/onboarding"));
      Audit(tx, ctx, Actor{}, "onboarding.reminder", "placement", p->id, p->institution_id,
            std::to_string(*days) + " days; " + std::to_string(v.checklist.missing.size()) + " items missing");
      return 1;
    });
    if (one) sent += *one;
  }
  return sent;
}

}  // namespace clerkship::services
