#include "adapters/file_store.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace clerkship::adapters {
namespace {
namespace fs = std::filesystem;

class FileStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    dir_ = fs::temp_directory_path() / ("clerkship-vault-" + std::to_string(randombytes_random()));
    key_ = *ParseVaultKey(GenerateVaultKeyHex());
    store_ = std::make_unique<FileStore>(dir_ / "vault", key_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path WritePlain(const std::string& bytes) {
    auto path = store_->NewTempPath();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  static std::string Random(size_t n) {
    std::string s(n, '\0');
    randombytes_buf(s.data(), s.size());
    return s;
  }
  static std::string Slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static void Overwrite(const fs::path& path, const std::string& bytes) {
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  }
  std::string PutBytes(const std::string& bytes) {
    auto id = store_->Put(WritePlain(bytes));
    EXPECT_TRUE(id.has_value()) << (id ? "" : id.error().detail);
    return id.value_or("");
  }

  fs::path dir_;
  VaultKey key_{};
  std::unique_ptr<FileStore> store_;
};

TEST_F(FileStoreTest, RoundTripsThreeMiB) {
  const std::string plain = Random(3 * 1024 * 1024 + 123);
  const std::string id = PutBytes(plain);
  ASSERT_TRUE(IsValidBlobId(id)) << id;
  ASSERT_TRUE(store_->Exists(id));

  auto back = store_->Read(id);
  ASSERT_TRUE(back.has_value()) << back.error().detail;
  EXPECT_TRUE(*back == plain);

  std::string streamed;
  size_t chunks = 0;
  auto st = store_->ReadTo(id, [&](std::string_view chunk) {
    EXPECT_LE(chunk.size(), FileStore::kChunkBytes);
    streamed.append(chunk);
    ++chunks;
  });
  ASSERT_TRUE(st.has_value());
  EXPECT_TRUE(streamed == plain);
  EXPECT_EQ(chunks, 49u);  // 48 full chunks of 64 KiB and the tail

  // Content address: the id is the SHA-256 of the stored bytes, at ab/cd/<id>.
  auto path = *store_->BlobPath(id);
  EXPECT_EQ(path, dir_ / "vault" / "blobs" / id.substr(0, 2) / id.substr(2, 2) / id);
  const std::string cipher = Slurp(path);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(cipher.data()), cipher.size());
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  EXPECT_EQ(id, hex);
}

TEST_F(FileStoreTest, RoundTripsEmptyAndExactChunkSizes) {
  for (size_t n : {size_t{0}, size_t{1}, FileStore::kChunkBytes, 2 * FileStore::kChunkBytes}) {
    const std::string plain = Random(n);
    auto back = store_->Read(PutBytes(plain));
    ASSERT_TRUE(back.has_value()) << n;
    EXPECT_TRUE(*back == plain) << n;
  }
}

TEST_F(FileStoreTest, SamePlaintextTwiceGivesDifferentCiphertext) {
  const std::string plain = Random(100000);
  const std::string a = PutBytes(plain), b = PutBytes(plain);
  EXPECT_NE(a, b);
  EXPECT_NE(Slurp(*store_->BlobPath(a)).substr(0, 24), Slurp(*store_->BlobPath(b)).substr(0, 24));
  EXPECT_TRUE(*store_->Read(a) == *store_->Read(b));
}

TEST_F(FileStoreTest, StoredFileDoesNotContainThePlaintext) {
  std::string plain;
  for (int i = 0; i < 2000; ++i)
    plain += "Immunization record of Amina Diallo, MMR titer positive. ";
  const std::string id = PutBytes(plain);
  const std::string cipher = Slurp(*store_->BlobPath(id));
  EXPECT_EQ(cipher.find("Amina"), std::string::npos);
  EXPECT_EQ(cipher.find("Immunization"), std::string::npos);
  EXPECT_GT(cipher.size(), plain.size());
}

TEST_F(FileStoreTest, TamperingAnyByteFailsAuthentication) {
  const std::string plain = Random(200000);
  const std::string id = PutBytes(plain);
  const auto path = *store_->BlobPath(id);
  const std::string cipher = Slurp(path);
  for (size_t at : {size_t{3}, size_t{30}, cipher.size() / 2, cipher.size() - 1}) {
    std::string bad = cipher;
    bad[at] ^= 0x20;
    Overwrite(path, bad);
    auto r = store_->Read(id);
    ASSERT_FALSE(r.has_value()) << "byte " << at;
    EXPECT_EQ(r.error().code, core::ErrorCode::kInternal);
  }
}

TEST_F(FileStoreTest, TruncationFails) {
  const std::string plain = Random(3 * FileStore::kChunkBytes + 10);
  const std::string id = PutBytes(plain);
  const auto path = *store_->BlobPath(id);
  const std::string cipher = Slurp(path);
  const size_t header = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
  const size_t chunk = FileStore::kChunkBytes + crypto_secretstream_xchacha20poly1305_ABYTES;
  // One byte short, exactly the final chunk dropped (a clean chunk boundary),
  // only the header, nothing at all; and extra bytes after the final chunk.
  for (size_t keep : {cipher.size() - 1, header + 3 * chunk, header + chunk, header, size_t{0}}) {
    Overwrite(path, cipher.substr(0, keep));
    auto r = store_->Read(id);
    ASSERT_FALSE(r.has_value()) << "kept " << keep;
    EXPECT_EQ(r.error().code, core::ErrorCode::kInternal);
  }
  Overwrite(path, cipher + "x");
  EXPECT_FALSE(store_->Read(id).has_value());
  Overwrite(path, cipher);
  EXPECT_TRUE(store_->Read(id).has_value());
}

TEST_F(FileStoreTest, WrongKeyFails) {
  const std::string id = PutBytes(Random(1000));
  FileStore other(dir_ / "vault", *ParseVaultKey(GenerateVaultKeyHex()));
  auto r = other.Read(id);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, core::ErrorCode::kInternal);
  EXPECT_TRUE(FileStore(dir_ / "vault", key_).Read(id).has_value());
}

