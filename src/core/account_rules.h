// Pure rules for accounts: password policy, e-mail normalisation, login
// throttling. No I/O.
#pragma once

#include <chrono>
#include <string>

#include "core/result.h"

namespace clerkship::core {

constexpr size_t kMinPasswordChars = 12;
constexpr size_t kMaxPasswordBytes = 128;

// OK, or kInvalidArgument naming `field`: too short, too long, invalid
// UTF-8, or on the common-password list (compared case-insensitively).
Status CheckPassword(const std::string& field, const std::string& password);

// Trimmed, lower-cased e-mail, or kInvalidArgument naming `field`.
Result<std::string> NormaliseEmail(const std::string& field, const std::string& email);

// Display names: trimmed, 1–100 characters, any script, no control characters.
Result<std::string> NormaliseDisplayName(const std::string& field, const std::string& name);

// After `failures` consecutive failed logins, how long the key is locked:
// nothing for the first 4, then 1 s, 2 s, 4 s … capped at 15 minutes.
std::chrono::seconds LockAfterFailures(int failures);

}  // namespace clerkship::core
