// Profile, CV, encrypted vault, minimal applications and compliance through
// the HTTP API on both backends (issue 5).
#include <fstream>

#include "integration/http_harness.h"
#include "services/vault.h"

namespace clerkship::testing {
namespace {

namespace fs = std::filesystem;

// Every regular file under `dir` (recursively).
std::vector<fs::path> FilesUnder(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  return out;
}

// A valid, uncompressed (stored-deflate) all-black RGB PNG of about
// width*height*3 bytes: a big image without an image library.
std::string BigPng(uint32_t width, uint32_t height) {
  auto crc32 = [](const std::string& data) {
    uint32_t c = 0xffffffffu;
    for (unsigned char b : data) {
      c ^= b;
      for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return c ^ 0xffffffffu;
  };
  auto be32 = [](uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
  };
  auto chunk = [&](const std::string& type, const std::string& data) {
    return be32(static_cast<uint32_t>(data.size())) + type + data + be32(crc32(type + data));
  };
  std::string raw;
  for (uint32_t y = 0; y < height; ++y) raw += std::string(1 + 3 * width, '\0');  // filter 0 + black pixels
  std::string z = "\x78\x01";
  for (size_t at = 0; at < raw.size(); at += 65535) {
    size_t n = std::min<size_t>(65535, raw.size() - at);
    z.push_back(at + n == raw.size() ? '\x01' : '\x00');
    z.push_back(static_cast<char>(n & 0xff));
    z.push_back(static_cast<char>(n >> 8));
    z.push_back(static_cast<char>(~n & 0xff));
    z.push_back(static_cast<char>((~n >> 8) & 0xff));
    z += raw.substr(at, n);
  }
  uint32_t a = 1, b = 0;  // Adler-32 of the raw data
  for (unsigned char ch : raw) {
    a = (a + ch) % 65521;
    b = (b + a) % 65521;
  }
  z += be32((b << 16) | a);
  std::string ihdr = be32(width) + be32(height) + std::string("\x08\x02\x00\x00\x00", 5);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", z) + chunk("IEND", "");
}

class VaultTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");
    b_ = MakeInstitution("Bayview Community Hospital");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("reviewer-a@example.org", false), a_, "reviewer");
    AddMembership(MakeUser("coord-b@example.org", false), b_, "coordinator");
    applicant_id_ = MakeUser("minh@example.org", false);
    coord_ = NewClient();
    coord_.Login("coord-a@example.org", kPassword);
    me_ = NewClient();
    me_.Login("minh@example.org", kPassword);
  }

  Json Profile() {
    return {{"legal_name", "Nguyễn Thị Minh Khai"},
            {"preferred_name", "Minh"},
            {"date_of_birth", "1996-04-02"},
            {"citizenship", "VN"},
            {"country_of_residence", "VN"},
            {"school", {{"name", "Hanoi Medical University"}, {"country", "VN"}, {"graduation_date", "2025-06-30"}, {"degree", "MD"}}},
            {"status", "graduate"},
            {"exams", {{{"exam", "usmle_step1"}, {"result", "pass"}, {"date", "2024-05-01"}}}},
            {"languages", {{{"language", "Vietnamese"}, {"level", "native"}}}},
            {"personal_statement", "I want to train in internal medicine."}};
  }

  // Saves the profile and returns the CV PDF bytes (a valid PDF to upload).
  std::string CvPdf() {
    auto saved = me_.Call("PUT", "/api/me/profile", Json{{"profile", Profile()}, {"version", 0}}.dump());
    EXPECT_EQ(saved.status, 200) << saved.body;
    auto cv = me_.Get("/api/me/profile/cv.pdf");
    EXPECT_EQ(cv.status, 200) << cv.body;
    return cv.body;
  }

  Reply Upload(Client& c, const std::string& bytes, const std::string& name = "record.pdf") {
    return c.Call("PUT", "/api/me/uploads", bytes, {"Content-Type: application/octet-stream", "X-Filename: " + name});
  }

