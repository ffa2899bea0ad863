// Catalog CSV import/export and saved-search alerts through the HTTP API and
// the alert job, on both backends.
#include <soci/soci.h>

#include "integration/http_harness.h"
#include "core/catalog_csv.h"
#include "core/csv.h"
#include "services/saved_searches.h"

namespace clerkship::testing {
namespace {

const char* kHeader =
    "offering_ref,status,title,specialty,type,hands_on,description,city,state,country,visas_accepted,"
    "required_documents,fees,block_id,start_date,end_date,seats,opens_on,deadline\r\n";

class CatalogIoTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");
    b_ = MakeInstitution("Bayview Community Hospital");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("coord-b@example.org", false), b_, "coordinator");
    MakeUser("applicant@example.org", false);
    coord_ = NewClient();
    coord_.Login("coord-a@example.org", kPassword);
  }
  std::string Csv() { return "/api/institutions/" + a_ + "/catalog.csv"; }
  Reply Import(const std::string& body, bool dry_run) {
    return coord_.Call("POST", Csv() + (dry_run ? "?dry_run=1" : ""), body, {"Content-Type: text/csv"});
  }
  int EmailsTo(const std::string& to) {
    return *tdb_->db().Run<int>([&](store::Tx& tx) -> core::Result<int> {
      int n = 0;
      tx.sql() << "SELECT COUNT(*) FROM outbox WHERE to_addr = :t", soci::use(to), soci::into(n);
      return n;
    });
  }
  services::AlertRun Alerts() {
    auto r = services::RunSavedSearchAlerts(*ctx_);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().detail);
    return r.value_or(services::AlertRun{});
  }
  std::string a_, b_;
  Client coord_{0};
};

