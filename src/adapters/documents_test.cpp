#include "adapters/documents.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <regex>

#include "adapters/pdf.h"
#include "adapters/pdf_test_support.h"

namespace clerkship::adapters {
namespace {
namespace fs = std::filesystem;
using testing::Normalise;
using testing::Shell;

// Legal names in the scripts applicants write them in.
const char* const kNames[] = {"Nguyễn Thị Minh Khai", "Алексей Иванов", "王小明", "राहुल शर्मा",
                              "محمد عبد الله"};

RotationFacts Facts(const std::string& name) {
  RotationFacts f;
  f.institution = "Lakeshore University Hospital";
  f.institution_place = "Chicago, IL, United States";
  f.applicant_name = name;
  f.rotation_title = "Cardiology elective";
  f.specialty = "Cardiology";
  f.rotation_type = "elective";
  f.hands_on = true;
  f.start_date = "2026-01-05";
  f.end_date = "2026-02-01";
  f.weeks = 4;
  f.preceptor = "Dr. Elena Petrova";
  f.verification_code = "CLK-7Q4M-XR2P-9D";
  f.verification_url = "https://clerkship.example.org/verify/CLK-7Q4M-XR2P-9D";
  f.issued_on = "2026-02-03";
  return f;
}

RotationFacts Observership(const std::string& name) {
  RotationFacts f = Facts(name);
  f.rotation_title = "Internal medicine observership";
  f.specialty = "Internal medicine";
  f.rotation_type = "observership";
  f.hands_on = false;
  return f;
}

class DocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    dir_ = fs::temp_directory_path() / ("clerkship-docs-" + std::to_string(randombytes_random()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Save(const std::string& bytes, const std::string& name) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  static void ExpectQpdfCheck(const std::string& path) {
    int code = -1;
    auto out = Shell("qpdf --check " + path + " 2>&1", &code);
    EXPECT_EQ(code, 0) << out;
  }
  static std::string Text(const std::string& path, int page = 0) {
    std::string pages =
        page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    return Normalise(Shell("pdftotext -enc UTF-8" + pages + " " + path + " -"));
  }
  static int Pages(const std::string& path) {
    auto info = Shell("pdfinfo " + path);
    auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
  }
  // What a phone reads from the page printed at 150 dpi.
  std::string ScanQr(const std::string& path) {
    const std::string png = (dir_ / "scan").string();
    Shell("pdftoppm -r 150 -png -singlefile " + path + " " + png);
    std::string out = Shell("zbarimg --raw -q " + png + ".png 2>/dev/null");
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
  }

  fs::path dir_;
};

TEST_F(DocumentsTest, CertificatePassesQpdfCheckAndKeepsTheNameInEveryScript) {
  int i = 0;
  for (const char* name : kNames) {
    auto pdf = RenderCertificate(Facts(name));
    ASSERT_TRUE(pdf.has_value()) << pdf.error().detail;
    auto path = Save(*pdf, "certificate-" + std::to_string(i++) + ".pdf");
    ExpectQpdfCheck(path);
    EXPECT_EQ(Pages(path), 1);
    EXPECT_NE(Shell("pdfinfo " + path).find("792 x 612 pts"), std::string::npos) << "landscape";
    const std::string text = Text(path);
    EXPECT_NE(text.find(name), std::string::npos) << name << "\n" << text;
    for (const char* fact :
         {"Lakeshore University Hospital", "Chicago, IL, United States",
          "Certificate of Completion", "Cardiology elective", "Cardiology", "Hands-on elective",
          "Jan 5, 2026 – Feb 1, 2026", "4 weeks", "Dr. Elena Petrova", "Feb 3, 2026",
          "CLK-7Q4M-XR2P-9D", "https://clerkship.example.org/verify/CLK-7Q4M-XR2P-9D"})
      EXPECT_NE(text.find(fact), std::string::npos) << fact << "\n" << text;
  }
}

TEST_F(DocumentsTest, CertificateQrCodeDecodesToTheVerificationUrl) {
  RotationFacts f = Facts("محمد عبد الله");
  auto pdf = RenderCertificate(f);
  ASSERT_TRUE(pdf.has_value());
  EXPECT_EQ(ScanQr(Save(*pdf, "qr.pdf")), f.verification_url);

  // A longer link (a bigger QR version) still scans.
  f.verification_url =
      "https://clerkship.lakeshore-university-hospital.example.org/verify/CLK-7Q4M-XR2P-9D?from=qr";
  pdf = RenderCertificate(f);
  ASSERT_TRUE(pdf.has_value());
  EXPECT_EQ(ScanQr(Save(*pdf, "qr-long.pdf")), f.verification_url);
}

TEST_F(DocumentsTest, ObservershipCertificateSaysObservedAndNeverClaimsPatientCare) {
  auto observed = RenderCertificate(Observership("Алексей Иванов"));
  ASSERT_TRUE(observed.has_value());
  const std::string text = Text(Save(*observed, "observership.pdf"));
  EXPECT_NE(text.find("has completed the observership"), std::string::npos) << text;
  EXPECT_NE(text.find("observed clinical practice"), std::string::npos) << text;
  EXPECT_NE(text.find("Observation only: no hands-on clinical duties."), std::string::npos) << text;
  for (const char* claim : {"patient care", "Patient care", "hands-on clinical rotation",
                            "Hands-on", "providing", "performed"})
    EXPECT_EQ(text.find(claim), std::string::npos) << claim << "\n" << text;

  // hands_on = false wins over a hands-on rotation type.
  RotationFacts elective = Facts("Алексей Иванов");
  elective.hands_on = false;
  auto pdf = RenderCertificate(elective);
  ASSERT_TRUE(pdf.has_value());
  EXPECT_EQ(Text(Save(*pdf, "not-hands-on.pdf")).find("patient care"), std::string::npos);

  auto hands_on = RenderCertificate(Facts("Алексей Иванов"));
  ASSERT_TRUE(hands_on.has_value());
  const std::string hands_on_text = Text(Save(*hands_on, "hands-on.pdf"));
  EXPECT_NE(hands_on_text.find("has completed the hands-on clinical rotation"), std::string::npos)
      << hands_on_text;
  EXPECT_NE(hands_on_text.find("providing hands-on patient care under the supervision of Dr. "
                               "Elena Petrova"),
            std::string::npos)
      << hands_on_text;
}

TEST_F(DocumentsTest, CertificateWithoutPlacePreceptorOrLinkStillReadsWell) {
  RotationFacts f = Facts("王小明");
  f.institution_place.clear();
  f.preceptor.clear();
  f.verification_url.clear();
  f.start_date = "not a date";
  auto pdf = RenderCertificate(f);
  ASSERT_TRUE(pdf.has_value());
  auto path = Save(*pdf, "sparse.pdf");
  ExpectQpdfCheck(path);
  const std::string text = Text(path);
  EXPECT_NE(text.find("王小明"), std::string::npos) << text;
  EXPECT_NE(text.find("providing hands-on patient care under supervision."), std::string::npos)
      << text;
  EXPECT_NE(text.find("not a date – Feb 1, 2026"), std::string::npos) << text;
  EXPECT_EQ(text.find("Verify this certificate at"), std::string::npos) << text;
  EXPECT_EQ(ScanQr(path), "") << "no link, no QR code";
}

// Every word pdftotext finds lies inside the inner border (25 pt from the edge).
TEST_F(DocumentsTest, CertificateWithALongNameStaysInsideTheBorder) {
  const std::string name =
      "Александра Владимировна Константинопольская Рождественская Ивановна Петрова Водкина";
  RotationFacts f = Facts(name);
  f.institution = "Lakeshore University Hospital and Medical Center of the Greater Chicago Area";
  f.rotation_title = "Physical medicine and rehabilitation sub-internship with inpatient consults";
  f.specialty = "Physical medicine and rehabilitation";
  f.rotation_type = "sub_internship";
  f.preceptor = "Prof. Dr. Maximiliano Alejandro Fernández de la Torre y Santander";
  auto pdf = RenderCertificate(f);
  ASSERT_TRUE(pdf.has_value());
  auto path = Save(*pdf, "long.pdf");
  ExpectQpdfCheck(path);
  EXPECT_EQ(Pages(path), 1);
  EXPECT_NE(Text(path).find(name), std::string::npos) << Text(path);
  EXPECT_EQ(ScanQr(path), f.verification_url);

  const std::string boxes = Shell("pdftotext -bbox " + path + " -");
  const std::regex word(
      R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
  int words = 0;
  for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), word);
       it != std::sregex_iterator(); ++it) {
    ++words;
    const auto& m = *it;
    EXPECT_GE(std::stod(m[1]), 25) << m[5];
    EXPECT_GE(std::stod(m[2]), 25) << m[5];
    EXPECT_LE(std::stod(m[3]), 792 - 25) << m[5];
    EXPECT_LE(std::stod(m[4]), 612 - 25) << m[5];
  }
  EXPECT_GT(words, 40);
}

TEST_F(DocumentsTest, TranscriptKeepsEachRotationWholeOnOnePageWithCodesAndTotals) {
  for (const char* name : kNames) {
    TranscriptFacts t{name, "2026-11-28", {}};
    for (int i = 1; i <= 12; ++i) {
      RotationFacts r = i % 4 == 0 ? Observership(name) : Facts(name);
      r.rotation_title += " " + std::to_string(i);
      r.verification_code = "CLK-TEST-" + std::to_string(1000 + i);
      r.verification_url = "https://clerkship.example.org/verify/" + r.verification_code;
      t.rotations.push_back(r);
    }
    auto pdf = RenderTranscript(t);
    ASSERT_TRUE(pdf.has_value()) << pdf.error().detail;
    auto path = Save(*pdf, "transcript.pdf");
    ExpectQpdfCheck(path);
    const int pages = Pages(path);
    EXPECT_GE(pages, 2);
    const std::string text = Text(path);
    EXPECT_NE(text.find("Transcript of U.S. clinical experience"), std::string::npos);
    EXPECT_NE(text.find(std::string("Applicant ") + name), std::string::npos) << text;
    EXPECT_NE(text.find("November 28, 2026"), std::string::npos);
    EXPECT_NE(
        text.find("12 completed rotations, 48 weeks: 36 weeks hands-on, 12 weeks observership"),
        std::string::npos)
        << text;
    EXPECT_NE(text.find("Total 48 weeks (36 weeks hands-on, 12 weeks observership)"),
              std::string::npos);
    // Each entry whole, on one page: its heading, type, code and link together.
    std::vector<std::string> page_text(static_cast<size_t>(pages) + 1);
    for (int p = 1; p <= pages; ++p) page_text[static_cast<size_t>(p)] = Text(path, p);
    for (const auto& r : t.rotations) {
      const std::string heading = r.rotation_title;
      int found = 0;
      for (int p = 1; p <= pages; ++p) {
        const std::string& pt = page_text[static_cast<size_t>(p)];
        auto at = pt.find(heading + " Institution Lakeshore University Hospital — Chicago, IL");
        if (at == std::string::npos) continue;
        ++found;
        const std::string type =
            r.hands_on ? "Hands-on elective: direct patient care under supervision"
                       : "Observership: clinical observation only, no hands-on duties";
        EXPECT_NE(pt.find(type, at), std::string::npos) << heading;
        EXPECT_NE(pt.find("January 5, 2026 to February 1, 2026 (4 weeks)", at), std::string::npos);
        EXPECT_NE(pt.find("Preceptor Dr. Elena Petrova", at), std::string::npos);
        EXPECT_NE(pt.find("Verification code " + r.verification_code, at), std::string::npos)
            << heading << " on page " << p;
        EXPECT_NE(pt.find("Verify at " + r.verification_url, at), std::string::npos) << heading;
      }
      EXPECT_EQ(found, 1) << heading;
    }
  }
}

TEST_F(DocumentsTest, EmptyTranscriptSaysThereIsNothingYet) {
  auto pdf = RenderTranscript({"王小明", "2026-11-28", {}});
  ASSERT_TRUE(pdf.has_value());
  auto path = Save(*pdf, "empty.pdf");
  ExpectQpdfCheck(path);
  EXPECT_EQ(Pages(path), 1);
  EXPECT_NE(Text(path).find("No completed rotations yet."), std::string::npos);
}

TEST_F(DocumentsTest, PacketMergesPartsInOrderWithOneBookmarkPerPart) {
  PdfDocument cv;
  cv.blocks.push_back({PdfBlock::Kind::kTitle, "Curriculum vitae"});
  for (int i = 0; i < 80; ++i) cv.blocks.push_back({PdfBlock::Kind::kParagraph, "Line of the CV."});
  auto cv_pdf = RenderPdf(cv);
  ASSERT_TRUE(cv_pdf.has_value());
  TranscriptFacts t{"王小明", "2026-11-28", {}};
  for (int i = 0; i < 5; ++i) t.rotations.push_back(Facts("王小明"));
  auto transcript = RenderTranscript(t);
  auto certificate = RenderCertificate(Facts("王小明"));
  auto observership = RenderCertificate(Observership("王小明"));
  ASSERT_TRUE(transcript && certificate && observership);

  const std::vector<PacketPart> parts = {{"Curriculum vitae", *cv_pdf},
                                         {"Transcript of U.S. clinical experience", *transcript},
                                         {"Сертификат: кардиология", *certificate},
                                         {"观察实习证书", *observership}};
  auto packet = MergePacket("Application packet — 王小明", parts);
  ASSERT_TRUE(packet.has_value()) << packet.error().message;
  auto path = Save(*packet, "packet.pdf");
  ExpectQpdfCheck(path);

  std::vector<int> part_pages;
  int total = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    part_pages.push_back(Pages(Save(parts[i].pdf, "part" + std::to_string(i) + ".pdf")));
    total += part_pages.back();
  }
  EXPECT_GE(part_pages[0], 2);
  EXPECT_GE(part_pages[1], 2);
  EXPECT_EQ(Pages(path), total);
  EXPECT_NE(Shell("pdfinfo " + path).find("Application packet — 王小明"), std::string::npos);
  EXPECT_NE(Text(path, part_pages[0] + part_pages[1] + 1).find("Certificate of Completion"),
            std::string::npos);

