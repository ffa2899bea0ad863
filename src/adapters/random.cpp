#include "adapters/random.h"

#include <sodium.h>

#include <array>

namespace clerkship::adapters {
namespace {

std::string Base32(const unsigned char* data, size_t len) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < len; ++i) {
    buffer = (buffer << 8) | data[i];
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

template <size_t N>
std::string RandomText() {
  std::array<unsigned char, N> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  return Base32(bytes.data(), bytes.size());
}

}  // namespace

bool InitCrypto() { return sodium_init() >= 0; }

std::string NewId() { return RandomText<16>(); }

std::string NewToken() { return RandomText<32>(); }

}  // namespace clerkship::adapters
