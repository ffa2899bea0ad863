// Letters of recommendation through the HTTP API on both backends (issue 6):
// request → e-mailed private link → referee upload → assignment → the
// program's view; bad links, late replacements, wrong files, reminders.
#include <filesystem>
#include <fstream>

#include <soci/soci.h>

#include "integration/http_harness.h"
#include "services/letters.h"

namespace clerkship::testing {
namespace {

namespace fs = std::filesystem;

constexpr auto kDay = std::chrono::hours(24);

class LettersTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");
    b_ = MakeInstitution("Bayview Community Hospital");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("reviewer-a@example.org", false), a_, "reviewer");
    AddMembership(MakeUser("coord-b@example.org", false), b_, "coordinator");
    MakeUser("minh@example.org", false);
    coord_ = NewClient();
    coord_.Login("coord-a@example.org", kPassword);
    me_ = NewClient();
    me_.Login("minh@example.org", kPassword);
    referee_ = NewClient();
    referee_.Get("/api/session");  // the anonymous CSRF cookie, as the web page gets it
  }

  // Saves a profile and returns the CV PDF (a valid PDF to upload).
  std::string Pdf() {
    Json profile = {{"legal_name", "Nguyễn Thị Minh Khai"},
                    {"school", {{"name", "Hanoi Medical University"}, {"country", "VN"},
                                {"graduation_date", "2025-06-30"}, {"degree", "MD"}}}};
    auto saved = me_.Call("PUT", "/api/me/profile", Json{{"profile", profile}, {"version", 0}}.dump());
    EXPECT_EQ(saved.status, 200) << saved.body;
    auto cv = me_.Get("/api/me/profile/cv.pdf");
    EXPECT_EQ(cv.status, 200);
    return cv.body;
  }

  Json Request(bool waived, const std::string& email = "hung.le@example.org") {
    auto r = me_.Post("/api/me/letters", {{"referee_name", "Dr. Lê Văn Hùng"},
                                           {"referee_email", email},
                                           {"referee_title", "Professor of Medicine"},
                                           {"referee_institution", "Hanoi Medical University"},
                                           {"relationship", "Attending on my internal medicine clerkship"},
                                           {"waived", waived}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json();
  }

  Reply Upload(const std::string& token, const std::string& bytes) {
    return referee_.Call("PUT", "/api/referee/letter/file?token=" + token, bytes,
                         {"Content-Type: application/octet-stream"});
  }

  // A published offering at `inst` that asks for `letters` letters (none: no
  // requirement); sets block_.
  std::string Offering(const std::string& inst, Client& coord, int letters = 1) {
    Json o = {{"title", "Internal Medicine Sub-internship"},
              {"specialty", "internal_medicine"},
              {"type", "sub_internship"},
              {"hands_on", true},
              {"description", "Inpatient wards."},
              {"city", "Chicago"},
              {"state", "IL"},
              {"country", "US"},
              {"duration_weeks", 4},
              {"required_documents", letters > 0 ? Json::array({{{"type", "letter_of_recommendation"}, {"count", letters}}})
                                                 : Json::array()},
              {"fees", Json::array()}};
    return PublishOffering(coord, inst, o, &block_);
  }

  std::string Draft(const std::string& offering) {
    auto app = me_.Post("/api/applications", {{"offering_id", offering}, {"block_ids", {block_}}});
    EXPECT_EQ(app.status, 201) << app.body;
    return app.json().value("id", "");
  }

  std::string a_, b_, block_;
  Client coord_{0}, me_{0}, referee_{0};
};

TEST_P(LettersTest, WaivedLetterFromRequestToTheProgram) {
  std::string pdf = Pdf();
  Json letter = Request(true);
  std::string id = letter["id"];
  EXPECT_EQ(letter["status"], "requested");
  EXPECT_TRUE(letter["waived"].get<bool>());
  EXPECT_FALSE(letter["can_download"].get<bool>());

  // The referee's e-mail names the applicant and the waiver, with a private link.
  std::string mail = LastEmailTo("hung.le@example.org");
  EXPECT_NE(mail.find("Nguyễn Thị Minh Khai"), std::string::npos) << mail;
  EXPECT_NE(mail.find("waived"), std::string::npos) << mail;
  EXPECT_NE(mail.find("/letters/upload?token="), std::string::npos) << mail;
  std::string token = TokenFromEmail("hung.le@example.org");

  auto page = referee_.Get("/api/referee/letter?token=" + token);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json()["applicant"]["name"], "Nguyễn Thị Minh Khai");
  EXPECT_EQ(page.json()["applicant"]["school"], "Hanoi Medical University");
  EXPECT_TRUE(page.json()["waived"].get<bool>());
  EXPECT_EQ(page.json()["status"], "requested");

  auto up = Upload(token, pdf);
  ASSERT_EQ(up.status, 200) << up.body;
  EXPECT_EQ(up.json()["status"], "received");
  EXPECT_TRUE(up.json()["can_replace"].get<bool>());
  EXPECT_NE(LastEmailTo("minh@example.org").find("uploaded your letter"), std::string::npos);
  // Stored encrypted.
  EXPECT_EQ(Count("uploads"), 0);

  // The applicant sees that it arrived, never the content.
  auto mine = me_.Get("/api/me/letters");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.json()["items"].size(), 1u);
  EXPECT_EQ(mine.json()["items"][0]["status"], "received");
  EXPECT_FALSE(mine.json()["items"][0]["can_download"].get<bool>());
  EXPECT_EQ(mine.json()["items"][0].dump().find("%PDF"), std::string::npos);
  ExpectError(me_.Get("/api/me/letters/" + id + "/file"), 403, "forbidden");

  // Assign to a draft at A: the checklist counts it.
  std::string offering = Offering(a_, coord_);
  std::string app = Draft(offering);
  auto assigned = me_.Call("PUT", "/api/applications/" + app + "/letters/" + id);
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.json()["application_ids"], Json::array({app}));
  auto item = me_.Get("/api/applications/" + app).json()["checklist"][0]["items"][0];
  EXPECT_EQ(item["requirement"], "letter_of_recommendation");
  EXPECT_EQ(item["reason"], "1 of 1 letter assigned.") << item.dump();

  // Staff do not see drafts.
  std::string staff_path = "/api/institutions/" + a_ + "/applications/" + app + "/letters";
  ExpectError(coord_.Get(staff_path), 404, "not_found");
  ASSERT_EQ(me_.Post("/api/applications/" + app + "/submit", Json::object()).status, 200);

  auto seen = coord_.Get(staff_path);
  ASSERT_EQ(seen.status, 200) << seen.body;
  ASSERT_EQ(seen.json()["items"].size(), 1u);
  EXPECT_TRUE(seen.json()["items"][0]["waived"].get<bool>());
  EXPECT_EQ(seen.json()["items"][0]["referee"]["name"], "Dr. Lê Văn Hùng");
  auto file = coord_.Get(staff_path + "/" + id + "/file");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf);
  EXPECT_EQ(file.headers["content-type"], "application/pdf");
  auto audit = coord_.Get("/api/audit?institution_id=" + a_).body;
  EXPECT_NE(audit.find("letter.viewed"), std::string::npos);
  EXPECT_NE(audit.find("letter.list_viewed"), std::string::npos);
  Client reviewer = NewClient();
  reviewer.Login("reviewer-a@example.org", kPassword);
  EXPECT_EQ(reviewer.Get(staff_path).status, 200);

  // Another institution's staff: not theirs.
  Client coord_b = NewClient();
  coord_b.Login("coord-b@example.org", kPassword);
  ExpectError(coord_b.Get(staff_path), 404, "not_found");
  ExpectError(coord_b.Get("/api/institutions/" + b_ + "/applications/" + app + "/letters"), 404, "not_found");
  ExpectError(coord_b.Get("/api/institutions/" + b_ + "/applications/" + app + "/letters/" + id + "/file"), 404,
              "not_found");

  // Sent: the referee can no longer replace it, the applicant cannot take it back.
  ExpectError(Upload(token, pdf + "\n"), 409, "conflict");
  EXPECT_FALSE(referee_.Get("/api/referee/letter?token=" + token).json()["can_replace"].get<bool>());
  ExpectError(me_.Call("DELETE", "/api/applications/" + app + "/letters/" + id), 409, "conflict");
  ExpectError(me_.Post("/api/me/letters/" + id + "/cancel", Json::object()), 409, "conflict");
  EXPECT_EQ(coord_.Get(staff_path + "/" + id + "/file").body, pdf);

  // A second program gets the same letter only once assigned there.
  std::string other_app_b;
  {
    std::string offering_b = Offering(b_, coord_b, 0);
    other_app_b = Draft(offering_b);
    ASSERT_EQ(me_.Post("/api/applications/" + other_app_b + "/submit", Json::object()).status, 200);
  }
  std::string b_path = "/api/institutions/" + b_ + "/applications/" + other_app_b + "/letters";
  EXPECT_TRUE(coord_b.Get(b_path).json()["items"].empty());
  ExpectError(coord_b.Get(b_path + "/" + id + "/file"), 404, "not_found");
  ASSERT_EQ(me_.Call("PUT", "/api/applications/" + other_app_b + "/letters/" + id).status, 200);
  EXPECT_EQ(coord_b.Get(b_path).json()["items"].size(), 1u);
  EXPECT_EQ(me_.Get("/api/me/letters").json()["items"][0]["application_ids"].size(), 2u);
}