  QPDF pdf;
  pdf.processFile(path.c_str());
  EXPECT_EQ(pdf.getRoot().getKey("/PageMode").getName(), "/UseOutlines");
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  QPDFOutlineDocumentHelper outline(pdf);
  auto items = outline.getTopLevelOutlines();
  ASSERT_EQ(items.size(), parts.size());
  int first = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(items[i].getTitle(), parts[i].bookmark);
    EXPECT_TRUE(items[i].getKids().empty());
    // The bookmark opens the part's first page.
    auto dest = items[i].getDestPage();
    ASSERT_TRUE(dest.isDictionary()) << parts[i].bookmark;
    EXPECT_EQ(dest.getObjGen(), pages[static_cast<size_t>(first)].getObjectHandle().getObjGen())
        << parts[i].bookmark;
    first += part_pages[i];
  }
  EXPECT_EQ(pdf.getRoot().getKey("/Outlines").getKey("/Count").getIntValue(),
            static_cast<long long>(parts.size()));
}

TEST_F(DocumentsTest, PacketRefusesANonPdfPartNamingIt) {
  auto certificate = RenderCertificate(Facts("Алексей Иванов"));
  ASSERT_TRUE(certificate.has_value());
  auto packet = MergePacket("Packet", {{"Certificate", *certificate},
                                       {"Letter from Dr. Smith", "Dear program director, ..."}});
  ASSERT_FALSE(packet.has_value());
  EXPECT_EQ(packet.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(packet.error().field, "parts");
  EXPECT_NE(packet.error().message.find("part 2 (\"Letter from Dr. Smith\")"), std::string::npos)
      << packet.error().message;

  // A PDF header in front of garbage is not a readable PDF either.
  packet = MergePacket("Packet", {{"Certificate", *certificate},
                                  {"Scanned diploma", "%PDF-1.7\nnot really a pdf\n"}});
  ASSERT_FALSE(packet.has_value());
  EXPECT_EQ(packet.error().field, "parts");
  EXPECT_NE(packet.error().message.find("Scanned diploma"), std::string::npos)
      << packet.error().message;

  packet = MergePacket("Packet", {{"Empty upload", ""}});
  ASSERT_FALSE(packet.has_value());
  EXPECT_NE(packet.error().message.find("Empty upload"), std::string::npos);

  packet = MergePacket("Packet", {});
  ASSERT_FALSE(packet.has_value());
  EXPECT_EQ(packet.error().field, "parts");
}

}  // namespace
}  // namespace clerkship::adapters
