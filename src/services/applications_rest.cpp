#include "services/applications_rest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "adapters/file_check.h"
#include "adapters/file_store.h"
#include "adapters/random.h"
#include "adapters/zones.h"
#include "core/fees.h"
#include "core/text.h"
#include "services/catalog.h"
#include "services/internal.h"
#include "services/review.h"
#include "store/accounts.h"
#include "store/institutions.h"
#include "store/letters.h"
#include "store/materials.h"
#include "store/placements.h"
#include "store/review.h"
#include "store/vault.h"

namespace clerkship::services {
namespace {

using Json = nlohmann::json;

constexpr auto kSchoolLinkTtl = std::chrono::hours(24 * 30);

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }

core::Result<store::ApplicationRow> OwnApplication(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto a = store::FindApplication(tx, id);
  if (!a || a->applicant_id != actor.user_id) return core::NotFound("no such application");
  return *a;
}

// A submitted (not draft) application at the institution; drafts and other
// institutions' applications do not exist for its staff.
core::Result<store::ApplicationRow> StaffApplicationAt(store::Tx& tx, const std::string& institution_id,
                                                       const std::string& id) {
  auto a = store::FindApplication(tx, id);
  if (!a || a->institution_id != institution_id || a->status == "draft") {
    return core::NotFound("no such application");
  }
  return *a;
}

// What the services need from an applicant's stored profile.
struct ProfileFacts {
  std::string name;
  std::string email;
  std::string status;  // student | graduate | ''
  std::string school;
  std::string graduation_date;
};

ProfileFacts ProfileFactsOf(store::Tx& tx, const std::string& user_id) {
  ProfileFacts f;
  if (auto u = store::FindUserById(tx, user_id)) {
    f.name = u->display_name;
    f.email = u->email;
  }
  if (auto p = store::FindProfile(tx, user_id)) {
    if (!p->legal_name.empty()) f.name = p->legal_name;
    auto j = Json::parse(p->data, nullptr, false);
    if (j.is_object()) {
      if (j.contains("status") && j["status"].is_string()) f.status = j["status"].get<std::string>();
      if (j.contains("school") && j["school"].is_object()) {
        f.school = j["school"].value("name", "");
        f.graduation_date = j["school"].value("graduation_date", "");
      }
    }
  }
  if (f.status != "student" && f.status != "graduate") f.status.clear();
  return f;
}

FeeView ViewOfFee(const store::FeeRow& r) {
  FeeView v;
  v.applies = true;
  v.amount_cents = r.amount_cents;
  v.currency = r.currency;
  v.category = r.category;
  v.status = r.status;
  v.method = r.method;
  v.reference = r.reference;
  v.recorded_at = r.recorded_at;
  v.decided_at = r.decided_at;
  v.note = r.note;
  v.version = r.version;
  return v;
}

std::string ApplicationLink(Context& ctx, const std::string& id) { return ctx.public_url + "/applications/" + id; }

}  // namespace

// ------------------------------------------------------------------ fees

FeeView FeeOf(store::Tx& tx, const store::ApplicationRow& a, const core::OfferingDraft& draft,
              const std::string& category) {
  auto row = store::FindFee(tx, a.id);
  if (row && row->status != "due") return ViewOfFee(*row);
  std::string cat = category == "student" || category == "graduate" ? category : "";
  int64_t amount = core::ApplicationFeeCents(draft.fees, cat);
  if (amount <= 0) return FeeView{};  // the offering charges no application fee (now)
  FeeView v = row ? ViewOfFee(*row) : FeeView{};
  v.applies = true;
  v.amount_cents = amount;
  v.currency = draft.currency;
  v.category = cat;
  v.status = "due";
  return v;
}

void CreateFeeRecord(store::Tx& tx, Context& ctx, const store::ApplicationRow& a, const core::OfferingDraft& draft) {
  FeeView v = FeeOf(tx, a, draft, ProfileFactsOf(tx, a.applicant_id).status);
  if (!v.applies || v.version > 0) return;
  std::string now = Now(ctx);
  store::InsertFee(tx, {a.id, v.amount_cents, v.currency, v.category, "due", "", "", "", "", "", "", 1, now, now});
}

