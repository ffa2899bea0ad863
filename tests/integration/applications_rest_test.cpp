// The rest of applications through the HTTP API on both backends (issue 6;
// docs/decisions/015-applications-rest.md): a due application fee blocks
// submission until the applicant records it, and the coordinator confirms
// it; "apply to similar" pre-fills a new draft; chosen blocks that overlap an
// accepted rotation are warned about; the school verifies enrollment through
// a private, expiring, single-use link; the review queue filters by it and
// by eligibility flags; coordinators get one review digest per day.
#include <soci/soci.h>

#include "integration/http_harness.h"
#include "services/applications_rest.h"
#include "services/catalog.h"

namespace clerkship::testing {
namespace {

constexpr auto kDay = std::chrono::hours(24);

class ApplicationsRestTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");
    b_ = MakeInstitution("Bayview General Hospital");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("coord-b@example.org", false), b_, "coordinator");
    MakeUser("minh@example.org", false);
    MakeUser("other@example.org", false);
    coord_ = NewClient();
    coord_.Login("coord-a@example.org", kPassword);
    coord_b_ = NewClient();
    coord_b_.Login("coord-b@example.org", kPassword);
    me_ = NewClient();
    me_.Login("minh@example.org", kPassword);
    other_ = NewClient();
    other_.Login("other@example.org", kPassword);
    anon_ = NewClient();
    anon_.Get("/api/session");
    SaveProfile(me_);
  }

  // A graduate of 2021 whose profile meets an offering without rules.
  static void SaveProfile(Client& c) {
    Json p = {{"legal_name", "Nguyễn Thị Minh Khai"},
              {"school", {{"name", "Hanoi Medical University"}, {"country", "VN"},
                          {"graduation_date", "2021-06-30"}, {"degree", "MD"}}},
              {"status", "graduate"},
              {"visa", {{"current", "us_citizen_or_resident"}}}};
    auto saved = c.Call("PUT", "/api/me/profile", Json{{"profile", p}, {"version", 0}}.dump());
    ASSERT_EQ(saved.status, 200) << saved.body;
  }

  struct Made {
    std::string id;
    std::vector<std::string> blocks;
  };
  // A published offering at `inst` with blocks given as (start, end, deadline).
  Made Offering(const std::string& inst, const std::string& title, const std::string& specialty,
                const std::string& type, const Json& fees, const Json& documents,
                const std::vector<std::tuple<std::string, std::string, std::string>>& blocks) {
    Client& c = inst == a_ ? coord_ : coord_b_;
    Json o = {{"title", title}, {"specialty", specialty}, {"type", type}, {"description", "Wards and clinic."},
              {"city", "Chicago"}, {"state", "IL"}, {"country", "US"}, {"fees", fees},
              {"required_documents", documents}};
    auto created = c.Post("/api/institutions/" + inst + "/offerings", o);
    EXPECT_EQ(created.status, 201) << created.body;
    Made m{created.json().value("id", ""), {}};
    for (const auto& [start, end, deadline] : blocks) {
      auto b = c.Post("/api/institutions/" + inst + "/offerings/" + m.id + "/blocks",
                      {{"start_date", start}, {"end_date", end}, {"seats", 2}, {"opens_on", "2026-12-01"},
                       {"deadline", deadline}});
      EXPECT_EQ(b.status, 201) << b.body;
      m.blocks.push_back(b.json().value("id", ""));
    }
    EXPECT_EQ(c.Post("/api/institutions/" + inst + "/offerings/" + m.id + "/status", {{"status", "published"}}).status,
              200);
    return m;
  }
  Made Simple(const std::string& inst, const std::string& title) {
    return Offering(inst, title, "cardiology", "elective", Json::array(), Json::array(),
                    {{"2027-03-01", "2027-03-28", "2027-01-31"}});
  }

  std::string Draft(Client& c, const Made& m, std::vector<std::string> blocks = {}) {
    if (blocks.empty()) blocks = {m.blocks[0]};
    auto app = c.Post("/api/applications", {{"offering_id", m.id}, {"block_ids", blocks}});
    EXPECT_EQ(app.status, 201) << app.body;
    return app.json().value("id", "");
  }

  static std::vector<std::string> Fields(const Json& list) {
    std::vector<std::string> out;
    for (const auto& p : list) out.push_back(p["field"]);
    return out;
  }

  int EmailsTo(const std::string& to) {
    return *tdb_->db().Run<int>([&](store::Tx& tx) -> core::Result<int> {
      int n = 0;
      tx.sql() << "SELECT COUNT(*) FROM outbox WHERE to_addr = :t", soci::use(to), soci::into(n);
      return n;
    });
  }

  // A received letter from a referee through the e-mailed link.
  std::string ReceivedLetter(const std::string& referee_email) {
    auto letter = me_.Post("/api/me/letters", {{"referee_name", "Dr. Lê Văn Hùng"},
                                                {"referee_email", referee_email},
                                                {"referee_institution", "Hanoi Medical University"},
                                                {"relationship", "Attending"},
                                                {"waived", true}});
    EXPECT_EQ(letter.status, 201) << letter.body;
    std::string token = TokenFromEmail(referee_email);
    auto up = anon_.Call("PUT", "/api/referee/letter/file?token=" + token, Pdf(),
                         {"Content-Type: application/octet-stream"});
    EXPECT_EQ(up.status, 200) << up.body;
    return letter.json().value("id", "");
  }

  std::string Pdf() {
    if (pdf_.empty()) pdf_ = me_.Get("/api/me/profile/cv.pdf").body;
    return pdf_;
  }

  std::string a_, b_, pdf_;
  Client coord_{0}, coord_b_{0}, me_{0}, other_{0}, anon_{0};
};

