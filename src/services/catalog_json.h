// JSON form of catalog values, shared by the API (requests and responses)
// and the store (the offerings.details column). Strict: wrong types and
// unknown members are errors naming the field.
#pragma once

#include <nlohmann/json.hpp>

#include "core/catalog.h"
#include "core/result.h"

namespace clerkship::services {

using Json = nlohmann::json;

// Reads an offering draft from a JSON object (all members optional; the core
// validator decides what is required).
core::Result<core::OfferingDraft> OfferingDraftFromJson(const Json& j);
Json OfferingDraftToJson(const core::OfferingDraft& d);

core::Result<core::BlockDraft> BlockDraftFromJson(const Json& j);
Json BlockToJson(const core::Block& b);

// The details column: everything of the draft that has no column of its own.
std::string DetailsJson(const core::OfferingDraft& d);

}  // namespace clerkship::services
