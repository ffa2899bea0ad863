// Rotation completion through the HTTP API on both backends (issue 8):
// preceptor assignment and placement states, attendance, the locked
// evaluation and its release, certificates (PDF checked with qpdf and
// pdftotext, a non-Latin legal name), public verification with forged and
// revoked codes, rotation feedback shown from three responses, the letter
// request to the preceptor, the residency-ready record and the CSV exports.
#include <soci/soci.h>

#include <cctype>
#include <cstdio>
#include <deque>
#include <fstream>

#include "core/completion.h"
#include "integration/http_harness.h"

namespace clerkship::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLegalName = "Амина Ханова";

class CompletionTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Hospital");
    b_ = MakeInstitution("Hospital B");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("reviewer-a@example.org", false), a_, "reviewer");
    preceptor_id_ = MakeUser("preceptor@example.org", false);
    AddMembership(preceptor_id_, a_, "preceptor");
    other_preceptor_id_ = MakeUser("other-preceptor@example.org", false);
    AddMembership(other_preceptor_id_, a_, "preceptor");
    AddMembership(MakeUser("coord-b@example.org", false), b_, "coordinator");
    ASSERT_TRUE(tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
      tx.sql() << "UPDATE users SET display_name = 'Dr. Elena Petrova' WHERE id = :i", soci::use(preceptor_id_);
      return {};
    }));
    coord_ = Login("coord-a@example.org");
    reviewer_ = Login("reviewer-a@example.org");
    preceptor_ = Login("preceptor@example.org");
    other_ = Login("other-preceptor@example.org");
    coord_b_ = Login("coord-b@example.org");
    offering_ = MakeOffering(a_, "Cardiology elective");
  }

  // A new applicant with a placement in the offering's first block
  // (apply, submit, offer, accept). Returns the placement id.
  std::string Place(const std::string& email, const std::string& legal_name, Client** out) {
    MakeUser(email, false);
    applicants_.push_back(Login(email));
    Client& c = applicants_.back();
    *out = &c;
    Json profile = {{"legal_name", legal_name}, {"date_of_birth", "1996-04-02"}, {"citizenship", "BR"},
                    {"country_of_residence", "BR"}};
    auto saved = c.Call("PUT", "/api/me/profile", Json{{"profile", profile}, {"version", 0}}.dump());
    EXPECT_EQ(saved.status, 200) << saved.body;
    std::string block = c.Get("/api/offerings/" + offering_).json()["blocks"][0]["id"];
    auto app = c.Post("/api/applications", {{"offering_id", offering_}, {"block_ids", {block}}});
    EXPECT_EQ(app.status, 201) << app.body;
    std::string app_id = app.json().value("id", "");
    auto sub = c.Post("/api/applications/" + app_id + "/submit", Json::object());
    EXPECT_EQ(sub.status, 200) << sub.body;
    auto offer = coord_.Post("/api/institutions/" + a_ + "/applications/" + app_id + "/offers", {{"block_id", block}});
    EXPECT_EQ(offer.status, 201) << offer.body;
    auto acc = c.Post("/api/offers/" + offer.json().value("id", "") + "/accept", Json::object());
    EXPECT_EQ(acc.status, 200) << acc.body;
    auto mine = c.Get("/api/me/placements").json();
    EXPECT_EQ(mine["items"].size(), 1u) << mine;
    return mine["items"].empty() ? "" : mine["items"][0].value("id", "");
  }

  std::string P(const std::string& id) { return "/api/institutions/" + a_ + "/placements/" + id; }
  Reply Move(const std::string& id, const std::string& status, const std::string& date, const std::string& reason = "") {
    Json body = {{"status", status}, {"date", date}};
    if (!reason.empty()) body["reason"] = reason;
    return coord_.Post(P(id) + "/status", body);
  }
  Reply Put(Client& c, const std::string& path, const Json& body) { return c.Call("PUT", path, body.dump()); }
  void Complete(const std::string& id) {
    ASSERT_EQ(Put(coord_, P(id) + "/preceptor", {{"preceptor_id", preceptor_id_}}).status, 200);
    ASSERT_EQ(Move(id, "in_progress", "2027-03-01").status, 200);
    ASSERT_EQ(Move(id, "completed", "2027-03-26").status, 200);
  }
  int AuditCount(const std::string& action) {
    int n = -1;
    EXPECT_TRUE(tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
      tx.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = :a", soci::use(action), soci::into(n);
      return {};
    }));
    return n;
  }
  void SetSeats(int seats) {
    ASSERT_TRUE(tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
      tx.sql() << "UPDATE blocks SET seats = :s WHERE offering_id = :o", soci::use(seats), soci::use(offering_);
      return {};
    }));
  }
  // Writes the PDF, runs `qpdf --check` (expects success) and returns pdftotext's text.
  std::string CheckPdf(const std::string& bytes, const std::string& name) {
    EXPECT_TRUE(bytes.starts_with("%PDF-"));
    fs::path pdf = vault_root_ / name;
    std::ofstream(pdf, std::ios::binary) << bytes;
    int rc = -1;
    std::string check = RunCapture("qpdf --check '" + pdf.string() + "' 2>&1", &rc);
    EXPECT_EQ(rc, 0) << check;
    return RunCapture("pdftotext -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null");
  }

  Json Full(bool hands_on) {
    Json ratings = Json::object();
    for (const auto& c : core::Competencies(hands_on)) ratings[c.key] = 4;
    return {{"ratings", ratings}, {"comments", "Curious, reliable, presented patients clearly."}};
  }

  std::string a_, b_, offering_, preceptor_id_, other_preceptor_id_;
  Client coord_{0}, reviewer_{0}, preceptor_{0}, other_{0}, coord_b_{0};
  std::deque<Client> applicants_;
};

