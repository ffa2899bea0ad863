// Password hashing (Argon2id, libsodium crypto_pwhash_str) and token hashing.
// Thread-safe after InitCrypto().
#pragma once

#include <string>

namespace clerkship::adapters {

// Cost of Argon2id. kInteractive (64 MiB, 2 passes) in production; kTest
// (the library minimum, still Argon2id) only when CLERKSHIP_PWHASH=test.
enum class HashCost { kInteractive, kTest };
void SetHashCost(HashCost cost);
// Reads CLERKSHIP_PWHASH from the environment ("test" → kTest).
void ConfigureHashCostFromEnv();

// "$argon2id$v=19$m=…" text. Empty only when memory is exhausted.
std::string HashPassword(const std::string& password);
// True when `password` matches `hash`. False for any malformed hash.
bool VerifyPassword(const std::string& hash, const std::string& password);

// SHA-256 of a token, hex; what the database stores instead of the token.
std::string HashToken(const std::string& token);

// Constant-time comparison of two strings.
bool SafeEquals(const std::string& a, const std::string& b);

}  // namespace clerkship::adapters
