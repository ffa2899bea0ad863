#include "services/vault.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "adapters/file_check.h"
#include "adapters/file_store.h"
#include "adapters/pdf.h"
#include "adapters/random.h"
#include "adapters/zones.h"
#include "core/application_state.h"
#include "services/catalog.h"
#include "services/cv.h"
#include "services/internal.h"
#include "services/offers.h"
#include "services/materials.h"
#include "services/applications_rest.h"
#include "core/fees.h"
#include "services/profile_json.h"
#include "services/review.h"
#include "store/catalog.h"
#include "store/institutions.h"
#include "store/letters.h"

namespace clerkship::services {
namespace {

using Json = nlohmann::json;

#define RETURN_IF_ERROR(expr)                    \
  do {                                           \
    if (auto s_ = (expr); !s_) return std::unexpected(s_.error()); \
  } while (0)

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }
std::string TodayUtc(Context& ctx) { return Now(ctx).substr(0, 10); }

core::Status NeedVault(Context& ctx) {
  if (!ctx.files) return core::Internal("the document vault is not configured");
  return {};
}


ProfileView ViewOf(const store::ProfileRow* row, core::Profile profile) {
  ProfileView v;
  v.profile = std::move(profile);
  if (row) {
    v.version = row->version;
    v.updated_at = row->updated_at;
  }
  v.completeness = core::ProfileCompleteness(v.profile);
  return v;
}

core::Profile StoredProfile(const store::ProfileRow& row) {
  auto j = Json::parse(row.data, nullptr, false);
  if (j.is_discarded()) return {};
  auto p = ProfileFromJson(j);
  return p ? *p : core::Profile{};
}

std::vector<core::Requirement> RequirementsOf(const core::OfferingDraft& draft) {
  std::vector<core::Requirement> out;
  for (const auto& r : draft.required_documents) out.push_back(core::Requirement{r.type, r.count});
  return out;
}

// What describing an application needs from its offering, read once and
// shared when several applications of one offering are described.
struct OfferingFacts {
  store::OfferingRow offering;
  std::vector<core::Block> blocks;
  std::vector<core::Requirement> requirements;
};

core::Result<OfferingFacts> LoadOfferingFacts(store::Tx& tx, const std::string& offering_id) {
  auto offering = store::FindOffering(tx, offering_id);
  if (!offering) return core::NotFound("no such offering");
  OfferingFacts f{*offering, store::ListBlocks(tx, offering_id), {}};
  f.requirements = RequirementsOf(OfferingDraftOf(f.offering));
  return f;
}

// Fills the application's names and blocks (and the checklist when asked).
ApplicationView Describe(store::Tx& tx, store::ApplicationRow row, bool with_checklist, const OfferingFacts& facts) {
  ApplicationView v;
  v.offering_title = facts.offering.title;
  v.institution_name = facts.offering.institution_name;
  v.time_zone = facts.offering.time_zone;
  std::vector<core::VaultDocument> vault;
  int letters = 0;
  if (with_checklist) {
    vault = VaultOf(store::ListDocuments(tx, row.applicant_id));
    letters = store::CountApplicationLetters(tx, row.id);
  }
  for (const auto& id : row.block_ids) {
    auto b = std::find_if(facts.blocks.begin(), facts.blocks.end(), [&](const core::Block& x) { return x.id == id; });
    if (b == facts.blocks.end()) continue;
    BlockChecklist c;
    c.block_id = b->id;
    c.start_date = b->draft.start_date;
    c.end_date = b->draft.end_date;
    c.deadline = b->draft.deadline;
    if (with_checklist) {
      c.items = core::EvaluateCompliance(facts.requirements, core::BlockDates{c.start_date, c.end_date}, vault);
      for (auto& item : c.items) {
        // Letters are answered by the application (services/letters.h).
        if (item.requirement == "letter_of_recommendation") {
          item.reason = std::to_string(letters) + " of " + std::to_string(std::max(item.count, 1)) +
                        (item.count == 1 ? " letter" : " letters") + " assigned.";
        }
      }
      c.cleared = core::Cleared(c.items);
    }
    v.blocks.push_back(std::move(c));
  }
  v.row = std::move(row);
  return v;
}

// Eligibility and the submit problems of a described application (with its
// checklist), judged on the applicant's current profile and `today` (the
// institution's date).
void AddReadiness(store::Tx& tx, ApplicationView& v, const OfferingFacts& facts, const std::string& today) {
  core::OfferingDraft draft = OfferingDraftOf(facts.offering);
  core::Profile profile;
  if (auto row = store::FindProfile(tx, v.row.applicant_id)) profile = StoredProfile(*row);
  v.eligibility = core::EvaluateEligibility(draft.eligibility, profile, today);
  core::SubmitFacts f;
  for (const auto& r : draft.required_documents) {
    if (r.type == "letter_of_recommendation") f.letters_required = std::max(r.count, 1);
  }
  f.letters_assigned = store::CountApplicationLetters(tx, v.row.id);
  v.materials = MaterialsOf(tx, v.row.id);
  for (const auto& r : draft.required_documents) {
    if (r.type == "cover_letter") f.cover_letter_required = true;
    if (r.type == "cv") f.cv_required = true;
  }
  f.has_cover_letter = v.materials.cover_letter_pdf || !v.materials.cover_letter_text.empty();
  f.has_cv_choice = !v.materials.cv_kind.empty();
  v.cover_letter_required = f.cover_letter_required;
  v.cv_required = f.cv_required;
  // The application answers its cover letter and CV: the checklist says how.
  for (auto& b : v.blocks) {
    for (auto& item : b.items) {
      if (item.requirement == "cover_letter") {
        item.state = core::kApplication;
        item.reason = v.materials.cover_letter_pdf            ? "Uploaded PDF, sent with the application."
                      : !v.materials.cover_letter_text.empty() ? "Written in the application."
                                                                : "Write it or upload a PDF on this application.";
      } else if (item.requirement == "cv" && f.has_cv_choice) {
        item.state = core::kApplication;
        item.document_ids.clear();
        item.reason = v.materials.cv_kind == "generated" ? "Generated from your profile when you submit."
                                                         : "The CV chosen from your documents.";
        if (v.materials.cv_kind == "document") item.document_ids.push_back(v.materials.cv_document_id);
      }
    }
    b.cleared = core::Cleared(b.items);
  }
  for (const auto& b : v.blocks) f.blocks.emplace_back(b.start_date, b.items);
  f.eligibility = v.eligibility;
  v.fee = FeeOf(tx, v.row, draft, profile.status);
  f.fee_due = v.fee.applies && core::FeeBlocksSubmit(v.fee.status);
  f.fee_amount = core::FormatMoney(v.fee.amount_cents, v.fee.currency);
  if (v.row.status == "draft") {
    std::vector<core::ChosenBlock> chosen;
    for (const auto& b : v.blocks) chosen.push_back({b.start_date, b.end_date});
    v.warnings = core::OverlapWarnings(chosen, HeldRotationsOf(tx, v.row.applicant_id, v.row.id));
  }
  v.letters_required = f.letters_required;
  v.letters_assigned = f.letters_assigned;
  v.problems = core::SubmitProblems(f);
}

core::Result<ApplicationView> Describe(store::Tx& tx, store::ApplicationRow row, bool with_checklist) {
  auto facts = LoadOfferingFacts(tx, row.offering_id);
  if (!facts) return core::Internal("application " + row.id + " names a missing offering");
  return Describe(tx, std::move(row), with_checklist, *facts);
}

core::Result<store::ApplicationRow> OwnApplication(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto a = store::FindApplication(tx, id);
  // Someone else's application does not exist for this caller.
  if (!a || a->applicant_id != actor.user_id) return core::NotFound("no such application");
  return *a;
}

core::Status StaffMaySee(store::Tx& tx, const std::string& institution_id, const std::string& applicant_id) {
  if (!store::HasApplicationAt(tx, applicant_id, institution_id)) return core::NotFound("no such applicant");
  return {};
}

core::Result<FileDownload> Download(Context& ctx, const store::DocumentRow& d, int version) {
  const store::DocumentVersionRow* v = nullptr;
  for (const auto& x : d.versions) {
    if ((version == 0 && x.version == d.current_version) || x.version == version) v = &x;
  }
  if (!v) return core::NotFound("no such version");
  auto bytes = ctx.files->Read(v->blob);
  if (!bytes) return std::unexpected(bytes.error());
  const char* ext = v->mime == "application/pdf" ? ".pdf" : v->mime == "image/png" ? ".png" : ".jpg";
  return FileDownload{std::move(*bytes), v->mime, d.type + "-v" + std::to_string(v->version) + ext};
}

}  // namespace