TEST_P(ApplicationsRestTest, DueFeeBlocksSubmitUntilRecordedThenTheCoordinatorConfirms) {
  Made m = Offering(a_, "Cardiology Elective", "cardiology", "elective",
                    {{{"kind", "application"}, {"category", "all"}, {"amount_cents", 5000}},
                     {{"kind", "application"}, {"category", "graduate"}, {"amount_cents", 2500}},
                     {{"kind", "application"}, {"category", "student"}, {"amount_cents", 1000}},
                     {{"kind", "tuition"}, {"category", "all"}, {"amount_cents", 150000}}},
                    Json::array(), {{"2027-03-01", "2027-03-28", "2027-01-31"}});
  std::string app = Draft(me_, m);
  std::string base = "/api/applications/" + app;

  // The application page shows the fee for her category (graduate) and that it is due.
  Json v = me_.Get(base).json();
  EXPECT_EQ(v["fee"]["amount_cents"], 7500);
  EXPECT_EQ(v["fee"]["currency"], "USD");
  EXPECT_EQ(v["fee"]["category"], "graduate");
  EXPECT_EQ(v["fee"]["status"], "due");
  EXPECT_EQ(Fields(v["problems"]), (std::vector<std::string>{"fee"}));
  EXPECT_EQ(Count("application_fees"), 1);

  // Submitting is refused, naming the fee; nothing is written.
  int audit_before = Count("audit_log");
  auto refused = me_.Post(base + "/submit", Json::object());
  ExpectError(refused, 409, "failed_precondition", "fee");
  EXPECT_EQ(Fields(refused.json()["error"]["problems"]), (std::vector<std::string>{"fee"}));
  EXPECT_NE(refused.json()["error"]["message"].get<std::string>().find("USD 75.00"), std::string::npos);
  EXPECT_EQ(me_.Get(base).json()["status"], "draft");
  EXPECT_EQ(Count("application_snapshots"), 0);
  EXPECT_EQ(Count("audit_log"), audit_before);

  // Bad input names the field; someone else's application does not exist.
  ExpectError(me_.Call("PUT", base + "/fee", R"({"method":"bitcoin","reference":"x"})"), 400, "invalid_argument",
              "method");
  ExpectError(me_.Call("PUT", base + "/fee", R"({"method":"card","reference":"  "})"), 400, "invalid_argument",
              "reference");
  ExpectError(me_.Call("PUT", base + "/fee", R"({"method":"card"})"), 400, "invalid_argument", "reference");
  ExpectError(other_.Call("PUT", base + "/fee", R"({"method":"card","reference":"TX-1"})"), 404, "not_found");
  // Staff see nothing of a draft.
  ExpectError(coord_.Post("/api/institutions/" + a_ + "/applications/" + app + "/fee", {{"action", "waive"}}), 404,
              "not_found");
  EXPECT_EQ(me_.Get(base).json()["fee"]["status"], "due");

  // She records the payment: the fee is recorded and submission goes through.
  auto recorded = me_.Call("PUT", base + "/fee", R"({"method":"card","reference":" TX-4471 "})");
  ASSERT_EQ(recorded.status, 200) << recorded.body;
  EXPECT_EQ(recorded.json()["fee"]["status"], "recorded");
  EXPECT_EQ(recorded.json()["fee"]["method"], "card");
  EXPECT_EQ(recorded.json()["fee"]["reference"], "TX-4471");
  EXPECT_TRUE(recorded.json()["problems"].empty()) << recorded.body;
  auto sent = me_.Post(base + "/submit", Json::object());
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(sent.json()["status"], "submitted");

  // The program sees the fee; another hospital's coordinator does not see the application.
  std::string staff = "/api/institutions/" + a_ + "/applications/" + app;
  auto detail = coord_.Get(staff);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(detail.json()["fee"]["status"], "recorded");
  EXPECT_EQ(detail.json()["fee"]["amount_cents"], 7500);
  ExpectError(coord_b_.Post("/api/institutions/" + b_ + "/applications/" + app + "/fee", {{"action", "confirm"}}),
              404, "not_found");
  ExpectError(coord_.Post(staff + "/fee", {{"action", "pay"}}), 400, "invalid_argument", "action");

  // The coordinator confirms it; confirming twice or waiving a confirmed fee is a conflict.
  auto confirmed = coord_.Post(staff + "/fee", {{"action", "confirm"}, {"note", "Received on 15 Jan."}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json()["fee"]["status"], "confirmed");
  ExpectError(coord_.Post(staff + "/fee", {{"action", "confirm"}}), 409, "conflict");
  ExpectError(coord_.Post(staff + "/fee", {{"action", "waive"}}), 409, "conflict");
  ExpectError(me_.Call("PUT", base + "/fee", R"({"method":"card","reference":"TX-2"})"), 409, "conflict");
  EXPECT_EQ(me_.Get(base).json()["fee"]["status"], "confirmed");
  EXPECT_NE(LastEmailTo("minh@example.org").find("confirmed that your application fee of USD 75.00"),
            std::string::npos);
  std::string audit = coord_.Get("/api/audit?institution_id=" + a_).body;
  EXPECT_NE(audit.find("fee.record"), std::string::npos);
  EXPECT_NE(audit.find("fee.confirm"), std::string::npos);

  // A refund is still possible after confirmation.
  auto refunded = coord_.Post(staff + "/fee", {{"action", "refund"}});
  ASSERT_EQ(refunded.status, 200) << refunded.body;
  EXPECT_EQ(refunded.json()["fee"]["status"], "refunded");
}

TEST_P(ApplicationsRestTest, ApplyToSimilarListsOpenUnappliedOfferingsAndPrefillsTheDraft) {
  Json two_letters = {{{"type", "letter_of_recommendation"}, {"count", 2}}, {{"type", "cover_letter"}, {"count", 1}}};
  Json one_letter = {{{"type", "letter_of_recommendation"}, {"count", 1}}};
  std::vector<std::tuple<std::string, std::string, std::string>> open = {{"2027-03-01", "2027-03-28", "2027-01-31"},
                                                                        {"2027-05-03", "2027-05-30", "2027-03-31"}};
  Made source = Offering(a_, "Cardiology Elective", "cardiology", "elective", Json::array(), two_letters, open);
  Made similar = Offering(b_, "Bayview Cardiology Elective", "cardiology", "elective", Json::array(), one_letter, open);
  Made other_type = Offering(b_, "Cardiology Sub-internship", "cardiology", "sub_internship", Json::array(),
                             Json::array(), open);
  Made closed = Offering(b_, "Closed Cardiology Elective", "cardiology", "elective", Json::array(), Json::array(),
                         {{"2027-02-01", "2027-02-28", "2027-01-10"}});  // deadline passed (today is 2027-01-15)
  Made applied = Offering(b_, "Applied Cardiology Elective", "cardiology", "elective", Json::array(), Json::array(),
                          open);
  Draft(me_, applied);

  std::string app = Draft(me_, source);
  std::string base = "/api/applications/" + app;
  const std::string letter = "Dear program director,\nI would like to join your cardiology service.";
  ASSERT_EQ(me_.Call("PUT", base + "/cover-letter", Json{{"text", letter}}.dump()).status, 200);
  ASSERT_EQ(me_.Call("PUT", base + "/cv", R"({"kind":"generated"})").status, 200);
  for (const char* referee : {"hung.le@example.org", "lan.tran@example.org"}) {
    std::string id = ReceivedLetter(referee);
    ASSERT_EQ(me_.Call("PUT", base + "/letters/" + id).status, 200);
  }

  // Only the open, published offering of the same specialty and type she has not applied to.
  auto list = me_.Get(base + "/similar");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1u) << list.body;
  EXPECT_EQ(list.json()["items"][0]["offering_id"], similar.id);
  EXPECT_EQ(list.json()["items"][0]["institution_name"], "Bayview General Hospital");
  EXPECT_EQ(list.json()["items"][0]["blocks"].size(), 2u);
  ExpectError(other_.Get(base + "/similar"), 404, "not_found");

  // Bad choices name the field; nothing is created.
  int before = Count("applications");
  ExpectError(me_.Post(base + "/similar", {{"offering_id", other_type.id}, {"block_ids", {other_type.blocks[0]}}}),
              400, "invalid_argument", "offering_id");
  ExpectError(me_.Post(base + "/similar", {{"offering_id", closed.id}, {"block_ids", {closed.blocks[0]}}}), 400,
              "invalid_argument", "offering_id");
  ExpectError(me_.Post(base + "/similar", {{"offering_id", similar.id}, {"block_ids", {source.blocks[0]}}}), 400,
              "invalid_argument", "block_ids[0]");
  ExpectError(me_.Post(base + "/similar", {{"offering_id", similar.id}, {"block_ids", Json::array()}}), 400,
              "invalid_argument", "block_ids");
  ExpectError(other_.Post(base + "/similar", {{"offering_id", similar.id}, {"block_ids", {similar.blocks[0]}}}), 404,
              "not_found");
  EXPECT_EQ(Count("applications"), before);

  // She picks the second block: a draft with her cover letter, CV choice and one of her two letters.
  auto made = me_.Post(base + "/similar", {{"offering_id", similar.id}, {"block_ids", {similar.blocks[1]}}});
  ASSERT_EQ(made.status, 201) << made.body;
  const Json n = made.json();
  EXPECT_NE(n["id"], app);
  EXPECT_EQ(n["status"], "draft");
  EXPECT_EQ(n["offering_id"], similar.id);
  ASSERT_EQ(n["blocks"].size(), 1u);
  EXPECT_EQ(n["blocks"][0]["id"], similar.blocks[1]);
  EXPECT_EQ(n["materials"]["cover_letter"]["text"], letter);
  EXPECT_EQ(n["materials"]["cv"]["kind"], "generated");
  EXPECT_EQ(n["letters"], Json({{"required", 1}, {"assigned", 1}}));
  EXPECT_TRUE(n["problems"].empty()) << made.body;
  // The source keeps its materials; the new one is no longer "similar".
  EXPECT_EQ(me_.Get(base).json()["letters"]["assigned"], 2);
  EXPECT_TRUE(me_.Get(base + "/similar").json()["items"].empty());
  ExpectError(me_.Post(base + "/similar", {{"offering_id", similar.id}, {"block_ids", {similar.blocks[0]}}}), 400,
              "invalid_argument", "offering_id");
  EXPECT_NE(coord_b_.Get("/api/audit?institution_id=" + b_).body.find("similar to " + app), std::string::npos);
  // It submits on its own.
  ASSERT_EQ(me_.Post("/api/applications/" + n["id"].get<std::string>() + "/submit", Json::object()).status, 200);
}

