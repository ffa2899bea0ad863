// Submitting a complete application through the HTTP API on both backends
// (issue 6): the offering's letters, required documents and eligibility
// rules are enforced at submit, each failure named; nothing is written when
// it is refused; the applicant sees the same checks on her application and
// reviewers see them as eligibility flags.
#include <set>

#include "integration/http_harness.h"

namespace clerkship::testing {
namespace {

class ApplicationsMoreTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("reviewer-a@example.org", false), a_, "reviewer");
    MakeUser("minh@example.org", false);
    coord_ = NewClient();
    coord_.Login("coord-a@example.org", kPassword);
    me_ = NewClient();
    me_.Login("minh@example.org", kPassword);
    referee_ = NewClient();
    referee_.Get("/api/session");
  }

  // A graduate of 2021 without ECFMG certification, on an F-1 visa, with
  // Step 1 only and no English stated. `version` is the stored version.
  Json Profile() {
    return {{"legal_name", "Nguyễn Thị Minh Khai"},
            {"school", {{"name", "Hanoi Medical University"}, {"country", "VN"},
                        {"graduation_date", "2021-06-30"}, {"degree", "MD"}}},
            {"status", "graduate"},
            {"exams", {{{"exam", "usmle_step1"}, {"result", "pass"}, {"date", "2022-05-01"}}}},
            {"ecfmg", {{"status", "in_progress"}}},
            {"visa", {{"current", "f1"}, {"needs_visa", true}}},
            {"languages", {{{"language", "Vietnamese"}, {"level", "native"}}}}};
  }
  void SaveProfile(const Json& p, int version) {
    auto saved = me_.Call("PUT", "/api/me/profile", Json{{"profile", p}, {"version", version}}.dump());
    ASSERT_EQ(saved.status, 200) << saved.body;
  }

  // A published offering for graduates of the last 5 years with Step 1 and
  // Step 2 CK, ECFMG, a B-1/B-2 or J-1 visa and English; it asks for a
  // background check and one letter (unless told not to). Sets block_.
  std::string Offering(bool with_documents = true) {
    Json o = {{"title", "Cardiology Sub-internship"},
              {"specialty", "cardiology"},
              {"type", "sub_internship"},
              {"description", "Consult service."},
              {"city", "Chicago"},
              {"state", "IL"},
              {"country", "US"},
              {"eligibility", {{"students", false},
                               {"graduates", true},
                               {"max_years_since_graduation", 5},
                               {"required_exams", {"usmle_step1", "usmle_step2ck"}},
                               {"ecfmg_required", true},
                               {"visas_accepted", {"b1_b2", "j1"}},
                               {"english", "OET B or TOEFL iBT 100"}}},
              {"required_documents", with_documents
                                         ? Json::array({{{"type", "background_check"}, {"count", 1}},
                                                        {{"type", "letter_of_recommendation"}, {"count", 1}}})
                                         : Json::array()},
              {"fees", Json::array()}};
    return PublishOffering(coord_, a_, o, &block_);
  }

  std::string Draft(const std::string& offering) {
    auto app = me_.Post("/api/applications", {{"offering_id", offering}, {"block_ids", {block_}}});
    EXPECT_EQ(app.status, 201) << app.body;
    return app.json().value("id", "");
  }

  static std::vector<std::string> Fields(const Json& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p["field"]);
    return out;
  }

  int Submitted() { return Count("application_snapshots"); }

  std::string a_, block_;
  Client coord_{0}, me_{0}, referee_{0};
};

