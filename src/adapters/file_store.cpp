#include "adapters/file_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <vector>

namespace clerkship::adapters {
namespace fs = std::filesystem;
namespace {

constexpr size_t kHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr size_t kABytes = crypto_secretstream_xchacha20poly1305_ABYTES;
static_assert(std::tuple_size_v<VaultKey> == crypto_secretstream_xchacha20poly1305_KEYBYTES);

// Owns a file descriptor.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }
  // Closes now and reports whether the close succeeded (write-back errors).
  bool Close() {
    int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

// Reads until `n` bytes or end of file; returns the count, or -1 on error.
ssize_t ReadFull(int fd, unsigned char* buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd, buf + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  return static_cast<ssize_t>(got);
}

bool WriteAll(int fd, const unsigned char* buf, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, buf, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    buf += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

std::string Errno(const std::string& what) { return what + ": " + std::strerror(errno); }

std::string Hex(const unsigned char* bin, size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bin, n);
  hex.pop_back();
  return hex;
}

void SyncDir(const fs::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.ok()) ::fsync(fd.get());
}

// Zeroes a buffer that held plaintext when it goes out of scope.
struct Wiped {
  std::vector<unsigned char> bytes;
  explicit Wiped(size_t n) : bytes(n) {}
  ~Wiped() { sodium_memzero(bytes.data(), bytes.size()); }
  unsigned char* data() { return bytes.data(); }
};

}  // namespace

core::Result<VaultKey> ParseVaultKey(const std::string& hex) {
  VaultKey key{};
  size_t len = 0;
  if (hex.size() != key.size() * 2 ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != key.size())
    return core::InvalidArgument("vault_key", "the vault key must be 64 hexadecimal characters");
  return key;
}

std::string GenerateVaultKeyHex() {
  if (sodium_init() < 0) return {};
  VaultKey key;
  crypto_secretstream_xchacha20poly1305_keygen(key.data());
  std::string hex = Hex(key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  return hex;
}

bool IsValidBlobId(std::string_view blob_id) {
  if (blob_id.size() != 64) return false;
  for (char c : blob_id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

FileStore::FileStore(fs::path root, VaultKey key) : root_(std::move(root)), key_(key) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  for (const char* sub : {"tmp", "blobs"}) {
    fs::create_directories(root_ / sub);
    fs::permissions(root_ / sub, fs::perms::owner_all, fs::perm_options::replace);
  }
}

FileStore::~FileStore() { sodium_memzero(key_.data(), key_.size()); }

fs::path FileStore::NewTempPath() const {
  unsigned char rnd[16];
  randombytes_buf(rnd, sizeof rnd);
  return root_ / "tmp" / (Hex(rnd, sizeof rnd) + ".part");
}

core::Result<fs::path> FileStore::BlobPath(const std::string& blob_id) const {
  if (!IsValidBlobId(blob_id))
    return core::InvalidArgument("blob_id", "the document file reference is malformed");
  return root_ / "blobs" / blob_id.substr(0, 2) / blob_id.substr(2, 2) / blob_id;
}

core::Result<std::string> FileStore::Put(const fs::path& plaintext) const {
  Fd in(::open(plaintext.c_str(), O_RDONLY | O_CLOEXEC));
  if (!in.ok()) return core::Internal(Errno("vault put: open " + plaintext.string()));

  unsigned char rnd[16];
  randombytes_buf(rnd, sizeof rnd);
  const fs::path temp = root_ / "tmp" / (Hex(rnd, sizeof rnd) + ".enc");
  Fd out(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (!out.ok()) return core::Internal(Errno("vault put: create " + temp.string()));
  auto fail = [&](std::string detail) {
    std::error_code ec;
    fs::remove(temp, ec);
    return core::Internal(std::move(detail));
  };

  crypto_secretstream_xchacha20poly1305_state state;
  crypto_hash_sha256_state hash;
  crypto_hash_sha256_init(&hash);
  unsigned char header[kHeaderBytes];
  crypto_secretstream_xchacha20poly1305_init_push(&state, header, key_.data());
  crypto_hash_sha256_update(&hash, header, sizeof header);
  if (!WriteAll(out.get(), header, sizeof header)) return fail(Errno("vault put: write"));

  // Read one chunk ahead so the last one can carry TAG_FINAL (an empty file
  // is a single empty final chunk).
  Wiped current(kChunkBytes), next(kChunkBytes);
  std::vector<unsigned char> cipher(kChunkBytes + kABytes);
  ssize_t current_len = ReadFull(in.get(), current.data(), kChunkBytes);
  if (current_len < 0) return fail(Errno("vault put: read"));
  while (true) {
    ssize_t next_len = 0;
    if (static_cast<size_t>(current_len) == kChunkBytes) {
      next_len = ReadFull(in.get(), next.data(), kChunkBytes);
      if (next_len < 0) return fail(Errno("vault put: read"));
    }
    const bool last = next_len == 0;
    unsigned long long cipher_len = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &state, cipher.data(), &cipher_len, current.data(), static_cast<size_t>(current_len),
        nullptr, 0,
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
             : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    crypto_hash_sha256_update(&hash, cipher.data(), cipher_len);
    if (!WriteAll(out.get(), cipher.data(), cipher_len)) return fail(Errno("vault put: write"));
    if (last) break;
    std::swap(current.bytes, next.bytes);
    current_len = next_len;
  }
  sodium_memzero(&state, sizeof state);
  if (::fsync(out.get()) != 0) return fail(Errno("vault put: fsync"));
  if (!out.Close()) return fail(Errno("vault put: close"));

  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&hash, digest);
  std::string id = Hex(digest, sizeof digest);
  const fs::path final_path = *BlobPath(id);
  std::error_code ec;
  const fs::path cd = final_path.parent_path(), ab = cd.parent_path();
  const bool new_dirs = fs::create_directories(cd, ec);
  if (ec) return fail("vault put: mkdir " + cd.string() + ": " + ec.message());
  fs::rename(temp, final_path, ec);
  if (ec) return fail("vault put: rename: " + ec.message());
  // Make the new name (and any new directory on the way to it) durable.
  SyncDir(cd);
  if (new_dirs) {
    SyncDir(ab);
    SyncDir(ab.parent_path());
  }
  return id;
}

core::Status FileStore::ReadTo(const std::string& blob_id,
                               const std::function<void(std::string_view)>& sink) const {
  auto path = BlobPath(blob_id);
  if (!path) return std::unexpected(path.error());
  Fd in(::open(path->c_str(), O_RDONLY | O_CLOEXEC));
  if (!in.ok()) return core::Internal(Errno("vault read " + blob_id));

  unsigned char header[kHeaderBytes];
  crypto_secretstream_xchacha20poly1305_state state;
  if (ReadFull(in.get(), header, sizeof header) != static_cast<ssize_t>(sizeof header) ||
      crypto_secretstream_xchacha20poly1305_init_pull(&state, header, key_.data()) != 0)
    return core::Internal("vault read " + blob_id + ": truncated header");

  std::vector<unsigned char> cipher(kChunkBytes + kABytes);
  Wiped plain(kChunkBytes);
  while (true) {
    ssize_t n = ReadFull(in.get(), cipher.data(), cipher.size());
    if (n < 0) return core::Internal(Errno("vault read " + blob_id));
    if (n < static_cast<ssize_t>(kABytes))
      return core::Internal("vault read " + blob_id + ": truncated (no final chunk)");
    unsigned long long plain_len = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data(), &plain_len, &tag,
                                                   cipher.data(), static_cast<size_t>(n), nullptr,
                                                   0) != 0)
      return core::Internal("vault read " + blob_id + ": authentication failed");
    sink(std::string_view(reinterpret_cast<const char*>(plain.data()), plain_len));
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      unsigned char extra;
      if (ReadFull(in.get(), &extra, 1) != 0)
        return core::Internal("vault read " + blob_id + ": data after the final chunk");
      return {};
    }
  }
}