TEST_P(ApplicationsRestTest, ChosenBlocksOverlappingAnAcceptedRotationAreWarnedNotRefused) {
  // She holds a seat at Lakeshore in March (offer accepted).
  Made held = Simple(a_, "Cardiology Elective");
  std::string held_app = Draft(me_, held);
  ASSERT_EQ(me_.Post("/api/applications/" + held_app + "/submit", Json::object()).status, 200);
  auto offer = coord_.Post("/api/institutions/" + a_ + "/applications/" + held_app + "/offers",
                           {{"block_id", held.blocks[0]}});
  ASSERT_EQ(offer.status, 201) << offer.body;
  auto accepted = me_.Post("/api/offers/" + offer.json()["id"].get<std::string>() + "/accept", Json::object());
  ASSERT_EQ(accepted.status, 200) << accepted.body;

  Made next = Offering(b_, "Nephrology Elective", "nephrology", "elective", Json::array(), Json::array(),
                       {{"2027-03-15", "2027-04-11", "2027-01-31"}, {"2027-05-03", "2027-05-30", "2027-03-31"}});
  std::string app = Draft(me_, next, {next.blocks[0]});
  std::string base = "/api/applications/" + app;
  Json v = me_.Get(base).json();
  ASSERT_EQ(v["warnings"].size(), 1u) << v.dump();
  EXPECT_EQ(v["warnings"][0]["field"], "block_ids[0]");
  EXPECT_EQ(v["warnings"][0]["message"],
            "Your choice 1 (2027-03-15 to 2027-04-11) overlaps your accepted rotation Cardiology Elective at "
            "Lakeshore University Medical Center (2027-03-01 to 2027-03-28).");
  EXPECT_TRUE(v["problems"].empty());

  // Saving another choice: no overlap, no warning; both blocks: the first one is warned.
  auto moved = me_.Call("PUT", base + "/blocks", Json{{"block_ids", {next.blocks[1]}}}.dump());
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_TRUE(moved.json()["warnings"].empty());
  auto both = me_.Call("PUT", base + "/blocks", Json{{"block_ids", {next.blocks[1], next.blocks[0]}}}.dump());
  ASSERT_EQ(both.status, 200) << both.body;
  EXPECT_EQ(Fields(both.json()["warnings"]), (std::vector<std::string>{"block_ids[1]"}));
  EXPECT_EQ(both.json()["blocks"][0]["id"], next.blocks[1]);

  // Bad input names the field; someone else's draft does not exist.
  ExpectError(me_.Call("PUT", base + "/blocks", Json{{"block_ids", {held.blocks[0]}}}.dump()), 400,
              "invalid_argument", "block_ids[0]");
  ExpectError(me_.Call("PUT", base + "/blocks", R"({"block_ids":"x"})"), 400, "invalid_argument", "block_ids");
  ExpectError(other_.Call("PUT", base + "/blocks", Json{{"block_ids", {next.blocks[1]}}}.dump()), 404, "not_found");

  // A warning is not a refusal; once submitted the blocks are fixed.
  ASSERT_EQ(me_.Post(base + "/submit", Json::object()).status, 200);
  ExpectError(me_.Call("PUT", base + "/blocks", Json{{"block_ids", {next.blocks[1]}}}.dump()), 409, "conflict");
  EXPECT_TRUE(me_.Get(base).json()["warnings"].empty());
}

