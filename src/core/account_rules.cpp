#include "core/account_rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "core/text.h"

namespace clerkship::core {
namespace {

// The most common passwords of 12+ characters in public breach corpora
// (shorter ones fail the length rule anyway).
constexpr std::array<std::string_view, 40> kCommonPasswords = {
    "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111",
    "000000000000", "qwertyuiopas", "qwertyuiop123", "qwerty123456", "qwertyuiop[]",
    "password1234", "password12345", "password123456", "passwordpassword", "p@ssw0rd1234",
    "iloveyou1234", "abcdefghijkl", "abc123abc123", "letmein12345", "welcome12345",
    "administrator", "admin1234567", "changeme1234", "trustno1trustno1", "football1234",
    "baseball1234", "monkey123456", "dragon123456", "sunshine1234", "princess1234",
    "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "asdfghjkl123", "superman1234",
    "mustang12345", "starwars1234", "whatever1234", "correcthorsebatterystaple", "clerkship1234",
};

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

Status CheckPassword(const std::string& field, const std::string& password) {
  if (!IsValidUtf8(password)) return InvalidArgument(field, "password is not valid UTF-8 text");
  if (CodePointCount(password) < kMinPasswordChars) {
    return InvalidArgument(field, "password must be at least " +
                                      std::to_string(kMinPasswordChars) + " characters");
  }
  if (password.size() > kMaxPasswordBytes) {
    return InvalidArgument(field, "password must be at most " +
                                      std::to_string(kMaxPasswordBytes) + " bytes");
  }
  std::string lower = Lower(password);
  if (std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lower) !=
      kCommonPasswords.end()) {
    return InvalidArgument(field, "this password is too common; choose another");
  }
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password[0]; })) {
    return InvalidArgument(field, "password must not repeat a single character");
  }
  return {};
}

Result<std::string> NormaliseEmail(const std::string& field, const std::string& email) {
  std::string e = Lower(Trim(email));
  if (e.empty()) return InvalidArgument(field, "e-mail address is required");
  if (!IsValidUtf8(e) || !LooksLikeEmail(e)) {
    return InvalidArgument(field, "enter a valid e-mail address such as name@example.org");
  }
  return e;
}

Result<std::string> NormaliseDisplayName(const std::string& field, const std::string& name) {
  std::string n = Trim(name);
  if (!IsValidUtf8(n)) return InvalidArgument(field, "name is not valid UTF-8 text");
  if (n.empty()) return InvalidArgument(field, "name is required");
  if (CodePointCount(n) > 100) return InvalidArgument(field, "name must be at most 100 characters");
  if (std::any_of(n.begin(), n.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    return InvalidArgument(field, "name must not contain control characters");
  }
  return n;
}

std::chrono::seconds LockAfterFailures(int failures) {
  if (failures < 5) return std::chrono::seconds(0);
  int exponent = std::min(failures - 5, 20);
  return std::min(std::chrono::seconds(int64_t{1} << exponent), std::chrono::seconds(15 * 60));
}

}  // namespace clerkship::core