TEST_P(ApplicationsMoreTest, SubmitNamesEveryMissingItemAndWritesNothing) {
  SaveProfile(Profile(), 0);
  std::string offering = Offering();
  std::string app = Draft(offering);

  // The application page shows the checks before she submits.
  auto view = me_.Get("/api/applications/" + app);
  ASSERT_EQ(view.status, 200) << view.body;
  const Json v = view.json();
  std::vector<std::string> failing;
  for (const auto& c : v["eligibility"]) {
    if (!c["met"].get<bool>()) failing.push_back(c["rule"]);
  }
  EXPECT_EQ(failing, (std::vector<std::string>{"years_since_graduation", "exam:usmle_step2ck", "ecfmg", "visa",
                                               "english"}));
  EXPECT_EQ(v["eligibility"][0]["rule"], "applicant_status");
  EXPECT_TRUE(v["eligibility"][0]["met"].get<bool>());
  EXPECT_EQ(v["letters"], Json({{"required", 1}, {"assigned", 0}}));
  const std::vector<std::string> expected = {"letters",
                                             "documents.background_check",
                                             "eligibility.years_since_graduation",
                                             "eligibility.exam:usmle_step2ck",
                                             "eligibility.ecfmg",
                                             "eligibility.visa",
                                             "eligibility.english"};
  EXPECT_EQ(Fields(v["problems"]), expected);

  // Submitting names every failure; nothing is written.
  int audit_before = Count("audit_log");
  auto refused = me_.Post("/api/applications/" + app + "/submit", Json::object());
  ExpectError(refused, 409, "failed_precondition", "letters");
  EXPECT_EQ(Fields(refused.json()["error"]["problems"]), expected);
  std::string message = refused.json()["error"]["message"];
  EXPECT_NE(message.find("7 things keep this application from being submitted"), std::string::npos) << message;
  EXPECT_NE(message.find("Graduated at most 5 years ago. You graduated on 2021-06-30"), std::string::npos) << message;
  EXPECT_NE(message.find("Your visa (F-1) is not one this offering accepts."), std::string::npos) << message;
  EXPECT_EQ(me_.Get("/api/applications/" + app).json()["status"], "draft");
  EXPECT_EQ(Submitted(), 0);
  EXPECT_EQ(Count("application_events"), 0);
  EXPECT_EQ(Count("application_documents"), 0);
  EXPECT_EQ(Count("audit_log"), audit_before);
  EXPECT_EQ(coord_.Get("/api/offerings/" + offering).json()["blocks"][0]["applications"], 0);

  // Someone else's application does not exist for another applicant.
  MakeUser("other@example.org", false);
  Client other = NewClient();
  other.Login("other@example.org", kPassword);
  ExpectError(other.Get("/api/applications/" + app), 404, "not_found");
  ExpectError(other.Post("/api/applications/" + app + "/submit", Json::object()), 404, "not_found");

  // She fixes her profile: one problem after another disappears.
  Json fixed = Profile();
  fixed["school"]["graduation_date"] = "2023-06-30";
  fixed["exams"].push_back({{"exam", "usmle_step2ck"}, {"result", "score"}, {"score", 251}, {"date", "2024-06-01"}});
  fixed["ecfmg"] = {{"status", "certified"}, {"number", "0-123-456-7"}};
  fixed["visa"]["current"] = "b1_b2";
  fixed["languages"].push_back({{"language", "English"}, {"level", "fluent"}});
  SaveProfile(fixed, 1);
  EXPECT_EQ(Fields(me_.Get("/api/applications/" + app).json()["problems"]),
            (std::vector<std::string>{"letters", "documents.background_check"}));

  // The background check (pending verification is enough to submit).
  std::string pdf = me_.Get("/api/me/profile/cv.pdf").body;
  auto up = me_.Call("PUT", "/api/me/uploads", pdf,
                     {"Content-Type: application/octet-stream", "X-Filename: background.pdf"});
  ASSERT_EQ(up.status, 201) << up.body;
  auto doc = me_.Post("/api/me/documents", {{"upload_id", up.json()["upload_id"]},
                                            {"type", "background_check"},
                                            {"issued_on", "2026-06-01"},
                                            {"expires_on", "2028-06-01"}});
  ASSERT_EQ(doc.status, 201) << doc.body;
  auto still = me_.Post("/api/applications/" + app + "/submit", Json::object());
  ExpectError(still, 409, "failed_precondition", "letters");
  EXPECT_EQ(Fields(still.json()["error"]["problems"]), (std::vector<std::string>{"letters"}));
  EXPECT_EQ(Submitted(), 0);

  // A letter arrives and is assigned: the application goes out.
  auto letter = me_.Post("/api/me/letters", {{"referee_name", "Dr. Lê Văn Hùng"},
                                              {"referee_email", "hung.le@example.org"},
                                              {"referee_institution", "Hanoi Medical University"},
                                              {"relationship", "Attending"},
                                              {"waived", true}});
  ASSERT_EQ(letter.status, 201) << letter.body;
  std::string token = TokenFromEmail("hung.le@example.org");
  ASSERT_EQ(referee_.Call("PUT", "/api/referee/letter/file?token=" + token, pdf,
                          {"Content-Type: application/octet-stream"}).status,
            200);
  ASSERT_EQ(me_.Call("PUT", "/api/applications/" + app + "/letters/" + letter.json()["id"].get<std::string>()).status,
            200);
  auto ok = me_.Post("/api/applications/" + app + "/submit", Json::object());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["status"], "submitted");
  EXPECT_TRUE(ok.json()["problems"].empty());
  EXPECT_EQ(Submitted(), 1);

  // Reviewers see the eligibility flags of what was sent.
  Client reviewer = NewClient();
  reviewer.Login("reviewer-a@example.org", kPassword);
  auto staff = reviewer.Get("/api/institutions/" + a_ + "/applications/" + app);
  ASSERT_EQ(staff.status, 200) << staff.body;
  ASSERT_EQ(staff.json()["eligibility"].size(), 7u);
  const Json flags = staff.json()["eligibility"];
  for (const auto& c : flags) EXPECT_TRUE(c["met"].get<bool>()) << c.dump();
  EXPECT_EQ(flags[3]["reason"], "USMLE Step 2 CK: score 251.");
}