core::Result<FeeView> RecordFeePayment(Context& ctx, const Actor& actor, const std::string& application_id,
                                       const std::string& method, const std::string& reference) {
  auto payment = core::ValidateFeePayment({method, reference});
  if (!payment) return std::unexpected(payment.error());
  return ctx.db.Run<FeeView>([&](store::Tx& tx) -> core::Result<FeeView> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    if (a->status == "withdrawn") return core::Conflict("this application was withdrawn");
    auto offering = store::FindOffering(tx, a->offering_id);
    if (!offering) return core::Internal("application " + a->id + " names a missing offering");
    FeeView fee = FeeOf(tx, *a, OfferingDraftOf(*offering), ProfileFactsOf(tx, a->applicant_id).status);
    if (!fee.applies) return core::Conflict("this offering charges no application fee");
    auto next = core::FeeTransition(fee.status, "record");
    if (!next) return std::unexpected(next.error());
    std::string now = Now(ctx);
    store::FeeRow row{a->id,  fee.amount_cents, fee.currency, fee.category, *next, payment->method,
                      payment->reference, now, "", "", "", fee.version, now, now};
    if (fee.version == 0) {
      row.version = 1;
      store::InsertFee(tx, row);
    } else {
      if (auto stored = store::FindFee(tx, a->id)) row.created_at = stored->created_at;
      if (!store::UpdateFee(tx, row)) return core::Conflict("the fee changed; reload the application");
      row.version += 1;
    }
    Audit(tx, ctx, actor, "fee.record", "application", a->id, a->institution_id,
          core::FormatMoney(row.amount_cents, row.currency) + " by " + row.method + ", reference " + row.reference);
    return ViewOfFee(row);
  });
}

core::Result<FeeView> DecideFee(Context& ctx, const Actor& actor, const std::string& institution_id,
                                const std::string& application_id, const std::string& action,
                                const std::string& note) {
  if (action != "confirm" && action != "waive" && action != "refund") {
    return core::InvalidArgument("action", "action is confirm, waive or refund");
  }
  if (note.size() > 1000) return core::InvalidArgument("note", "the note is at most 1000 characters");
  return ctx.db.Run<FeeView>([&](store::Tx& tx) -> core::Result<FeeView> {
    auto a = StaffApplicationAt(tx, institution_id, application_id);
    if (!a) return std::unexpected(a.error());
    auto offering = store::FindOffering(tx, a->offering_id);
    if (!offering) return core::Internal("application " + a->id + " names a missing offering");
    FeeView fee = FeeOf(tx, *a, OfferingDraftOf(*offering), ProfileFactsOf(tx, a->applicant_id).status);
    if (!fee.applies) return core::Conflict("this application has no fee");
    auto next = core::FeeTransition(fee.status, action);
    if (!next) return std::unexpected(next.error());
    std::string now = Now(ctx);
    if (fee.version == 0) {
      store::InsertFee(tx, {a->id, fee.amount_cents, fee.currency, fee.category, "due", "", "", "", "", "", "", 1,
                            now, now});
      fee.version = 1;
    }
    auto row = store::FindFee(tx, a->id);
    if (!row) return core::Internal("fee record vanished");
    row->status = *next;
    row->decided_by = actor.user_id;
    row->decided_at = now;
    row->note = core::Trim(note);
    row->updated_at = now;
    if (!store::UpdateFee(tx, *row)) return core::Conflict("the fee changed; reload the application");
    row->version += 1;
    Audit(tx, ctx, actor, "fee." + action, "application", a->id, institution_id,
          core::FormatMoney(row->amount_cents, row->currency) + (row->note.empty() ? "" : "; " + row->note));
    ProfileFacts p = ProfileFactsOf(tx, a->applicant_id);
    if (!p.email.empty()) {
      SendEmail(tx, ctx, p.email,
                FeeDecisionMessage(p.name, offering->title, offering->institution_name, *next,
                                   core::FormatMoney(row->amount_cents, row->currency), row->note,
                                   ApplicationLink(ctx, a->id)));
    }
    return ViewOfFee(*row);
  });
}