TEST_P(LettersTest, ALetterNotWaivedCanBeReadAndReplacedUntilSent) {
  std::string pdf = Pdf();
  std::string id = Request(false)["id"];
  std::string token = TokenFromEmail("hung.le@example.org");
  ExpectError(me_.Get("/api/me/letters/" + id + "/file"), 404, "not_found");  // not arrived yet
  ASSERT_EQ(Upload(token, pdf).status, 200);
  EXPECT_EQ(me_.Get("/api/me/letters/" + id + "/file").body, pdf);
  auto replaced = Upload(token, pdf + "\n");
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(me_.Get("/api/me/letters/" + id + "/file").body, pdf + "\n");
  // The replaced file is gone from the store (plus the CV? no: CV is rendered, not stored).
  size_t blobs = 0;
  for (const auto& e : fs::recursive_directory_iterator(vault_root_ / "blobs")) blobs += e.is_regular_file();
  EXPECT_EQ(blobs, 1u);
  auto audit = tdb_->db().RunRead<int>([&](store::Tx& tx) -> core::Result<int> {
    int n = 0;
    tx.sql() << "SELECT COUNT(*) FROM audit_log WHERE action IN ('letter.request', 'letter.upload', 'letter.replace')",
        soci::into(n);
    return n;
  });
  EXPECT_EQ(audit.value_or(0), 3);

  // Assigning to a submitted application sends it at once.
  std::string app = Draft(Offering(a_, coord_, 0));
  ASSERT_EQ(me_.Post("/api/applications/" + app + "/submit", Json::object()).status, 200);
  ASSERT_EQ(me_.Call("PUT", "/api/applications/" + app + "/letters/" + id).status, 200);
  EXPECT_TRUE(me_.Get("/api/me/letters").json()["items"][0]["sent"].get<bool>());
  ExpectError(Upload(token, pdf), 409, "conflict");
}