TEST_P(CompletionTest, PreceptorEvaluatesCoordinatorReleasesApplicantGetsAVerifiableCertificate) {
  Client* amina = nullptr;
  std::string id = Place("amina@example.org", kLegalName, &amina);
  ASSERT_FALSE(id.empty());

  // No certificate before completion: 409 naming the status.
  auto early = amina->Get("/api/me/placements/" + id + "/certificate.pdf");
  ExpectError(early, 409, "conflict");
  EXPECT_NE(early.body.find("scheduled"), std::string::npos) << early.body;

  // Preceptor assignment: only a preceptor of the institution; other institutions see nothing.
  std::string coordinator_id = coord_.Get("/api/session").json()["user"]["id"];
  ExpectError(Put(coord_, P(id) + "/preceptor", {{"preceptor_id", coordinator_id}}), 400, "invalid_argument",
              "preceptor_id");
  ExpectError(Put(reviewer_, P(id) + "/preceptor", {{"preceptor_id", preceptor_id_}}), 403, "forbidden");
  ExpectError(Put(coord_b_, "/api/institutions/" + b_ + "/placements/" + id + "/preceptor",
                  {{"preceptor_id", preceptor_id_}}), 404, "not_found");
  EXPECT_EQ(coord_b_.Get("/api/institutions/" + b_ + "/placements/" + id).status, 404);
  auto assigned = Put(coord_, P(id) + "/preceptor", {{"preceptor_id", preceptor_id_}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.json()["preceptor"]["name"], "Dr. Elena Petrova");

  // The preceptor sees the student; the evaluation opens once the placement is in progress.
  auto students = preceptor_.Get("/api/me/students").json();
  ASSERT_EQ(students["items"].size(), 1u) << students;
  EXPECT_EQ(students["items"][0]["applicant"]["name"], kLegalName);
  EXPECT_EQ(other_.Get("/api/me/students").json()["items"].size(), 0u);
  ExpectError(Put(preceptor_, "/api/me/students/" + id + "/evaluation", Full(true)), 409, "conflict");
  ExpectError(Move(id, "completed", "2027-03-26"), 409, "conflict");
  ExpectError(Move(id, "in_progress", "2027-13-01"), 400, "invalid_argument", "date");
  auto started = Move(id, "in_progress", "2027-03-01");
  ASSERT_EQ(started.status, 200) << started.body;
  EXPECT_EQ(started.json()["status"], "in_progress");
  EXPECT_EQ(started.json()["started_on"], "2027-03-01");

  // Someone who does not precept the placement: 404, as if it did not exist.
  ExpectError(other_.Get("/api/me/students/" + id), 404, "not_found");
  ExpectError(Put(other_, "/api/me/students/" + id + "/evaluation", Full(true)), 404, "not_found");
  ExpectError(Put(other_, "/api/me/students/" + id + "/attendance", {{"days", Json::array()}}), 404, "not_found");

  // Attendance within the placement's dates.
  ExpectError(Put(preceptor_, "/api/me/students/" + id + "/attendance",
                  Json{{"days", Json::array({Json{{"date", "2027-04-02"}, {"status", "present"}}})}}),
              400, "invalid_argument", "days[0].date");
  auto att = Put(preceptor_, "/api/me/students/" + id + "/attendance",
                 {{"days", {{{"date", "2027-03-01"}, {"status", "present"}},
                            {{"date", "2027-03-02"}, {"status", "present"}},
                            {{"date", "2027-03-03"}, {"status", "absent"}, {"note", "sick"}}}}});
  ASSERT_EQ(att.status, 200) << att.body;
  EXPECT_EQ(att.json()["attendance"]["present"], 2);
  EXPECT_EQ(att.json()["attendance"]["absent"], 1);

  // Draft, then submit; the form has six competencies and a described scale.
  auto detail = preceptor_.Get("/api/me/students/" + id).json();
  EXPECT_EQ(detail["form"]["competencies"].size(), 6u);
  EXPECT_EQ(detail["form"]["scale"].size(), 5u);
  auto draft = Put(preceptor_, "/api/me/students/" + id + "/evaluation",
                   {{"ratings", {{"professionalism", 5}}}, {"comments", ""}});
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(draft.json()["evaluation"]["status"], "draft");
  ExpectError(Put(preceptor_, "/api/me/students/" + id + "/evaluation",
                  {{"ratings", {{"professionalism", 5}}}, {"submit", true}}),
              400, "invalid_argument", "ratings.patient_care");
  Json observed = Full(true);
  observed["ratings"]["patient_care_observed"] = 3;
  ExpectError(Put(preceptor_, "/api/me/students/" + id + "/evaluation", observed), 400, "invalid_argument",
              "ratings.patient_care_observed");
  Json final_eval = Full(true);
  final_eval["submit"] = true;
  auto submitted = Put(preceptor_, "/api/me/students/" + id + "/evaluation", final_eval);
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json()["evaluation"]["status"], "submitted");
  auto locked = Put(preceptor_, "/api/me/students/" + id + "/evaluation", Full(true));
  ExpectError(locked, 409, "conflict");
  EXPECT_NE(locked.body.find("locked"), std::string::npos) << locked.body;

  // The applicant sees it only once released by the coordinator.
  EXPECT_TRUE(amina->Get("/api/me/placements/" + id).json()["evaluation"].is_null());
  ExpectError(reviewer_.Post(P(id) + "/evaluation/release", Json::object()), 403, "forbidden");
  ExpectError(coord_b_.Post("/api/institutions/" + b_ + "/placements/" + id + "/evaluation/release", Json::object()),
              404, "not_found");
  ASSERT_EQ(coord_.Post(P(id) + "/evaluation/release", Json::object()).status, 200);
  auto mine = amina->Get("/api/me/placements/" + id).json();
  EXPECT_EQ(mine["evaluation"]["status"], "released");
  EXPECT_EQ(mine["evaluation"]["ratings"]["medical_knowledge"], 4);
  EXPECT_EQ(mine["evaluation"]["comments"], "Curious, reliable, presented patients clearly.");

  // Completion, then the certificate: a valid PDF with the name exactly and the code.
  ExpectError(Move(id, "completed", "2027-02-01"), 400, "invalid_argument", "date");
  ASSERT_EQ(Move(id, "completed", "2027-03-26").status, 200);
  auto cert = amina->Get("/api/me/placements/" + id + "/certificate.pdf");
  ASSERT_EQ(cert.status, 200) << cert.body;
  EXPECT_EQ(cert.headers["content-type"], "application/pdf");
  std::string code = cert.headers["x-certificate-code"];
  ASSERT_TRUE(core::ParseCertificateCode(code)) << code;
  std::string text = CheckPdf(cert.body, "certificate.pdf");
  EXPECT_NE(text.find(kLegalName), std::string::npos) << text;
  EXPECT_NE(text.find(code), std::string::npos) << text;
  EXPECT_NE(text.find("Lakeshore University Hospital"), std::string::npos) << text;
  // Issued once: the same code again.
  EXPECT_EQ(amina->Get("/api/me/placements/" + id + "/certificate.pdf").headers["x-certificate-code"], code);
  EXPECT_EQ(AuditCount("certificate.issue"), 1);

  // Public verification, no login; lower case and without dashes works too.
  Client anon = NewClient();
  auto ok = anon.Get("/api/verify/" + code);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["valid"], true);
  EXPECT_EQ(ok.json()["facts"]["applicant_name"], kLegalName);
  EXPECT_EQ(ok.json()["facts"]["preceptor"], "Dr. Elena Petrova");
  EXPECT_EQ(ok.json()["facts"]["rotation_title"], "Cardiology elective");
  std::string lower;
  for (char ch : code) lower += ch == '-' ? ' ' : static_cast<char>(std::tolower(ch));
  std::string compact;
  for (char ch : lower) if (ch != ' ') compact += ch;
  EXPECT_EQ(anon.Get("/api/verify/" + compact).json()["code"], code);
  // Forged: one symbol changed → the check symbol catches it (400 naming code).
  std::string forged = code;
  forged[5] = forged[5] == '7' ? '8' : '7';
  ExpectError(anon.Get("/api/verify/" + forged), 400, "invalid_argument", "code");
  ExpectError(anon.Get("/api/verify/nope"), 400, "invalid_argument", "code");
  // Well-formed but never issued → 404.
  std::string unknown = core::CertificateCode(12345);
  if (unknown == code) unknown = core::CertificateCode(54321);
  ExpectError(anon.Get("/api/verify/" + unknown), 404, "not_found");

  // The residency-ready record.
  auto transcript = amina->Get("/api/me/record/transcript.pdf");
  ASSERT_EQ(transcript.status, 200) << transcript.body;
  std::string ttext = CheckPdf(transcript.body, "transcript.pdf");
  EXPECT_NE(ttext.find(kLegalName), std::string::npos) << ttext;
  EXPECT_NE(ttext.find(code), std::string::npos) << ttext;
  auto eras = amina->Get("/api/me/record/eras.json").json();
  ASSERT_EQ(eras["experiences"].size(), 1u) << eras;
  EXPECT_EQ(eras["experiences"][0]["supervisor"], "Dr. Elena Petrova");
  EXPECT_EQ(eras["experiences"][0]["experience_type"], "hands-on");
  EXPECT_EQ(eras["experiences"][0]["verification_code"], code);
  EXPECT_EQ(eras["experiences"][0]["weeks"], 4);
  auto csv = amina->Get("/api/me/record/eras.csv");
  EXPECT_EQ(csv.body.find("organization,position,start_date"), 0u) << csv.body;
  EXPECT_NE(csv.body.find(code), std::string::npos);

  // Coordinator exports (not reviewers, not another institution).
  auto completions = coord_.Get("/api/institutions/" + a_ + "/completions.csv");
  ASSERT_EQ(completions.status, 200);
  EXPECT_NE(completions.body.find(code), std::string::npos) << completions.body;
  EXPECT_NE(completions.body.find(kLegalName), std::string::npos);
  auto evals = coord_.Get("/api/institutions/" + a_ + "/evaluations.csv");
  EXPECT_NE(evals.body.find("presented patients clearly"), std::string::npos) << evals.body;
  EXPECT_EQ(reviewer_.Get("/api/institutions/" + a_ + "/evaluations.csv").status, 403);
  EXPECT_EQ(coord_b_.Get("/api/institutions/" + a_ + "/evaluations.csv").status, 404);

  // Revocation: coordinator only, with a reason, audited, shown on verification.
  ExpectError(coord_.Post(P(id) + "/certificate/revoke", {{"reason", ""}}), 400, "invalid_argument", "reason");
  ExpectError(reviewer_.Post(P(id) + "/certificate/revoke", {{"reason", "x"}}), 403, "forbidden");
  ASSERT_EQ(coord_.Post(P(id) + "/certificate/revoke", {{"reason", "issued in error"}}).status, 200);
  ExpectError(coord_.Post(P(id) + "/certificate/revoke", {{"reason", "again"}}), 409, "conflict");
  auto revoked = anon.Get("/api/verify/" + code);
  ASSERT_EQ(revoked.status, 200);
  EXPECT_EQ(revoked.json()["revoked"], true);
  EXPECT_EQ(revoked.json()["valid"], false);
  EXPECT_EQ(AuditCount("certificate.revoke"), 1);
  ExpectError(amina->Get("/api/me/placements/" + id + "/certificate.pdf"), 409, "conflict");
  EXPECT_EQ(AuditCount("evaluation.submit"), 1);
  EXPECT_EQ(AuditCount("evaluation.release"), 1);
  EXPECT_EQ(AuditCount("placement.completed"), 1);
}