// --------------------------------------------------------------- overlap

std::vector<core::HeldRotation> HeldRotationsOf(store::Tx& tx, const std::string& applicant_id,
                                                const std::string& except_application) {
  std::vector<core::HeldRotation> out;
  for (const auto& p : store::PlacementsOfApplicant(tx, applicant_id)) {
    if (p.status != "scheduled" && p.status != "in_progress") continue;
    if (p.application_id == except_application) continue;
    core::HeldRotation h{"", "", p.start_date, p.end_date};
    if (auto o = store::FindOffering(tx, p.offering_id)) {
      h.title = o->title;
      h.institution = o->institution_name;
    }
    out.push_back(std::move(h));
  }
  return out;
}

core::Result<ApplicationView> SetApplicationBlocks(Context& ctx, const Actor& actor,
                                                   const std::string& application_id,
                                                   const std::vector<std::string>& block_ids) {
  if (auto s = CheckBlockIds(block_ids); !s) return std::unexpected(s.error());
  return ctx.db.Run<ApplicationView>([&](store::Tx& tx) -> core::Result<ApplicationView> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    if (a->status != "draft") return core::Conflict("the blocks of a submitted application cannot change");
    auto blocks = store::ListBlocks(tx, a->offering_id);
    for (size_t i = 0; i < block_ids.size(); ++i) {
      if (std::none_of(blocks.begin(), blocks.end(), [&](const core::Block& b) { return b.id == block_ids[i]; })) {
        return core::InvalidArgument("block_ids[" + std::to_string(i) + "]", "this block is not part of the offering");
      }
    }
    store::ReplaceApplicationBlocks(tx, a->id, block_ids);
    a->block_ids = block_ids;
    Audit(tx, ctx, actor, "application.blocks", "application", a->id, a->institution_id,
          std::to_string(block_ids.size()) + " blocks");
    return DescribeMine(tx, ctx, std::move(*a));
  });
}

// --------------------------------------------------------- apply to similar

namespace {

// Blocks open for applications on `today` (the institution's date).
std::vector<core::Block> OpenBlocks(std::vector<core::Block> blocks, const std::string& today) {
  std::vector<core::Block> out;
  for (auto& b : blocks) {
    if (b.draft.opens_on <= today && today <= b.draft.deadline) out.push_back(std::move(b));
  }
  return out;
}

core::Result<std::vector<SimilarOffering>> SimilarIn(store::Tx& tx, Context& ctx, const Actor& actor,
                                                     const store::ApplicationRow& source) {
  auto offering = store::FindOffering(tx, source.offering_id);
  if (!offering) return core::Internal("application " + source.id + " names a missing offering");
  std::set<std::string> applied;
  for (const auto& a : store::ListApplicationsOf(tx, actor.user_id)) {
    if (a.status != "withdrawn") applied.insert(a.offering_id);
  }
  std::vector<SimilarOffering> out;
  for (const auto& id : store::SimilarOfferingIds(tx, offering->specialty, offering->type, offering->id, 200)) {
    if (applied.contains(id)) continue;
    auto o = store::FindOffering(tx, id);
    if (!o) continue;
    auto open = OpenBlocks(store::ListBlocks(tx, id), adapters::LocalDate(ctx.clock.Now(), o->time_zone));
    if (open.empty()) continue;
    out.push_back({std::move(*o), std::move(open)});
    if (out.size() >= 50) break;
  }
  return out;
}

}  // namespace

core::Result<std::vector<SimilarOffering>> SimilarOfferings(Context& ctx, const Actor& actor,
                                                            const std::string& application_id) {
  return ctx.db.RunRead<std::vector<SimilarOffering>>(
      [&](store::Tx& tx) -> core::Result<std::vector<SimilarOffering>> {
        auto a = OwnApplication(tx, actor, application_id);
        if (!a) return std::unexpected(a.error());
        return SimilarIn(tx, ctx, actor, *a);
      });
}

