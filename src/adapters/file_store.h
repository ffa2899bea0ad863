// The document vault on disk: an encrypted, content-addressed blob store
// outside the web root. Each file is sealed with libsodium secretstream
// (XChaCha20-Poly1305) under the vault key and a fresh header (per-file
// nonce) and stored as root/blobs/ab/cd/<sha256 hex of the ciphertext>.
// Thread-safe: no mutable state; concurrent Put/Read of different blobs is fine.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace clerkship::adapters {

using VaultKey = std::array<unsigned char, 32>;  // crypto_secretstream_xchacha20poly1305_KEYBYTES

// 64 hex characters → key. kInvalidArgument (field "vault_key") otherwise.
core::Result<VaultKey> ParseVaultKey(const std::string& hex);
// A new random key as 64 lower-case hex characters (for `clerkship` set-up).
std::string GenerateVaultKeyHex();

// True when `blob_id` is exactly 64 lower-case hex characters.
bool IsValidBlobId(std::string_view blob_id);

class FileStore {
 public:
  // Plaintext bytes per secretstream message.
  static constexpr size_t kChunkBytes = 64 * 1024;

  // Creates root/tmp and root/blobs (mode 0700). Throws
  // std::filesystem::filesystem_error when they cannot be created (start-up).
  FileStore(std::filesystem::path root, VaultKey key);
  ~FileStore();
  FileStore(const FileStore&) = delete;
  FileStore& operator=(const FileStore&) = delete;

  // A fresh unique path under root/tmp for streaming an upload into; the
  // file is not created. Sweep() removes whatever is left there.
  std::filesystem::path NewTempPath() const;

  // Encrypts the plaintext file into the vault (temp file, fsync, rename,
  // fsync of the directory) and returns the blob id: the 64-hex SHA-256 of
  // the ciphertext. The plaintext is left for the caller to delete.
  // kInternal when the file cannot be read or the vault written.
  core::Result<std::string> Put(const std::filesystem::path& plaintext) const;

  // Decrypts a whole blob into memory (vault files are ≤ ~10 MiB).
  // kInvalidArgument (field "blob_id") for a malformed id; kInternal for a
  // missing blob or one that fails authentication (tampered, truncated,
  // wrong key).
  core::Result<std::string> Read(const std::string& blob_id) const;

  // Decrypts chunk by chunk into `sink` (each chunk authenticated before it
  // is passed on). Same errors as Read; note that an error may come after
  // some chunks were delivered (truncation is only known at the end), so a
  // streaming caller must abort its response then.
  core::Status ReadTo(const std::string& blob_id,
                      const std::function<void(std::string_view)>& sink) const;

  // False for a malformed id.
  bool Exists(const std::string& blob_id) const;
  // Deletes the blob if present; a malformed id is ignored.
  void Remove(const std::string& blob_id);

  // Start-up cleanup: deletes everything under root/tmp, and every blob for
  // which referenced(blob_id) is false. Returns how many files were removed.
  size_t Sweep(const std::function<bool(const std::string& blob_id)>& referenced);

  // Where a blob lives: root/blobs/ab/cd/<id>. kInvalidArgument for a
  // malformed id, so no id can name a path outside the vault.
  core::Result<std::filesystem::path> BlobPath(const std::string& blob_id) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
  VaultKey key_;
};

}  // namespace clerkship::adapters
