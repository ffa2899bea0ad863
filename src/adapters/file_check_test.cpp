#include "adapters/file_check.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "adapters/pdf.h"

namespace clerkship::adapters {
namespace {
namespace fs = std::filesystem;

constexpr uint64_t kTenMiB = 10 * 1024 * 1024;

class CheckUploadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    dir_ = fs::temp_directory_path() / ("clerkship-check-" + std::to_string(randombytes_random()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  static std::string Slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static std::string Fixture(const std::string& name) {
    return Slurp(fs::path(CLERKSHIP_ADAPTERS_TESTDATA) / name);
  }
  static std::string OnePagePdf() {
    PdfDocument doc;
    doc.title = "Immunization record";
    doc.blocks = {{PdfBlock::Kind::kTitle, "Immunization record"},
                  {PdfBlock::Kind::kField, "2025-09-01", "MMR"}};
    auto pdf = RenderPdf(doc);
    EXPECT_TRUE(pdf.has_value());
    return pdf.value_or("");
  }
  static void ExpectRejected(const core::Result<FileFacts>& r, const std::string& message_part) {
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, "file");
    EXPECT_NE(r.error().message.find(message_part), std::string::npos) << r.error().message;
  }

  fs::path dir_;
};

TEST_F(CheckUploadTest, AcceptsRenderedPdf) {
  auto path = Write("record.pdf", OnePagePdf());
  auto facts = CheckUpload(path, kTenMiB);
  ASSERT_TRUE(facts.has_value()) << facts.error().message << " / " << facts.error().detail;
  EXPECT_EQ(facts->mime, "application/pdf");
  EXPECT_EQ(facts->pages, 1);
  EXPECT_EQ(facts->size, fs::file_size(path));
}

TEST_F(CheckUploadTest, CountsPagesOfMultiPagePdf) {
  auto one = Write("one.pdf", OnePagePdf());
  auto three = (dir_ / "three.pdf").string();
  std::string cmd = "qpdf --empty --pages " + one + " " + one + " " + one + " -- " + three;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto facts = CheckUpload(three, kTenMiB);
  ASSERT_TRUE(facts.has_value()) << facts.error().detail;
  EXPECT_EQ(facts->pages, 3);
}

TEST_F(CheckUploadTest, AcceptsPngAndJpegByBytesWhateverTheName) {
  auto png = CheckUpload(Write("photo.pdf", Fixture("tiny.png")), kTenMiB);
  ASSERT_TRUE(png.has_value()) << png.error().message << " / " << png.error().detail;
  EXPECT_EQ(png->mime, "image/png");
  EXPECT_EQ(png->pages, 1);
  EXPECT_EQ(png->width, 4);
  EXPECT_EQ(png->height, 4);

  auto jpeg = CheckUpload(Write("scan.png", Fixture("tiny.jpg")), kTenMiB);
  ASSERT_TRUE(jpeg.has_value()) << jpeg.error().message << " / " << jpeg.error().detail;
  EXPECT_EQ(jpeg->mime, "image/jpeg");
  EXPECT_EQ(jpeg->pages, 1);
  EXPECT_EQ(jpeg->width, 8);
  EXPECT_EQ(jpeg->height, 8);
}

TEST_F(CheckUploadTest, RejectsZeroBytes) {
  ExpectRejected(CheckUpload(Write("empty.pdf", ""), kTenMiB), "empty");
}

TEST_F(CheckUploadTest, RejectsTextRenamedPdf) {
  ExpectRejected(CheckUpload(Write("notes.pdf", "Dear committee,\nplease accept this.\n"), kTenMiB),
                 "only PDF, JPEG or PNG");
}

TEST_F(CheckUploadTest, RejectsExecutablesAndScripts) {
  ExpectRejected(CheckUpload(Write("elf.pdf", Slurp("/bin/true")), kTenMiB),
                 "only PDF, JPEG or PNG");
  ExpectRejected(CheckUpload(Write("run.pdf", "#!/bin/sh\nrm -rf \"$HOME\"\n"), kTenMiB),
                 "only PDF, JPEG or PNG");
  ExpectRejected(
      CheckUpload(Write("page.jpg", "<!DOCTYPE html><html><script>alert(1)</script></html>"),
                  kTenMiB),
      "only PDF, JPEG or PNG");
}

TEST_F(CheckUploadTest, RejectsTruncatedPdf) {
  auto pdf = OnePagePdf();
  ExpectRejected(CheckUpload(Write("half.pdf", pdf.substr(0, pdf.size() / 2)), kTenMiB), "damaged");
}

TEST_F(CheckUploadTest, RejectsPdfWithGarbageInXref) {
  auto pdf = OnePagePdf();
  auto xref = pdf.rfind("\nxref\n");
  ASSERT_NE(xref, std::string::npos);
  // Overwrite the offsets of the first entries after the free-list entry.
  auto entries = pdf.find("65535 f", xref);
  ASSERT_NE(entries, std::string::npos);
  for (size_t i = entries + 10; i < entries + 60 && i < pdf.size(); ++i)
    if (pdf[i] >= '0' && pdf[i] <= '9') pdf[i] = 'x';
  ExpectRejected(CheckUpload(Write("xref.pdf", pdf), kTenMiB), "damaged");
}

TEST_F(CheckUploadTest, RejectsPdfThatNeedsRecoveryEvenIfQpdfCouldRepairIt) {
  auto pdf = OnePagePdf();
  auto startxref = pdf.rfind("startxref\n");
  ASSERT_NE(startxref, std::string::npos);
  pdf.replace(startxref + 10, 1, "9");  // points somewhere else
  ExpectRejected(CheckUpload(Write("moved.pdf", pdf), kTenMiB), "damaged");
}

TEST_F(CheckUploadTest, RejectsEncryptedPdfs) {
  auto plain = Write("plain.pdf", OnePagePdf());
  auto user = (dir_ / "user.pdf").string();
  auto owner = (dir_ / "owner.pdf").string();
  ASSERT_EQ(std::system(("qpdf --encrypt secret secret 256 -- " + plain + " " + user).c_str()), 0);
  ASSERT_EQ(std::system(("qpdf --encrypt '' secret 256 -- " + plain + " " + owner).c_str()), 0);
  ExpectRejected(CheckUpload(user, kTenMiB), "password");
  ExpectRejected(CheckUpload(owner, kTenMiB), "password");
}

TEST_F(CheckUploadTest, RejectsImagesWithEmbeddedMarkup) {
  ExpectRejected(
      CheckUpload(Write("a.jpg", Fixture("tiny.jpg") + "<script>alert(1)</script>"), kTenMiB),
      "the image contains embedded script or markup");
  ExpectRejected(
      CheckUpload(Write("b.png", Fixture("tiny.png") + "<SVG onload=alert(1)>"), kTenMiB),
      "the image contains embedded script or markup");
  auto jpeg = Fixture("tiny.jpg");
  jpeg.insert(jpeg.size() / 2, "JavaScript:alert(1)");
  ExpectRejected(CheckUpload(Write("c.jpg", jpeg), kTenMiB),
                 "the image contains embedded script or markup");
}

TEST_F(CheckUploadTest, RejectsDamagedImages) {
  auto png = Fixture("tiny.png");
  png[20] ^= 0x01;  // a bit of the IHDR height: CRC no longer matches
  ExpectRejected(CheckUpload(Write("crc.png", png), kTenMiB), "damaged");
  auto jpeg = Fixture("tiny.jpg");
  ExpectRejected(CheckUpload(Write("cut.jpg", jpeg.substr(0, 40)), kTenMiB), "damaged");
  ExpectRejected(CheckUpload(Write("wide.png", Fixture("wide.png")), kTenMiB), "20000 pixels");
}

TEST_F(CheckUploadTest, RejectsOversize) {
  auto path = Write("big.pdf", OnePagePdf());
  auto r = CheckUpload(path, fs::file_size(path) - 1);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, core::ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(r.error().field, "file");
  EXPECT_TRUE(CheckUpload(path, fs::file_size(path)).has_value());
}

TEST_F(CheckUploadTest, ChecksConcurrentlyFromManyThreads) {
  const std::string pdf = Write("t.pdf", OnePagePdf()), png = Write("t.png", Fixture("tiny.png")),
                    bad = Write("t.jpg", Fixture("tiny.jpg") + "<script>");
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        auto a = CheckUpload(pdf, kTenMiB);
        auto b = CheckUpload(png, kTenMiB);
        auto c = CheckUpload(bad, kTenMiB);
        if (a && a->pages == 1 && b && b->mime == "image/png" && !c) ++ok;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 40);
}

TEST(ContainsMarkup, FindsNeedlesCaseInsensitively) {
  EXPECT_TRUE(ContainsMarkup("xx<ScRiPt src=x>"));
  EXPECT_TRUE(ContainsMarkup("<HTML>"));
  EXPECT_TRUE(ContainsMarkup("<?PHP echo 1;"));
  EXPECT_TRUE(ContainsMarkup("<svg>"));
  EXPECT_TRUE(ContainsMarkup("<svg"));
  EXPECT_TRUE(ContainsMarkup("a href=JAVASCRIPT:x"));
  EXPECT_FALSE(ContainsMarkup("<svgZ"));  // a chance byte sequence, not an element
  EXPECT_FALSE(ContainsMarkup("javascript"));
  EXPECT_FALSE(ContainsMarkup(std::string("\xff\xd8\xff\0<scrip", 10)));
}

}  // namespace
}  // namespace clerkship::adapters
