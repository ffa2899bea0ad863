#include "adapters/crypto.h"

#include <sodium.h>

#include <atomic>
#include <cstdlib>
#include <string_view>

namespace clerkship::adapters {
namespace {

std::atomic<HashCost> g_cost{HashCost::kInteractive};

}  // namespace

void SetHashCost(HashCost cost) { g_cost = cost; }

void ConfigureHashCostFromEnv() {
  const char* v = std::getenv("CLERKSHIP_PWHASH");
  if (v && std::string_view(v) == "test") SetHashCost(HashCost::kTest);
}

std::string HashPassword(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  bool test = g_cost.load() == HashCost::kTest;
  unsigned long long ops = test ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t mem = test ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return {};
  }
  return out;
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string HashToken(const std::string& token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool SafeEquals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace clerkship::adapters