// ---------------------------------------------------------------- profile

core::Result<ProfileView> GetProfile(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<ProfileView>([&](store::Tx& tx) -> core::Result<ProfileView> {
    auto row = store::FindProfile(tx, actor.user_id);
    if (!row) return ViewOf(nullptr, core::Profile{});
    return ViewOf(&*row, StoredProfile(*row));
  });
}

core::Result<ProfileView> SaveProfile(Context& ctx, const Actor& actor, core::Profile profile, int version) {
  if (version < 0) return core::InvalidArgument("version", "version must be 0 or more");
  return ctx.db.Run<ProfileView>([&](store::Tx& tx) -> core::Result<ProfileView> {
    auto valid = core::ValidateProfile(std::move(profile), SpecialtyCodes(tx), TodayUtc(ctx));
    if (!valid) return std::unexpected(valid.error());
    store::ProfileRow row{actor.user_id, ProfileToJson(*valid).dump(), valid->legal_name, version + 1, Now(ctx)};
    if (!store::SaveProfile(tx, row, version)) {
      return core::Conflict("this profile was changed elsewhere; reload it and make your changes again");
    }
    Audit(tx, ctx, actor, "profile.update", "profile", actor.user_id, "", "version " + std::to_string(row.version));
    return ViewOf(&row, std::move(*valid));
  });
}

