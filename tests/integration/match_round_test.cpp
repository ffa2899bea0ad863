// Match rounds through the HTTP API on both backends (issue 9): set-up, rank
// lists of applicants, couples and blocks, run, publish, results, scramble,
// and the permission and timing rules around them.
#include <soci/soci.h>

#include <deque>
#include <map>

#include "integration/http_harness.h"

namespace clerkship::testing {
namespace {

class MatchRoundTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");
    b_ = MakeInstitution("Bayview Community Hospital");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("coord-b@example.org", false), b_, "coordinator");
    MakeUser("admin@example.org", true);
    coord_ = Login("coord-a@example.org");
    coord_b_ = Login("coord-b@example.org");
    admin_ = Login("admin@example.org");
    cardio_ = MakeOffering(a_, "Cardiology elective");
    surgery_ = MakeOffering(a_, "Surgery elective");
    medicine_ = MakeOffering(b_, "Internal medicine elective");
    a1_ = BlockOf(cardio_);
    a2_ = BlockOf(surgery_);
    b1_ = BlockOf(medicine_);
  }

  std::string BlockOf(const std::string& offering) { return FirstBlock(offering); }

  // A new applicant with a profile; returns its client (kept in applicants_).
  Client& Applicant(const std::string& email, const std::string& name) {
    ids_[email] = MakeUser(email, false);
    applicants_.push_back(Login(email));
    Json profile = GraduateProfile(name);
    profile["school"]["name"] = "Escola Paulista";
    SaveProfile(applicants_.back(), profile);
    return applicants_.back();
  }

  std::string Apply(Client& c, const std::string& offering, const std::string& block) {
    return ApplyAndSubmit(c, offering, block);
  }

  std::string CreateRound(const Json& blocks) {
    auto r = admin_.Post("/api/match-rounds", {{"name", "Spring 2027 match"},
                                               {"applications_close", "2027-01-31T23:00:00Z"},
                                               {"rank_lists_due", "2027-02-10T17:00:00Z"},
                                               {"match_day", "2027-02-15T15:00:00Z"},
                                               {"blocks", blocks}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json().value("id", "");
  }
  Reply Advance(const std::string& round, const std::string& action) {
    return admin_.Post("/api/match-rounds/" + round + "/status", {{"action", action}});
  }
  Reply RankOwn(Client& c, const std::string& round, const Json& blocks) {
    return c.Call("PUT", "/api/match-rounds/" + round + "/me/rank-list", Json{{"block_ids", blocks}}.dump());
  }
  Reply Certify(Client& c, const std::string& round) {
    return c.Post("/api/match-rounds/" + round + "/me/certify", Json::object());
  }
  std::string ProgramPath(const std::string& inst, const std::string& round, const std::string& block,
                          const std::string& tail) {
    return "/api/institutions/" + inst + "/match-rounds/" + round + "/blocks/" + block + tail;
  }
  Reply RankProgram(Client& c, const std::string& inst, const std::string& round, const std::string& block,
                    const Json& ranked, const Json& skip = Json::array()) {
    return c.Call("PUT", ProgramPath(inst, round, block, "/rank-list"),
                  Json{{"applicant_ids", ranked}, {"do_not_rank", skip}}.dump());
  }
  Reply CertifyProgram(Client& c, const std::string& inst, const std::string& round, const std::string& block) {
    return c.Post(ProgramPath(inst, round, block, "/certify"), Json::object());
  }
  int Filled(const std::string& block) {
    int filled = 0;
    tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
      tx.sql() << "SELECT filled FROM blocks WHERE id = :b", soci::use(block), soci::into(filled);
      return {};
    });
    return filled;
  }

  std::string a_, b_, cardio_, surgery_, medicine_, a1_, a2_, b1_;
  Client coord_{0}, coord_b_{0}, admin_{0};
  std::deque<Client> applicants_;
  std::map<std::string, std::string> ids_;
};

