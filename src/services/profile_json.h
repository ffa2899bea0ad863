// JSON form of the applicant profile and of vault document metadata
// (decision 005), shared by the API and the store (profiles.data,
// document_versions.vaccines). Strict: wrong types and unknown members are
// kInvalidArgument errors naming the path ("experiences[2].end"). Reading
// does not validate values; core::ValidateProfile / ValidateDocumentMeta do.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/profile.h"
#include "core/result.h"
#include "core/vault.h"

namespace clerkship::services {

using Json = nlohmann::json;

// Reads a profile object. Every member is optional; null counts as absent.
// Scores may be any JSON number (IELTS has half bands).
core::Result<core::Profile> ProfileFromJson(const Json& j);

// Every member, always present (empty strings and lists, null for an unset
// score or needs_visa), so clients see one shape. Whole scores are written
// as integers. ProfileFromJson(ProfileToJson(p)) == p.
Json ProfileToJson(const core::Profile& p);

// The body of POST /api/me/documents (new_document: type and title allowed)
// or POST /api/me/documents/{id}/versions (not allowed: the document keeps
// them). upload_id is required; it is returned beside the metadata.
struct DocumentRequest {
  std::string upload_id;
  core::DocumentMeta meta;
};
core::Result<DocumentRequest> DocumentMetaFromJson(const Json& j, bool new_document = true);

// The vaccines array: [{"vaccine","kind","date","result"?}] ("result" only
// when not empty). The reader's errors name "vaccines[i].<member>".
Json VaccinesToJson(const std::vector<core::VaccineEntry>& vaccines);
core::Result<std::vector<core::VaccineEntry>> VaccinesFromJson(const Json& j);

}  // namespace clerkship::services
