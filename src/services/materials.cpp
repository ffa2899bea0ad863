#include "services/materials.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "adapters/file_store.h"
#include "adapters/pdf.h"
#include "core/clock.h"
#include "core/text.h"
#include "services/cv.h"
#include "services/internal.h"
#include "services/profile_json.h"
#include "store/accounts.h"
#include "store/materials.h"
#include "store/vault.h"

namespace clerkship::services {
namespace {

using Json = nlohmann::json;

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }

core::Result<store::ApplicationRow> OwnDraft(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto a = store::FindApplication(tx, id);
  if (!a || a->applicant_id != actor.user_id) return core::NotFound("no such application");
  if (a->status != "draft") return core::Conflict("a submitted application's materials are frozen");
  return *a;
}

store::MaterialsRow RowOf(store::Tx& tx, const std::string& application_id) {
  auto m = store::FindMaterials(tx, application_id);
  if (m) return *m;
  store::MaterialsRow r;
  r.application_id = application_id;
  return r;
}

MaterialsView ViewOf(const store::MaterialsRow& m) {
  MaterialsView v;
  v.cover_letter_text = m.cover_letter_text;
  v.cover_letter_pdf = !m.cover_letter_blob.empty();
  v.cover_letter_filename = m.cover_letter_filename;
  v.cover_letter_pages = m.cover_letter_pages;
  v.cv_kind = m.cv_kind;
  v.cv_document_id = m.cv_document_id;
  v.cv_frozen = !m.cv_blob.empty();
  v.frozen_at = m.frozen_at;
  return v;
}

core::Result<FileDownload> ReadBlob(Context& ctx, const std::string& blob, const std::string& filename) {
  if (!ctx.files) return core::Internal("the document vault is not configured");
  auto bytes = ctx.files->Read(blob);
  if (!bytes) return std::unexpected(bytes.error());
  return FileDownload{std::move(*bytes), "application/pdf", filename};
}

}  // namespace

MaterialsView MaterialsOf(store::Tx& tx, const std::string& application_id) {
  auto m = store::FindMaterials(tx, application_id);
  return m ? ViewOf(*m) : MaterialsView{};
}

core::Result<MaterialsView> SetCoverLetter(Context& ctx, const Actor& actor, const std::string& application_id,
                                           const std::string& text, const std::string& upload_id) {
  if (!text.empty() && !upload_id.empty()) {
    return core::InvalidArgument("upload_id", "send either a written cover letter or an uploaded PDF, not both");
  }
  if (!core::IsValidUtf8(text)) return core::InvalidArgument("text", "the cover letter is not valid UTF-8 text");
  if (core::CodePointCount(text) > kMaxCoverLetter) {
    return core::InvalidArgument("text", "the cover letter is at most 20,000 characters");
  }
  std::string written = core::Trim(text);
  if (!text.empty() && written.empty()) return core::InvalidArgument("text", "the cover letter is empty");
  return ctx.db.Run<MaterialsView>([&](store::Tx& tx) -> core::Result<MaterialsView> {
    auto a = OwnDraft(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    store::MaterialsRow m = RowOf(tx, a->id);
    m.cover_letter_text.clear();
    m.cover_letter_blob.clear();
    m.cover_letter_filename.clear();
    m.cover_letter_pages = 0;
    m.cover_letter_size = 0;
    std::string detail = "cleared";
    if (!upload_id.empty()) {
      auto upload = store::FindUpload(tx, upload_id, actor.user_id);
      if (!upload) return core::InvalidArgument("upload_id", "no such upload (uploads expire after a day)");
      if (upload->mime != "application/pdf") {
        return core::InvalidArgument("upload_id", "a cover letter must be a PDF");
      }
      m.cover_letter_blob = upload->blob;
      m.cover_letter_filename = upload->filename;
      m.cover_letter_pages = upload->pages;
      m.cover_letter_size = upload->size;
      store::DeleteUpload(tx, upload->id);
      detail = "pdf";
    } else if (!written.empty()) {
      m.cover_letter_text = written;
      detail = "written";
    }
    m.updated_at = Now(ctx);
    store::SaveMaterials(tx, m);
    Audit(tx, ctx, actor, "application.cover_letter", "application", a->id, a->institution_id, detail);
    return ViewOf(m);
  });
}

core::Result<MaterialsView> SetCvChoice(Context& ctx, const Actor& actor, const std::string& application_id,
                                        const std::string& kind, const std::string& document_id) {
  if (kind != "generated" && kind != "document" && !kind.empty()) {
    return core::InvalidArgument("kind", "kind must be generated or document");
  }
  if (kind != "document" && !document_id.empty()) {
    return core::InvalidArgument("document_id", "a document is chosen only with kind document");
  }
  if (kind == "document" && document_id.empty()) {
    return core::InvalidArgument("document_id", "choose a CV from your documents");
  }
  return ctx.db.Run<MaterialsView>([&](store::Tx& tx) -> core::Result<MaterialsView> {
    auto a = OwnDraft(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    if (kind == "document") {
      auto d = store::FindDocument(tx, document_id, actor.user_id);
      if (!d || !d->deleted_at.empty()) return core::InvalidArgument("document_id", "no such document");
      if (d->type != "cv") return core::InvalidArgument("document_id", "this document is not a CV");
    }
    store::MaterialsRow m = RowOf(tx, a->id);
    m.cv_kind = kind;
    m.cv_document_id = document_id;
    m.updated_at = Now(ctx);
    store::SaveMaterials(tx, m);
    Audit(tx, ctx, actor, "application.cv", "application", a->id, a->institution_id, kind);
    return ViewOf(m);
  });
}

core::Result<FileDownload> ReadMyCoverLetter(Context& ctx, const Actor& actor, const std::string& application_id) {
  auto m = ctx.db.RunRead<store::MaterialsRow>([&](store::Tx& tx) -> core::Result<store::MaterialsRow> {
    auto a = store::FindApplication(tx, application_id);
    if (!a || a->applicant_id != actor.user_id) return core::NotFound("no such application");
    auto m = store::FindMaterials(tx, a->id);
    if (!m || m->cover_letter_blob.empty()) return core::NotFound("this application has no uploaded cover letter");
    return *m;
  });
  if (!m) return std::unexpected(m.error());
  return ReadBlob(ctx, m->cover_letter_blob, "cover-letter.pdf");
}

core::Result<FileDownload> ReadSubmittedMaterial(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                 const std::string& application_id, const std::string& what) {
  auto blob = ctx.db.Run<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
    auto a = store::FindApplication(tx, application_id);
    if (!a || a->institution_id != institution_id || a->status == "draft") {
      return core::NotFound("no such application");
    }
    auto m = store::FindMaterials(tx, a->id);
    std::string b = !m ? "" : what == "cv" ? m->cv_blob : m->cover_letter_blob;
    if (b.empty()) return core::NotFound(what == "cv" ? "no CV was sent" : "no cover letter PDF was sent");
    Audit(tx, ctx, actor, what == "cv" ? "application.cv_viewed" : "application.cover_letter_viewed", "application",
          a->id, institution_id, "");
    return b;
  });
  if (!blob) return std::unexpected(blob.error());
  return ReadBlob(ctx, *blob, what == "cv" ? "cv.pdf" : "cover-letter.pdf");
}

