// Random identifiers and tokens from libsodium's CSPRNG. Thread-safe.
#pragma once

#include <string>

namespace clerkship::adapters {

// Must be called once before any other function here (idempotent).
bool InitCrypto();

// An opaque record id: 128 random bits as 26 lower-case base32 characters.
std::string NewId();

// A secret token: 256 random bits as 52 lower-case base32 characters.
std::string NewToken();

}  // namespace clerkship::adapters
