#include "services/letters.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "adapters/file_check.h"
#include "adapters/file_store.h"
#include "adapters/random.h"
#include "services/internal.h"
#include "store/vault.h"

namespace clerkship::services {
namespace {

using namespace std::chrono_literals;

constexpr auto kLinkTtl = std::chrono::hours(24 * 60);
constexpr auto kResendEvery = std::chrono::minutes(10);
constexpr int kMaxOpenRequests = 30;
constexpr const char* kPurpose = "letter";

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }

LetterView ViewOf(store::Tx& tx, store::LetterRow row) {
  LetterView v;
  v.application_ids = store::ApplicationsOfLetter(tx, row.id);
  v.row = std::move(row);
  return v;
}

core::Result<store::LetterRow> OwnLetter(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto l = store::FindLetter(tx, id);
  if (!l || l->applicant_id != actor.user_id) return core::NotFound("no such letter");
  return *l;
}

core::Result<store::ApplicationRow> OwnApplication(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto a = store::FindApplication(tx, id);
  if (!a || a->applicant_id != actor.user_id) return core::NotFound("no such application");
  return *a;
}

struct Applicant {
  std::string name;
  std::string email;
  std::string school;
};

Applicant ApplicantOf(store::Tx& tx, const std::string& user_id) {
  Applicant a;
  if (auto u = store::FindUserById(tx, user_id)) {
    a.name = u->display_name;
    a.email = u->email;
  }
  if (auto p = store::FindProfile(tx, user_id)) {
    if (!p->legal_name.empty()) a.name = p->legal_name;
    auto j = nlohmann::json::parse(p->data, nullptr, false);
    if (j.is_object() && j.contains("school") && j["school"].is_object()) {
      a.school = j["school"].value("name", "");
    }
  }
  return a;
}

// E-mails the referee a fresh private link (older links stay valid until they expire).
void SendLink(store::Tx& tx, Context& ctx, store::LetterRow& l, const std::string& applicant_name) {
  std::string token = IssueToken(tx, ctx, kPurpose, l.id, l.referee_email, kLinkTtl, "", "");
  SendEmail(tx, ctx, l.referee_email,
            LetterRequestMessage(l.referee_name, applicant_name, l.waived, Link(ctx, "/letters/upload", token)));
  l.last_link_at = Now(ctx);
}

core::Result<store::LetterRow> LetterOfToken(store::Tx& tx, Context& ctx, const std::string& token) {
  auto t = TakeToken(tx, ctx, token, {kPurpose}, false);
  if (!t) return std::unexpected(t.error());
  auto l = store::FindLetter(tx, t->user_id);
  if (!l || l->status == "cancelled") return core::NotFound("this request was cancelled by the applicant");
  return *l;
}

RefereeView RefereeViewOf(store::Tx& tx, store::LetterRow row) {
  RefereeView v;
  auto a = ApplicantOf(tx, row.applicant_id);
  v.applicant_name = a.name;
  v.applicant_school = a.school;
  v.can_replace = row.status == "received" && row.first_sent_at.empty();
  v.row = std::move(row);
  return v;
}

core::Result<FileDownload> Download(Context& ctx, const store::LetterRow& l) {
  if (!ctx.files) return core::Internal("the document vault is not configured");
  auto bytes = ctx.files->Read(l.blob);
  if (!bytes) return std::unexpected(bytes.error());
  return FileDownload{std::move(*bytes), l.mime, "letter-" + l.id.substr(0, 8) + ".pdf"};
}

core::Status StaffApplication(store::Tx& tx, const std::string& institution_id, const std::string& application_id) {
  auto a = store::FindApplication(tx, application_id);
  if (!a || a->institution_id != institution_id || a->status == "draft" || a->status == "withdrawn") {
    return core::NotFound("no such application");
  }
  return {};
}

}  // namespace