  // Uploads `bytes` and files them as a document of `type`; returns the document JSON.
  Json AddDocument(const std::string& bytes, const std::string& type, const std::string& expires = "") {
    auto up = Upload(me_, bytes);
    EXPECT_EQ(up.status, 201) << up.body;
    Json body = {{"upload_id", up.json().value("upload_id", "")}, {"type", type}, {"issued_on", "2026-06-01"}};
    if (!expires.empty()) body["expires_on"] = expires;
    auto doc = me_.Post("/api/me/documents", body);
    EXPECT_EQ(doc.status, 201) << doc.body;
    return doc.json();
  }

  // A published offering at A requiring an immunization record and a background check.
  std::string Offering() {
    Json o = {{"title", "Internal Medicine Sub-internship"},
              {"specialty", "internal_medicine"},
              {"type", "sub_internship"},
              {"hands_on", true},
              {"description", "Inpatient wards."},
              {"city", "Chicago"},
              {"state", "IL"},
              {"country", "US"},
              {"duration_weeks", 4},
              {"required_documents", {{{"type", "immunization_record"}, {"count", 1}},
                                      {{"type", "background_check"}, {"count", 1}}}},
              {"fees", Json::array()}};
    return PublishOffering(coord_, a_, o, &block_);
  }

  std::string ApplyAndSubmit(const std::string& offering) {
    auto app = me_.Post("/api/applications", {{"offering_id", offering}, {"block_ids", {block_}}});
    EXPECT_EQ(app.status, 201) << app.body;
    std::string id = app.json().value("id", "");
    auto sub = me_.Post("/api/applications/" + id + "/submit", Json::object());
    EXPECT_EQ(sub.status, 200) << sub.body;
    return id;
  }

  std::string a_, b_, applicant_id_, block_;
  Client coord_{0}, me_{0};
};

TEST_P(VaultTest, ProfileSavesWithVersionsAndRendersACvInAnyScript) {
  auto empty = me_.Get("/api/me/profile");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.json()["version"], 0);
  EXPECT_LT(empty.json()["completeness"]["percent"].get<int>(), 100);
  EXPECT_FALSE(empty.json()["completeness"]["missing"].empty());
  ExpectError(me_.Get("/api/me/profile/cv.pdf"), 409, "failed_precondition", "legal_name");

  auto saved = me_.Call("PUT", "/api/me/profile", Json{{"profile", Profile()}, {"version", 0}}.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["version"], 1);
  EXPECT_EQ(saved.json()["profile"]["legal_name"], "Nguyễn Thị Minh Khai");
  EXPECT_GT(saved.json()["completeness"]["percent"].get<int>(), empty.json()["completeness"]["percent"].get<int>());

  // A second tab saving from the old version loses, and nothing changes.
  Json stale = Profile();
  stale["legal_name"] = "Someone Else";
  ExpectError(me_.Call("PUT", "/api/me/profile", Json{{"profile", stale}, {"version", 0}}.dump()), 409, "conflict");
  ExpectError(me_.Call("PUT", "/api/me/profile", Json{{"profile", {{"legal_name", "X"}, {"shoe_size", 42}}}, {"version", 1}}.dump()),
              400, "invalid_argument", "shoe_size");
  Json bad_date = Profile();
  bad_date["date_of_birth"] = "1996-02-30";
  ExpectError(me_.Call("PUT", "/api/me/profile", Json{{"profile", bad_date}, {"version", 1}}.dump()), 400,
              "invalid_argument", "date_of_birth");
  EXPECT_EQ(me_.Get("/api/me/profile").json()["profile"]["legal_name"], "Nguyễn Thị Minh Khai");

  auto cv = me_.Get("/api/me/profile/cv.pdf");
  ASSERT_EQ(cv.status, 200) << cv.body;
  EXPECT_EQ(cv.headers["content-type"], "application/pdf");
  EXPECT_NE(cv.headers["content-disposition"].find("attachment"), std::string::npos);
  ASSERT_TRUE(cv.body.starts_with("%PDF-"));
  fs::path pdf = vault_root_ / "cv-test.pdf";
  std::ofstream(pdf, std::ios::binary) << cv.body;
  std::string text = RunCapture("pdftotext -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null");
  EXPECT_NE(text.find("Nguyễn Thị Minh Khai"), std::string::npos) << text;
  EXPECT_NE(text.find("Hanoi Medical University"), std::string::npos) << text;
}