TEST_P(LettersTest, BadLinksWrongFilesAndBadInputGetClearErrors) {
  std::string pdf = Pdf();
  // Input validation names the field; nothing is written.
  ExpectError(me_.Post("/api/me/letters", {{"referee_name", "X"}, {"referee_email", "x@example.org"},
                                           {"referee_institution", "Y"}, {"relationship", "Z"}}),
              400, "invalid_argument", "waived");
  ExpectError(me_.Post("/api/me/letters", {{"referee_name", "X"}, {"referee_email", "not-an-address"},
                                           {"referee_institution", "Y"}, {"relationship", "Z"}, {"waived", true}}),
              400, "invalid_argument", "referee_email");
  ExpectError(me_.Post("/api/me/letters", {{"referee_name", ""}, {"referee_email", "x@example.org"},
                                           {"referee_institution", "Y"}, {"relationship", "Z"}, {"waived", true}}),
              400, "invalid_argument", "referee_name");
  ExpectError(me_.Post("/api/me/letters", {{"referee_name", "X"}, {"referee_email", "x@example.org"},
                                           {"referee_institution", "Y"}, {"relationship", "Z"}, {"waived", true},
                                           {"shoe_size", 42}}),
              400, "invalid_argument", "shoe_size");
  EXPECT_EQ(Count("letter_requests"), 0);
  ExpectError(coord_.Post("/api/me/letters", Json::object()), 403, "forbidden");

  std::string id = Request(true)["id"];
  std::string token = TokenFromEmail("hung.le@example.org");
  ExpectError(me_.Post("/api/me/letters", {{"referee_name", "Dr. Lê Văn Hùng"}, {"referee_email", "hung.le@example.org"},
                                           {"referee_institution", "HMU"}, {"relationship", "Again"}, {"waived", true}}),
              409, "conflict");

  // Unknown, missing and other-purpose tokens.
  ExpectError(referee_.Get("/api/referee/letter?token=nope"), 400, "invalid_argument", "token");
  ExpectError(referee_.Get("/api/referee/letter"), 400, "invalid_argument", "token");
  ExpectError(Upload("nope", pdf), 400, "invalid_argument", "token");
  Client anon = NewClient();
  anon.Get("/api/session");
  ASSERT_EQ(anon.Post("/api/auth/password-reset", {{"email", "minh@example.org"}}).status / 100, 2);
  std::string reset = TokenFromEmail("minh@example.org");
  ExpectError(referee_.Get("/api/referee/letter?token=" + reset), 400, "invalid_argument", "token");
  ExpectError(Upload(reset, pdf), 400, "invalid_argument", "token");

  // Wrong file types: a PNG, text, an empty body.
  ExpectError(Upload(token, "just some text, not a PDF\n"), 400, "invalid_argument", "file");
  ExpectError(Upload(token, ""), 400, "invalid_argument", "file");
  {
    std::ifstream in(fs::path(CLERKSHIP_SOURCE_DIR) / "src/adapters/testdata/tiny.png", std::ios::binary);
    std::string image{std::istreambuf_iterator<char>(in), {}};
    ASSERT_FALSE(image.empty());
    ExpectError(Upload(token, image), 400, "invalid_argument", "file");
  }
  EXPECT_EQ(me_.Get("/api/me/letters").json()["items"][0]["status"], "requested");
  EXPECT_EQ(Count("uploads"), 0);

  // Someone else's letter does not exist for you.
  MakeUser("other@example.org", false);
  Client other = NewClient();
  other.Login("other@example.org", kPassword);
  ExpectError(other.Post("/api/me/letters/" + id + "/cancel", Json::object()), 404, "not_found");
  ExpectError(other.Post("/api/me/letters/" + id + "/resend", Json::object()), 404, "not_found");

  // Resend: a fresh link, not twice within ten minutes; both links work.
  ExpectError(me_.Post("/api/me/letters/" + id + "/resend", Json::object()), 409, "conflict");
  clock_.Advance(std::chrono::minutes(11));
  ASSERT_EQ(me_.Post("/api/me/letters/" + id + "/resend", Json::object()).status, 200);
  std::string fresh = TokenFromEmail("hung.le@example.org");
  EXPECT_NE(fresh, token);
  EXPECT_EQ(referee_.Get("/api/referee/letter?token=" + token).status, 200);
  EXPECT_EQ(referee_.Get("/api/referee/letter?token=" + fresh).status, 200);

  // Expired after 60 days.
  clock_.Advance(61 * kDay);
  ExpectError(referee_.Get("/api/referee/letter?token=" + fresh), 400, "invalid_argument", "token");
  me_.Login("minh@example.org", kPassword);
  ASSERT_EQ(me_.Post("/api/me/letters/" + id + "/resend", Json::object()).status, 200);
  std::string renewed = TokenFromEmail("hung.le@example.org");
  EXPECT_EQ(referee_.Get("/api/referee/letter?token=" + renewed).status, 200);

  // Cancelled: the link stops working.
  ASSERT_EQ(me_.Post("/api/me/letters/" + id + "/cancel", Json::object()).status, 200);
  EXPECT_EQ(referee_.Get("/api/referee/letter?token=" + renewed).status / 100, 4);
  EXPECT_EQ(Upload(renewed, pdf).status / 100, 4);
  EXPECT_EQ(me_.Get("/api/me/letters").json()["items"][0]["status"], "cancelled");
  ExpectError(me_.Post("/api/me/letters/" + id + "/cancel", Json::object()), 409, "conflict");
  // A letter that has not arrived cannot be assigned.
  std::string other_id = Request(false, "someone@example.org")["id"];
  coord_.Login("coord-a@example.org", kPassword);  // two months later
  std::string app = Draft(Offering(a_, coord_));
  ExpectError(me_.Call("PUT", "/api/applications/" + app + "/letters/" + other_id), 409, "conflict");
  ExpectError(me_.Call("PUT", "/api/applications/nope/letters/" + other_id), 404, "not_found");
}