TEST_P(CompletionTest, ObservershipEvaluationDoesNotRatePatientCare) {
  ASSERT_TRUE(tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
    tx.sql() << "UPDATE offerings SET hands_on = 0, type = 'observership' WHERE id = :o", soci::use(offering_);
    return {};
  }));
  Client* c = nullptr;
  std::string id = Place("obs@example.org", "Obi Observer", &c);
  ASSERT_EQ(Put(coord_, P(id) + "/preceptor", {{"preceptor_id", preceptor_id_}}).status, 200);
  ASSERT_EQ(Move(id, "in_progress", "").status, 200);
  auto form = preceptor_.Get("/api/me/students/" + id).json()["form"];
  EXPECT_EQ(form["competencies"][0]["key"], "patient_care_observed");
  Json wrong = Full(false);
  wrong["ratings"]["patient_care"] = 5;
  ExpectError(Put(preceptor_, "/api/me/students/" + id + "/evaluation", wrong), 400, "invalid_argument",
              "ratings.patient_care");
  Json right = Full(false);
  right["submit"] = true;
  EXPECT_EQ(Put(preceptor_, "/api/me/students/" + id + "/evaluation", right).status, 200);
  // Incomplete needs a reason; then no certificate (409 naming the status).
  ExpectError(Move(id, "incomplete", "2027-03-10"), 400, "invalid_argument", "reason");
  ASSERT_EQ(Move(id, "incomplete", "2027-03-10", "left after two weeks").status, 200);
  auto cert = c->Get("/api/me/placements/" + id + "/certificate.pdf");
  ExpectError(cert, 409, "conflict");
  EXPECT_NE(cert.body.find("incomplete"), std::string::npos) << cert.body;
  ExpectError(Move(id, "cancelled", "", "x"), 409, "conflict");
}