TEST_P(VaultTest, UploadsAreCheckedEncryptedAndVersioned) {
  std::string pdf = CvPdf();
  auto doc = AddDocument(pdf, "background_check", "2027-12-31");
  EXPECT_EQ(doc["status"], "pending");
  EXPECT_EQ(doc["current_version"], 1);
  std::string id = doc["id"];

  // At rest the file is ciphertext: no stored blob contains the PDF header.
  auto blobs = FilesUnder(vault_root_ / "blobs");
  ASSERT_EQ(blobs.size(), 1u);
  EXPECT_EQ(Slurp(blobs[0]).find("%PDF"), std::string::npos);
  EXPECT_EQ(Count("uploads"), 0);

  auto file = me_.Get("/api/me/documents/" + id + "/file");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf);
  EXPECT_EQ(file.headers["content-type"], "application/pdf");
  EXPECT_NE(file.headers["content-disposition"].find("attachment"), std::string::npos);
  EXPECT_EQ(file.headers["x-content-type-options"], "nosniff");

  // Replacing keeps the old version.
  auto up = Upload(me_, pdf + "\n");  // a different file (trailing newline is still a valid PDF)
  ASSERT_EQ(up.status, 201) << up.body;
  auto v2 = me_.Post("/api/me/documents/" + id + "/versions",
                     {{"upload_id", up.json()["upload_id"]}, {"issued_on", "2026-07-01"}, {"expires_on", "2028-06-30"}});
  ASSERT_EQ(v2.status, 200) << v2.body;
  EXPECT_EQ(v2.json()["current_version"], 2);
  EXPECT_EQ(v2.json()["versions"].size(), 2u);
  EXPECT_EQ(me_.Get("/api/me/documents/" + id + "/file?version=1").body, pdf);
  EXPECT_EQ(me_.Get("/api/me/documents/" + id + "/file").body, pdf + "\n");
  ExpectError(me_.Get("/api/me/documents/" + id + "/file?version=9"), 404, "not_found");
  ExpectError(me_.Get("/api/me/documents/" + id + "/file?version=abc"), 400, "invalid_argument", "version");

  // Another applicant cannot see it.
  MakeUser("other@example.org", false);
  Client other = NewClient();
  other.Login("other@example.org", kPassword);
  ExpectError(other.Get("/api/me/documents/" + id + "/file"), 404, "not_found");
  EXPECT_TRUE(other.Get("/api/me/documents").json()["items"].empty());

  // Deleting an unreferenced document hides it.
  EXPECT_EQ(me_.Call("DELETE", "/api/me/documents/" + id).status, 204);
  EXPECT_TRUE(me_.Get("/api/me/documents").json()["items"].empty());
}

