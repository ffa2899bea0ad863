// The catalog through the HTTP API on both backends: coordinators publish,
// anyone searches with text and facets, bad input gets field errors.
#include "integration/http_harness.h"

namespace clerkship::testing {
namespace {

class CatalogTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");
    b_ = MakeInstitution("Bayview Community Hospital");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("coord-b@example.org", false), b_, "coordinator");
      coord_ = NewClient();
    coord_.Login("coord-a@example.org", kPassword);
  }
  Json Offering(const std::string& title, const std::string& specialty, const std::string& type) {
    return {{"title", title},
            {"specialty", specialty},
            {"type", type},
            {"hands_on", type != "observership"},
            {"description", "Rotation with teaching rounds — für alle Studierenden"},
            {"city", "Chicago"},
            {"state", "IL"},
            {"country", "US"},
            {"duration_weeks", 4},
            {"eligibility", {{"students", true}, {"graduates", true}, {"visas_accepted", {"b1_b2"}}}},
            {"required_documents", {{{"type", "immunization_record"}, {"count", 1}}, {{"type", "letter_of_recommendation"}, {"count", 2}}}},
            {"fees", {{{"kind", "application"}, {"category", "all"}, {"amount_cents", 7500}},
                      {{"kind", "tuition"}, {"category", "graduate"}, {"amount_cents", 250000}},
                      {{"kind", "tuition"}, {"category", "student"}, {"amount_cents", 0}}}},
            {"visa_letter", true}};
  }
  Json Block(const std::string& start, const std::string& end) {
    return {{"start_date", start}, {"end_date", end}, {"seats", 3}, {"opens_on", "2026-10-01"}, {"deadline", "2027-01-15"}};
  }
  std::string Publish(const Json& offering, std::vector<Json> blocks) {
    auto created = coord_.Post("/api/institutions/" + a_ + "/offerings", offering);
    EXPECT_EQ(created.status, 201) << created.body;
    std::string id = created.json().value("id", "");
    for (const auto& b : blocks) {
      auto r = coord_.Post("/api/institutions/" + a_ + "/offerings/" + id + "/blocks", b);
      EXPECT_EQ(r.status, 201) << r.body;
    }
    auto pub = coord_.Post("/api/institutions/" + a_ + "/offerings/" + id + "/status", {{"status", "published"}});
    EXPECT_EQ(pub.status, 200) << pub.body;
    return id;
  }
  std::string a_, b_;
  Client coord_{0};
};

TEST_P(CatalogTest, CoordinatorPublishesAndAnyoneFindsIt) {
  std::string cardio = Publish(Offering("Cardiology Elective", "cardiology", "elective"),
                               {Block("2027-03-01", "2027-03-28"), Block("2027-04-05", "2027-05-02")});
  Publish(Offering("Psychiatry Observership", "psychiatry", "observership"), {Block("2027-06-07", "2027-07-04")});
  auto draft = coord_.Post("/api/institutions/" + a_ + "/offerings", Offering("Secret Draft Cardiology", "cardiology", "elective"));
  ASSERT_EQ(draft.status, 201);

  Client anon = NewClient();
  auto r = anon.Get("/api/search/offerings?q=cardiology");
  ASSERT_EQ(r.status, 200) << r.body;
  Json hits = r.json()["items"];
  ASSERT_EQ(hits.size(), 1u);  // the draft is not found
  EXPECT_EQ(hits[0]["id"], cardio);
  EXPECT_EQ(hits[0]["next_start"], "2027-03-01");
  EXPECT_EQ(hits[0]["seats_left"], 6);
  EXPECT_EQ(hits[0]["fee_min_cents"], 7500);  // students pay only the application fee
  // Text finds the institution's name and words with diacritics; facets count.
  EXPECT_EQ(anon.Get("/api/search/offerings?q=lakeshore").json()["total"], 2);
  EXPECT_EQ(anon.Get("/api/search/offerings?q=fur%20alle").json()["total"], 2);
  auto all = anon.Get("/api/search/offerings").json();
  EXPECT_EQ(all["total"], 2);
  EXPECT_EQ(all["facets"]["type"]["elective"], 1);
  EXPECT_EQ(all["facets"]["type"]["observership"], 1);
  EXPECT_EQ(all["facets"]["specialty"]["psychiatry"], 1);
  EXPECT_EQ(all["facets"]["start_month"]["2027-04"], 1);
  EXPECT_EQ(all["facets"]["visa"]["b1_b2"], 2);
  EXPECT_EQ(anon.Get("/api/search/offerings?type=observership&hands_on=false").json()["total"], 1);
  EXPECT_EQ(anon.Get("/api/search/offerings?start_month=2027-06").json()["items"][0]["type"], "observership");
  EXPECT_EQ(anon.Get("/api/search/offerings?fee_max=5000").json()["total"], 0);
  EXPECT_EQ(anon.Get("/api/search/offerings?open_now=true").json()["total"], 2);  // now = 2027-01-15
  EXPECT_EQ(anon.Get("/api/search/offerings?visa=j1").json()["total"], 0);
  EXPECT_EQ(anon.Get("/api/search/offerings?per_page=1&page=2").json()["items"].size(), 1u);

  // The offering page: blocks, all-in cost, institution time zone.
  auto page = anon.Get("/api/offerings/" + cardio);
  ASSERT_EQ(page.status, 200);
  Json o = page.json();
  EXPECT_EQ(o["blocks"].size(), 2u);
  EXPECT_EQ(o["all_in_cents"]["graduate"], 257500);
  EXPECT_EQ(o["all_in_cents"]["student"], 7500);
  EXPECT_EQ(o["time_zone"], "America/Chicago");
  EXPECT_EQ(o["required_documents"][1]["count"], 2);
  // Drafts are invisible to the public, visible to their staff.
  std::string draft_id = draft.json()["id"];
  ExpectError(anon.Get("/api/offerings/" + draft_id), 404, "not_found");
  EXPECT_EQ(coord_.Get("/api/offerings/" + draft_id).status, 200);
}

