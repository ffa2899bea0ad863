// Onboarding after acceptance (issue 7) through the HTTP API on both
// backends: the coordinator's items, the applicant's checklist (compliance +
// items), acknowledgements and policy signatures bound to the text, the
// "cleared to start" board and CSV, the visa invitation letter PDF, the
// 14/7/2-day reminders, and the denials (other institution, other applicant,
// bad input).
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>

#include "integration/http_harness.h"
#include "services/catalog.h"
#include "services/onboarding.h"

namespace clerkship::testing {
namespace {

namespace fs = std::filesystem;

class OnboardingTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");
    b_ = MakeInstitution("Bayview Community Hospital");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("reviewer-a@example.org", false), a_, "reviewer");
    AddMembership(MakeUser("coord-b@example.org", false), b_, "coordinator");
    coord_ = Login("coord-a@example.org");
    offering_ = MakeOffering(a_, "Cardiology elective");
  }

  // An offering of A that offers visa letters (observership, one fee).
  std::string VisaOffering() {
    core::OfferingDraft d;
    d.title = "Neurology observership";
    d.specialty = "cardiology";
    d.type = "observership";
    d.hands_on = false;
    d.visa_letter = true;
    d.city = "Chicago";
    d.state = "IL";
    d.country = "US";
    d.description = "Observe the neurology service.";
    d.fees = {{"application", "all", 15000, ""}};
    services::Actor system{"system", ""};
    auto o = services::CreateOffering(*ctx_, system, a_, d);
    EXPECT_TRUE(o.has_value()) << (o ? "" : o.error().message);
    if (!o) return "";
    EXPECT_TRUE(services::AddBlock(*ctx_, system, a_, o->offering.id,
                                   {"2027-03-01", "2027-03-28", 2, "2026-12-01", "2027-01-31"}));
    EXPECT_TRUE(services::SetOfferingStatus(*ctx_, system, a_, o->offering.id, "published"));
    return o->offering.id;
  }

  // A new applicant applies to `offering`, gets an offer and accepts it;
  // returns the placement id.
  std::string Place(const std::string& email, const std::string& offering, Json profile = Json::object()) {
    MakeUser(email, false);
    applicants_.push_back(Login(email));
    Client& c = applicants_.back();
    profile["legal_name"] = email.substr(0, email.find('@'));
    profile["date_of_birth"] = "1996-04-02";
    profile["citizenship"] = "VN";
    auto saved = c.Call("PUT", "/api/me/profile", Json{{"profile", profile}, {"version", 0}}.dump());
    EXPECT_EQ(saved.status, 200) << saved.body;
    std::string block = c.Get("/api/offerings/" + offering).json()["blocks"][0]["id"];
    auto app = c.Post("/api/applications", {{"offering_id", offering}, {"block_ids", {block}}});
    EXPECT_EQ(app.status, 201) << app.body;
    std::string app_id = app.json().value("id", "");
    // An offering with an application fee needs the payment recorded first.
    Json view = c.Get("/api/applications/" + app_id).json();
    if (view.contains("fee") && view["fee"].is_object() && view["fee"].value("status", "") == "due") {
      auto fee = c.Call("PUT", "/api/applications/" + app_id + "/fee", R"({"method":"card","reference":"TX-1"})");
      EXPECT_EQ(fee.status, 200) << fee.body;
    }
    auto sub = c.Post("/api/applications/" + app_id + "/submit", Json::object());
    EXPECT_EQ(sub.status, 200) << sub.body;
    auto offer = coord_.Post("/api/institutions/" + a_ + "/applications/" + app_id + "/offers", {{"block_id", block}});
    EXPECT_EQ(offer.status, 201) << offer.body;
    auto accepted = c.Post("/api/offers/" + offer.json().value("id", "") + "/accept", Json::object());
    EXPECT_EQ(accepted.status, 200) << accepted.body;
    return accepted.json()["placement"].value("id", "");
  }

  Reply SaveItems(Client& c, const std::string& inst, const std::string& offering, const Json& items) {
    return c.Call("PUT", "/api/institutions/" + inst + "/offerings/" + offering + "/onboarding",
                  Json{{"items", items}}.dump());
  }

  Json StandardItems() {
    return Json::array({{{"kind", "orientation"}, {"title", "Orientation"}, {"date", "2027-03-01"},
                         {"time", "08:00"}, {"place", "Pavilion B, room 210"}},
                        {{"kind", "information"}, {"title", "Parking"}, {"body", "Garage C, level 3; $8 a day."}},
                        {{"kind", "policy"}, {"title", "Confidentiality"}, {"body", "I keep patient data private."}}});
  }

  Json Mine(Client& c) {
    auto r = c.Get("/api/me/onboarding");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"];
  }

  Reply Record(Client& c, const std::string& placement, const std::string& item, Json body) {
    return c.Post("/api/placements/" + placement + "/onboarding/" + item, body);
  }

  Json Board(const std::string& query = "") {
    auto r = coord_.Get("/api/institutions/" + a_ + "/onboarding-board" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }

  std::string a_, b_, offering_;
  Client coord_{0};
  std::deque<Client> applicants_;
};