core::Result<ApplicationView> ApplyToSimilar(Context& ctx, const Actor& actor, const std::string& source_id,
                                             const std::string& offering_id,
                                             const std::vector<std::string>& block_ids) {
  if (auto s = CheckBlockIds(block_ids); !s) return std::unexpected(s.error());
  return ctx.db.Run<ApplicationView>([&](store::Tx& tx) -> core::Result<ApplicationView> {
    auto source = OwnApplication(tx, actor, source_id);
    if (!source) return std::unexpected(source.error());
    auto similar = SimilarIn(tx, ctx, actor, *source);
    if (!similar) return std::unexpected(similar.error());
    auto match = std::find_if(similar->begin(), similar->end(),
                              [&](const SimilarOffering& s) { return s.offering.id == offering_id; });
    if (match == similar->end()) {
      return core::InvalidArgument("offering_id", "not an open offering similar to this application");
    }
    for (size_t i = 0; i < block_ids.size(); ++i) {
      if (std::none_of(match->open_blocks.begin(), match->open_blocks.end(),
                       [&](const core::Block& b) { return b.id == block_ids[i]; })) {
        return core::InvalidArgument("block_ids[" + std::to_string(i) + "]",
                                     "this block is not open for applications at that offering");
      }
    }
    auto row = InsertDraft(tx, ctx, actor, offering_id, block_ids);
    if (!row) return std::unexpected(row.error());
    std::string now = Now(ctx);
    // The written cover letter and the CV choice (a vault CV only while it is still there).
    std::vector<std::string> copied;
    if (auto m = store::FindMaterials(tx, source->id)) {
      store::MaterialsRow n;
      n.application_id = row->id;
      n.cover_letter_text = m->cover_letter_text;
      if (!m->cover_letter_text.empty()) copied.push_back("cover letter");
      n.cv_kind = m->cv_kind;
      n.cv_document_id = m->cv_document_id;
      if (n.cv_kind == "document") {
        auto docs = store::ListDocuments(tx, actor.user_id);
        bool live = std::any_of(docs.begin(), docs.end(), [&](const store::DocumentRow& d) {
          return d.id == n.cv_document_id && d.deleted_at.empty();
        });
        if (!live) {
          n.cv_kind.clear();
          n.cv_document_id.clear();
        }
      }
      if (!n.cv_kind.empty()) copied.push_back("CV choice");
      n.updated_at = now;
      if (!n.cover_letter_text.empty() || !n.cv_kind.empty()) store::SaveMaterials(tx, n);
    }
    // Received letters, as many as the new offering asks for.
    int wanted = 0;
    for (const auto& r : OfferingDraftOf(match->offering).required_documents) {
      if (r.type == "letter_of_recommendation") wanted = std::max(r.count, 1);
    }
    int letters = 0;
    for (const auto& l : store::LettersOfApplication(tx, source->id)) {
      if (letters >= wanted) break;
      if (l.status != "received") continue;
      store::AssignLetter(tx, row->id, l.id, now);
      ++letters;
    }
    if (letters > 0) copied.push_back(std::to_string(letters) + (letters == 1 ? " letter" : " letters"));
    std::string detail = offering_id + "; similar to " + source->id;
    for (size_t i = 0; i < copied.size(); ++i) detail += (i == 0 ? "; copied " : ", ") + copied[i];
    Audit(tx, ctx, actor, "application.create", "application", row->id, row->institution_id, detail);
    return DescribeMine(tx, ctx, std::move(*row));
  });
}

// ------------------------------------------------------ school verification