TEST_P(MatchRoundTest, FullRoundFromRankListsToPublishedPlacements) {
  Client& ana = Applicant("ana@example.org", "Ana Souza");
  Client& raj = Applicant("raj@example.org", "Raj Patel");
  Client& li = Applicant("li@example.org", "Li Wei");
  Client& kim = Applicant("kim@example.org", "Kim Park");
  std::string ana_a1 = Apply(ana, cardio_, a1_);
  std::string ana_a2 = Apply(ana, surgery_, a2_);
  Apply(raj, cardio_, a1_);
  Apply(li, cardio_, a1_);
  Apply(li, medicine_, b1_);
  std::string kim_a1 = Apply(kim, cardio_, a1_);

  // a1 offers 1 of its 2 seats in the round; a2 and b1 default to their seats left (2).
  std::string round = CreateRound(Json::array({{{"block_id", a1_}, {"quota", 1}}, {{"block_id", a2_}}, {{"block_id", b1_}}}));
  auto admin_view = admin_.Get("/api/match-rounds/" + round);
  ASSERT_EQ(admin_view.status, 200) << admin_view.body;
  EXPECT_EQ(admin_view.json()["status"], "draft");
  ASSERT_EQ(admin_view.json()["blocks"].size(), 3u);
  std::map<std::string, int> quota;
  Json view = admin_view.json();
  for (const auto& b : view["blocks"]) quota[b["block_id"]] = b["quota"];
  EXPECT_EQ(quota[a1_], 1);
  EXPECT_EQ(quota[a2_], 2);
  // A draft is the admin's alone.
  ExpectError(ana.Get("/api/match-rounds/" + round + "/me"), 404, "not_found");
  ASSERT_EQ(Advance(round, "open").status, 200);

  auto me = ana.Get("/api/match-rounds/" + round + "/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["rankable"].size(), 2u);
  EXPECT_TRUE(me.json()["editable"].get<bool>());

  ASSERT_EQ(RankOwn(ana, round, {a1_, a2_}).status, 204);
  ASSERT_EQ(RankOwn(raj, round, {a1_}).status, 204);
  ASSERT_EQ(RankOwn(li, round, {b1_, a1_}).status, 204);
  ASSERT_EQ(RankOwn(kim, round, {a1_}).status, 204);
  for (Client* c : {&ana, &raj, &li, &kim}) ASSERT_EQ(Certify(*c, round).status, 204);

  std::string ana_id = ids_["ana@example.org"], raj_id = ids_["raj@example.org"], li_id = ids_["li@example.org"],
              kim_id = ids_["kim@example.org"];
  auto coord_view = coord_.Get("/api/institutions/" + a_ + "/match-rounds/" + round);
  ASSERT_EQ(coord_view.status, 200) << coord_view.body;
  ASSERT_EQ(coord_view.json()["programs"].size(), 2u);  // a1 and a2; b1 is B's
  ASSERT_EQ(RankProgram(coord_, a_, round, a1_, {raj_id, ana_id, li_id}, {kim_id}).status, 204);
  ASSERT_EQ(RankProgram(coord_, a_, round, a2_, {ana_id}).status, 204);
  ASSERT_EQ(RankProgram(coord_b_, b_, round, b1_, {li_id}).status, 204);
  ASSERT_EQ(CertifyProgram(coord_, a_, round, a1_).status, 204);
  ASSERT_EQ(CertifyProgram(coord_, a_, round, a2_).status, 204);
  ASSERT_EQ(CertifyProgram(coord_b_, b_, round, b1_).status, 204);
  auto progress = admin_.Get("/api/match-rounds/" + round).json()["progress"];
  EXPECT_EQ(progress["applicants"]["certified"], 4);
  EXPECT_EQ(progress["programs"]["certified"], 3);

  // Running needs ranking closed (or the due time passed); then results stay hidden.
  ExpectError(admin_.Post("/api/match-rounds/" + round + "/run", Json::object()), 409, "conflict");
  ASSERT_EQ(Advance(round, "close_ranking").status, 200);
  ExpectError(RankOwn(ana, round, {a2_}), 409, "conflict");
  auto run = admin_.Post("/api/match-rounds/" + round + "/run", Json::object());
  ASSERT_EQ(run.status, 200) << run.body;
  EXPECT_EQ(run.json()["status"], "matched");
  EXPECT_TRUE(run.json()["stable"].get<bool>());
  EXPECT_EQ(run.json()["stats"]["applicants"], 4);
  EXPECT_EQ(run.json()["stats"]["matched"], 3);
  EXPECT_EQ(run.json()["stats"]["unfilled_seats"], 2);  // a2 one of 2, b1 one of 2
  ExpectError(admin_.Post("/api/match-rounds/" + round + "/run", Json::object()), 409, "conflict");
  EXPECT_TRUE(ana.Get("/api/match-rounds/" + round + "/me").json()["result"].is_null());
  EXPECT_TRUE(coord_.Get("/api/institutions/" + a_ + "/match-rounds/" + round).json()["programs"][0]["matched"].is_null());
  EXPECT_TRUE(admin_.Get("/api/match-rounds/" + round).json()["results"].is_null());
  EXPECT_EQ(Count("placements"), 0);
  ExpectError(kim.Get("/api/match-rounds/" + round + "/scramble"), 409, "conflict");

  auto pub = admin_.Post("/api/match-rounds/" + round + "/publish", Json::object());
  ASSERT_EQ(pub.status, 200) << pub.body;
  EXPECT_EQ(pub.json()["placed"], 3);
  EXPECT_EQ(pub.json()["not_matched"], 1);
  EXPECT_FALSE(pub.json()["published_at"].is_null());
  ExpectError(admin_.Post("/api/match-rounds/" + round + "/publish", Json::object()), 409, "conflict");
  EXPECT_EQ(Count("placements"), 3);
  EXPECT_EQ(Filled(a1_), 1);
  EXPECT_EQ(Filled(a2_), 1);
  EXPECT_EQ(Filled(b1_), 1);

  // Ana: raj took a1's one seat, so she matched her second choice and holds it.
  auto ana_result = ana.Get("/api/match-rounds/" + round + "/me").json()["result"];
  EXPECT_EQ(ana_result["outcome"], "matched");
  EXPECT_EQ(ana_result["block"]["block_id"], a2_);
  EXPECT_FALSE(ana_result["placement_id"].is_null());
  EXPECT_EQ(ana.Get("/api/applications/" + ana_a2).json()["status"], "accepted");
  EXPECT_EQ(ana.Get("/api/applications/" + ana_a1).json()["status"], "submitted");
  auto li_result = li.Get("/api/match-rounds/" + round + "/me").json()["result"];
  EXPECT_EQ(li_result["block"]["block_id"], b1_);
  auto kim_result = kim.Get("/api/match-rounds/" + round + "/me").json()["result"];
  EXPECT_EQ(kim_result["outcome"], "not_matched");
  EXPECT_TRUE(kim_result["block"].is_null());
  EXPECT_EQ(kim.Get("/api/applications/" + kim_a1).json()["status"], "submitted");
  EXPECT_NE(LastEmailTo("ana@example.org").find("You matched"), std::string::npos);
  EXPECT_NE(LastEmailTo("kim@example.org").find("not matched"), std::string::npos);

  auto matched = coord_.Get("/api/institutions/" + a_ + "/match-rounds/" + round).json()["programs"];
  int shown = 0;
  for (const auto& p : matched) shown += static_cast<int>(p["matched"].size());
  EXPECT_EQ(shown, 2);
  EXPECT_EQ(admin_.Get("/api/match-rounds/" + round).json()["results"].size(), 4u);

  // Scramble: kim sees the round's blocks with seats left; matched applicants do not.
  auto scramble = kim.Get("/api/match-rounds/" + round + "/scramble");
  ASSERT_EQ(scramble.status, 200) << scramble.body;
  EXPECT_EQ(scramble.json()["items"].size(), 3u);  // a1 1 of 2, a2 1 of 2, b1 1 of 2 left
  ExpectError(ana.Get("/api/match-rounds/" + round + "/scramble"), 403, "forbidden");
  // Kim applies in the scramble; the coordinator sees her application first.
  clock_.Advance(std::chrono::hours(1));
  std::string kim_a2 = Apply(kim, surgery_, a2_);
  auto queue = coord_.Get("/api/institutions/" + a_ + "/offerings/" + surgery_ + "/review");
  ASSERT_EQ(queue.status, 200) << queue.body;
  ASSERT_EQ(queue.json()["items"].size(), 2u);
  EXPECT_EQ(queue.json()["items"][0]["application_id"], kim_a2);
  EXPECT_EQ(queue.json()["items"][1]["application_id"], ana_a2);
}

TEST_P(MatchRoundTest, RankListRulesAndPermissions) {
  Client& ana = Applicant("ana@example.org", "Ana Souza");
  Apply(ana, cardio_, a1_);
  std::string ana_id = ids_["ana@example.org"];
  std::string round = CreateRound(Json::array({{{"block_id", a1_}}, {{"block_id", b1_}}}));
  ASSERT_EQ(Advance(round, "open").status, 200);

  // An applicant ranks only blocks she applied to, once.
  ExpectError(RankOwn(ana, round, {a1_, b1_}), 400, "invalid_argument", "block_ids[1]");
  ExpectError(RankOwn(ana, round, {a1_, a1_}), 400, "invalid_argument", "block_ids[1]");
  ExpectError(Certify(ana, round), 409, "conflict");  // nothing saved yet
  // Coordinators rank only their own blocks, and only their applicants.
  ExpectError(RankProgram(coord_b_, b_, round, a1_, {ana_id}), 404, "not_found");
  EXPECT_EQ(RankProgram(coord_b_, a_, round, a1_, {ana_id}).status, 404);
  ExpectError(RankProgram(coord_b_, b_, round, b1_, {ana_id}), 400, "invalid_argument", "applicant_ids[0]");
  ExpectError(RankProgram(coord_, a_, round, a1_, {ana_id}, {ana_id}), 400, "invalid_argument", "do_not_rank[0]");
  // Only admins create, run and publish.
  EXPECT_EQ(coord_.Post("/api/match-rounds/" + round + "/run", Json::object()).status, 403);
  EXPECT_EQ(ana.Post("/api/match-rounds/" + round + "/run", Json::object()).status, 403);
  EXPECT_EQ(ana.Post("/api/match-rounds/" + round + "/publish", Json::object()).status, 403);
  EXPECT_EQ(coord_.Post("/api/match-rounds", Json::object()).status, 403);
  // Input checks name the field.
  ExpectError(admin_.Post("/api/match-rounds", {{"name", "x"}, {"applications_close", "2027-02-01"},
                                                {"rank_lists_due", "2027-02-10T17:00:00Z"},
                                                {"match_day", "2027-02-15T15:00:00Z"}, {"blocks", {{{"block_id", a1_}}}}}),
              400, "invalid_argument", "applications_close");
  ExpectError(admin_.Post("/api/match-rounds", {{"name", "x"}, {"applications_close", "2027-02-01T00:00:00Z"},
                                                {"rank_lists_due", "2027-02-10T17:00:00Z"},
                                                {"match_day", "2027-02-15T15:00:00Z"},
                                                {"blocks", {{{"block_id", a1_}, {"quota", 3}}}}}),
              400, "invalid_argument", "blocks[0].quota");
  ExpectError(Advance(round, "publish"), 400, "invalid_argument", "action");

  // After the due time every edit is refused.
  ASSERT_EQ(RankOwn(ana, round, {a1_}).status, 204);
  clock_.Advance(std::chrono::hours(24 * 40));
  // Sessions do not last 40 days: log in again.
  ana = Login("ana@example.org");
  coord_ = Login("coord-a@example.org");
  admin_ = Login("admin@example.org");
  ExpectError(RankOwn(ana, round, {a1_}), 409, "conflict");
  ExpectError(Certify(ana, round), 409, "conflict");
  ExpectError(RankProgram(coord_, a_, round, a1_, {ana_id}), 409, "conflict");
  // Once due, the round can run without closing ranking by hand; uncertified lists do not count.
  auto run = admin_.Post("/api/match-rounds/" + round + "/run", Json::object());
  ASSERT_EQ(run.status, 200) << run.body;
  EXPECT_EQ(run.json()["stats"]["applicants"], 0);
}

TEST_P(MatchRoundTest, CouplesRankOneJointList) {
  Client& ana = Applicant("ana@example.org", "Ana Souza");
  Client& li = Applicant("li@example.org", "Li Wei");
  Client& raj = Applicant("raj@example.org", "Raj Patel");
  Apply(ana, cardio_, a1_);
  Apply(ana, surgery_, a2_);
  Apply(li, medicine_, b1_);
  Apply(li, surgery_, a2_);
  Apply(raj, surgery_, a2_);
  std::string round = CreateRound(Json::array({{{"block_id", a1_}, {"quota", 1}}, {{"block_id", a2_}, {"quota", 1}},
                                               {{"block_id", b1_}, {"quota", 1}}}));
  ASSERT_EQ(Advance(round, "open").status, 200);
  ASSERT_EQ(RankOwn(ana, round, {a2_}).status, 204);

  std::string base = "/api/match-rounds/" + round + "/me/couple";
  ExpectError(ana.Post(base, {{"email", "nobody@example.org"}}), 400, "invalid_argument", "email");
  ExpectError(ana.Post(base, {{"email", "coord-a@example.org"}}), 400, "invalid_argument", "email");
  ASSERT_EQ(ana.Post(base, {{"email", "li@example.org"}}).status, 201);
  EXPECT_NE(LastEmailTo("li@example.org").find("couple"), std::string::npos);
  ExpectError(raj.Post(base, {{"email", "li@example.org"}}), 409, "conflict");
  ExpectError(ana.Post(base + "/confirm", Json::object()), 404, "not_found");  // the inviter cannot confirm
  ASSERT_EQ(li.Post(base + "/confirm", Json::object()).status, 200);
  // The joint list replaces own lists.
  EXPECT_TRUE(ana.Get("/api/match-rounds/" + round + "/me").json()["rank_list"].empty());
  ExpectError(RankOwn(ana, round, {a2_}), 409, "conflict");
  // Pairs: ana's block first (she invited), li's second; null = unmatched.
  auto bad = ana.Call("PUT", base + "/rank-list", Json{{"pairs", Json::array({Json::array({b1_, a2_})})}}.dump());
  ExpectError(bad, 400, "invalid_argument", "pairs[0]");
  ExpectError(ana.Call("PUT", base + "/rank-list", Json{{"pairs", Json::array({Json::array({nullptr, nullptr})})}}.dump()), 400,
              "invalid_argument", "pairs[0]");
  ASSERT_EQ(li.Call("PUT", base + "/rank-list", Json{{"pairs", Json::array({Json::array({a1_, b1_}), Json::array({a2_, nullptr})})}}.dump()).status, 204);
  ASSERT_EQ(ana.Post("/api/match-rounds/" + round + "/me/certify", Json::object()).status, 204);
  auto view = li.Get("/api/match-rounds/" + round + "/me").json()["couple"];
  EXPECT_EQ(view["status"], "confirmed");
  EXPECT_EQ(view["you_are"], "second");
  EXPECT_EQ(view["pairs"].size(), 2u);
  EXPECT_FALSE(view["certified_at"].is_null());

  ASSERT_EQ(RankOwn(raj, round, {a2_}).status, 204);
  ASSERT_EQ(Certify(raj, round).status, 204);
  std::string ana_id = ids_["ana@example.org"], li_id = ids_["li@example.org"], raj_id = ids_["raj@example.org"];
  ASSERT_EQ(RankProgram(coord_, a_, round, a1_, {ana_id}).status, 204);
  ASSERT_EQ(RankProgram(coord_, a_, round, a2_, {raj_id, ana_id, li_id}).status, 204);
  ASSERT_EQ(RankProgram(coord_b_, b_, round, b1_, {li_id}).status, 204);
  ASSERT_EQ(CertifyProgram(coord_, a_, round, a1_).status, 204);
  ASSERT_EQ(CertifyProgram(coord_, a_, round, a2_).status, 204);
  ASSERT_EQ(CertifyProgram(coord_b_, b_, round, b1_).status, 204);
  ASSERT_EQ(Advance(round, "close_ranking").status, 200);
  auto run = admin_.Post("/api/match-rounds/" + round + "/run", Json::object());
  ASSERT_EQ(run.status, 200) << run.body;
  EXPECT_TRUE(run.json()["stable"].get<bool>());
  EXPECT_EQ(run.json()["stats"]["matched"], 3);
  ASSERT_EQ(admin_.Post("/api/match-rounds/" + round + "/publish", Json::object()).status, 200);
  EXPECT_EQ(ana.Get("/api/match-rounds/" + round + "/me").json()["result"]["block"]["block_id"], a1_);
  EXPECT_EQ(li.Get("/api/match-rounds/" + round + "/me").json()["result"]["block"]["block_id"], b1_);
  EXPECT_EQ(raj.Get("/api/match-rounds/" + round + "/me").json()["result"]["block"]["block_id"], a2_);
}

TEST_P(MatchRoundTest, SeatsTakenAtPublishNeverExceedQuotaOrSeats) {
  std::vector<std::string> ids;
  std::deque<Client*> people;
  for (int i = 0; i < 5; ++i) {
    std::string email = "p" + std::to_string(i) + "@example.org";
    Client& c = Applicant(email, "Person " + std::to_string(i));
    Apply(c, cardio_, a1_);
    ids.push_back(ids_[email]);
    people.push_back(&c);
  }
  std::string round = CreateRound(Json::array({{{"block_id", a1_}}}));  // quota = 2 seats left
  ASSERT_EQ(Advance(round, "open").status, 200);
  for (Client* c : people) {
    ASSERT_EQ(RankOwn(*c, round, {a1_}).status, 204);
    ASSERT_EQ(Certify(*c, round).status, 204);
  }
  ASSERT_EQ(RankProgram(coord_, a_, round, a1_, Json(ids)).status, 204);
  ASSERT_EQ(CertifyProgram(coord_, a_, round, a1_).status, 204);
  ASSERT_EQ(Advance(round, "close_ranking").status, 200);
  ASSERT_EQ(admin_.Post("/api/match-rounds/" + round + "/run", Json::object()).status, 200);
  // A seat goes elsewhere between run and publish: publish never overbooks.
  tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
    tx.sql() << "UPDATE blocks SET filled = 1 WHERE id = :b", soci::use(a1_);
    return {};
  });
  auto pub = admin_.Post("/api/match-rounds/" + round + "/publish", Json::object());
  ASSERT_EQ(pub.status, 200) << pub.body;
  EXPECT_EQ(pub.json()["placed"], 1);
  EXPECT_EQ(pub.json()["lapsed"], 1);
  EXPECT_EQ(pub.json()["not_matched"], 3);
  EXPECT_EQ(Filled(a1_), 2);
  EXPECT_EQ(Count("placements"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, MatchRoundTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