TEST_P(OnboardingTest, ApplicantCompletesTheChecklistAndTheBoardFlipsToCleared) {
  auto saved = SaveItems(coord_, a_, offering_, StandardItems());
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto items = saved.json()["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["starts_at"], "2027-03-01T14:00:00Z");  // 08:00 in Chicago (CST)
  EXPECT_EQ(items[0]["starts_at_local"], "2027-03-01 08:00 CST");
  EXPECT_EQ(items[2]["action"], "sign");
  EXPECT_EQ(items[2]["text_hash"].get<std::string>().size(), 64u);

  std::string placement = Place("minh@example.org", offering_);
  Client& minh = applicants_.back();
  auto mine = Mine(minh);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["placement_id"], placement);
  EXPECT_FALSE(mine[0]["cleared"]);
  EXPECT_EQ(mine[0]["missing"], Json({"Acknowledge: Orientation", "Acknowledge: Parking", "Sign: Confidentiality"}));
  EXPECT_EQ(mine[0]["items"][1]["body"], "Garage C, level 3; $8 a day.");

  auto board = Board();
  ASSERT_EQ(board["items"].size(), 1u);
  EXPECT_FALSE(board["items"][0]["cleared"]);
  EXPECT_EQ(board["items"][0]["applicant_email"], "minh@example.org");
  EXPECT_EQ(board["cleared"], 0);

  // Signing needs the explicit agreement and the text read; the wrong action is refused.
  std::string orientation = items[0]["id"], parking = items[1]["id"], policy = items[2]["id"];
  ExpectError(Record(minh, placement, policy, {{"action", "sign"}, {"text_hash", items[2]["text_hash"]}}), 400,
              "invalid_argument", "agree");
  ExpectError(Record(minh, placement, policy, {{"action", "acknowledge"}}), 400, "invalid_argument", "action");
  ExpectError(Record(minh, placement, policy, {{"action", "sign"}, {"agree", true}}), 400, "invalid_argument",
              "text_hash");
  ExpectError(Record(minh, placement, parking, {{"action", "wave"}}), 400, "invalid_argument", "action");
  ExpectError(Record(minh, placement, "nope", {{"action", "acknowledge"}}), 404, "not_found");

  ASSERT_EQ(Record(minh, placement, orientation, {{"action", "acknowledge"}}).status, 200);
  ASSERT_EQ(Record(minh, placement, parking, {{"action", "acknowledge"}}).status, 200);
  auto signed_ = Record(minh, placement, policy, {{"action", "sign"}, {"agree", true}, {"text_hash", items[2]["text_hash"]}});
  ASSERT_EQ(signed_.status, 200) << signed_.body;
  EXPECT_TRUE(signed_.json()["cleared"]);
  EXPECT_EQ(signed_.json()["items"][2]["state"], "done");

  board = Board();
  EXPECT_TRUE(board["items"][0]["cleared"]);
  EXPECT_EQ(board["items"][0]["missing"], Json::array());
  EXPECT_EQ(board["cleared"], 1);
  auto csv = coord_.Get("/api/institutions/" + a_ + "/onboarding-board.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.headers["content-type"].find("text/csv"), std::string::npos);
  EXPECT_NE(csv.body.find("minh@example.org,Cardiology elective,2027-03-01,2027-03-28,yes,"), std::string::npos)
      << csv.body;
  EXPECT_EQ(Count("onboarding_records"), 3);
  // Filters: another offering, or a later start, leave it out.
  EXPECT_EQ(Board("?start_from=2027-03-02")["items"].size(), 0u);
  EXPECT_EQ(Board("?start_to=2027-03-01")["items"].size(), 1u);
}

TEST_P(OnboardingTest, AChangedPolicyNeedsANewSignatureAndABadgePhotoComesFromTheVault) {
  ASSERT_EQ(SaveItems(coord_, a_, offering_, StandardItems()).status, 200);
  std::string placement = Place("ana@example.org", offering_);
  Client& ana = applicants_.back();
  auto items = Mine(ana)[0]["items"];
  std::string policy = items[2]["id"], old_hash = items[2]["text_hash"];
  for (int i : {0, 1}) ASSERT_EQ(Record(ana, placement, items[i]["id"], {{"action", "acknowledge"}}).status, 200);
  ASSERT_EQ(Record(ana, placement, policy, {{"action", "sign"}, {"agree", true}, {"text_hash", old_hash}}).status, 200);
  ASSERT_TRUE(Board()["items"][0]["cleared"]);

  // The coordinator edits the policy text (same item) and adds a badge photo.
  Json edited = StandardItems();
  for (int i : {0, 1, 2}) edited[i]["id"] = items[i]["id"];
  edited[2]["body"] = "I keep patient data private, also on social media.";
  edited.push_back({{"kind", "badge_photo"}});
  auto saved = SaveItems(coord_, a_, offering_, edited);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["items"][2]["version"], 2);
  EXPECT_EQ(saved.json()["items"][0]["version"], 1);  // unchanged items keep their version
  EXPECT_EQ(saved.json()["items"][3]["title"], "Badge photo");

  auto mine = Mine(ana)[0];
  EXPECT_FALSE(mine["cleared"]);
  EXPECT_EQ(mine["items"][0]["state"], "done");  // acknowledgements of unchanged items still count
  EXPECT_EQ(mine["items"][2]["state"], "needs_signature");
  EXPECT_EQ(mine["missing"], Json({"Sign: Confidentiality (changed since signed)", "Upload: Badge photo"}));
  EXPECT_FALSE(Board()["items"][0]["cleared"]);
  // Signing the old text is refused; the new one is accepted.
  ExpectError(Record(ana, placement, policy, {{"action", "sign"}, {"agree", true}, {"text_hash", old_hash}}), 409,
              "conflict", "text_hash");
  ASSERT_EQ(Record(ana, placement, policy,
                   {{"action", "sign"}, {"agree", true}, {"text_hash", mine["items"][2]["text_hash"]}})
                .status,
            200);

  // A PDF is no badge photo; a PNG is.
  auto pdf_upload = ana.Call("PUT", "/api/me/uploads", ana.Get("/api/me/profile/cv.pdf").body,
                             {"Content-Type: application/octet-stream", "X-Filename: cv.pdf"});
  ASSERT_EQ(pdf_upload.status, 201) << pdf_upload.body;
  ExpectError(ana.Post("/api/me/documents", {{"upload_id", pdf_upload.json()["upload_id"]}, {"type", "badge_photo"}}),
              400, "invalid_argument", "upload_id");
  std::string png = Slurp(fs::path(CLERKSHIP_SOURCE_DIR) / "src/adapters/testdata/tiny.png");
  auto up = ana.Call("PUT", "/api/me/uploads", png, {"Content-Type: application/octet-stream", "X-Filename: me.png"});
  ASSERT_EQ(up.status, 201) << up.body;
  auto doc = ana.Post("/api/me/documents", {{"upload_id", up.json()["upload_id"]}, {"type", "badge_photo"}});
  ASSERT_EQ(doc.status, 201) << doc.body;
  mine = Mine(ana)[0];
  EXPECT_EQ(mine["items"][3]["state"], "done");
  EXPECT_TRUE(mine["cleared"]) << mine.dump();
  EXPECT_TRUE(Board()["items"][0]["cleared"]);

  // Removing an item removes what was recorded for it.
  edited.erase(1);
  ASSERT_EQ(SaveItems(coord_, a_, offering_, edited).status, 200);
  EXPECT_EQ(Count("onboarding_records"), 2);
}

