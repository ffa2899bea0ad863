// Small pure checks on user-supplied text shared by every validator.
#pragma once

#include <string>
#include <string_view>

namespace clerkship::core {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);

// `s` without leading and trailing ASCII whitespace.
std::string Trim(std::string_view s);

// Number of Unicode code points in valid UTF-8 `s`.
size_t CodePointCount(std::string_view s);

// Latin letters with diacritics folded to their base letter ("Müller" →
// "Muller", "Łódź" → "Lodz"), so search matches either spelling. Other
// scripts pass through unchanged. Invalid UTF-8 is returned as is.
std::string FoldDiacritics(std::string_view s);

// True for a plausible e-mail address (one @, a dot in the domain, no spaces).
bool LooksLikeEmail(std::string_view s);

}  // namespace clerkship::core