core::Result<std::string> RenderCv(Context& ctx, const Actor& actor) {
  auto view = GetProfile(ctx, actor);
  if (!view) return std::unexpected(view.error());
  if (view->profile.legal_name.empty()) {
    return std::unexpected(core::Error{core::ErrorCode::kFailedPrecondition,
                                       "fill in and save your profile (at least your legal name) first",
                                       "legal_name", {}});
  }
  return adapters::RenderPdf(CvDocument(view->profile, actor.principal.email, TodayUtc(ctx)));
}

// ---------------------------------------------------------------- vault

core::Result<store::UploadRow> StoreUpload(Context& ctx, const Actor& actor, const std::string& path,
                                           const std::string& filename) {
  RETURN_IF_ERROR(NeedVault(ctx));
  auto facts = adapters::CheckUpload(path, ctx.max_upload_bytes);
  if (!facts) return std::unexpected(facts.error());
  auto blob = ctx.files->Put(path);
  if (!blob) return std::unexpected(blob.error());
  // Only the base name, printable, short: it is shown back, never used as a path.
  std::string shown = std::filesystem::path(filename).filename().string();
  shown.erase(std::remove_if(shown.begin(), shown.end(),
                             [](unsigned char c) { return c < 0x20 || c == 0x7f || c == '/' || c == '\\'; }),
              shown.end());
  if (shown.size() > 120) shown.resize(120);
  store::UploadRow row{adapters::NewId(), actor.user_id, *blob, facts->mime, static_cast<int64_t>(facts->size),
                       facts->pages, shown, Now(ctx)};
  auto saved = ctx.db.Run<store::UploadRow>([&](store::Tx& tx) -> core::Result<store::UploadRow> {
    store::InsertUpload(tx, row);
    return row;
  });
  // Nothing half-stored: a blob without its row goes now (or at the next sweep).
  if (!saved) ctx.files->Remove(*blob);
  return saved;
}