core::Result<LetterView> RequestLetter(Context& ctx, const Actor& actor, core::LetterRequestDraft draft) {
  auto valid = core::ValidateLetterRequest(std::move(draft), actor.principal.email);
  if (!valid) return std::unexpected(valid.error());
  return ctx.db.Run<LetterView>([&](store::Tx& tx) -> core::Result<LetterView> {
    auto mine = store::ListLetters(tx, actor.user_id);
    int open = 0;
    for (const auto& l : mine) {
      if (l.status == "cancelled") continue;
      ++open;
      if (l.referee_email == valid->referee_email && l.status == "requested") {
        return core::Conflict("you already asked " + l.referee_email + " for a letter; resend the link instead");
      }
    }
    if (open >= kMaxOpenRequests) {
      return core::Conflict("you have " + std::to_string(open) + " letter requests; cancel one first");
    }
    std::string now = Now(ctx);
    store::LetterRow l;
    l.id = adapters::NewId();
    l.applicant_id = actor.user_id;
    l.referee_name = valid->referee_name;
    l.referee_email = valid->referee_email;
    l.referee_title = valid->referee_title;
    l.referee_institution = valid->referee_institution;
    l.relationship = valid->relationship;
    l.waived = valid->waived;
    l.status = "requested";
    l.created_at = now;
    l.updated_at = now;
    SendLink(tx, ctx, l, ApplicantOf(tx, actor.user_id).name);
    store::InsertLetter(tx, l);
    Audit(tx, ctx, actor, "letter.request", "letter", l.id, "",
          std::string(l.waived ? "waived" : "not waived") + "; referee " + l.referee_email);
    return ViewOf(tx, l);
  });
}

core::Result<std::vector<LetterView>> ListMyLetters(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<std::vector<LetterView>>([&](store::Tx& tx) -> core::Result<std::vector<LetterView>> {
    std::vector<LetterView> out;
    for (auto& l : store::ListLetters(tx, actor.user_id)) out.push_back(ViewOf(tx, std::move(l)));
    return out;
  });
}

core::Result<LetterView> CancelLetter(Context& ctx, const Actor& actor, const std::string& letter_id) {
  return ctx.db.Run<LetterView>([&](store::Tx& tx) -> core::Result<LetterView> {
    auto l = OwnLetter(tx, actor, letter_id);
    if (!l) return std::unexpected(l.error());
    if (l->status == "cancelled") return core::Conflict("this request is already cancelled");
    if (!l->first_sent_at.empty()) {
      return core::Conflict("this letter was sent with a submitted application; it can no longer be cancelled");
    }
    std::string now = Now(ctx);
    for (const auto& app : store::ApplicationsOfLetter(tx, l->id)) store::UnassignLetter(tx, app, l->id);
    store::ExpireUserTokens(tx, l->id, kPurpose, now);
    l->status = "cancelled";
    l->updated_at = now;
    store::UpdateLetter(tx, *l);
    Audit(tx, ctx, actor, "letter.cancel", "letter", l->id, "", "");
    return ViewOf(tx, *l);
  });
}

core::Result<LetterView> ResendLetterLink(Context& ctx, const Actor& actor, const std::string& letter_id) {
  return ctx.db.Run<LetterView>([&](store::Tx& tx) -> core::Result<LetterView> {
    auto l = OwnLetter(tx, actor, letter_id);
    if (!l) return std::unexpected(l.error());
    if (l->status == "cancelled") return core::Conflict("this request was cancelled; request a new letter");
    if (!l->first_sent_at.empty()) return core::Conflict("this letter was already sent to a program");
    auto last = core::ParseIso8601(l->last_link_at);
    if (last && ctx.clock.Now() - *last < kResendEvery) {
      return core::Conflict("the link was e-mailed less than 10 minutes ago; please wait a little");
    }
    SendLink(tx, ctx, *l, ApplicantOf(tx, actor.user_id).name);
    l->updated_at = l->last_link_at;
    store::UpdateLetter(tx, *l);
    Audit(tx, ctx, actor, "letter.resend", "letter", l->id, "", l->referee_email);
    return ViewOf(tx, *l);
  });
}

