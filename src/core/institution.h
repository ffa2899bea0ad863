// Institution: a teaching hospital or school that publishes rotations.
// Pure value type plus its validation rules; no I/O.
#pragma once

#include <string>

#include "core/result.h"

namespace clerkship::core {

struct Institution {
  std::string id;  // opaque, random; assigned by the service
  std::string name;
  std::string city;
  std::string state;      // region/state/province; may be empty outside the U.S.
  std::string country;    // ISO 3166-1 alpha-2, upper case
  std::string time_zone;  // IANA name, e.g. America/New_York
  std::string website;    // http(s) URL or empty
  std::string created_at; // ISO 8601 UTC
};

// What a user types to create an institution, before validation.
struct InstitutionDraft {
  std::string name;
  std::string city;
  std::string state;
  std::string country;
  std::string time_zone;
  std::string website;
};

// Trims and checks a draft. Returns the normalised draft, or the first
// invalid field with a message a person can act on.
Result<InstitutionDraft> ValidateInstitution(InstitutionDraft draft);

// True for a syntactically valid IANA zone name ("Area/Location", "UTC").
// Whether the zone exists is checked by the caller against the tz database.
bool LooksLikeTimeZone(const std::string& tz);

}  // namespace clerkship::core