TEST_P(OnboardingTest, ComplianceRequirementsOfTheBlockAreOnTheChecklist) {
  std::string placement = Place("raj@example.org", offering_);
  EXPECT_TRUE(Mine(applicants_.back())[0]["cleared"]);  // nothing asked yet
  // The offering now requires a BLS certification: the same engine as the application checklist.
  services::Actor system{"system", ""};
  auto o = services::GetOffering(*ctx_, system, offering_);
  ASSERT_TRUE(o);
  core::OfferingDraft d = o->offering.draft;
  d.required_documents = {{"bls", 1}};
  ASSERT_TRUE(services::UpdateOffering(*ctx_, system, a_, offering_, d));
  auto mine = Mine(applicants_.back())[0];
  ASSERT_EQ(mine["compliance"].size(), 1u);
  EXPECT_EQ(mine["compliance"][0]["requirement"], "bls");
  EXPECT_EQ(mine["compliance"][0]["state"], "missing");
  EXPECT_EQ(mine["compliance"][0]["fix_url"], "/documents");
  EXPECT_FALSE(mine["cleared"]);
  EXPECT_EQ(mine["missing"][0], "BLS certification: " + mine["compliance"][0]["reason"].get<std::string>());
  EXPECT_EQ(Board()["items"][0]["missing"], mine["missing"]);
}