TEST_P(VaultTest, BadUploadsGetClearErrorsAndLeaveNothingBehind) {
  std::string pdf = CvPdf();
  ExpectError(Upload(me_, ""), 400, "invalid_argument", "file");
  ExpectError(Upload(me_, "just some text, not a PDF at all\n", "evil.pdf"), 400, "invalid_argument", "file");
  ExpectError(Upload(me_, "#!/bin/sh\nrm -rf /\n", "run.pdf"), 400, "invalid_argument", "file");
  ExpectError(Upload(me_, pdf.substr(0, pdf.size() / 2), "cut.pdf"), 400, "invalid_argument", "file");
  // A PNG header followed by a script.
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);
  ExpectError(Upload(me_, png + "<script>alert(1)</script>", "cat.png"), 400, "invalid_argument", "file");
  // Bigger than a JSON body may be (1 MiB), within the upload limit: streamed to disk and stored.
  auto large = Upload(me_, BigPng(1024, 512), "scan.png");
  EXPECT_EQ(large.status, 201) << large.body;
  EXPECT_EQ(large.json().value("mime", ""), "image/png");
  EXPECT_GT(large.json().value("size", 0), 1536 * 1024);
  ASSERT_EQ(me_.Post("/api/me/documents", {{"upload_id", large.json()["upload_id"]}, {"type", "transcript"}}).status, 201);
  // A JSON route refuses the same size by its Content-Length, before reading the body.
  EXPECT_EQ(me_.Call("PUT", "/api/me/profile", std::string(1536 * 1024, ' ')).status, 413);
  // Over the limit: 413 before anything is stored.
  auto big = Upload(me_, std::string(kMaxUpload + 1, 'x'));
  EXPECT_EQ(big.status, 413) << big.body;
  // A path-traversal name is only ever a label.
  auto up = Upload(me_, pdf, "../../etc/passwd");
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json()["filename"], "passwd");

  // Metadata errors name the field and write nothing.
  ExpectError(me_.Post("/api/me/documents", {{"upload_id", up.json()["upload_id"]}, {"type", "background_check"},
                                              {"issued_on", "2026-06-01"}, {"expires_on", "2026-05-01"}}),
              400, "invalid_argument", "expires_on");
  ExpectError(me_.Post("/api/me/documents", {{"upload_id", "nope"}, {"type", "tb_test"}, {"expires_on", "2027-06-01"}}),
              400, "invalid_argument", "upload_id");
  ExpectError(me_.Post("/api/me/documents", {{"upload_id", up.json()["upload_id"]}, {"type", "horoscope"}}), 400,
              "invalid_argument", "type");
  EXPECT_EQ(Count("documents"), 1);  // the large transcript
  EXPECT_EQ(Count("document_versions"), 1);
  EXPECT_EQ(Count("uploads"), 1);  // the good upload, waiting to be attached
  EXPECT_EQ(FilesUnder(vault_root_ / "blobs").size(), 2u);
  EXPECT_TRUE(FilesUnder(vault_root_ / "incoming").empty());
  EXPECT_TRUE(FilesUnder(vault_root_ / "tmp").empty());

  // Only applicants upload.
  ExpectError(Upload(coord_, pdf), 403, "forbidden");
}