core::Result<store::DocumentRow> CreateDocument(Context& ctx, const Actor& actor, const std::string& upload_id,
                                                core::DocumentMeta meta) {
  RETURN_IF_ERROR(NeedVault(ctx));
  auto valid = core::ValidateDocumentMeta(std::move(meta), TodayUtc(ctx));
  if (!valid) return std::unexpected(valid.error());
  return ctx.db.Run<store::DocumentRow>([&](store::Tx& tx) -> core::Result<store::DocumentRow> {
    auto upload = store::FindUpload(tx, upload_id, actor.user_id);
    if (!upload) return core::InvalidArgument("upload_id", "no such upload; upload the file again");
    // The badge printer takes a picture, not a PDF (decision 013).
    if (valid->type == "badge_photo" && upload->mime == "application/pdf") {
      return core::InvalidArgument("upload_id", "a badge photo is a JPEG or PNG image, not a PDF");
    }
    std::string now = Now(ctx);
    store::DocumentRow d{adapters::NewId(), actor.user_id, valid->type, valid->title, "pending", "", "", "", 1,
                         "", now, now, {}};
    store::InsertDocument(tx, d);
    store::InsertDocumentVersion(tx, {d.id, 1, upload->blob, upload->mime, upload->size, upload->pages,
                                      upload->filename, valid->issued_on, valid->expires_on,
                                      VaccinesToJson(valid->vaccines).dump(), now});
    store::DeleteUpload(tx, upload->id);
    Audit(tx, ctx, actor, "document.create", "document", d.id, "", valid->type);
    return *store::FindDocument(tx, d.id, actor.user_id);
  });
}

core::Result<store::DocumentRow> AddDocumentVersion(Context& ctx, const Actor& actor, const std::string& document_id,
                                                    const std::string& upload_id, core::DocumentMeta meta) {
  RETURN_IF_ERROR(NeedVault(ctx));
  return ctx.db.Run<store::DocumentRow>([&](store::Tx& tx) -> core::Result<store::DocumentRow> {
    auto d = store::FindDocument(tx, document_id, actor.user_id);
    if (!d || !d->deleted_at.empty()) return core::NotFound("no such document");
    if (!meta.type.empty() && meta.type != d->type) {
      return core::InvalidArgument("type", "a new version keeps the document's type (" + d->type + ")");
    }
    meta.type = d->type;
    if (meta.title.empty()) meta.title = d->title;
    auto valid = core::ValidateDocumentMeta(std::move(meta), TodayUtc(ctx));
    if (!valid) return std::unexpected(valid.error());
    auto upload = store::FindUpload(tx, upload_id, actor.user_id);
    if (!upload) return core::InvalidArgument("upload_id", "no such upload; upload the file again");
    if (d->type == "badge_photo" && upload->mime == "application/pdf") {
      return core::InvalidArgument("upload_id", "a badge photo is a JPEG or PNG image, not a PDF");
    }
    std::string now = Now(ctx);
    int version = d->current_version + 1;
    store::InsertDocumentVersion(tx, {d->id, version, upload->blob, upload->mime, upload->size, upload->pages,
                                      upload->filename, valid->issued_on, valid->expires_on,
                                      VaccinesToJson(valid->vaccines).dump(), now});
    store::DeleteUpload(tx, upload->id);
    d->title = valid->title;
    d->current_version = version;
    d->status = "pending";
    d->status_reason = "";
    d->reviewed_by = "";
    d->reviewed_at = "";
    d->updated_at = now;
    store::UpdateDocument(tx, *d);
    Audit(tx, ctx, actor, "document.version", "document", d->id, "", "version " + std::to_string(version));
    return *store::FindDocument(tx, d->id, actor.user_id);
  });
}

core::Result<std::vector<store::DocumentRow>> ListMyDocuments(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<std::vector<store::DocumentRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::DocumentRow>> {
        return store::ListDocuments(tx, actor.user_id);
      });
}

core::Status DeleteDocument(Context& ctx, const Actor& actor, const std::string& document_id) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto d = store::FindDocument(tx, document_id, actor.user_id);
    if (!d || !d->deleted_at.empty()) return core::NotFound("no such document");
    if (int n = store::CountDocumentReferences(tx, d->id); n > 0) {
      return core::Conflict("this document is part of " + std::to_string(n) +
                            " submitted application(s); it stays until they are closed");
    }
    d->deleted_at = Now(ctx);
    d->updated_at = d->deleted_at;
    store::UpdateDocument(tx, *d);
    Audit(tx, ctx, actor, "document.delete", "document", d->id, "", d->type);
    return {};
  });
}

core::Result<FileDownload> ReadMyDocument(Context& ctx, const Actor& actor, const std::string& document_id,
                                          int version) {
  RETURN_IF_ERROR(NeedVault(ctx));
  auto d = ctx.db.RunRead<store::DocumentRow>([&](store::Tx& tx) -> core::Result<store::DocumentRow> {
    auto d = store::FindDocument(tx, document_id, actor.user_id);
    if (!d || !d->deleted_at.empty()) return core::NotFound("no such document");
    return *d;
  });
  if (!d) return std::unexpected(d.error());
  return Download(ctx, *d, version);
}