core::Status FreezeMaterials(store::Tx& tx, Context& ctx, const store::ApplicationRow& a) {
  auto found = store::FindMaterials(tx, a.id);
  if (!found) return {};
  store::MaterialsRow m = *found;
  if (m.cv_kind == "generated") {
    if (!ctx.files) return core::Internal("the document vault is not configured");
    core::Profile profile;
    if (auto row = store::FindProfile(tx, a.applicant_id)) {
      auto j = Json::parse(row->data, nullptr, false);
      if (!j.is_discarded()) {
        if (auto p = ProfileFromJson(j)) profile = *p;
      }
    }
    if (profile.legal_name.empty()) {
      return std::unexpected(core::Error{core::ErrorCode::kFailedPrecondition,
                                         "the CV is generated from your profile: fill in at least your legal name",
                                         "cv", {}});
    }
    std::string email;
    if (auto u = store::FindUserById(tx, a.applicant_id)) email = u->email;
    auto pdf = adapters::RenderPdf(CvDocument(profile, email, Now(ctx).substr(0, 10)));
    if (!pdf) return std::unexpected(pdf.error());
    auto path = ctx.files->NewTempPath();
    {
      std::ofstream out(path, std::ios::binary);
      out.write(pdf->data(), static_cast<std::streamsize>(pdf->size()));
      if (!out) return core::Internal("writing the frozen CV to " + path.string());
    }
    auto blob = ctx.files->Put(path);
    std::error_code ec;
    std::filesystem::remove(path, ec);
    if (!blob) return std::unexpected(blob.error());
    m.cv_blob = *blob;
    m.cv_pages = 0;
  } else if (m.cv_kind == "document") {
    auto d = store::FindDocument(tx, m.cv_document_id, a.applicant_id);
    if (!d || !d->deleted_at.empty() || d->versions.empty()) {
      return std::unexpected(core::Error{core::ErrorCode::kFailedPrecondition,
                                         "the CV chosen for this application was deleted; choose another", "cv", {}});
    }
    const auto* current = &d->versions.front();
    for (const auto& v : d->versions) {
      if (v.version == d->current_version) current = &v;
    }
    m.cv_blob = current->blob;
    m.cv_pages = current->pages;
    store::AddApplicationDocument(tx, a.id, d->id);
  }
  m.frozen_at = Now(ctx);
  m.updated_at = m.frozen_at;
  store::SaveMaterials(tx, m);
  return {};
}

}  // namespace clerkship::services