TEST_P(ApplicationsRestTest, SchoolVerifiesThroughAPrivateSingleUseLinkAndProgramsSeeAndFilterIt) {
  // Bad input names the field.
  ExpectError(me_.Post("/api/me/school-verifications", {{"office_name", "Dean's office"}, {"office_email", "nope"}}),
              400, "invalid_argument", "office_email");
  ExpectError(me_.Post("/api/me/school-verifications",
                       {{"office_name", "Dean's office"}, {"office_email", "minh@example.org"}}),
              400, "invalid_argument", "office_email");
  ExpectError(me_.Post("/api/me/school-verifications", {{"office_name", ""}, {"office_email", "dean@hmu.edu.vn"}}),
              400, "invalid_argument", "office_name");
  EXPECT_EQ(Count("school_verifications"), 0);

  auto asked = me_.Post("/api/me/school-verifications",
                        {{"office_name", "Office of Student Affairs"}, {"office_email", "Dean@HMU.edu.vn"}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json()["status"], "requested");
  EXPECT_EQ(asked.json()["school_name"], "Hanoi Medical University");
  ExpectError(me_.Post("/api/me/school-verifications",
                       {{"office_name", "Registrar"}, {"office_email", "registrar@hmu.edu.vn"}}),
              409, "conflict");
  std::string token = TokenFromEmail("dean@hmu.edu.vn");
  std::string link = "/api/school-verification?token=" + token;

  // Forged and other-purpose tokens are refused.
  ExpectError(anon_.Get("/api/school-verification?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), 400,
              "invalid_argument", "token");
  ExpectError(anon_.Get("/api/school-verification"), 400, "invalid_argument", "token");
  std::string letter_token;
  {
    ReceivedLetter("hung.le@example.org");
    letter_token = TokenFromEmail("hung.le@example.org");
  }
  ExpectError(anon_.Get("/api/school-verification?token=" + letter_token), 400, "invalid_argument", "token");

  // The office sees who asks, without an account.
  auto page = anon_.Get(link);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json()["applicant_name"], "Nguyễn Thị Minh Khai");
  EXPECT_EQ(page.json()["school_name"], "Hanoi Medical University");
  EXPECT_FALSE(page.json()["has_letter"].get<bool>());

  // An incomplete answer names the field and leaves the link usable.
  Json answer = {{"decision", "verify"}, {"claim", "graduated"}, {"year", 2021}, {"good_standing", true},
                 {"attester_name", "Dr. Trần Văn An"}, {"attester_title", "Associate Dean for Student Affairs"}};
  ExpectError(anon_.Post(link, answer), 400, "invalid_argument", "attest");
  Json bad_year = answer;
  bad_year["year"] = 2031;
  bad_year["attest"] = true;
  ExpectError(anon_.Post(link, bad_year), 400, "invalid_argument", "year");
  ExpectError(anon_.Call("PUT", "/api/school-verification/file?token=" + token, "not a pdf at all",
                         {"Content-Type: application/octet-stream"}),
              400, "invalid_argument");
  ASSERT_EQ(anon_.Get(link).status, 200);

  // The office uploads a signed letter and verifies.
  auto up = anon_.Call("PUT", "/api/school-verification/file?token=" + token, Pdf(),
                       {"Content-Type: application/octet-stream"});
  ASSERT_EQ(up.status, 200) << up.body;
  EXPECT_TRUE(up.json()["has_letter"].get<bool>());
  auto verified = anon_.Post(link, answer);
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(verified.json()["status"], "verified");

  // Single use: the link no longer works.
  ExpectError(anon_.Get(link), 400, "invalid_argument", "token");
  ExpectError(anon_.Post(link, answer), 400, "invalid_argument", "token");
  ExpectError(anon_.Call("PUT", "/api/school-verification/file?token=" + token, Pdf(),
                         {"Content-Type: application/octet-stream"}),
              400, "invalid_argument", "token");

  // The applicant sees it; other applicants see nothing of it.
  auto mine = me_.Get("/api/me/school-verifications");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.json()["items"].size(), 1u);
  EXPECT_EQ(mine.json()["items"][0]["status"], "verified");
  EXPECT_EQ(mine.json()["items"][0]["attester_name"], "Dr. Trần Văn An");
  EXPECT_NE(LastEmailTo("minh@example.org").find("confirmed your enrollment"), std::string::npos);
  EXPECT_TRUE(other_.Get("/api/me/school-verifications").json()["items"].empty());
  ExpectError(other_.Post("/api/me/school-verifications/" + asked.json()["id"].get<std::string>() + "/cancel",
                          Json::object()),
              404, "not_found");

  // Programs see "school verified" on her application and filter the queue by it.
  MakeUser("raj@example.org", false);
  Client raj = NewClient();
  raj.Login("raj@example.org", kPassword);
  SaveProfile(raj);
  Made m = Simple(a_, "Cardiology Elective");
  std::string app = Draft(me_, m);
  std::string raj_app = Draft(raj, m);
  ASSERT_EQ(me_.Post("/api/applications/" + app + "/submit", Json::object()).status, 200);
  ASSERT_EQ(raj.Post("/api/applications/" + raj_app + "/submit", Json::object()).status, 200);
  std::string staff = "/api/institutions/" + a_ + "/applications/" + app;
  auto detail = coord_.Get(staff);
  ASSERT_EQ(detail.status, 200) << detail.body;
  const Json school = detail.json()["school_verification"];
  EXPECT_EQ(school["status"], "verified");
  EXPECT_EQ(school["claim"], "graduated");
  EXPECT_EQ(school["year"], 2021);
  EXPECT_EQ(school["attester_name"], "Dr. Trần Văn An");
  EXPECT_EQ(school["attester_title"], "Associate Dean for Student Affairs");
  EXPECT_EQ(school["responded_at"], "2027-01-15T08:00:00Z");
  EXPECT_TRUE(school["has_letter"].get<bool>());
  EXPECT_EQ(coord_.Get(staff + "/school-letter.pdf").body, Pdf());
  EXPECT_TRUE(coord_.Get("/api/institutions/" + a_ + "/applications/" + raj_app).json()["school_verification"].is_null());
  ExpectError(coord_b_.Get("/api/institutions/" + b_ + "/applications/" + app + "/school-letter.pdf"), 404,
              "not_found");

  std::string queue = "/api/institutions/" + a_ + "/offerings/" + m.id + "/review";
  auto all = coord_.Get(queue);
  ASSERT_EQ(all.json()["total"], 2);
  auto only = coord_.Get(queue + "?school_verified=true");
  ASSERT_EQ(only.json()["total"], 1) << only.body;
  EXPECT_EQ(only.json()["items"][0]["application_id"], app);
  EXPECT_TRUE(only.json()["items"][0]["school_verified"].get<bool>());
  auto not_verified = coord_.Get(queue + "?school_verified=false");
  ASSERT_EQ(not_verified.json()["total"], 1);
  EXPECT_EQ(not_verified.json()["items"][0]["application_id"], raj_app);
  ExpectError(coord_.Get(queue + "?school_verified=maybe"), 400, "invalid_argument", "school_verified");

  // Eligibility flags: both met the rules when they applied…
  EXPECT_EQ(coord_.Get(queue + "?eligible=true").json()["total"], 2);
  EXPECT_EQ(coord_.Get(queue + "?eligible=false").json()["total"], 0);
  ExpectError(coord_.Get(queue + "?eligible=1"), 400, "invalid_argument", "eligible");
  // …then the program asks for Step 1: neither profile as sent shows it, both are flagged.
  services::Actor system{"system", ""};
  auto current = services::GetOffering(*ctx_, system, m.id);
  ASSERT_TRUE(current);
  core::OfferingDraft d = current->offering.draft;
  d.eligibility.required_exams = {"usmle_step1"};
  ASSERT_TRUE(services::UpdateOffering(*ctx_, system, a_, m.id, d));
  auto flagged = coord_.Get(queue + "?eligible=false");
  ASSERT_EQ(flagged.json()["total"], 2) << flagged.body;
  EXPECT_EQ(flagged.json()["items"][0]["eligibility_flags"], 1);
  EXPECT_EQ(coord_.Get(queue + "?eligible=false&school_verified=true").json()["total"], 1);
}