namespace {

core::Result<store::SchoolVerificationRow> VerificationOfToken(store::Tx& tx, Context& ctx, const std::string& token,
                                                               bool consume) {
  auto t = TakeToken(tx, ctx, token, {kSchoolVerificationPurpose}, consume);
  if (!t) return std::unexpected(t.error());
  auto v = store::FindSchoolVerification(tx, t->user_id);
  if (!v) return core::InvalidArgument("token", "this link is not valid");
  if (v->status == "cancelled") return core::Conflict("the applicant cancelled this request");
  if (v->status != "requested") return core::Conflict("this request was already answered");
  return *v;
}

SchoolOfficeView OfficeViewOf(store::Tx& tx, store::SchoolVerificationRow row) {
  SchoolOfficeView v;
  ProfileFacts p = ProfileFactsOf(tx, row.applicant_id);
  v.applicant_name = p.name;
  v.graduation_date = p.graduation_date;
  v.applicant_status = p.status;
  v.row = std::move(row);
  return v;
}

int YearOf(Context& ctx) { return std::stoi(Now(ctx).substr(0, 4)); }

}  // namespace

core::Result<store::SchoolVerificationRow> RequestSchoolVerification(Context& ctx, const Actor& actor,
                                                                     core::SchoolVerificationDraft draft) {
  auto valid = core::ValidateSchoolVerificationRequest(std::move(draft), actor.principal.email);
  if (!valid) return std::unexpected(valid.error());
  return ctx.db.Run<store::SchoolVerificationRow>([&](store::Tx& tx) -> core::Result<store::SchoolVerificationRow> {
    ProfileFacts p = ProfileFactsOf(tx, actor.user_id);
    if (p.school.empty()) {
      return std::unexpected(core::Error{core::ErrorCode::kFailedPrecondition,
                                         "add your medical school to your profile first", "school", {}});
    }
    for (const auto& v : store::ListSchoolVerifications(tx, actor.user_id)) {
      if (v.status == "requested") {
        return core::Conflict("your request to " + v.office_email + " is still waiting; cancel it first");
      }
    }
    std::string now = Now(ctx);
    store::SchoolVerificationRow v;
    v.id = adapters::NewId();
    v.applicant_id = actor.user_id;
    v.school_name = p.school;
    v.office_name = valid->office_name;
    v.office_email = valid->office_email;
    v.status = "requested";
    v.created_at = now;
    v.updated_at = now;
    store::InsertSchoolVerification(tx, v);
    std::string token = IssueToken(tx, ctx, kSchoolVerificationPurpose, v.id, v.office_email, kSchoolLinkTtl, "", "");
    SendEmail(tx, ctx, v.office_email,
              SchoolVerificationRequestMessage(v.office_name, p.name, p.school,
                                               Link(ctx, "/school-verification", token)));
    Audit(tx, ctx, actor, "school_verification.request", "school_verification", v.id, "", v.office_email);
    return v;
  });
}

core::Result<std::vector<store::SchoolVerificationRow>> ListMySchoolVerifications(Context& ctx,
                                                                                  const Actor& actor) {
  return ctx.db.RunRead<std::vector<store::SchoolVerificationRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::SchoolVerificationRow>> {
        return store::ListSchoolVerifications(tx, actor.user_id);
      });
}

core::Result<store::SchoolVerificationRow> CancelSchoolVerification(Context& ctx, const Actor& actor,
                                                                    const std::string& verification_id) {
  return ctx.db.Run<store::SchoolVerificationRow>([&](store::Tx& tx) -> core::Result<store::SchoolVerificationRow> {
    auto v = store::FindSchoolVerification(tx, verification_id);
    if (!v || v->applicant_id != actor.user_id) return core::NotFound("no such request");
    if (v->status != "requested") return core::Conflict("only a waiting request can be cancelled");
    std::string now = Now(ctx);
    store::ExpireUserTokens(tx, v->id, kSchoolVerificationPurpose, now);
    v->status = "cancelled";
    v->updated_at = now;
    store::UpdateSchoolVerification(tx, *v);
    Audit(tx, ctx, actor, "school_verification.cancel", "school_verification", v->id, "", "");
    return *v;
  });
}