core::Result<FileDownload> ReadMyLetter(Context& ctx, const Actor& actor, const std::string& letter_id) {
  auto l = ctx.db.RunRead<store::LetterRow>([&](store::Tx& tx) { return OwnLetter(tx, actor, letter_id); });
  if (!l) return std::unexpected(l.error());
  if (l->waived) return core::Forbidden("you waived the right to read this letter");
  if (l->status != "received") return core::NotFound("this letter has not arrived");
  return Download(ctx, *l);
}

core::Result<LetterView> AssignLetter(Context& ctx, const Actor& actor, const std::string& application_id,
                                      const std::string& letter_id) {
  return ctx.db.Run<LetterView>([&](store::Tx& tx) -> core::Result<LetterView> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    auto l = OwnLetter(tx, actor, letter_id);
    if (!l) return std::unexpected(l.error());
    if (l->status != "received") return core::Conflict("only a letter that has arrived can be assigned");
    if (a->status == "withdrawn") return core::Conflict("this application was withdrawn");
    std::string now = Now(ctx);
    store::AssignLetter(tx, a->id, l->id, now);
    if (a->status != "draft" && l->first_sent_at.empty()) {
      l->first_sent_at = now;  // sent now: the referee can no longer replace it
      l->updated_at = now;
      store::UpdateLetter(tx, *l);
    }
    Audit(tx, ctx, actor, "letter.assign", "letter", l->id, a->institution_id, "application " + a->id);
    return ViewOf(tx, *l);
  });
}

core::Result<LetterView> UnassignLetter(Context& ctx, const Actor& actor, const std::string& application_id,
                                        const std::string& letter_id) {
  return ctx.db.Run<LetterView>([&](store::Tx& tx) -> core::Result<LetterView> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    auto l = OwnLetter(tx, actor, letter_id);
    if (!l) return std::unexpected(l.error());
    if (a->status != "draft") return core::Conflict("the letter was sent with this application; it stays");
    if (!store::UnassignLetter(tx, a->id, l->id)) return core::NotFound("this letter is not assigned here");
    Audit(tx, ctx, actor, "letter.unassign", "letter", l->id, a->institution_id, "application " + a->id);
    return ViewOf(tx, *l);
  });
}

core::Result<RefereeView> GetLetterByToken(Context& ctx, const std::string& token) {
  return ctx.db.RunRead<RefereeView>([&](store::Tx& tx) -> core::Result<RefereeView> {
    auto l = LetterOfToken(tx, ctx, token);
    if (!l) return std::unexpected(l.error());
    return RefereeViewOf(tx, std::move(*l));
  });
}

core::Result<RefereeView> UploadLetter(Context& ctx, const Actor& actor, const std::string& token,
                                       const std::string& path) {
  if (!ctx.files) return core::Internal("the document vault is not configured");
  // Refuse a bad link before storing anything.
  auto before = ctx.db.RunRead<store::LetterRow>([&](store::Tx& tx) { return LetterOfToken(tx, ctx, token); });
  if (!before) return std::unexpected(before.error());
  if (!before->first_sent_at.empty()) {
    return core::Conflict("this letter was already sent to a program and can no longer be replaced");
  }
  auto facts = adapters::CheckUpload(path, ctx.max_upload_bytes);
  if (!facts) return std::unexpected(facts.error());
  if (facts->mime != "application/pdf") return core::InvalidArgument("file", "a letter must be a PDF file");
  auto blob = ctx.files->Put(path);
  if (!blob) return std::unexpected(blob.error());
  std::string old_blob;
  auto saved = ctx.db.Run<RefereeView>([&](store::Tx& tx) -> core::Result<RefereeView> {
    auto l = LetterOfToken(tx, ctx, token);
    if (!l) return std::unexpected(l.error());
    if (!l->first_sent_at.empty()) {
      return core::Conflict("this letter was already sent to a program and can no longer be replaced");
    }
    bool replacing = l->status == "received";
    old_blob = l->blob;
    std::string now = Now(ctx);
    l->status = "received";
    l->blob = *blob;
    l->mime = facts->mime;
    l->size = static_cast<int64_t>(facts->size);
    l->pages = facts->pages;
    l->uploaded_at = now;
    l->updated_at = now;
    store::UpdateLetter(tx, *l);
    Audit(tx, ctx, actor, replacing ? "letter.replace" : "letter.upload", "letter", l->id, "",
          "referee " + l->referee_email);
    auto a = ApplicantOf(tx, l->applicant_id);
    if (!a.email.empty()) {
      SendEmail(tx, ctx, a.email, LetterReceivedMessage(a.name, l->referee_name, ctx.public_url + "/letters"));
    }
    return RefereeViewOf(tx, std::move(*l));
  });
  if (!saved) {
    ctx.files->Remove(*blob);
    return saved;
  }
  if (!old_blob.empty() && old_blob != *blob) {
    auto used = ctx.db.RunRead<bool>([&](store::Tx& tx) -> core::Result<bool> {
      return store::BlobReferenced(tx, old_blob);
    });
    if (used && !*used) ctx.files->Remove(old_blob);
  }
  return saved;
}