TEST_P(ApplicationsMoreTest, StaffFlagsShowTheProfileAsSentNotAsEditedLater) {
  Json p = Profile();
  p["school"]["graduation_date"] = "2023-06-30";
  p["exams"].push_back({{"exam", "usmle_step2ck"}, {"result", "pass"}});
  p["ecfmg"] = {{"status", "certified"}};
  p["visa"]["current"] = "j1";
  p["languages"].push_back({{"language", "English"}, {"level", "professional"}});
  SaveProfile(p, 0);
  // An offering with no documents and no letters, only the eligibility rules.
  std::string offering = Offering(false);
  std::string app = Draft(offering);
  ASSERT_EQ(me_.Post("/api/applications/" + app + "/submit", Json::object()).status, 200);

  // Later she changes her visa; the program still sees what was sent.
  p["visa"]["current"] = "f1";
  SaveProfile(p, 1);
  auto staff = coord_.Get("/api/institutions/" + a_ + "/applications/" + app);
  ASSERT_EQ(staff.status, 200) << staff.body;
  bool visa_seen = false;
  const Json flags = staff.json()["eligibility"];
  for (const auto& c : flags) {
    if (c["rule"] == "visa") {
      visa_seen = true;
      EXPECT_TRUE(c["met"].get<bool>());
      EXPECT_EQ(c["reason"], "Your visa: J-1.");
    }
  }
  EXPECT_TRUE(visa_seen);
  // …while her own page judges the current profile.
  bool visa_fails = false;
  const Json mine = me_.Get("/api/applications/" + app).json()["eligibility"];
  for (const auto& c : mine) {
    if (c["rule"] == "visa") visa_fails = !c["met"].get<bool>();
  }
  EXPECT_TRUE(visa_fails);
}