TEST_F(FileStoreTest, MissingBlobIsInternal) {
  auto r = store_->Read(std::string(64, 'a'));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, core::ErrorCode::kInternal);
  EXPECT_FALSE(store_->Exists(std::string(64, 'a')));
}

TEST_F(FileStoreTest, BlobIdsCannotEscapeTheVault) {
  const std::string id = PutBytes("secret");
  std::ofstream(dir_ / "outside", std::ios::binary) << "outside";
  for (const std::string& bad :
       {std::string("../../outside"), std::string("../../../etc/passwd"), std::string(""),
        id.substr(0, 63), id + "0", std::string(64, 'A'), "/" + id.substr(1),
        id.substr(0, 60) + "/../", std::string(64, '.'), id.substr(0, 63) + std::string(1, '\0')}) {
    auto r = store_->Read(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidArgument) << bad;
    EXPECT_FALSE(store_->BlobPath(bad).has_value()) << bad;
    EXPECT_FALSE(store_->Exists(bad)) << bad;
    store_->Remove(bad);
  }
  EXPECT_TRUE(fs::exists(dir_ / "outside"));
  EXPECT_TRUE(store_->Exists(id));
}

TEST_F(FileStoreTest, SweepRemovesTempFilesAndUnreferencedBlobs) {
  const std::string keep = PutBytes("keep me"), drop = PutBytes("drop me");
  std::ofstream(store_->NewTempPath()) << "half an upload";
  std::ofstream(store_->NewTempPath()) << "another";
  std::ofstream(dir_ / "vault" / "blobs" / "README") << "not a blob: left alone";
  const size_t removed = store_->Sweep([&](const std::string& id) { return id == keep; });
  EXPECT_EQ(removed, 5u);  // two plaintexts Put read from tmp, two partial uploads, one blob
  EXPECT_TRUE(store_->Exists(keep));
  EXPECT_FALSE(store_->Exists(drop));
  EXPECT_TRUE(fs::is_empty(dir_ / "vault" / "tmp"));
  EXPECT_TRUE(store_->Read(keep).has_value());
  EXPECT_TRUE(fs::exists(dir_ / "vault" / "blobs" / "README"));
  EXPECT_EQ(store_->Sweep([](const std::string&) { return true; }), 0u);
}

TEST_F(FileStoreTest, RemoveDeletesTheBlob) {
  const std::string id = PutBytes("x");
  store_->Remove(id);
  EXPECT_FALSE(store_->Exists(id));
  store_->Remove(id);  // idempotent
}

TEST_F(FileStoreTest, DirectoriesArePrivateAndTempPathsUnique) {
  for (const char* sub : {"tmp", "blobs"})
    EXPECT_EQ(fs::status(dir_ / "vault" / sub).permissions() & fs::perms::all,
              fs::perms::owner_all);
  auto a = store_->NewTempPath(), b = store_->NewTempPath();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.parent_path(), dir_ / "vault" / "tmp");
  EXPECT_EQ(store_->root(), dir_ / "vault");
}

TEST_F(FileStoreTest, PutOfMissingFileIsInternal) {
  auto r = store_->Put(dir_ / "nope");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, core::ErrorCode::kInternal);
}

TEST(VaultKey, ParsesExactlySixtyFourHex) {
  const std::string hex = GenerateVaultKeyHex();
  ASSERT_EQ(hex.size(), 64u);
  auto key = ParseVaultKey(hex);
  ASSERT_TRUE(key.has_value());
  EXPECT_NE(GenerateVaultKeyHex(), hex);
  for (const std::string& bad :
       {std::string(""), hex.substr(1), hex + "0", std::string(64, 'g'), " " + hex.substr(1)}) {
    auto r = ParseVaultKey(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, "vault_key");
  }
}

}  // namespace
}  // namespace clerkship::adapters