core::Result<SchoolOfficeView> GetSchoolVerificationByToken(Context& ctx, const std::string& token) {
  return ctx.db.RunRead<SchoolOfficeView>([&](store::Tx& tx) -> core::Result<SchoolOfficeView> {
    auto v = VerificationOfToken(tx, ctx, token, false);
    if (!v) return std::unexpected(v.error());
    return OfficeViewOf(tx, std::move(*v));
  });
}

core::Result<SchoolOfficeView> UploadSchoolLetter(Context& ctx, const Actor& actor, const std::string& token,
                                                  const std::string& path) {
  if (!ctx.files) return core::Internal("the document vault is not configured");
  // Refuse a bad link before storing anything.
  auto before = ctx.db.RunRead<store::SchoolVerificationRow>(
      [&](store::Tx& tx) { return VerificationOfToken(tx, ctx, token, false); });
  if (!before) return std::unexpected(before.error());
  auto facts = adapters::CheckUpload(path, ctx.max_upload_bytes);
  if (!facts) return std::unexpected(facts.error());
  if (facts->mime != "application/pdf") return core::InvalidArgument("file", "the letter must be a PDF file");
  auto blob = ctx.files->Put(path);
  if (!blob) return std::unexpected(blob.error());
  std::string old_blob;
  auto saved = ctx.db.Run<SchoolOfficeView>([&](store::Tx& tx) -> core::Result<SchoolOfficeView> {
    auto v = VerificationOfToken(tx, ctx, token, false);
    if (!v) return std::unexpected(v.error());
    old_blob = v->blob;
    v->blob = *blob;
    v->mime = facts->mime;
    v->size = static_cast<int64_t>(facts->size);
    v->pages = facts->pages;
    v->updated_at = Now(ctx);
    store::UpdateSchoolVerification(tx, *v);
    Audit(tx, ctx, actor, "school_verification.upload", "school_verification", v->id, "", v->office_email);
    return OfficeViewOf(tx, std::move(*v));
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

core::Result<SchoolOfficeView> AnswerSchoolVerification(Context& ctx, const Actor& actor, const std::string& token,
                                                        core::SchoolAttestation answer) {
  return ctx.db.Run<SchoolOfficeView>([&](store::Tx& tx) -> core::Result<SchoolOfficeView> {
    // Look first (a bad answer must not use the link up), then consume.
    auto peek = VerificationOfToken(tx, ctx, token, false);
    if (!peek) return std::unexpected(peek.error());
    answer.has_letter = !peek->blob.empty();
    auto valid = core::ValidateSchoolAttestation(std::move(answer), YearOf(ctx));
    if (!valid) return std::unexpected(valid.error());
    auto v = VerificationOfToken(tx, ctx, token, true);
    if (!v) return std::unexpected(v.error());
    std::string now = Now(ctx);
    store::ExpireUserTokens(tx, v->id, kSchoolVerificationPurpose, now);
    bool verified = valid->decision == "verify";
    v->status = verified ? "verified" : "declined";
    v->claim = valid->claim;
    v->year = valid->year;
    v->good_standing = valid->good_standing;
    v->method = verified ? (valid->attest ? "attest" : "letter") : "";
    v->attester_name = valid->attester_name;
    v->attester_title = valid->attester_title;
    v->reason = valid->reason;
    v->responded_at = now;
    v->updated_at = now;
    store::UpdateSchoolVerification(tx, *v);
    Audit(tx, ctx, actor, verified ? "school_verification.verify" : "school_verification.decline",
          "school_verification", v->id, "",
          v->attester_name + ", " + v->attester_title + (verified ? "; " + v->claim + " " + std::to_string(v->year)
                                                                  : "; " + v->reason));
    ProfileFacts p = ProfileFactsOf(tx, v->applicant_id);
    if (!p.email.empty()) {
      SendEmail(tx, ctx, p.email,
                SchoolVerificationAnsweredMessage(p.name, v->school_name, verified, v->reason,
                                                  ctx.public_url + "/applications"));
    }
    return OfficeViewOf(tx, std::move(*v));
  });
}

std::optional<store::SchoolVerificationRow> SchoolStatusOf(store::Tx& tx, const std::string& applicant_id) {
  auto all = store::ListSchoolVerifications(tx, applicant_id);
  for (const auto& v : all) {
    if (v.status == "verified") return v;
  }
  for (const auto& v : all) {
    if (v.status != "cancelled") return v;
  }
  return std::nullopt;
}

core::Result<FileDownload> ReadSchoolLetter(Context& ctx, const Actor& actor, const std::string& institution_id,
                                            const std::string& application_id) {
  if (!ctx.files) return core::Internal("the document vault is not configured");
  auto v = ctx.db.Run<store::SchoolVerificationRow>([&](store::Tx& tx) -> core::Result<store::SchoolVerificationRow> {
    auto a = StaffApplicationAt(tx, institution_id, application_id);
    if (!a) return std::unexpected(a.error());
    auto s = SchoolStatusOf(tx, a->applicant_id);
    if (!s || s->status != "verified" || s->blob.empty()) return core::NotFound("no letter from the school");
    Audit(tx, ctx, actor, "school_verification.viewed", "school_verification", s->id, institution_id, a->id);
    return *s;
  });
  if (!v) return std::unexpected(v.error());
  auto bytes = ctx.files->Read(v->blob);
  if (!bytes) return std::unexpected(bytes.error());
  return FileDownload{std::move(*bytes), v->mime, "school-verification.pdf"};
}

// ---------------------------------------------------------- review digest

core::Result<int> SendReviewDigests(Context& ctx) {
  auto now_tp = ctx.clock.Now();
  std::string now = core::FormatIso8601(now_tp);
  std::string today = now.substr(0, 10);
  auto institutions = ctx.db.RunRead<std::vector<std::string>>(
      [&](store::Tx& tx) -> core::Result<std::vector<std::string>> { return store::InstitutionsWithUndecided(tx); });
  if (!institutions) return std::unexpected(institutions.error());
  int sent = 0;
  // One transaction per institution: a failure at one does not hold back the others.
  for (const auto& institution_id : *institutions) {
    auto n = ctx.db.Run<int>([&](store::Tx& tx) -> core::Result<int> {
      int target = 14;
      if (auto s = store::FindReviewSettings(tx, institution_id)) target = s->target_days;
      std::string before = core::FormatIso8601(now_tp - std::chrono::hours(24 * target));
      auto waiting = store::WaitingApplications(tx, institution_id, before);
      if (waiting.empty()) return 0;
      // Once per institution per day, even with several server processes.
      if (!store::MarkReminderSent(tx, "review-digest:" + institution_id + ":" + today, now)) return 0;
      auto inst = store::FindInstitution(tx, institution_id);
      std::string name = inst ? inst->name : "";
      std::vector<DigestLine> lines;
      for (const auto& w : waiting) {
        auto at = core::ParseIso8601(w.submitted_at);
        int days = at ? static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(now_tp - *at).count() / 24) : 0;
        std::string applicant;
        if (auto snap = store::FindSnapshot(tx, w.application_id)) applicant = snap->applicant_name;
        lines.push_back({applicant, w.offering_title, days,
                         ctx.public_url + "/institutions/" + institution_id + "/applications/" + w.application_id});
      }
      int emails = 0;
      for (const auto& s : store::ListStaff(tx, institution_id)) {
        if (s.role != "coordinator") continue;
        SendEmail(tx, ctx, s.email, ReviewDigestMessage(s.display_name, name, target, lines));
        ++emails;
      }
      Actor system{"", "", "", {}};
      Audit(tx, ctx, system, "review.digest", "institution", institution_id, institution_id,
            std::to_string(waiting.size()) + " waiting; " + std::to_string(emails) + " e-mails");
      return emails;
    });
    if (!n) return std::unexpected(n.error());
    sent += *n;
  }
  return sent;
}

}  // namespace clerkship::services