core::Result<std::string> FileStore::Read(const std::string& blob_id) const {
  std::string out;
  std::error_code ec;
  if (auto path = BlobPath(blob_id); path) {
    auto size = fs::file_size(*path, ec);
    if (!ec) out.reserve(size);
  }
  auto st = ReadTo(blob_id, [&out](std::string_view chunk) { out.append(chunk); });
  if (!st) {
    sodium_memzero(out.data(), out.size());
    return std::unexpected(st.error());
  }
  return out;
}

bool FileStore::Exists(const std::string& blob_id) const {
  auto path = BlobPath(blob_id);
  std::error_code ec;
  return path && fs::is_regular_file(*path, ec);
}

void FileStore::Remove(const std::string& blob_id) {
  auto path = BlobPath(blob_id);
  std::error_code ec;
  if (path) fs::remove(*path, ec);
}

size_t FileStore::Sweep(const std::function<bool(const std::string& blob_id)>& referenced) {
  size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_ / "tmp", ec)) {
    std::error_code rm;
    auto n = fs::remove_all(entry.path(), rm);
    if (!rm && n != static_cast<std::uintmax_t>(-1)) removed += n;
  }
  // Collect first: removing while a recursive iterator walks is unspecified.
  std::vector<std::pair<fs::path, std::string>> orphans;
  for (auto it = fs::recursive_directory_iterator(root_ / "blobs", ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code st;
    if (!it->is_regular_file(st)) continue;
    std::string id = it->path().filename().string();
    auto expected = BlobPath(id);
    if (!expected || *expected != it->path()) continue;  // not ours: leave it
    if (!referenced(id)) orphans.emplace_back(it->path(), std::move(id));
  }
  for (const auto& [path, id] : orphans) {
    std::error_code rm;
    if (fs::remove(path, rm)) ++removed;
  }
  return removed;
}

}  // namespace clerkship::adapters