TEST_P(OnboardingTest, OtherInstitutionsAndOtherApplicantsAreDeniedAndBadInputNamesTheField) {
  ASSERT_EQ(SaveItems(coord_, a_, offering_, StandardItems()).status, 200);
  std::string placement = Place("minh@example.org", offering_);
  std::string item = Mine(applicants_.back())[0]["items"][0]["id"];

  // Coordinator B: A's offering through B's path is not found; A's paths are not B's.
  Client cb = Login("coord-b@example.org");
  EXPECT_EQ(cb.Get("/api/institutions/" + b_ + "/offerings/" + offering_ + "/onboarding").status, 404);
  EXPECT_EQ(SaveItems(cb, b_, offering_, Json::array()).status, 404);
  EXPECT_EQ(cb.Get("/api/institutions/" + a_ + "/offerings/" + offering_ + "/onboarding").status, 404);
  EXPECT_EQ(cb.Get("/api/institutions/" + a_ + "/onboarding-board").status, 404);
  EXPECT_EQ(cb.Get("/api/institutions/" + a_ + "/onboarding-board.csv").status, 404);
  EXPECT_EQ(cb.Get("/api/institutions/" + a_ + "/letterhead").status, 404);
  EXPECT_EQ(cb.Get("/api/institutions/" + b_ + "/onboarding-board").json()["items"].size(), 0u);
  ExpectError(cb.Get("/api/institutions/" + b_ + "/onboarding-board?offering_id=" + offering_), 400,
              "invalid_argument", "offering_id");
  // A reviewer reads, does not edit.
  Client reviewer = Login("reviewer-a@example.org");
  EXPECT_EQ(reviewer.Get("/api/institutions/" + a_ + "/onboarding-board").status, 200);
  EXPECT_EQ(SaveItems(reviewer, a_, offering_, Json::array()).status, 403);
  // Another applicant cannot act on the placement, see it, or get its letter.
  std::string other = Place("ana@example.org", offering_);
  Client& ana = applicants_.back();
  ExpectError(Record(ana, placement, item, {{"action", "acknowledge"}}), 404, "not_found");
  EXPECT_EQ(ana.Get("/api/placements/" + placement + "/visa-letter.pdf").status, 404);
  ASSERT_EQ(Mine(ana).size(), 1u);
  EXPECT_EQ(Mine(ana)[0]["placement_id"], other);
  EXPECT_EQ(Count("onboarding_records"), 0);

  // Bad input names the field; nothing is saved.
  Json bad = StandardItems();
  bad[0]["time"] = "8 am";
  ExpectError(SaveItems(coord_, a_, offering_, bad), 400, "invalid_argument", "items[0].time");
  bad = StandardItems();
  bad[2]["body"] = "";
  ExpectError(SaveItems(coord_, a_, offering_, bad), 400, "invalid_argument", "items[2].body");
  bad = StandardItems();
  bad[1]["colour"] = "red";
  ExpectError(SaveItems(coord_, a_, offering_, bad), 400, "invalid_argument", "items[1].colour");
  bad = StandardItems();
  bad[1]["id"] = "not-an-item";
  ExpectError(SaveItems(coord_, a_, offering_, bad), 400, "invalid_argument", "items[1].id");
  ExpectError(coord_.Call("PUT", "/api/institutions/" + a_ + "/offerings/" + offering_ + "/onboarding", "{}"), 400,
              "invalid_argument", "items");
  ExpectError(coord_.Get("/api/institutions/" + a_ + "/onboarding-board?start_from=March"), 400, "invalid_argument",
              "start_from");
  ExpectError(coord_.Call("PUT", "/api/institutions/" + a_ + "/letterhead",
                          Json{{"address", "1 Lake St"}, {"phone", "1"}, {"signatory_name", " "}, {"signatory_title", "Dean"}}.dump()),
              400, "invalid_argument", "signatory_name");
  EXPECT_EQ(coord_.Get("/api/institutions/" + a_ + "/offerings/" + offering_ + "/onboarding").json()["items"].size(), 3u);
}