TEST_P(CompletionTest, RotationRatingsAppearOnTheOfferingFromThreeResponses) {
  SetSeats(4);
  Json ratings = {{"teaching", 5}, {"supervision", 4}, {"organisation", 3}, {"overall", 5}};
  std::vector<std::pair<Client*, std::string>> placed;
  for (int i = 0; i < 3; ++i) {
    Client* c = nullptr;
    std::string id = Place("student" + std::to_string(i) + "@example.org", "Student " + std::to_string(i), &c);
    placed.emplace_back(c, id);
  }
  // Not before the rotation ended.
  ExpectError(placed[0].first->Post("/api/me/placements/" + placed[0].second + "/feedback", {{"ratings", ratings}}),
              409, "conflict");
  for (auto& [c, id] : placed) Complete(id);
  ExpectError(placed[0].first->Post("/api/me/placements/" + placed[0].second + "/feedback",
                                    {{"ratings", {{"teaching", 5}}}}),
              400, "invalid_argument", "ratings.supervision");
  // Someone else's placement: 404.
  ExpectError(placed[1].first->Post("/api/me/placements/" + placed[0].second + "/feedback", {{"ratings", ratings}}),
              404, "not_found");
  Client anon = NewClient();
  for (size_t i = 0; i < placed.size(); ++i) {
    EXPECT_TRUE(anon.Get("/api/offerings/" + offering_).json()["ratings"].is_null()) << i;
    auto r = placed[i].first->Post("/api/me/placements/" + placed[i].second + "/feedback",
                                   {{"ratings", ratings}, {"comment", "great"}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  ExpectError(placed[0].first->Post("/api/me/placements/" + placed[0].second + "/feedback", {{"ratings", ratings}}),
              409, "conflict");
  auto page = anon.Get("/api/offerings/" + offering_).json();
  ASSERT_FALSE(page["ratings"].is_null()) << page;
  EXPECT_EQ(page["ratings"]["responses"], 3);
  EXPECT_EQ(page["ratings"]["questions"][0]["key"], "teaching");
  EXPECT_DOUBLE_EQ(page["ratings"]["questions"][0]["average"].get<double>(), 5.0);
  // Anonymous to the preceptor: nothing about it in their view.
  auto seen = preceptor_.Get("/api/me/students/" + placed[0].second);
  EXPECT_EQ(seen.body.find("feedback_given"), std::string::npos) << seen.body;
  EXPECT_EQ(seen.body.find("great"), std::string::npos);
}

TEST_P(CompletionTest, LetterRequestToThePreceptorAndAnApplicationPacket) {
  Client* c = nullptr;
  std::string id = Place("lena@example.org", "Lena Müller", &c);
  ExpectError(c->Post("/api/me/placements/" + id + "/letter-request", {{"waived", true}}), 409, "conflict");
  ExpectError(c->Post("/api/me/placements/" + id + "/letter-request", Json::object()), 400, "invalid_argument",
              "waived");
  Complete(id);
  auto asked = c->Post("/api/me/placements/" + id + "/letter-request", {{"waived", true}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  auto letters = c->Get("/api/me/letters").json();
  ASSERT_EQ(letters["items"].size(), 1u) << letters;
  EXPECT_EQ(letters["items"][0]["referee"]["email"], "preceptor@example.org");
  EXPECT_EQ(letters["items"][0]["waived"], true);
  EXPECT_NE(letters["items"][0]["relationship"].get<std::string>().find("Cardiology elective"), std::string::npos);
  EXPECT_NE(LastEmailTo("preceptor@example.org"), "");

  auto packet = c->Post("/api/me/record/packet.pdf",
                        {{"program", "Internal Medicine — Lakeshore"}, {"include_cv", true}, {"placement_ids", {id}}});
  ASSERT_EQ(packet.status, 200) << packet.body;
  std::string text = CheckPdf(packet.body, "packet.pdf");
  EXPECT_NE(text.find("Lena Müller"), std::string::npos) << text;
  ExpectError(c->Post("/api/me/record/packet.pdf", {{"program", "X"}, {"include_cv", false}}), 400,
              "invalid_argument", "parts");
  ExpectError(c->Post("/api/me/record/packet.pdf", {{"program", "X"}, {"placement_ids", {"nope"}}}), 404,
              "not_found", "placement_ids[0]");
  ExpectError(c->Post("/api/me/record/packet.pdf", {{"program", ""}}), 400, "invalid_argument", "program");
}

INSTANTIATE_TEST_SUITE_P(Backends, CompletionTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