TEST_P(ApplicationsMoreTest, CoverLetterAndCvAreChosenPerApplicationFrozenAndShownToStaff) {
  Json p = Profile();
  p["visa"]["current"] = "us_citizen_or_resident";
  SaveProfile(p, 0);
  // A rotation open to everybody that asks for a cover letter and a CV.
  Json o = {{"title", "Nephrology Elective"}, {"specialty", "nephrology"}, {"type", "elective"},
            {"description", "Dialysis unit."}, {"city", "Chicago"}, {"state", "IL"}, {"country", "US"},
            {"required_documents", {{{"type", "cover_letter"}, {"count", 1}}, {{"type", "cv"}, {"count", 1}}}},
            {"fees", Json::array()}};
  auto created = coord_.Post("/api/institutions/" + a_ + "/offerings", o);
  ASSERT_EQ(created.status, 201) << created.body;
  std::string offering = created.json()["id"];
  auto b = coord_.Post("/api/institutions/" + a_ + "/offerings/" + offering + "/blocks",
                       {{"start_date", "2027-03-01"}, {"end_date", "2027-03-28"}, {"seats", 2},
                        {"opens_on", "2026-12-01"}, {"deadline", "2027-01-31"}});
  ASSERT_EQ(b.status, 201) << b.body;
  block_ = b.json()["id"];
  ASSERT_EQ(coord_.Post("/api/institutions/" + a_ + "/offerings/" + offering + "/status", {{"status", "published"}}).status,
            200);
  std::string app = Draft(offering);
  std::string base = "/api/applications/" + app;
  EXPECT_EQ(Fields(me_.Get(base).json()["problems"]), (std::vector<std::string>{"cover_letter", "cv"}));
  auto refused = me_.Post(base + "/submit", Json::object());
  ExpectError(refused, 409, "failed_precondition", "cover_letter");
  EXPECT_EQ(Fields(refused.json()["error"]["problems"]), (std::vector<std::string>{"cover_letter", "cv"}));

  // Bad input names the field; someone else's application does not exist.
  ExpectError(me_.Call("PUT", base + "/cover-letter", R"({"text":"   "})"), 400, "invalid_argument", "text");
  ExpectError(me_.Call("PUT", base + "/cover-letter", R"({"text":"x","upload_id":"y"})"), 400, "invalid_argument",
              "upload_id");
  ExpectError(me_.Call("PUT", base + "/cover-letter", R"({"upload_id":"nope"})"), 400, "invalid_argument", "upload_id");
  ExpectError(me_.Call("PUT", base + "/cover-letter", Json{{"text", std::string(20001, 'a')}}.dump()), 400,
              "invalid_argument", "text");
  ExpectError(me_.Call("PUT", base + "/cv", R"({"kind":"document"})"), 400, "invalid_argument", "document_id");
  ExpectError(me_.Call("PUT", base + "/cv", R"({"kind":"photo"})"), 400, "invalid_argument", "kind");
  ExpectError(me_.Call("PUT", base + "/cv", R"({"kind":"document","document_id":"nope"})"), 400, "invalid_argument",
              "document_id");
  MakeUser("other@example.org", false);
  Client other = NewClient();
  other.Login("other@example.org", kPassword);
  ExpectError(other.Call("PUT", base + "/cover-letter", R"({"text":"mine now"})"), 404, "not_found");
  ExpectError(other.Call("PUT", base + "/cv", R"({"kind":"generated"})"), 404, "not_found");
  ExpectError(other.Get(base + "/cover-letter.pdf"), 404, "not_found");
  EXPECT_EQ(Count("application_materials"), 0);

  // An uploaded PDF first, then a letter written in the app instead.
  std::string pdf = me_.Get("/api/me/profile/cv.pdf").body;
  auto up = me_.Call("PUT", "/api/me/uploads", pdf, {"Content-Type: application/octet-stream", "X-Filename: letter.pdf"});
  ASSERT_EQ(up.status, 201) << up.body;
  auto with_pdf = me_.Call("PUT", base + "/cover-letter", Json{{"upload_id", up.json()["upload_id"]}}.dump());
  ASSERT_EQ(with_pdf.status, 200) << with_pdf.body;
  EXPECT_TRUE(with_pdf.json()["materials"]["cover_letter"]["pdf"].get<bool>());
  EXPECT_EQ(me_.Get(base + "/cover-letter.pdf").body, pdf);
  const std::string letter = "Dear Dr. Alvarez,\nI would be glad to join the dialysis unit in March.";
  auto written = me_.Call("PUT", base + "/cover-letter", Json{{"text", "  " + letter + "  "}}.dump());
  ASSERT_EQ(written.status, 200) << written.body;
  EXPECT_FALSE(written.json()["materials"]["cover_letter"]["pdf"].get<bool>());
  EXPECT_EQ(written.json()["materials"]["cover_letter"]["text"], letter);
  ExpectError(me_.Get(base + "/cover-letter.pdf"), 404, "not_found");
  auto cv = me_.Call("PUT", base + "/cv", R"({"kind":"generated"})");
  ASSERT_EQ(cv.status, 200) << cv.body;
  EXPECT_EQ(cv.json()["materials"]["cv"]["kind"], "generated");
  EXPECT_TRUE(cv.json()["problems"].empty()) << cv.body;

  // Staff see nothing of a draft.
  std::string staff = "/api/institutions/" + a_ + "/applications/" + app;
  ExpectError(coord_.Get(staff + "/cv.pdf"), 404, "not_found");

  auto sent = me_.Post(base + "/submit", Json::object());
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_TRUE(sent.json()["materials"]["cv"]["frozen"].get<bool>());
  // Frozen: no more changes.
  ExpectError(me_.Call("PUT", base + "/cover-letter", R"({"text":"changed"})"), 409, "conflict");
  ExpectError(me_.Call("PUT", base + "/cv", R"({"kind":"generated"})"), 409, "conflict");

  // The program reads what was sent, side by side with the profile.
  auto detail = coord_.Get(staff);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(detail.json()["materials"]["cover_letter_text"], letter);
  EXPECT_EQ(detail.json()["materials"]["cv_kind"], "generated");
  EXPECT_TRUE(detail.json()["materials"]["cv_sent"].get<bool>());
  auto frozen_cv = coord_.Get(staff + "/cv.pdf");
  ASSERT_EQ(frozen_cv.status, 200);
  EXPECT_EQ(frozen_cv.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(frozen_cv.headers["content-type"], "application/pdf");
  ExpectError(coord_.Get(staff + "/cover-letter.pdf"), 404, "not_found");  // it was written, not uploaded
  // Editing the profile later does not change the CV that was sent.
  p["legal_name"] = "Someone Else Entirely";
  SaveProfile(p, 1);
  EXPECT_EQ(coord_.Get(staff + "/cv.pdf").body, frozen_cv.body);
  EXPECT_NE(coord_.Get("/api/audit?institution_id=" + a_).body.find("application.cv_viewed"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApplicationsMoreTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