TEST_P(ApplicationsRestTest, SchoolVerificationLinkExpiresAfter30Days) {
  auto asked = me_.Post("/api/me/school-verifications",
                        {{"office_name", "Office of Student Affairs"}, {"office_email", "dean@hmu.edu.vn"}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  std::string token = TokenFromEmail("dean@hmu.edu.vn");
  clock_.Advance(29 * kDay);
  ASSERT_EQ(anon_.Get("/api/school-verification?token=" + token).status, 200);
  clock_.Advance(2 * kDay);
  ExpectError(anon_.Get("/api/school-verification?token=" + token), 400, "invalid_argument", "token");
  // She cancels and asks again: a new link works, the old one still does not.
  std::string id = asked.json()["id"];
  me_ = NewClient();  // a month later her session has expired
  me_.Login("minh@example.org", kPassword);
  ASSERT_EQ(me_.Post("/api/me/school-verifications/" + id + "/cancel", Json::object()).status, 200);
  ASSERT_EQ(me_.Post("/api/me/school-verifications",
                     {{"office_name", "Office of Student Affairs"}, {"office_email", "dean@hmu.edu.vn"}})
                .status,
            201);
  std::string fresh = TokenFromEmail("dean@hmu.edu.vn");
  EXPECT_NE(fresh, token);
  Json decline = {{"decision", "decline"}, {"attester_name", "Dr. An"}, {"attester_title", "Registrar"},
                  {"reason", "No student of that name in our records."}};
  auto declined = anon_.Post("/api/school-verification?token=" + fresh, decline);
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(declined.json()["status"], "declined");
  EXPECT_EQ(me_.Get("/api/me/school-verifications").json()["items"][0]["status"], "declined");
  EXPECT_EQ(me_.Get("/api/me/school-verifications").json()["items"][0]["reason"],
            "No student of that name in our records.");
}

TEST_P(ApplicationsRestTest, CoordinatorsGetOneReviewDigestPerInstitutionPerDay) {
  AddMembership(MakeUser("coord-a2@example.org", false), a_, "coordinator");
  AddMembership(MakeUser("reviewer-a@example.org", false), a_, "reviewer");
  Made m = Simple(a_, "Cardiology Elective");
  std::string app = Draft(me_, m);
  ASSERT_EQ(me_.Post("/api/applications/" + app + "/submit", Json::object()).status, 200);

  // Not yet waiting longer than the default target of 14 days.
  clock_.Advance(13 * kDay);
  EXPECT_EQ(services::SendReviewDigests(*ctx_).value(), 0);
  clock_.Advance(2 * kDay);
  // Each coordinator once; reviewers and the other institution nothing; a second run the same day nothing.
  EXPECT_EQ(services::SendReviewDigests(*ctx_).value(), 2);
  EXPECT_EQ(services::SendReviewDigests(*ctx_).value(), 0);
  EXPECT_EQ(EmailsTo("coord-a@example.org"), 1);
  EXPECT_EQ(EmailsTo("coord-a2@example.org"), 1);
  EXPECT_EQ(EmailsTo("reviewer-a@example.org"), 0);
  EXPECT_EQ(EmailsTo("coord-b@example.org"), 0);
  std::string mail = LastEmailTo("coord-a@example.org");
  EXPECT_NE(mail.find("Nguyễn Thị Minh Khai — Cardiology Elective (15 days)"), std::string::npos) << mail;
  EXPECT_NE(mail.find("/institutions/" + a_ + "/applications/" + app), std::string::npos) << mail;

  // The next day it comes again while the application waits; after a decision it stops.
  clock_.Advance(kDay);
  EXPECT_EQ(services::SendReviewDigests(*ctx_).value(), 2);
  coord_ = NewClient();  // sessions expire over two weeks
  coord_.Login("coord-a@example.org", kPassword);
  auto version = coord_.Get("/api/institutions/" + a_ + "/applications/" + app).json()["version"];
  ASSERT_EQ(coord_.Post("/api/institutions/" + a_ + "/applications/" + app + "/transition",
                        {{"event", "reject"}, {"version", version}})
                .status,
            200);
  clock_.Advance(kDay);
  EXPECT_EQ(services::SendReviewDigests(*ctx_).value(), 0);
  EXPECT_EQ(EmailsTo("coord-a@example.org"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApplicationsRestTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