TEST_P(LettersTest, RemindersGoToTheRefereeOnceAfterSevenAndFourteenDays) {
  std::string pdf = Pdf();
  Request(true);
  Request(false, "quick@example.org");
  std::string quick = TokenFromEmail("quick@example.org");
  ASSERT_EQ(Upload(quick, pdf).status, 200);  // arrived: no reminders for this one

  EXPECT_EQ(*services::SendLetterReminders(*ctx_), 0);
  clock_.Advance(6 * kDay);
  EXPECT_EQ(*services::SendLetterReminders(*ctx_), 0);
  clock_.Advance(1 * kDay);
  EXPECT_EQ(*services::SendLetterReminders(*ctx_), 1);
  std::string mail = LastEmailTo("hung.le@example.org");
  EXPECT_NE(mail.find("has not arrived yet"), std::string::npos) << mail;
  EXPECT_NE(mail.find("7 days"), std::string::npos) << mail;
  // The reminder's link works.
  std::string token = TokenFromEmail("hung.le@example.org");
  EXPECT_EQ(referee_.Get("/api/referee/letter?token=" + token).status, 200);
  // Again the same day (or from a second server process): nothing new.
  EXPECT_EQ(*services::SendLetterReminders(*ctx_), 0);
  clock_.Advance(3 * kDay);
  EXPECT_EQ(*services::SendLetterReminders(*ctx_), 0);
  clock_.Advance(4 * kDay);
  EXPECT_EQ(*services::SendLetterReminders(*ctx_), 1);
  EXPECT_NE(LastEmailTo("hung.le@example.org").find("14 days"), std::string::npos);
  EXPECT_EQ(*services::SendLetterReminders(*ctx_), 0);
  clock_.Advance(30 * kDay);
  EXPECT_EQ(*services::SendLetterReminders(*ctx_), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, LettersTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