core::Result<std::vector<store::DocumentRow>> ListApplicantDocuments(Context& ctx, const Actor& actor,
                                                                     const std::string& institution_id,
                                                                     const std::string& applicant_id) {
  return ctx.db.Run<std::vector<store::DocumentRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::DocumentRow>> {
        RETURN_IF_ERROR(StaffMaySee(tx, institution_id, applicant_id));
        Audit(tx, ctx, actor, "document.list_viewed", "user", applicant_id, institution_id, "");
        return store::ListDocuments(tx, applicant_id);
      });
}

core::Result<FileDownload> ReadApplicantDocument(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                 const std::string& applicant_id, const std::string& document_id,
                                                 int version) {
  RETURN_IF_ERROR(NeedVault(ctx));
  auto d = ctx.db.Run<store::DocumentRow>([&](store::Tx& tx) -> core::Result<store::DocumentRow> {
    RETURN_IF_ERROR(StaffMaySee(tx, institution_id, applicant_id));
    auto d = store::FindDocument(tx, document_id, applicant_id);
    if (!d || !d->deleted_at.empty()) return core::NotFound("no such document");
    Audit(tx, ctx, actor, "document.viewed", "document", d->id, institution_id,
          "version " + std::to_string(version ? version : d->current_version));
    return *d;
  });
  if (!d) return std::unexpected(d.error());
  return Download(ctx, *d, version);
}

core::Result<store::DocumentRow> ReviewDocument(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                const std::string& applicant_id, const std::string& document_id,
                                                const std::string& decision, const std::string& reason) {
  if (decision != "verify" && decision != "reject") {
    return core::InvalidArgument("decision", "decision must be verify or reject");
  }
  if (decision == "reject" && reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return core::InvalidArgument("reason", "say why the document is rejected, so the applicant can fix it");
  }
  if (reason.size() > 2000) return core::InvalidArgument("reason", "reason must be at most 2000 characters");
  return ctx.db.Run<store::DocumentRow>([&](store::Tx& tx) -> core::Result<store::DocumentRow> {
    RETURN_IF_ERROR(StaffMaySee(tx, institution_id, applicant_id));
    auto d = store::FindDocument(tx, document_id, applicant_id);
    if (!d || !d->deleted_at.empty()) return core::NotFound("no such document");
    bool verified = decision == "verify";
    d->status = verified ? "verified" : "rejected";
    d->status_reason = reason;
    d->reviewed_by = actor.user_id;
    d->reviewed_at = Now(ctx);
    d->updated_at = d->reviewed_at;
    store::UpdateDocument(tx, *d);
    Audit(tx, ctx, actor, verified ? "document.verify" : "document.reject", "document", d->id, institution_id,
          reason);
    auto user = store::FindUserById(tx, applicant_id);
    auto inst = store::FindInstitution(tx, institution_id);
    if (user) {
      SendEmail(tx, ctx, user->email,
                DocumentReviewedMessage(user->display_name, d->title, inst ? inst->name : "The institution",
                                        verified, reason, ctx.public_url + "/documents"));
    }
    return *d;
  });
}

core::Result<size_t> ExpireUploads(Context& ctx) {
  RETURN_IF_ERROR(NeedVault(ctx));
  std::string cutoff = core::FormatIso8601(ctx.clock.Now() - std::chrono::hours(24));
  auto stale = ctx.db.Run<std::vector<store::UploadRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::UploadRow>> {
        auto rows = store::StaleUploads(tx, cutoff, 1000);
        for (const auto& u : rows) store::DeleteUpload(tx, u.id);
        return rows;
      });
  if (!stale) return std::unexpected(stale.error());
  size_t removed = 0;
  for (const auto& u : *stale) {
    auto used = ctx.db.RunRead<bool>([&](store::Tx& tx) -> core::Result<bool> { return store::BlobReferenced(tx, u.blob); });
    if (used && !*used) {
      ctx.files->Remove(u.blob);
      ++removed;
    }
  }
  return removed;
}

