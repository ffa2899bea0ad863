#include "core/institution.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace clerkship::core {
namespace {

Status CheckText(const std::string& field, const std::string& value, size_t max_chars,
                 bool required) {
  if (!IsValidUtf8(value)) return InvalidArgument(field, field + " is not valid UTF-8 text");
  if (required && value.empty()) return InvalidArgument(field, field + " must not be empty");
  if (CodePointCount(value) > max_chars) {
    return InvalidArgument(field, field + " must be at most " + std::to_string(max_chars) +
                                      " characters");
  }
  if (std::any_of(value.begin(), value.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    return InvalidArgument(field, field + " must not contain control characters");
  }
  return {};
}

}  // namespace

bool LooksLikeTimeZone(const std::string& tz) {
  if (tz.empty() || tz.size() > 64) return false;
  return std::all_of(tz.begin(), tz.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' ||
           c == '+';
  }) && tz.front() != '/' && tz.find("..") == std::string::npos;
}

Result<InstitutionDraft> ValidateInstitution(InstitutionDraft d) {
  d.name = Trim(d.name);
  d.city = Trim(d.city);
  d.state = Trim(d.state);
  d.country = Trim(d.country);
  d.time_zone = Trim(d.time_zone);
  d.website = Trim(d.website);
  if (auto s = CheckText("name", d.name, 200, true); !s) return std::unexpected(s.error());
  if (auto s = CheckText("city", d.city, 100, true); !s) return std::unexpected(s.error());
  if (auto s = CheckText("state", d.state, 100, false); !s) return std::unexpected(s.error());
  std::transform(d.country.begin(), d.country.end(), d.country.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (d.country.size() != 2 || !std::isalpha(static_cast<unsigned char>(d.country[0])) ||
      !std::isalpha(static_cast<unsigned char>(d.country[1]))) {
    return InvalidArgument("country", "country must be a two-letter ISO code such as US");
  }
  if (!LooksLikeTimeZone(d.time_zone)) {
    return InvalidArgument("time_zone", "time_zone must be an IANA zone such as America/New_York");
  }
  if (!d.website.empty()) {
    if (auto s = CheckText("website", d.website, 300, false); !s) return std::unexpected(s.error());
    if (!(d.website.starts_with("https://") || d.website.starts_with("http://")) ||
        d.website.find(' ') != std::string::npos || d.website.size() < 12) {
      return InvalidArgument("website", "website must be an http(s) address");
    }
  }
  return d;
}

}  // namespace clerkship::core