TEST_P(CatalogIoTest, ExportThenImportRoundTripsAndEditsApply) {
  // Awkward values: a formula-looking title, commas, quotes, a newline, unicode, a fee label with ';'.
  Json offering = {{"title", "=HYPERLINK(\"x\") Cardiology, \"adult\""},
                   {"specialty", "cardiology"},
                   {"type", "elective"},
                   {"description", "Line one\nLine two — Müller 王"},
                   {"city", "Chicago"},
                   {"state", "IL"},
                   {"country", "US"},
                   {"eligibility", {{"students", true}, {"graduates", true}, {"visas_accepted", {"b1_b2", "j1"}}}},
                   {"required_documents", {{{"type", "cv"}, {"count", 1}}, {{"type", "letter_of_recommendation"}, {"count", 2}}}},
                   {"fees", {{{"kind", "application"}, {"category", "all"}, {"amount_cents", 7550}},
                             {{"kind", "other"}, {"category", "graduate"}, {"amount_cents", 100}, {"label", "Badge; parking: daily"}}}},
                   {"housing_help", true}};
  std::string base = "/api/institutions/" + a_ + "/offerings";
  auto created = coord_.Post(base, offering);
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = created.json()["id"];
  for (auto [start, end] : {std::pair{"2027-03-01", "2027-03-28"}, std::pair{"2027-04-05", "2027-05-02"}}) {
    ASSERT_EQ(coord_.Post(base + "/" + id + "/blocks", {{"start_date", start}, {"end_date", end}, {"seats", 3},
                                                       {"opens_on", "2026-10-01"}, {"deadline", "2027-01-31"}}).status, 201);
  }
  ASSERT_EQ(coord_.Post(base + "/" + id + "/status", {{"status", "published"}}).status, 200);
  ASSERT_EQ(coord_.Post(base, {{"title", "Draft without blocks"}, {"specialty", "psychiatry"}, {"type", "observership"},
                               {"city", "Evanston"}, {"country", "US"}}).status, 201);
  auto before = coord_.Get(base).json();

  auto exported = coord_.Get(Csv());
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(exported.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_NE(exported.headers["content-disposition"].find("attachment"), std::string::npos);
  EXPECT_TRUE(exported.body.starts_with("\xEF\xBB\xBF" "offering_ref,status,title,"));
  EXPECT_NE(exported.body.find("\"'=HYPERLINK(\"\"x\"\") Cardiology, \"\"adult\"\"\""), std::string::npos);  // guarded
  EXPECT_NE(exported.body.find("application:all:75.50; other:graduate:1.00:Badge\\; parking\\: daily"), std::string::npos);

  // The same file back: nothing to do, nothing written.
  auto preview = Import(exported.body, true);
  ASSERT_EQ(preview.status, 200) << preview.body;
  Json p = preview.json();
  EXPECT_EQ(p["valid"], true) << p.dump();
  EXPECT_EQ(p["summary"]["offerings_unchanged"], 2);
  EXPECT_EQ(p["summary"]["blocks_unchanged"], 2);
  EXPECT_EQ(p["summary"]["offerings_created"], 0);
  EXPECT_EQ(p["rows"].size(), 3u);
  auto applied = Import(exported.body, false);
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_EQ(applied.json()["applied"], true);
  EXPECT_EQ(coord_.Get(base).json(), before);
  EXPECT_EQ(coord_.Get(Csv()).body, exported.body);

  // Edit the file: fewer seats on the first block, a new published offering with one block.
  std::string edited = exported.body;
  auto first_block = before["items"][1]["blocks"][0]["id"].get<std::string>();
  ASSERT_EQ(before["items"][1]["id"], id);  // drafts sort first
  auto at = edited.find(first_block + ",2027-03-01,2027-03-28,3,");
  ASSERT_NE(at, std::string::npos);
  edited.replace(edited.find(",3,", at), 3, ",2,");
  std::map<std::string, std::string> row = {
      {"offering_ref", "new-1"}, {"status", "published"}, {"title", "Neurology Sub-I"}, {"specialty", "neurology"},
      {"type", "sub_internship"}, {"description", "Stroke service"}, {"city", "Chicago"}, {"state", "IL"},
      {"country", "US"}, {"required_exams", "usmle_step1"}, {"visas_accepted", "j1"}, {"fees", "tuition:all:1200"},
      {"start_date", "2027-06-07"}, {"end_date", "2027-07-04"}, {"seats", "2"}, {"opens_on", "2026-11-01"},
      {"deadline", "2027-04-30"}};
  std::vector<std::string> cells;
  for (const auto& c : core::kCatalogCsvColumns) cells.push_back(row[c]);
  edited += core::CsvLine(cells);
  auto preview2 = Import(edited, true).json();
  EXPECT_EQ(preview2["valid"], true) << preview2.dump();
  EXPECT_EQ(preview2["summary"]["offerings_created"], 1);
  EXPECT_EQ(preview2["summary"]["blocks_created"], 1);
  EXPECT_EQ(preview2["summary"]["blocks_updated"], 1);
  EXPECT_EQ(preview2["rows"][3]["offering"], "create");
  EXPECT_EQ(preview2["rows"][3]["status"], "published");
  EXPECT_EQ(Count("offerings"), 2);  // a preview writes nothing
  auto applied2 = Import(edited, false);
  ASSERT_EQ(applied2.status, 200) << applied2.body;
  EXPECT_EQ(Count("offerings"), 3);
  auto found = NewClient().Get("/api/search/offerings?q=stroke").json();
  ASSERT_EQ(found["total"], 1) << found.dump();
  EXPECT_EQ(found["items"][0]["type"], "sub_internship");
  EXPECT_EQ(coord_.Get("/api/offerings/" + id).json()["blocks"][0]["seats"], 2);
  // One audit entry per import, with the counts.
  auto audit = coord_.Get("/api/audit?institution_id=" + a_).json();
  int imports = 0, with_creation = 0;
  for (const auto& e : audit["items"]) {
    if (e["action"] != "catalog.import") continue;
    ++imports;
    if (e["detail"].get<std::string>().find("\"offerings_created\":1") != std::string::npos) ++with_creation;
  }
  EXPECT_EQ(with_creation, 1);
  EXPECT_EQ(imports, 2);
}

TEST_P(CatalogIoTest, ImportRejectsBadRowsWithLineNumbersAndWritesNothing) {
  ExpectError(Import("title,city\r\nx,y\r\n", true), 400, "invalid_argument", "header");
  auto unknown = Import(std::string("offering_ref,title,specialty,type,city,country,start_date,end_date,seats,opens_on,deadline,colour\r\n"), true);
  ExpectError(unknown, 400, "invalid_argument", "header");
  EXPECT_NE(unknown.json()["error"]["message"].get<std::string>().find("colour"), std::string::npos);
  ExpectError(Import("", false), 400, "invalid_argument", "body");
  ExpectError(Import("offering_ref,title\r\n\"open", false), 400, "invalid_argument", "body");

  std::string csv = std::string(kHeader) +
      /* 2 */ "c1,draft,Cardiology,cardiology,elective,yes,\"Two\nlines\",Chicago,IL,US,b1_b2,cv,application:all:75,,2027-03-01,2027-03-28,3,2026-10-01,2027-01-31\r\n" +
      /* 4 */ "c1,draft,Cardiology,cardiology,elective,yes,\"Two\nlines\",Chicago,IL,US,b1_b2,cv,application:all:75,,2027-03-01,2027-03-28,3,2026-10-01,2027-01-31\r\n" +
      /* 6 */ "c1,draft,Cardiology,cardiology,elective,yes,\"Two\nlines\",Chicago,IL,US,b1_b2,cv,application:all:75,,2027-02-30,2027-03-28,3,2026-10-01,2027-01-31\r\n" +
      /* 8 */ "a1,draft,Astrology,astrology,elective,yes,,Chicago,IL,US,,,,,2027-03-01,2027-03-28,3,2026-10-01,2027-01-31\r\n" +
      /* 9 */ "p1,published,Psychiatry,psychiatry,observership,,,Chicago,IL,US,,,tuition:all:$5,,,,,,\r\n" +
      /* 10 */ "ok,draft,Fine,surgery,core,yes,,Chicago,IL,US,,,,,2027-05-03,2027-05-30,1,2027-01-01,2027-03-01\r\n" +
      /* 11 */ "c2,draft,Bad deadline,surgery,core,yes,,Chicago,IL,US,,,,,2027-05-03,2027-05-30,1,2027-01-01,2027-06-01\r\n";
  auto dry = Import(csv, true);
  ASSERT_EQ(dry.status, 200) << dry.body;
  Json d = dry.json();
  EXPECT_EQ(d["valid"], false);
  std::vector<std::pair<int, std::string>> got;
  for (const auto& e : d["errors"]) got.emplace_back(e["line"].get<int>(), e["field"].get<std::string>());
  std::vector<std::pair<int, std::string>> want = {
      {4, "start_date"}, {6, "start_date"}, {8, "specialty"}, {9, "fees"}, {9, "status"}, {11, "deadline"}};
  EXPECT_EQ(got, want) << d["errors"].dump();
  EXPECT_NE(d["errors"][0]["message"].get<std::string>().find("line 2"), std::string::npos);

  auto real = Import(csv, false);
  ExpectError(real, 400, "invalid_argument", "body");
  EXPECT_EQ(real.json()["errors"].size(), want.size());
  EXPECT_EQ(Count("offerings"), 0);
  EXPECT_EQ(Count("blocks"), 0);

  // Unknown query parameters, and bodies over the limit.
  ExpectError(coord_.Call("POST", Csv() + "?dryrun=1", csv), 400, "invalid_argument", "dryrun");
  auto huge = coord_.Call("POST", Csv() + "?dry_run=1", std::string(kHeader) + std::string(1100 * 1024, 'x'));
  EXPECT_EQ(huge.status, 413);
  // Another institution's coordinator cannot see or write this catalog.
  Client b = NewClient();
  b.Login("coord-b@example.org", kPassword);
  EXPECT_EQ(b.Get(Csv()).status, 404);
  EXPECT_EQ(b.Call("POST", Csv(), std::string(kHeader)).status, 404);
}

TEST_P(CatalogIoTest, SavedSearchesValidateListAndDelete) {
  Client app = NewClient();
  app.Login("applicant@example.org", kPassword);
  ExpectError(app.Post("/api/saved-searches", {{"name", ""}, {"query", {{"q", "cardio"}}}}), 400, "invalid_argument", "name");
  ExpectError(app.Post("/api/saved-searches", {{"name", "x"}, {"query", {{"type", "vacation"}}}}), 400, "invalid_argument", "query.type");
  ExpectError(app.Post("/api/saved-searches", {{"name", "x"}, {"query", {{"color", "red"}}}}), 400, "invalid_argument", "query.color");
  ExpectError(app.Post("/api/saved-searches", {{"name", "x"}, {"query", {{"page", 2}}}}), 400, "invalid_argument", "query.page");
  ExpectError(app.Post("/api/saved-searches", {{"name", "x"}, {"query", "q=x"}}), 400, "invalid_argument", "query");
  auto saved = app.Post("/api/saved-searches", {{"name", "Cardiology in Illinois"},
                                                {"query", {{"q", "cardiology"}, {"state", "IL"}, {"page", "3"}}}});
  ASSERT_EQ(saved.status, 201) << saved.body;
  EXPECT_EQ(saved.json()["query"], Json({{"q", "cardiology"}, {"state", "IL"}}));
  EXPECT_EQ(saved.json()["query_string"], "q=cardiology&state=IL");
  ExpectError(app.Post("/api/saved-searches", {{"name", "Cardiology in Illinois"}, {"query", Json::object()}}), 409, "conflict", "name");
  auto list = app.Get("/api/saved-searches").json();
  ASSERT_EQ(list["items"].size(), 1u);
  std::string id = list["items"][0]["id"];
  // Someone else's search is not found; the owner deletes it.
  MakeUser("applicant-2@example.org", false);
  Client other = NewClient();
  other.Login("applicant-2@example.org", kPassword);
  EXPECT_EQ(other.Get("/api/saved-searches").json()["items"].size(), 0u);
  ExpectError(other.Call("DELETE", "/api/saved-searches/" + id), 404, "not_found");
  EXPECT_EQ(app.Call("DELETE", "/api/saved-searches/" + id).status, 204);
  EXPECT_EQ(app.Get("/api/saved-searches").json()["items"].size(), 0u);
}

TEST_P(CatalogIoTest, AlertsAnnounceEachNewMatchingBlockOnce) {
  std::string early = MakeOffering(a_, "Early Cardiology Elective");  // public before the search is saved
  Client app = NewClient();
  app.Login("applicant@example.org", kPassword);
  ASSERT_EQ(app.Post("/api/saved-searches", {{"name", "Cardio"}, {"query", {{"q", "cardiology"}}}}).status, 201);
  ASSERT_EQ(app.Post("/api/saved-searches", {{"name", "June starts"}, {"query", {{"start_month", "2027-06"}}}}).status, 201);
  EXPECT_EQ(Alerts().emails, 0);  // nothing new since saving
  const std::string to = "applicant@example.org";

  // A matching offering is published with two blocks: one e-mail for "Cardio" listing both.
  std::string base = "/api/institutions/" + a_ + "/offerings";
  auto created = coord_.Post(base, {{"title", "Interventional Cardiology"}, {"specialty", "cardiology"}, {"type", "elective"},
                                    {"city", "Chicago"}, {"state", "IL"}, {"country", "US"}});
  std::string id = created.json()["id"];
  auto block = [&](const std::string& start, const std::string& end) {
    return coord_.Post(base + "/" + id + "/blocks", {{"start_date", start}, {"end_date", end}, {"seats", 2},
                                                     {"opens_on", "2026-10-01"}, {"deadline", "2027-02-28"}});
  };
  ASSERT_EQ(block("2027-03-01", "2027-03-28").status, 201);
  ASSERT_EQ(block("2027-04-05", "2027-05-02").status, 201);
  EXPECT_EQ(Alerts().emails, 0);  // still a draft
  ASSERT_EQ(coord_.Post(base + "/" + id + "/status", {{"status", "published"}}).status, 200);
  // Two server processes (each with its own catalog cache) run the job: one e-mail in all.
  services::Context other{tdb_->db(), clock_, "http://clerkship.test"};
  auto theirs = services::RunSavedSearchAlerts(other);
  ASSERT_TRUE(theirs.has_value());
  EXPECT_EQ(theirs->emails + Alerts().emails, 1);
  EXPECT_EQ(EmailsTo(to), 1);
  std::string mail = LastEmailTo(to);
  EXPECT_NE(mail.find("Interventional Cardiology"), std::string::npos) << mail;
  EXPECT_NE(mail.find("2027-03-01 to 2027-03-28"), std::string::npos) << mail;
  EXPECT_NE(mail.find("2027-04-05 to 2027-05-02"), std::string::npos) << mail;
  EXPECT_NE(mail.find("http://clerkship.test/rotations/" + id), std::string::npos) << mail;
  EXPECT_NE(mail.find("http://clerkship.test/rotations?q=cardiology"), std::string::npos) << mail;
  EXPECT_EQ(mail.find("Early Cardiology"), std::string::npos) << mail;
  EXPECT_EQ(Alerts().emails, 0);  // never twice

  // A June block added to the published offering: "Cardio" and "June starts" each get one e-mail with only it.
  ASSERT_EQ(block("2027-06-07", "2027-07-04").status, 201);
  EXPECT_EQ(Alerts().emails, 2);
  EXPECT_EQ(EmailsTo(to), 3);
  mail = LastEmailTo(to);
  EXPECT_NE(mail.find("2027-06-07 to 2027-07-04"), std::string::npos) << mail;
  EXPECT_EQ(mail.find("2027-03-01"), std::string::npos) << mail;

  // Unpublishing and publishing again announces nothing.
  ASSERT_EQ(coord_.Post(base + "/" + id + "/status", {{"status", "draft"}}).status, 200);
  ASSERT_EQ(coord_.Post(base + "/" + id + "/status", {{"status", "published"}}).status, 200);
  EXPECT_EQ(Alerts().emails, 0);
  // A psychiatry offering with a March block matches neither search.
  auto psych = coord_.Post(base, {{"title", "Psychiatry Observership"}, {"specialty", "psychiatry"},
                                  {"type", "observership"}, {"city", "Chicago"}, {"country", "US"}});
  std::string psych_id = psych.json()["id"];
  ASSERT_EQ(coord_.Post(base + "/" + psych_id + "/blocks",
                        {{"start_date", "2027-03-01"}, {"end_date", "2027-03-28"}, {"seats", 2},
                         {"opens_on", "2026-10-01"}, {"deadline", "2027-02-28"}}).status, 201);
  ASSERT_EQ(coord_.Post(base + "/" + psych_id + "/status", {{"status", "published"}}).status, 200);
  EXPECT_EQ(Alerts().emails, 0);
  // The text also matches the specialty's name: a cardiology offering without the word in its title.
  MakeOffering(b_, "Bayview Surgery Clerkship");
  EXPECT_EQ(Alerts().emails, 1);
  mail = LastEmailTo(to);
  EXPECT_NE(mail.find("Bayview Surgery Clerkship"), std::string::npos) << mail;
  EXPECT_EQ(mail.find("Interventional"), std::string::npos) << mail;
  EXPECT_EQ(Alerts().emails, 0);
  EXPECT_EQ(EmailsTo(to), 4);

  // A block imported from CSV is new too.
  std::string csv = std::string(kHeader) + id + ",published,Interventional Cardiology,cardiology,elective,yes,,Chicago,IL,US,,,,,"
                    "2027-06-21,2027-07-18,2,2026-10-01,2027-03-31\r\n";
  auto imported = Import(csv, false);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(Alerts().emails, 2);
  EXPECT_EQ(EmailsTo(to), 6);
}

INSTANTIATE_TEST_SUITE_P(Backends, CatalogIoTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
