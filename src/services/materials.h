// An application's own materials: the cover letter (written in the app or an
// uploaded PDF) and the CV choice (generated from the profile or a vault
// document), editable while a draft and frozen at submission (issue 6).
// One transaction per use case.
#pragma once

#include <string>

#include "core/result.h"
#include "services/context.h"
#include "services/vault.h"
#include "store/database.h"
#include "store/vault.h"

namespace clerkship::services {


// Limit of a written cover letter, in code points.
inline constexpr size_t kMaxCoverLetter = 20000;

// The materials of an application (empty view when none were saved).
MaterialsView MaterialsOf(store::Tx& tx, const std::string& application_id);

// Sets the cover letter of the caller's draft: `text` (written) or
// `upload_id` (an upload of the caller that passed the vault's checks; it is
// moved to the application), exactly one of them; both empty clears it.
// kNotFound for someone else's application; kConflict after submission;
// kInvalidArgument names "text" or "upload_id".
core::Result<MaterialsView> SetCoverLetter(Context& ctx, const Actor& actor, const std::string& application_id,
                                           const std::string& text, const std::string& upload_id);
// Chooses the CV of the caller's draft: kind "generated" (from the profile,
// rendered and frozen at submission) or "document" (a CV in the caller's
// vault: `document_id` of type cv). Errors as SetCoverLetter; field "kind" or
// "document_id".
core::Result<MaterialsView> SetCvChoice(Context& ctx, const Actor& actor, const std::string& application_id,
                                        const std::string& kind, const std::string& document_id);

// The uploaded cover letter PDF of the caller's application (kNotFound when
// it has none).
core::Result<FileDownload> ReadMyCoverLetter(Context& ctx, const Actor& actor, const std::string& application_id);

// Staff of `institution_id` (checked by the route): the cover letter PDF or
// the frozen CV of a submitted application there (`what`: "cover_letter" or
// "cv"); kNotFound for drafts, other institutions' applications and
// materials it does not have. Audited.
core::Result<FileDownload> ReadSubmittedMaterial(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                 const std::string& application_id, const std::string& what);

// Inside the submission's transaction: freezes the chosen CV into the file
// store (the generated PDF rendered now, or the vault document's current
// version) and marks the materials frozen. The generated CV needs a profile
// with a legal name (kFailedPrecondition, field "cv").
core::Status FreezeMaterials(store::Tx& tx, Context& ctx, const store::ApplicationRow& a);

}  // namespace clerkship::services