core::Result<size_t> SweepVault(Context& ctx) {
  auto expired = ExpireUploads(ctx);
  if (!expired) return std::unexpected(expired.error());
  auto blobs = ctx.db.RunRead<std::vector<std::string>>(
      [&](store::Tx& tx) -> core::Result<std::vector<std::string>> { return store::AllBlobs(tx); });
  if (!blobs) return std::unexpected(blobs.error());
  std::set<std::string> referenced(blobs->begin(), blobs->end());
  return *expired + ctx.files->Sweep([&](const std::string& blob) { return referenced.contains(blob); });
}

// ---------------------------------------------------------------- applications

core::Status CheckBlockIds(const std::vector<std::string>& block_ids) {
  if (block_ids.empty()) return core::InvalidArgument("block_ids", "choose at least one block");
  if (block_ids.size() > 20) return core::InvalidArgument("block_ids", "choose at most 20 blocks");
  std::set<std::string> unique(block_ids.begin(), block_ids.end());
  if (unique.size() != block_ids.size()) return core::InvalidArgument("block_ids", "a block is listed twice");
  return {};
}

core::Result<store::ApplicationRow> InsertDraft(store::Tx& tx, Context& ctx, const Actor& actor,
                                                const std::string& offering_id,
                                                const std::vector<std::string>& block_ids) {
  if (auto s = CheckBlockIds(block_ids); !s) return std::unexpected(s.error());
  auto offering = store::FindOffering(tx, offering_id);
  if (!offering || offering->status != "published") {
    return core::InvalidArgument("offering_id", "no such offering open for applications");
  }
  auto blocks = store::ListBlocks(tx, offering_id);
  for (size_t i = 0; i < block_ids.size(); ++i) {
    bool found = std::any_of(blocks.begin(), blocks.end(), [&](const core::Block& b) { return b.id == block_ids[i]; });
    if (!found) {
      return core::InvalidArgument("block_ids[" + std::to_string(i) + "]", "this block is not part of the offering");
    }
  }
  for (const auto& a : store::ListApplicationsOf(tx, actor.user_id)) {
    if (a.offering_id == offering_id && a.status != "withdrawn") {
      return core::Conflict("you already have an application for this offering");
    }
  }
  std::string now = Now(ctx);
  store::ApplicationRow row{adapters::NewId(), actor.user_id, offering_id, offering->institution_id, "draft", "", 1,
                            now, "", now, block_ids};
  store::InsertApplication(tx, row);
  CreateFeeRecord(tx, ctx, row, OfferingDraftOf(*offering));
  return row;
}

core::Result<ApplicationView> DescribeMine(store::Tx& tx, Context& ctx, store::ApplicationRow row) {
  auto facts = LoadOfferingFacts(tx, row.offering_id);
  if (!facts) return core::Internal("application " + row.id + " names a missing offering");
  ApplicationView v = Describe(tx, std::move(row), true, *facts);
  AddReadiness(tx, v, *facts, adapters::LocalDate(ctx.clock.Now(), facts->offering.time_zone));
  return v;
}

core::Result<ApplicationView> CreateApplication(Context& ctx, const Actor& actor, const std::string& offering_id,
                                                const std::vector<std::string>& block_ids) {
  if (auto s = CheckBlockIds(block_ids); !s) return std::unexpected(s.error());
  return ctx.db.Run<ApplicationView>([&](store::Tx& tx) -> core::Result<ApplicationView> {
    auto row = InsertDraft(tx, ctx, actor, offering_id, block_ids);
    if (!row) return std::unexpected(row.error());
    Audit(tx, ctx, actor, "application.create", "application", row->id, row->institution_id, offering_id);
    return DescribeMine(tx, ctx, std::move(*row));
  });
}

core::Result<std::vector<ApplicationView>> ListMyApplications(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<std::vector<ApplicationView>>(
      [&](store::Tx& tx) -> core::Result<std::vector<ApplicationView>> {
        std::vector<ApplicationView> out;
        for (auto& a : store::ListApplicationsOf(tx, actor.user_id)) {
          auto v = Describe(tx, std::move(a), false);
          if (!v) return std::unexpected(v.error());
          out.push_back(std::move(*v));
        }
        return out;
      });
}

core::Result<ApplicationView> GetMyApplication(Context& ctx, const Actor& actor, const std::string& application_id) {
  return ctx.db.RunRead<ApplicationView>([&](store::Tx& tx) -> core::Result<ApplicationView> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    return DescribeMine(tx, ctx, std::move(*a));
  });
}