TEST_P(CatalogTest, CachedGetsRevalidateWith304) {
  std::string id = Publish(Offering("Cardiology Elective", "cardiology", "elective"), {Block("2027-03-01", "2027-03-28")});
  Client anon = NewClient();
  auto first = anon.Get("/api/offerings/" + id);
  std::string etag = first.headers["etag"];
  ASSERT_FALSE(etag.empty());
  EXPECT_NE(first.headers["cache-control"].find("max-age"), std::string::npos);
  auto again = anon.Call("GET", "/api/offerings/" + id, "", {"If-None-Match: " + etag});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  // A change gives a new ETag.
  ASSERT_EQ(coord_.Call("PUT", "/api/institutions/" + a_ + "/offerings/" + id,
                        Offering("Cardiology Elective II", "cardiology", "elective").dump()).status, 200);
  EXPECT_EQ(anon.Call("GET", "/api/offerings/" + id, "", {"If-None-Match: " + etag}).status, 200);
}

TEST_P(CatalogTest, ValidationNamesFieldsAndWritesNothing) {
  auto base = Offering("Cardiology Elective", "cardiology", "elective");
  auto with = [&](const std::string& key, const Json& v) {
    Json j = base;
    j[key] = v;
    return coord_.Post("/api/institutions/" + a_ + "/offerings", j);
  };
  ExpectError(with("title", ""), 400, "invalid_argument", "title");
  ExpectError(with("specialty", "astrology"), 400, "invalid_argument", "specialty");
  ExpectError(with("type", "observership"), 400, "invalid_argument", "hands_on");
  ExpectError(with("duration_weeks", "four"), 400, "invalid_argument", "duration_weeks");
  ExpectError(with("fees", Json::array({{{"kind", "tuition"}, {"amount_cents", -5}}})), 400, "invalid_argument",
              "fees[0].amount_cents");
  ExpectError(with("admin", true), 400, "invalid_argument", "admin");
  EXPECT_EQ(Count("offerings"), 0);

  auto created = coord_.Post("/api/institutions/" + a_ + "/offerings", base);
  std::string id = created.json()["id"];
  std::string blocks = "/api/institutions/" + a_ + "/offerings/" + id + "/blocks";
  ExpectError(coord_.Post(blocks, Block("2027-03-28", "2027-03-01")), 400, "invalid_argument", "end_date");
  ExpectError(coord_.Post(blocks, {{"start_date", "2027-03-01"}, {"end_date", "2027-03-28"}, {"seats", -1},
                                   {"opens_on", "2026-10-01"}, {"deadline", "2027-01-15"}}),
              400, "invalid_argument", "seats");
  ExpectError(coord_.Post(blocks, Block("2027-01-10", "2027-02-10")), 400, "invalid_argument", "deadline");
  ExpectError(coord_.Post(blocks, Block("2027-02-30", "2027-03-28")), 400, "invalid_argument", "start_date");
  // Publishing needs a block.
  ExpectError(coord_.Post("/api/institutions/" + a_ + "/offerings/" + id + "/status", {{"status", "published"}}), 409,
              "failed_precondition", "status");
  ExpectError(coord_.Post("/api/institutions/" + a_ + "/offerings/" + id + "/status", {{"status", "gone"}}), 400,
              "invalid_argument", "status");
  EXPECT_EQ(Count("blocks"), 0);
}

