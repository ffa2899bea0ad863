#include "core/letters.h"

#include "core/account_rules.h"
#include "core/text.h"

namespace clerkship::core {
namespace {

Status Text(const std::string& field, std::string& value, bool required, size_t max, const std::string& label) {
  value = Trim(value);
  if (!IsValidUtf8(value)) return InvalidArgument(field, label + " is not valid text");
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7f) return InvalidArgument(field, label + " may not contain control characters");
  }
  if (required && value.empty()) return InvalidArgument(field, label + " is required");
  if (CodePointCount(value) > max) {
    return InvalidArgument(field, label + " must be at most " + std::to_string(max) + " characters");
  }
  return {};
}

}  // namespace

Result<LetterRequestDraft> ValidateLetterRequest(LetterRequestDraft d, const std::string& applicant_email) {
  if (auto s = Text("referee_name", d.referee_name, true, 200, "the referee's name"); !s) {
    return std::unexpected(s.error());
  }
  auto email = NormaliseEmail("referee_email", d.referee_email);
  if (!email) return std::unexpected(email.error());
  d.referee_email = *email;
  if (d.referee_email == applicant_email) {
    return InvalidArgument("referee_email", "a letter of recommendation must come from someone else");
  }
  if (auto s = Text("referee_title", d.referee_title, false, 200, "the referee's title"); !s) {
    return std::unexpected(s.error());
  }
  if (auto s = Text("referee_institution", d.referee_institution, true, 200, "the referee's institution"); !s) {
    return std::unexpected(s.error());
  }
  if (auto s = Text("relationship", d.relationship, true, 500, "how the referee knows you"); !s) {
    return std::unexpected(s.error());
  }
  return d;
}

int DueLetterReminder(int age_days, int sent) {
  if (age_days >= 14 && sent < 2) return 14;
  if (age_days >= 7 && sent < 1) return 7;
  return 0;
}

}  // namespace clerkship::core