core::Result<std::vector<store::LetterRow>> ListApplicationLetters(Context& ctx, const Actor& actor,
                                                                   const std::string& institution_id,
                                                                   const std::string& application_id) {
  return ctx.db.Run<std::vector<store::LetterRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::LetterRow>> {
        if (auto s = StaffApplication(tx, institution_id, application_id); !s) return std::unexpected(s.error());
        std::vector<store::LetterRow> out;
        for (auto& l : store::LettersOfApplication(tx, application_id)) {
          if (l.status == "received") out.push_back(std::move(l));
        }
        Audit(tx, ctx, actor, "letter.list_viewed", "application", application_id, institution_id, "");
        return out;
      });
}

core::Result<FileDownload> ReadApplicationLetter(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                 const std::string& application_id, const std::string& letter_id) {
  auto l = ctx.db.Run<store::LetterRow>([&](store::Tx& tx) -> core::Result<store::LetterRow> {
    if (auto s = StaffApplication(tx, institution_id, application_id); !s) return std::unexpected(s.error());
    for (auto& l : store::LettersOfApplication(tx, application_id)) {
      if (l.id == letter_id && l.status == "received") {
        Audit(tx, ctx, actor, "letter.viewed", "letter", l.id, institution_id, "application " + application_id);
        return l;
      }
    }
    return core::NotFound("no such letter");
  });
  if (!l) return std::unexpected(l.error());
  return Download(ctx, *l);
}

core::Result<int> SendLetterReminders(Context& ctx) {
  auto now_tp = ctx.clock.Now();
  std::string cutoff = core::FormatIso8601(now_tp - std::chrono::hours(24 * 7));
  return ctx.db.Run<int>([&](store::Tx& tx) -> core::Result<int> {
    int sent = 0;
    std::string now = Now(ctx);
    for (auto& l : store::WaitingLetters(tx, cutoff, 500)) {
      auto created = core::ParseIso8601(l.created_at);
      if (!created) continue;
      int age = static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(now_tp - *created).count() / 24);
      int sent_before = l.reminders;
      int due = core::DueLetterReminder(age, sent_before);
      if (due == 0) continue;
      // One e-mail per reminder, even with several server processes.
      if (!store::MarkReminderSent(tx, "letter:" + l.id + ":" + std::to_string(due), now)) continue;
      auto a = ApplicantOf(tx, l.applicant_id);
      std::string token = IssueToken(tx, ctx, kPurpose, l.id, l.referee_email, kLinkTtl, "", "");
      SendEmail(tx, ctx, l.referee_email,
                LetterReminderMessage(l.referee_name, a.name, age, Link(ctx, "/letters/upload", token)));
      l.reminders = due == 14 ? 2 : 1;
      l.last_link_at = now;
      store::UpdateLetter(tx, l);
      Actor system{"", "", "", {}};
      Audit(tx, ctx, system, "letter.remind", "letter", l.id, "", std::to_string(due) + " days");
      ++sent;
    }
    return sent;
  });
}

}  // namespace clerkship::services