TEST_P(VaultTest, AConnectionDroppedMidUploadLeavesNoTrace) {
  std::string pdf = CvPdf();
  std::string csrf = me_.Cookie("clerkship_csrf");
  std::string session = me_.Cookie("clerkship_session");
  // Announce 1 MiB, send 100 kB, hang up.
  std::string head = "PUT /api/me/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1048576\r\n"
                     "Cookie: clerkship_session=" + session + "; clerkship_csrf=" + csrf +
                     "\r\nX-CSRF-Token: " + csrf + "\r\nOrigin: http://127.0.0.1\r\n\r\n";
  Raw(head + std::string(100 * 1024, 'x'));
  // The server notices the closed connection; give it a moment, then check.
  for (int i = 0; i < 50 && !FilesUnder(vault_root_ / "incoming").empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(FilesUnder(vault_root_ / "incoming").empty());
  EXPECT_EQ(Count("uploads"), 0);
  EXPECT_TRUE(FilesUnder(vault_root_ / "blobs").empty());
  // And the server still works.
  EXPECT_EQ(Upload(me_, pdf).status, 201);
}

TEST_P(VaultTest, StaffSeeDocumentsOnlyThroughAnApplicationAndVerifyThem) {
  std::string pdf = CvPdf();
  std::string immun = AddDocument(pdf, "immunization_record")["id"];
  std::string background = AddDocument(pdf, "background_check", "2027-12-31")["id"];
  std::string offering = Offering();
  std::string docs = "/api/institutions/" + a_ + "/applicants/" + applicant_id_ + "/documents";

  // No application yet: the applicant does not exist for A's staff.
  ExpectError(coord_.Get(docs), 404, "not_found");

  auto draft = me_.Post("/api/applications", {{"offering_id", offering}, {"block_ids", {block_}}});
  ASSERT_EQ(draft.status, 201) << draft.body;
  std::string app = draft.json()["id"];
  ExpectError(coord_.Get(docs), 404, "not_found");  // drafts are private
  auto checklist = me_.Get("/api/applications/" + app).json()["checklist"][0];
  EXPECT_FALSE(checklist["cleared"].get<bool>());
  for (const auto& item : checklist["items"]) EXPECT_EQ(item["state"], "pending") << item.dump();

  auto sub = me_.Post("/api/applications/" + app + "/submit", Json::object());
  ASSERT_EQ(sub.status, 200) << sub.body;
  EXPECT_EQ(sub.json()["status"], "submitted");
  ExpectError(me_.Post("/api/applications/" + app + "/submit", Json::object()), 409, "conflict");

  auto list = coord_.Get(docs);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()["items"].size(), 2u);
  auto file = coord_.Get(docs + "/" + immun + "/file");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf);
  auto audit = coord_.Get("/api/audit?institution_id=" + a_).body;
  EXPECT_NE(audit.find("document.viewed"), std::string::npos);
  EXPECT_NE(audit.find("document.list_viewed"), std::string::npos);

  // B's coordinator and the reviewer's limits.
  Client coord_b = NewClient();
  coord_b.Login("coord-b@example.org", kPassword);
  ExpectError(coord_b.Get(docs), 404, "not_found");
  ExpectError(coord_b.Get("/api/institutions/" + b_ + "/applicants/" + applicant_id_ + "/documents"), 404, "not_found");
  Client reviewer = NewClient();
  reviewer.Login("reviewer-a@example.org", kPassword);
  EXPECT_EQ(reviewer.Get(docs).status, 200);
  ExpectError(reviewer.Post(docs + "/" + immun + "/review", {{"decision", "verify"}}), 403, "forbidden");

  // Reject needs a reason; the applicant is told.
  ExpectError(coord_.Post(docs + "/" + immun + "/review", {{"decision", "reject"}}), 400, "invalid_argument", "reason");
  ExpectError(coord_.Post(docs + "/" + immun + "/review", {{"decision", "maybe"}}), 400, "invalid_argument", "decision");
  auto rejected = coord_.Post(docs + "/" + background + "/review", {{"decision", "reject"}, {"reason", "Older than 12 months"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_NE(LastEmailTo("minh@example.org").find("Older than 12 months"), std::string::npos);

  ASSERT_EQ(coord_.Post(docs + "/" + immun + "/review", {{"decision", "verify"}}).status, 200);
  ASSERT_EQ(coord_.Post(docs + "/" + background + "/review", {{"decision", "verify"}}).status, 200);
  checklist = me_.Get("/api/applications/" + app).json()["checklist"][0];
  EXPECT_TRUE(checklist["cleared"].get<bool>()) << checklist.dump();
  for (const auto& item : checklist["items"]) EXPECT_EQ(item["state"], "satisfied") << item.dump();

  auto compliance = coord_.Get("/api/institutions/" + a_ + "/offerings/" + offering + "/compliance");
  ASSERT_EQ(compliance.status, 200) << compliance.body;
  ASSERT_EQ(compliance.json()["items"].size(), 1u);
  EXPECT_EQ(compliance.json()["items"][0]["applicant"]["name"], "Nguyễn Thị Minh Khai");
  EXPECT_TRUE(compliance.json()["items"][0]["blocks"][0]["cleared"].get<bool>());

  // A document a submitted application relies on stays.
  ExpectError(me_.Call("DELETE", "/api/me/documents/" + immun), 409, "conflict");
  EXPECT_EQ(me_.Get("/api/me/documents").json()["items"].size(), 2u);

  // After withdrawing, staff lose access.
  ASSERT_EQ(me_.Post("/api/applications/" + app + "/withdraw", {{"reason", "Found another rotation"}}).status, 200);
  ExpectError(coord_.Get(docs), 404, "not_found");
  EXPECT_EQ(me_.Call("DELETE", "/api/me/documents/" + immun).status, 204);
}

TEST_P(VaultTest, RemindersGoOutOnceBeforeABlockStartsWithItemsMissing) {
  std::string offering = Offering();
  std::string pdf = CvPdf();
  // Uploaded, so the application can be submitted, but not verified yet.
  AddDocument(pdf, "immunization_record");
  AddDocument(pdf, "background_check", "2027-12-31");
  ApplyAndSubmit(offering);
  EXPECT_EQ(*services::SendComplianceReminders(*ctx_), 0);  // 45 days before the start
  // 14 days before 2027-03-01.
  clock_.Advance(std::chrono::seconds(2692800));  // 2027-02-15T12:00:00Z
  EXPECT_EQ(*services::SendComplianceReminders(*ctx_), 1);
  std::string mail = LastEmailTo("minh@example.org");
  EXPECT_NE(mail.find("14 days"), std::string::npos) << mail;
  EXPECT_NE(mail.find("Internal Medicine Sub-internship"), std::string::npos) << mail;
  // Running again the same day (or from a second server process) sends nothing new.
  EXPECT_EQ(*services::SendComplianceReminders(*ctx_), 0);
}

TEST_P(VaultTest, ApplicationsValidateTheirInput) {
  std::string offering = Offering();
  ExpectError(me_.Post("/api/applications", {{"offering_id", offering}, {"block_ids", Json::array()}}), 400,
              "invalid_argument", "block_ids");
  ExpectError(me_.Post("/api/applications", {{"offering_id", offering}, {"block_ids", {"nope"}}}), 400,
              "invalid_argument", "block_ids[0]");
  ExpectError(me_.Post("/api/applications", {{"offering_id", "nope"}, {"block_ids", {block_}}}), 400,
              "invalid_argument", "offering_id");
  auto ok = me_.Post("/api/applications", {{"offering_id", offering}, {"block_ids", {block_}}});
  ASSERT_EQ(ok.status, 201) << ok.body;
  ExpectError(me_.Post("/api/applications", {{"offering_id", offering}, {"block_ids", {block_}}}), 409, "conflict");
  EXPECT_EQ(Count("applications"), 1);

  // Someone else's application does not exist for you.
  MakeUser("other@example.org", false);
  Client other = NewClient();
  other.Login("other@example.org", kPassword);
  ExpectError(other.Get("/api/applications/" + ok.json()["id"].get<std::string>()), 404, "not_found");
  ExpectError(other.Post("/api/applications/" + ok.json()["id"].get<std::string>() + "/submit", Json::object()), 404,
              "not_found");

  // Complete (both documents uploaded, pending verification)…
  std::string pdf = CvPdf();
  AddDocument(pdf, "immunization_record");
  AddDocument(pdf, "background_check", "2027-12-31");
  // …but the deadline (2027-01-31) is a day in the institution's zone (Chicago):
  // at 06:30 UTC on 1 February it is 00:30 there, and submitting is refused…
  std::string id = ok.json()["id"];
  clock_.Advance(std::chrono::seconds(1459800 + 3600));  // 2027-02-01T06:30:00Z
  me_.Login("minh@example.org", kPassword);  // the session from two weeks ago has expired
  ExpectError(me_.Post("/api/applications/" + id + "/submit", Json::object()), 400, "invalid_argument", "block_ids[0]");
  EXPECT_EQ(me_.Get("/api/me/applications").json()["items"][0]["status"], "draft");
  // …while at 05:30 UTC it is still 23:30 on 31 January in Chicago.
  clock_.Advance(std::chrono::seconds(-3600));
  EXPECT_EQ(me_.Post("/api/applications/" + id + "/submit", Json::object()).status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, VaultTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