TEST_P(CatalogTest, SearchRejectsBadParametersAndSurvivesHostileText) {
  Publish(Offering("Cardiology Elective", "cardiology", "elective"), {Block("2027-03-01", "2027-03-28")});
  Client anon = NewClient();
  ExpectError(anon.Get("/api/search/offerings?color=red"), 400, "invalid_argument", "color");
  ExpectError(anon.Get("/api/search/offerings?page=0"), 400, "invalid_argument", "page");
  ExpectError(anon.Get("/api/search/offerings?per_page=1000"), 400, "invalid_argument", "per_page");
  ExpectError(anon.Get("/api/search/offerings?type=vacation"), 400, "invalid_argument", "type");
  ExpectError(anon.Get("/api/search/offerings?start_month=2027-13"), 400, "invalid_argument", "start_month");
  ExpectError(anon.Get("/api/search/offerings?sort=random"), 400, "invalid_argument", "sort");
  ExpectError(anon.Get("/api/search/offerings?q=" + std::string(10000, 'a')), 400, "invalid_argument", "q");
  for (const char* q : {"%27%3B%20DROP%20TABLE%20offerings%3B--", "%22unbalanced", "NEAR(a%20b)", "*", "%E7%8E%8B%E5%B0%8F%E6%98%8E",
                        "cardio*%20OR%201%3D1", "%2B%2B%2B", "-cardiology"}) {
    auto r = anon.Get(std::string("/api/search/offerings?q=") + q);
    EXPECT_EQ(r.status, 200) << q << " " << r.body;
  }
  EXPECT_EQ(anon.Get("/api/search/offerings?q=-cardiology").json()["total"], 1);
  EXPECT_EQ(Count("offerings"), 1);
}

TEST_P(CatalogTest, CoordinatorsEditOnlyTheirOwnCatalog) {
  std::string id = Publish(Offering("Cardiology Elective", "cardiology", "elective"), {Block("2027-03-01", "2027-03-28")});
  Client b = NewClient();
  b.Login("coord-b@example.org", kPassword);
  // B cannot reach A's offering through B's own institution path either.
  ExpectError(b.Call("PUT", "/api/institutions/" + b_ + "/offerings/" + id,
                     Offering("Hijacked", "cardiology", "elective").dump()), 404, "not_found");
  ExpectError(b.Post("/api/institutions/" + b_ + "/offerings/" + id + "/status", {{"status", "archived"}}), 404,
              "not_found");
  ExpectError(b.Post("/api/institutions/" + a_ + "/offerings/" + id + "/status", {{"status", "archived"}}), 404,
              "not_found");
  EXPECT_EQ(NewClient().Get("/api/offerings/" + id).json()["title"], "Cardiology Elective");

  // Duplicate, archive, and list with fill counts.
  auto copy = coord_.Post("/api/institutions/" + a_ + "/offerings/" + id + "/duplicate", Json::object());
  ASSERT_EQ(copy.status, 201) << copy.body;
  EXPECT_EQ(copy.json()["title"], "Cardiology Elective (copy)");
  EXPECT_EQ(copy.json()["status"], "draft");
  EXPECT_EQ(coord_.Post("/api/institutions/" + a_ + "/offerings/" + id + "/status", {{"status", "archived"}}).status, 200);
  EXPECT_EQ(NewClient().Get("/api/search/offerings").json()["total"], 0);
  auto mine = coord_.Get("/api/institutions/" + a_ + "/offerings");
  ASSERT_EQ(mine.json()["items"].size(), 2u);
}

TEST_P(CatalogTest, AdminsExtendTheSpecialtyList) {
  MakeUser("admin@example.org", true);
  Client admin = NewClient();
  admin.Login("admin@example.org", kPassword);
  EXPECT_EQ(admin.Post("/api/specialties", {{"code", "sports_medicine"}, {"name", "Sports medicine"}}).status, 201);
  ExpectError(admin.Post("/api/specialties", {{"code", "sports_medicine"}, {"name", "Again"}}), 409, "conflict", "code");
  ExpectError(admin.Post("/api/specialties", {{"code", "Bad Code"}, {"name", "X"}}), 400, "invalid_argument", "code");
  EXPECT_EQ(coord_.Post("/api/institutions/" + a_ + "/offerings", Offering("Sports Med", "sports_medicine", "elective")).status, 201);
  Json vocab = NewClient().Get("/api/catalog/vocabulary").json();
  bool found = false;
  for (const auto& s : vocab["specialties"]) found |= s["code"] == "sports_medicine";
  EXPECT_TRUE(found);
}

INSTANTIATE_TEST_SUITE_P(Backends, CatalogTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