core::Result<ApplicationView> SubmitApplication(Context& ctx, const Actor& actor, const std::string& application_id,
                                                std::vector<core::SubmitProblem>* problems) {
  return ctx.db.Run<ApplicationView>([&](store::Tx& tx) -> core::Result<ApplicationView> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    auto next = core::Transition(a->status, "submit", core::Actor::kApplicant);
    if (!next) return std::unexpected(next.error());
    auto facts = LoadOfferingFacts(tx, a->offering_id);
    if (!facts || facts->offering.status != "published") {
      return core::Conflict("this offering is no longer open for applications");
    }
    const store::OfferingRow* offering = &facts->offering;
    const std::vector<core::Block>& blocks = facts->blocks;
    std::string today = adapters::LocalDate(ctx.clock.Now(), offering->time_zone);
    for (size_t i = 0; i < a->block_ids.size(); ++i) {
      auto b = std::find_if(blocks.begin(), blocks.end(), [&](const core::Block& x) { return x.id == a->block_ids[i]; });
      if (b == blocks.end()) return core::Conflict("a chosen block was removed; start a new application");
      const auto& d = b->draft;
      std::string when = "the block starting " + d.start_date;
      if (today < d.opens_on) {
        return core::InvalidArgument("block_ids[" + std::to_string(i) + "]",
                                     "applications for " + when + " open on " + d.opens_on + " (" +
                                         offering->time_zone + ")");
      }
      if (today > d.deadline) {
        return core::InvalidArgument("block_ids[" + std::to_string(i) + "]",
                                     "the deadline for " + when + " was " + d.deadline + " (" +
                                         offering->time_zone + ")");
      }
    }
    ApplicationView view = Describe(tx, *a, true, *facts);
    AddReadiness(tx, view, *facts, today);
    if (!view.problems.empty()) {
      if (problems) *problems = view.problems;
      std::string message = view.problems.size() == 1
                                ? "This application is not complete:"
                                : std::to_string(view.problems.size()) + " things keep this application from being submitted:";
      for (const auto& p : view.problems) message += " " + p.message;
      return std::unexpected(core::Error{core::ErrorCode::kFailedPrecondition, message, view.problems.front().field, {}});
    }
    // The vault documents this application relies on cannot be deleted now.
    for (const auto& c : view.blocks) {
      for (const auto& item : c.items) {
        for (const auto& id : item.document_ids) store::AddApplicationDocument(tx, a->id, id);
      }
    }
    // The cover letter and the CV chosen are frozen with it.
    if (auto frozen = FreezeMaterials(tx, ctx, *a); !frozen) return std::unexpected(frozen.error());
    view.materials = MaterialsOf(tx, a->id);
    for (const auto& b : a->block_ids) store::AddBlockApplications(tx, b, 1);
    // Its letters go out now: their referees can no longer replace them.
    store::MarkLettersSent(tx, a->id, Now(ctx));
    std::string from = a->status;
    a->status = *next;
    a->version += 1;
    a->submitted_at = Now(ctx);
    a->updated_at = a->submitted_at;
    if (!store::UpdateApplicationStatus(tx, *a)) return core::Conflict("this application changed; reload it");
    RecordSubmission(tx, ctx, actor, *a, from);
    Audit(tx, ctx, actor, "application.submit", "application", a->id, a->institution_id, "");
    view.row = *a;
    return view;
  });
}

core::Result<ApplicationView> WithdrawApplication(Context& ctx, const Actor& actor, const std::string& application_id,
                                                  const std::string& reason) {
  if (reason.size() > 2000) return core::InvalidArgument("reason", "reason must be at most 2000 characters");
  return ctx.db.Run<ApplicationView>([&](store::Tx& tx) -> core::Result<ApplicationView> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    auto next = core::Transition(a->status, "withdraw", core::Actor::kApplicant);
    if (!next) return std::unexpected(next.error());
    if (a->status != "draft") {
      for (const auto& b : a->block_ids) store::AddBlockApplications(tx, b, -1);
    }
    std::string from = a->status;
    a->status = *next;
    a->status_reason = reason;
    a->version += 1;
    a->updated_at = Now(ctx);
    if (!store::UpdateApplicationStatus(tx, *a)) return core::Conflict("this application changed; reload it");
    RecordApplicantEvent(tx, ctx, actor, *a, "withdraw", from, reason);
    CloseOffersOnWithdraw(tx, ctx, actor, *a, from);
    Audit(tx, ctx, actor, "application.withdraw", "application", a->id, a->institution_id, reason);
    return Describe(tx, *a, true);
  });
}