TEST_P(OnboardingTest, VisaInvitationLetterNamesThePassportNameExactly) {
  std::string plain = Place("ana@example.org", offering_);
  Client& ana = applicants_.back();
  ExpectError(ana.Get("/api/placements/" + plain + "/visa-letter.pdf"), 409, "conflict", "visa_letter");

  std::string visa_offering = VisaOffering();
  std::string placement = Place("minh@example.org", visa_offering);
  Client& minh = applicants_.back();
  ExpectError(minh.Get("/api/placements/" + placement + "/visa-letter.pdf"), 409, "conflict", "passport_name");
  auto profile = minh.Get("/api/me/profile").json();
  Json p = profile["profile"];
  p["passport_name"] = "NGUYỄN THỊ MINH KHAI";
  p["passport_number"] = "C1234567";
  auto saved = minh.Call("PUT", "/api/me/profile", Json{{"profile", p}, {"version", profile["version"]}}.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  ExpectError(minh.Get("/api/placements/" + placement + "/visa-letter.pdf"), 409, "conflict", "letterhead");
  auto head = coord_.Call("PUT", "/api/institutions/" + a_ + "/letterhead",
                          Json{{"address", "1200 Lake Shore Drive, Chicago, IL 60611, USA"},
                               {"phone", "+1 312 555 0100"},
                               {"signatory_name", "Dr. Maria Alvarez"},
                               {"signatory_title", "Director of Visiting Students"}}
                              .dump());
  ASSERT_EQ(head.status, 200) << head.body;
  EXPECT_EQ(coord_.Get("/api/institutions/" + a_ + "/letterhead").json()["signatory_name"], "Dr. Maria Alvarez");

  auto check = [&](const std::string& name) {
    auto pdf = minh.Get("/api/placements/" + placement + "/visa-letter.pdf");
    ASSERT_EQ(pdf.status, 200) << pdf.body;
    EXPECT_EQ(pdf.headers["content-type"], "application/pdf");
    fs::path file = vault_root_ / "letter.pdf";
    std::ofstream(file, std::ios::binary) << pdf.body;
    EXPECT_EQ(std::system(("qpdf --check '" + file.string() + "' >/dev/null 2>&1").c_str()), 0);
    std::string text = RunCapture("pdftotext -enc UTF-8 '" + file.string() + "' - 2>/dev/null");
    EXPECT_NE(text.find(name), std::string::npos) << text;
    EXPECT_NE(text.find("Lakeshore University Medical Center"), std::string::npos) << text;
    EXPECT_NE(text.find("Dr. Maria Alvarez"), std::string::npos) << text;
    EXPECT_NE(text.find("observership"), std::string::npos) << text;  // not hands-on
    EXPECT_EQ(text.find("hands-on clinical rotation"), std::string::npos) << text;
    EXPECT_NE(text.find("150"), std::string::npos) << text;  // the published fee (USD 150)
  };
  check("NGUYỄN THỊ MINH KHAI");
  p["passport_name"] = "山田 花子";
  p["passport_number"] = "";
  saved = minh.Call("PUT", "/api/me/profile", Json{{"profile", p}, {"version", saved.json()["version"]}}.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  check("山田 花子");
  ExpectError(minh.Call("PUT", "/api/me/profile",
                        Json{{"profile", {{"legal_name", "Minh"}, {"passport_number", "C-123"}}},
                             {"version", saved.json()["version"]}}
                            .dump()),
              400, "invalid_argument", "passport_number");
}

TEST_P(OnboardingTest, RemindersGoOutAt14And7And2DaysOnceEachAndOnlyWhileSomethingIsMissing) {
  ASSERT_EQ(SaveItems(coord_, a_, offering_, StandardItems()).status, 200);
  std::string placement = Place("minh@example.org", offering_);
  std::string done = Place("ana@example.org", offering_);
  Client& ana = applicants_.back();
  Json items = Mine(ana)[0]["items"];  // a copy: the temporary answer dies before the loop body
  for (const auto& i : items) {
    Json body = {{"action", i["action"]}};
    if (i["action"] == "sign") body.update({{"agree", true}, {"text_hash", i["text_hash"]}});
    ASSERT_EQ(Record(ana, done, i["id"], body).status, 200);
  }
  // 2027-01-15 now; start 2027-03-01. Nothing due 15 days before.
  clock_.Advance(std::chrono::hours(24 * 30));  // 2027-02-14 08:00Z (02:00 in Chicago): 15 days left
  EXPECT_EQ(services::SendOnboardingReminders(*ctx_).value_or(-1), 0);
  clock_.Advance(std::chrono::hours(24));  // 14 days left
  EXPECT_EQ(services::SendOnboardingReminders(*ctx_).value_or(-1), 1);
  EXPECT_EQ(services::SendOnboardingReminders(*ctx_).value_or(-1), 0);  // once
  std::string mail = LastEmailTo("minh@example.org");
  EXPECT_NE(mail.find("starts in 14 days"), std::string::npos) << mail;
  EXPECT_NE(mail.find("- Sign: Confidentiality"), std::string::npos) << mail;
  EXPECT_NE(mail.find("/onboarding"), std::string::npos) << mail;
  EXPECT_EQ(LastEmailTo("ana@example.org").find("starts in 14 days"), std::string::npos);  // cleared: none
  // A run missed on day 7 still sends the 7-day reminder on day 6, once.
  clock_.Advance(std::chrono::hours(24 * 8));  // 6 days left
  EXPECT_EQ(services::SendOnboardingReminders(*ctx_).value_or(-1), 1);
  EXPECT_NE(LastEmailTo("minh@example.org").find("starts in 6 days"), std::string::npos);
  EXPECT_EQ(services::SendOnboardingReminders(*ctx_).value_or(-1), 0);
  clock_.Advance(std::chrono::hours(24 * 4));  // 2 days left
  EXPECT_EQ(services::SendOnboardingReminders(*ctx_).value_or(-1), 1);
  clock_.Advance(std::chrono::hours(24 * 2));  // started: nothing more
  EXPECT_EQ(services::SendOnboardingReminders(*ctx_).value_or(-1), 0);

  // The coordinator sees them on the board (sessions expired meanwhile).
  coord_ = Login("coord-a@example.org");
  auto board = Board();
  ASSERT_EQ(board["items"].size(), 2u);
  for (const auto& row : board["items"]) {
    if (row["placement_id"] == placement) {
      ASSERT_EQ(row["reminders"].size(), 3u) << row.dump();
      EXPECT_EQ(row["reminders"][0]["days"], 14);
      EXPECT_EQ(row["reminders"][1]["days"], 7);
      EXPECT_EQ(row["reminders"][2]["days"], 2);
    } else {
      EXPECT_EQ(row["reminders"].size(), 0u);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, OnboardingTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