core::Result<std::vector<ComplianceRow>> OfferingCompliance(Context& ctx, const Actor&,
                                                            const std::string& institution_id,
                                                            const std::string& offering_id) {
  return ctx.db.RunRead<std::vector<ComplianceRow>>([&](store::Tx& tx) -> core::Result<std::vector<ComplianceRow>> {
    auto facts = LoadOfferingFacts(tx, offering_id);
    if (!facts || facts->offering.institution_id != institution_id) return core::NotFound("no such offering");
    std::vector<ComplianceRow> out;
    for (auto& a : store::ListOfferingApplications(tx, offering_id)) {
      if (a.status == "withdrawn") continue;
      ComplianceRow r;
      r.applicant_id = a.applicant_id;
      if (auto p = store::FindProfile(tx, a.applicant_id)) r.applicant_name = p->legal_name;
      if (auto u = store::FindUserById(tx, a.applicant_id)) {
        r.applicant_email = u->email;
        if (r.applicant_name.empty()) r.applicant_name = u->display_name;
      }
      r.application = Describe(tx, std::move(a), true, *facts);
      out.push_back(std::move(r));
    }
    return out;
  });
}

core::Result<int> SendComplianceReminders(Context& ctx) {
  std::string today = TodayUtc(ctx);
  std::string horizon = core::FormatIso8601(ctx.clock.Now() + std::chrono::hours(24 * 31)).substr(0, 10);
  return ctx.db.Run<int>([&](store::Tx& tx) -> core::Result<int> {
    int sent = 0;
    std::string now = Now(ctx);
    for (auto& a : store::ApplicationsStartingBetween(tx, today, horizon)) {
      auto user = store::FindUserById(tx, a.applicant_id);
      if (!user) continue;
      auto docs = store::ListDocuments(tx, a.applicant_id);
      auto vault = VaultOf(docs);
      std::string app_id = a.id;
      auto v = Describe(tx, std::move(a), true);
      if (!v) return std::unexpected(v.error());
      for (const auto& c : v->blocks) {
        std::string rotation = v->offering_title + " (" + c.start_date + ")";
        for (const auto& r : core::DueReminders(today, {c.start_date, c.end_date}, c.items, vault)) {
          // One e-mail per reminder, even with several server processes.
          std::string key = r.kind + ":" + app_id + ":" + c.block_id + ":" + r.document_id + ":" + r.date + ":" +
                            std::to_string(r.days);
          if (!store::MarkReminderSent(tx, key, now)) continue;
          std::string what;
          std::string link = ctx.public_url + "/applications/" + app_id;
          if (r.kind == "block_start") {
            what = "it starts on " + c.start_date + " and your checklist is not complete.";
          } else {
            auto d = std::find_if(docs.begin(), docs.end(), [&](const store::DocumentRow& x) { return x.id == r.document_id; });
            std::string title = d == docs.end() ? r.requirement : d->title;
            what = "your document \"" + title + "\" expires on " + r.date + ", before the rotation ends on " +
                   c.end_date + ". Upload a renewed one.";
            link = ctx.public_url + "/documents";
          }
          SendEmail(tx, ctx, user->email, ComplianceReminderMessage(user->display_name, rotation, r.days, what, link));
          ++sent;
        }
      }
    }
    return sent;
  });
}

// The compliance engine's view of the vault: current versions only.
std::vector<core::VaultDocument> VaultOf(const std::vector<store::DocumentRow>& docs) {
  std::vector<core::VaultDocument> out;
  for (const auto& d : docs) {
    core::VaultDocument v;
    v.id = d.id;
    v.type = d.type;
    v.status = d.status;
    v.status_reason = d.status_reason;
    if (!d.versions.empty()) {
      v.issued_on = d.versions.front().issued_on;
      v.expires_on = d.versions.front().expires_on;
    }
    v.deleted = !d.deleted_at.empty();
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace clerkship::services
