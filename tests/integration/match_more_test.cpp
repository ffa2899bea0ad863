// Match rounds, more (issue 9 "In the product") through the HTTP API on both
// backends: timed scramble rounds (limits, windows, offers that expire at the
// round's end, one accepted scramble offer) and the scheduled match day (runs
// and publishes exactly once when two job runners race).
#include <soci/soci.h>

#include <atomic>
#include <deque>
#include <functional>
#include <latch>
#include <map>
#include <thread>

#include "integration/http_harness.h"
#include "services/match_day.h"
#include "services/offers.h"
#include "services/scramble.h"

namespace clerkship::testing {
namespace {

class MatchMoreTest : public ServerFixture {
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

  // Runs `job` on `n` runners at the same moment, each with its own connection
  // pool and context (like `n` server processes on one database).
  void RaceRunners(int n, const std::function<void(services::Context&, const std::string&)>& job) {
    std::vector<std::unique_ptr<store::Database>> pools;
    std::vector<std::unique_ptr<services::Context>> contexts;
    for (int i = 0; i < n; ++i) {
      auto db = store::Database::Open(tdb_->url(), 2);
      ASSERT_TRUE(db.has_value()) << db.error().message;
      pools.push_back(std::move(*db));
      contexts.push_back(std::make_unique<services::Context>(services::Context{*pools.back(), clock_}));
      contexts.back()->catalog_cache = ctx_->catalog_cache;
      contexts.back()->public_url = ctx_->public_url;
    }
    std::latch start(n);
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&, i] {
        start.arrive_and_wait();
        job(*contexts[i], "runner-" + std::to_string(i));
      });
    }
    for (auto& t : threads) t.join();
  }
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
  void Relogin() {
    coord_ = Login("coord-a@example.org");
    coord_b_ = Login("coord-b@example.org");
    admin_ = Login("admin@example.org");
    for (auto [c, email] : {std::pair{ana_, "ana@example.org"}, std::pair{kim_, "kim@example.org"},
                            std::pair{raj_, "raj@example.org"}}) {
      if (c) c->Login(email, kPassword);
    }
  }
  std::string Iso(std::chrono::seconds from_now) { return core::FormatIso8601(clock_.Now() + from_now); }

  // An open round over a1 (quota 1), a2 and b1 with certified lists: ana will
  // match a1; kim and raj rank a1 too but the block does not rank them.
  std::string RankedRound() {
    ana_ = &Applicant("ana@example.org", "Ana Souza");
    kim_ = &Applicant("kim@example.org", "Kim Park");
    raj_ = &Applicant("raj@example.org", "Raj Patel");
    for (Client* c : {ana_, kim_, raj_}) Apply(*c, cardio_, a1_);
    auto r = admin_.Post("/api/match-rounds", {{"name", "Spring 2027 match"},
                                               {"applications_close", "2027-01-31T23:00:00Z"},
                                               {"rank_lists_due", "2027-02-10T17:00:00Z"},
                                               {"match_day", "2027-02-15T15:00:00Z"},
                                               {"blocks", Json::array({{{"block_id", a1_}, {"quota", 1}},
                                                                       {{"block_id", a2_}},
                                                                       {{"block_id", b1_}}})}});
    EXPECT_EQ(r.status, 201) << r.body;
    std::string round = r.json().value("id", "");
    EXPECT_EQ(admin_.Post("/api/match-rounds/" + round + "/status", {{"action", "open"}}).status, 200);
    for (Client* c : {ana_, kim_, raj_}) {
      EXPECT_EQ(c->Call("PUT", "/api/match-rounds/" + round + "/me/rank-list", Json{{"block_ids", {a1_}}}.dump()).status,
                204);
      EXPECT_EQ(c->Post("/api/match-rounds/" + round + "/me/certify", Json::object()).status, 204);
    }
    std::string base = "/api/institutions/" + a_ + "/match-rounds/" + round + "/blocks/" + a1_;
    EXPECT_EQ(coord_.Call("PUT", base + "/rank-list",
                          Json{{"applicant_ids", {ids_["ana@example.org"]}},
                               {"do_not_rank", {ids_["kim@example.org"], ids_["raj@example.org"]}}}
                              .dump())
                  .status,
              204);
    EXPECT_EQ(coord_.Post(base + "/certify", Json::object()).status, 204);
    round_ = round;
    return round;
  }
  Reply Close() { return admin_.Post("/api/match-rounds/" + round_ + "/status", {{"action", "close_ranking"}}); }
  Reply Run() { return admin_.Post("/api/match-rounds/" + round_ + "/run", Json::object()); }
  Reply Publish() { return admin_.Post("/api/match-rounds/" + round_ + "/publish", Json::object()); }
  Reply Schedule(const Json& rounds, int limit) {
    return admin_.Call("PUT", "/api/match-rounds/" + round_ + "/scramble/schedule",
                       Json{{"rounds", rounds}, {"application_limit", limit}}.dump());
  }
  Reply ScrambleApply(Client& c, const std::string& block) {
    return c.Post("/api/match-rounds/" + round_ + "/scramble/applications", {{"block_id", block}});
  }
  Reply Offer(Client& coord, const std::string& inst, const std::string& scramble_application_id) {
    return coord.Post("/api/institutions/" + inst + "/match-rounds/" + round_ + "/scramble/offers",
                      {{"scramble_application_id", scramble_application_id}});
  }
  Json OfferOf(Client& c, const std::string& id) {
    Json offers = c.Get("/api/me/offers").json();
    for (const auto& o : offers["items"]) {
      if (o["id"] == id) return o;
    }
    return nullptr;
  }

  std::string a_, b_, cardio_, surgery_, medicine_, a1_, a2_, b1_, round_;
  Client coord_{0}, coord_b_{0}, admin_{0};
  Client *ana_ = nullptr, *kim_ = nullptr, *raj_ = nullptr;
  std::deque<Client> applicants_;
  std::map<std::string, std::string> ids_;
};

TEST_P(MatchMoreTest, ScrambleWindowsLimitAndOneAcceptedOffer) {
  RankedRound();
  ASSERT_EQ(Close().status, 200);
  ASSERT_EQ(Run().status, 200);
  // No scramble schedule before the results are out.
  ExpectError(Schedule(Json::array({{{"starts_at", Iso(std::chrono::hours(1))}, {"ends_at", Iso(std::chrono::hours(3))}}}), 2),
              409, "conflict");
  auto pub = Publish();
  ASSERT_EQ(pub.status, 200) << pub.body;
  ASSERT_EQ(pub.json()["placed"], 1);

  // Unscheduled: the applicant sees why, and cannot apply.
  auto me = kim_->Get("/api/match-rounds/" + round_ + "/scramble/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_FALSE(me.json()["can_apply"].get<bool>());
  EXPECT_NE(me.json()["reason"].get<std::string>().find("no scramble round is scheduled"), std::string::npos);
  ExpectError(ScrambleApply(*kim_, a2_), 409, "conflict");

  // Bad schedules name the field.
  auto backwards = Schedule(Json::array({{{"starts_at", Iso(std::chrono::hours(3))}, {"ends_at", Iso(std::chrono::hours(1))}}}), 2);
  ExpectError(backwards, 400, "invalid_argument");
  EXPECT_EQ(backwards.json()["error"]["field"], "rounds[0].ends_at");
  auto limit0 = Schedule(Json::array({{{"starts_at", Iso(std::chrono::hours(1))}, {"ends_at", Iso(std::chrono::hours(3))}}}), 0);
  EXPECT_EQ(limit0.json()["error"]["field"], "application_limit");

  std::string r1_end = Iso(std::chrono::hours(3));
  auto s = Schedule(Json::array({{{"starts_at", Iso(std::chrono::hours(1))}, {"ends_at", r1_end}},
                                 {{"starts_at", Iso(std::chrono::hours(24))}, {"ends_at", Iso(std::chrono::hours(27))}}}),
                    2);
  ASSERT_EQ(s.status, 200) << s.body;
  EXPECT_EQ(s.json()["rounds"].size(), 2u);
  EXPECT_TRUE(s.json()["current"].is_null());

  // Matched applicants and applicants outside the round are refused with the reason.
  auto matched = ana_->Get("/api/match-rounds/" + round_ + "/scramble/me");
  ExpectError(matched, 403, "forbidden");
  EXPECT_NE(matched.json()["error"]["message"].get<std::string>().find("you matched"), std::string::npos);
  ExpectError(ScrambleApply(*ana_, a2_), 403, "forbidden");
  Client& out = Applicant("out@example.org", "Outside Person");
  ExpectError(ScrambleApply(out, a2_), 403, "forbidden");

  // Before round 1 opens: 409 saying when it opens.
  auto early = ScrambleApply(*kim_, a2_);
  ExpectError(early, 409, "conflict");
  EXPECT_NE(early.json()["error"]["message"].get<std::string>().find("opens at"), std::string::npos);

  clock_.Advance(std::chrono::hours(2));  // inside round 1
  auto k_a2 = ScrambleApply(*kim_, a2_);
  ASSERT_EQ(k_a2.status, 201) << k_a2.body;
  ExpectError(ScrambleApply(*kim_, a2_), 409, "conflict");  // twice to one block
  ExpectError(ScrambleApply(*kim_, "nope"), 400, "invalid_argument");
  auto k_b1 = ScrambleApply(*kim_, b1_);
  ASSERT_EQ(k_b1.status, 201) << k_b1.body;
  auto third = ScrambleApply(*kim_, a1_);  // the limit is 2
  ExpectError(third, 409, "conflict");
  EXPECT_EQ(third.json()["error"]["field"], "application_limit");
  EXPECT_NE(third.json()["error"]["message"].get<std::string>().find("all 2 scramble applications"), std::string::npos);
  auto kim_view = kim_->Get("/api/match-rounds/" + round_ + "/scramble/me").json();
  EXPECT_EQ(kim_view["used"], 2);
  EXPECT_FALSE(kim_view["can_apply"].get<bool>());
  EXPECT_EQ(kim_view["blocks"].size(), 3u);  // a1 1 left, a2 and b1 2 left
  EXPECT_FALSE(kim_view["schedule"]["current"].is_null());

  // Each coordinator sees the unfilled blocks with their scramble applicants.
  auto board_a = coord_.Get("/api/institutions/" + a_ + "/match-rounds/" + round_ + "/scramble");
  ASSERT_EQ(board_a.status, 200) << board_a.body;
  int applicants_a = 0;
  Json board = board_a.json();
  for (const auto& b : board["blocks"]) applicants_a += static_cast<int>(b["applicants"].size());
  EXPECT_EQ(board_a.json()["blocks"].size(), 2u);
  EXPECT_EQ(applicants_a, 1);
  EXPECT_EQ(coord_b_.Get("/api/institutions/" + a_ + "/match-rounds/" + round_ + "/scramble").status, 404);
  // Coordinator B cannot offer A's scramble application.
  ExpectError(Offer(coord_b_, b_, k_a2.json()["id"]), 404, "not_found");

  auto offer_a = Offer(coord_, a_, k_a2.json()["id"]);
  ASSERT_EQ(offer_a.status, 201) << offer_a.body;
  EXPECT_EQ(offer_a.json()["expires_at"], r1_end);  // expires when round 1 ends
  auto offer_b = Offer(coord_b_, b_, k_b1.json()["id"]);
  ASSERT_EQ(offer_b.status, 201) << offer_b.body;

  // Accepting one scramble offer declines the other.
  auto acc = kim_->Post("/api/offers/" + offer_a.json()["id"].get<std::string>() + "/accept", Json::object());
  ASSERT_EQ(acc.status, 200) << acc.body;
  EXPECT_EQ(OfferOf(*kim_, offer_b.json()["id"])["status"], "declined");
  ExpectError(kim_->Post("/api/offers/" + offer_b.json()["id"].get<std::string>() + "/accept", Json::object()), 409,
              "conflict");
  // Done: no more applications, no more offers.
  auto again = coord_b_.Post("/api/institutions/" + b_ + "/match-rounds/" + round_ + "/scramble/offers",
                             {{"scramble_application_id", k_b1.json()["id"]}});
  ExpectError(again, 409, "conflict");
  EXPECT_NE(kim_->Get("/api/match-rounds/" + round_ + "/scramble/me").json()["reason"].get<std::string>().find("accepted"),
            std::string::npos);
}

TEST_P(MatchMoreTest, ScrambleOfferExpiresAtRoundEndAndFreesTheSeatForTheNextRound) {
  RankedRound();
  ASSERT_EQ(Close().status, 200);
  ASSERT_EQ(Run().status, 200);
  ASSERT_EQ(Publish().status, 200);
  std::string r1_end = Iso(std::chrono::hours(3)), r2_end = Iso(std::chrono::hours(27));
  ASSERT_EQ(Schedule(Json::array({{{"starts_at", Iso(std::chrono::hours(1))}, {"ends_at", r1_end}},
                                  {{"starts_at", Iso(std::chrono::hours(24))}, {"ends_at", r2_end}}}),
                     10)
                .status,
            200);
  clock_.Advance(std::chrono::hours(2));
  // a1 has one seat left (ana took the other); kim and raj both apply.
  auto kim_a1 = ScrambleApply(*kim_, a1_);
  ASSERT_EQ(kim_a1.status, 201) << kim_a1.body;
  auto raj_a1 = ScrambleApply(*raj_, a1_);
  ASSERT_EQ(raj_a1.status, 201) << raj_a1.body;
  auto to_kim = Offer(coord_, a_, kim_a1.json()["id"]);
  ASSERT_EQ(to_kim.status, 201) << to_kim.body;
  // The one seat left is covered by kim's pending offer.
  auto to_raj = Offer(coord_, a_, raj_a1.json()["id"]);
  ExpectError(to_raj, 409, "conflict");
  EXPECT_NE(to_raj.json()["error"]["message"].get<std::string>().find("covered"), std::string::npos);

  // Round 1 ends: kim's offer expires (the expiry job), and cannot be accepted.
  clock_.Advance(std::chrono::hours(2));
  auto expired = services::ExpireOffers(*ctx_);
  ASSERT_TRUE(expired.has_value());
  EXPECT_EQ(*expired, 1);
  EXPECT_EQ(OfferOf(*kim_, to_kim.json()["id"])["status"], "expired");
  ExpectError(kim_->Post("/api/offers/" + to_kim.json()["id"].get<std::string>() + "/accept", Json::object()), 409,
              "conflict");
  // Between rounds: neither applications nor offers.
  ExpectError(Offer(coord_, a_, raj_a1.json()["id"]), 409, "conflict");
  ExpectError(ScrambleApply(*raj_, a2_), 409, "conflict");

  // Round 2: the freed seat goes to raj, with an offer that ends with round 2.
  clock_.Advance(std::chrono::hours(20));
  Relogin();  // the sessions idled out while the fake clock moved
  auto round2 = Offer(coord_, a_, raj_a1.json()["id"]);
  ASSERT_EQ(round2.status, 201) << round2.body;
  EXPECT_EQ(round2.json()["expires_at"], r2_end);
  auto acc = raj_->Post("/api/offers/" + round2.json()["id"].get<std::string>() + "/accept", Json::object());
  ASSERT_EQ(acc.status, 200) << acc.body;
  EXPECT_EQ(acc.json()["placement"]["block_id"], a1_);
  // Started rounds cannot be changed any more.
  ExpectError(Schedule(Json::array({{{"starts_at", Iso(std::chrono::hours(30))}, {"ends_at", Iso(std::chrono::hours(33))}}}), 10),
              409, "conflict");
}

TEST_P(MatchMoreTest, ScheduledMatchDayRunsAndPublishesOnceWhenTwoRunnersRace) {
  RankedRound();
  std::string path = "/api/match-rounds/" + round_ + "/match-day";
  ExpectError(admin_.Call("PUT", path, Json{{"scheduled", "yes"}}.dump()), 400, "invalid_argument");
  auto on = admin_.Call("PUT", path, Json{{"scheduled", true}}.dump());
  ASSERT_EQ(on.status, 200) << on.body;
  EXPECT_TRUE(on.json()["scheduled"].get<bool>());
  EXPECT_TRUE(on.json()["outcome"].is_null());
  // Not due yet: nothing happens.
  auto early = services::RunDueMatchDays(*ctx_, "early");
  ASSERT_TRUE(early.has_value());
  EXPECT_TRUE(early->empty());
  EXPECT_EQ(admin_.Get("/api/match-rounds/" + round_).json()["status"], "open");

  // Match day has come (2027-02-15T15:00Z; the clock starts 2027-01-15): two
  // runners with their own connection pools, like two server processes.
  clock_.Advance(std::chrono::hours(24 * 32));
  std::atomic<int> ran{0}, failed{0};
  RaceRunners(2, [&](services::Context& ctx, const std::string& runner) {
    auto r = services::RunDueMatchDays(ctx, runner);
    if (!r) {
      ++failed;
      return;
    }
    ran += static_cast<int>(r->size());
  });
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(ran.load(), 1);
  EXPECT_EQ(Count("placements"), 1);
  int claims = 0;
  tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
    tx.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = 'match_round.match_day.claim'", soci::into(claims);
    return {};
  });
  EXPECT_EQ(claims, 1);

  Relogin();  // the sessions idled out while the fake clock moved
  // The same result as the admin's run and publish.
  auto view = admin_.Get("/api/match-rounds/" + round_).json();
  EXPECT_EQ(view["status"], "published");
  EXPECT_TRUE(view["stable"].get<bool>());
  EXPECT_EQ(view["stats"]["matched"], 1);
  EXPECT_EQ(ana_->Get("/api/match-rounds/" + round_ + "/me").json()["result"]["block"]["block_id"], a1_);
  EXPECT_EQ(kim_->Get("/api/match-rounds/" + round_ + "/me").json()["result"]["outcome"], "not_matched");
  auto outcome = admin_.Get(path).json();
  EXPECT_FALSE(outcome["claimed_at"].is_null());
  EXPECT_EQ(outcome["outcome"].get<std::string>().rfind("published: 1 placed", 0), 0u) << outcome.dump();
  // Later passes do nothing; the schedule cannot change any more.
  auto again = services::RunDueMatchDays(*ctx_, "later");
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->empty());
  ExpectError(admin_.Call("PUT", path, Json{{"scheduled", false}}.dump()), 409, "conflict");
}

// "The scramble is open" e-mail: one per unmatched applicant per scramble
// round, none to the matched applicant, exactly once when two runners race.
TEST_P(MatchMoreTest, ScrambleOpenEmailGoesOnceToEachUnmatchedApplicant) {
  RankedRound();
  ASSERT_EQ(Close().status, 200);
  ASSERT_EQ(Run().status, 200);
  ASSERT_EQ(Publish().status, 200);
  ASSERT_EQ(Schedule(Json::array({{{"starts_at", Iso(std::chrono::hours(1))}, {"ends_at", Iso(std::chrono::hours(3))}},
                                  {{"starts_at", Iso(std::chrono::hours(24))}, {"ends_at", Iso(std::chrono::hours(27))}}}),
                     2)
                .status,
            200);
  auto opens = [&](const std::string& to) {
    int n = 0;
    tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
      tx.sql() << "SELECT COUNT(*) FROM outbox WHERE to_addr = :t AND subject LIKE 'The scramble is open%'",
          soci::use(to), soci::into(n);
      return {};
    });
    return n;
  };
  // Not open yet: nothing.
  auto early = services::AnnounceOpenScrambleRounds(*ctx_, "early");
  ASSERT_TRUE(early.has_value());
  EXPECT_EQ(*early, 0);
  EXPECT_EQ(opens("kim@example.org"), 0);

  // Round 1 opens; two runners with their own pools race.
  clock_.Advance(std::chrono::hours(2));
  std::atomic<int> queued{0}, failed{0};
  RaceRunners(2, [&](services::Context& ctx, const std::string& runner) {
    auto r = services::AnnounceOpenScrambleRounds(ctx, runner);
    if (!r) {
      ++failed;
      return;
    }
    queued += *r;
  });
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(queued.load(), 2);
  EXPECT_EQ(opens("kim@example.org"), 1);
  EXPECT_EQ(opens("raj@example.org"), 1);
  EXPECT_EQ(opens("ana@example.org"), 0);  // matched
  std::string kim_mail = LastEmailTo("kim@example.org");
  EXPECT_NE(kim_mail.find("unfilled block"), std::string::npos) << kim_mail;
  EXPECT_NE(kim_mail.find("you may apply to up to 2 until " + Iso(std::chrono::hours(1)).substr(0, 10)),
            std::string::npos)
      << kim_mail;
  EXPECT_NE(kim_mail.find("UTC"), std::string::npos) << kim_mail;
  // A later pass sends nothing more.
  auto again = services::AnnounceOpenScrambleRounds(*ctx_, "later");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(opens("kim@example.org"), 1);

  // raj applies once in round 1; round 2 tells him one application is left.
  ASSERT_EQ(ScrambleApply(*raj_, a2_).status, 201);
  clock_.Advance(std::chrono::hours(23));
  auto second = services::AnnounceOpenScrambleRounds(*ctx_, "later");
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(*second, 2);
  EXPECT_EQ(opens("kim@example.org"), 2);
  EXPECT_EQ(opens("raj@example.org"), 2);
  EXPECT_EQ(opens("ana@example.org"), 0);
  EXPECT_NE(LastEmailTo("raj@example.org").find("up to 1 until"), std::string::npos);
}

// Groups by e-mail and edits: managers named by e-mail, GET for managers,
// PUT (admin) renames and replaces members and managers, validated.
TEST_P(MatchMoreTest, AdminEditsGroupMembershipAndManagersByEmail) {
  auto unknown = admin_.Post("/api/institution-groups", {{"name", "Lakeshore network"},
                                                         {"institution_ids", {a_}},
                                                         {"manager_emails", {"nobody@example.org"}}});
  ExpectError(unknown, 400, "invalid_argument");
  EXPECT_EQ(unknown.json()["error"]["field"], "manager_emails[0]");
  auto group = admin_.Post("/api/institution-groups", {{"name", "Lakeshore network"},
                                                       {"institution_ids", {a_}},
                                                       {"manager_emails", {"Coord-A@example.org"}}});
  ASSERT_EQ(group.status, 201) << group.body;
  std::string g = group.json()["id"];
  EXPECT_EQ(group.json()["managers"][0]["email"], "coord-a@example.org");
  EXPECT_EQ(group.json()["institutions"][0]["name"], "Lakeshore University Medical Center");
  std::string path = "/api/institution-groups/" + g;
  EXPECT_EQ(coord_.Get(path).status, 200);
  ExpectError(coord_b_.Get(path), 403, "forbidden");
  // coord-b may not manage until Bayview is a member.
  auto early = admin_.Call("PUT", path,
                           Json{{"name", "Lake and Bay"},
                                {"institution_ids", {a_}},
                                {"manager_emails", {"coord-a@example.org", "coord-b@example.org"}}}
                               .dump());
  ExpectError(early, 400, "invalid_argument");
  EXPECT_EQ(early.json()["error"]["field"], "manager_emails[1]");
  ExpectError(admin_.Call("PUT", path, Json{{"name", ""}, {"institution_ids", {a_}}}.dump()), 400, "invalid_argument");
  ExpectError(admin_.Call("PUT", path, Json{{"name", "x"}, {"institution_ids", {a_, a_}}}.dump()), 400,
              "invalid_argument");
  ExpectError(admin_.Call("PUT", "/api/institution-groups/nope", Json{{"name", "x"}, {"institution_ids", {a_}}}.dump()),
              404, "not_found");
  ExpectError(coord_.Call("PUT", path, Json{{"name", "x"}, {"institution_ids", {a_, b_}}}.dump()), 403, "forbidden");
  // Swap: Bayview joins with coord-b, coord-a is no longer a manager.
  auto edited = admin_.Call("PUT", path,
                            Json{{"name", "Lake and Bay"},
                                 {"institution_ids", {a_, b_}},
                                 {"manager_emails", {"coord-b@example.org"}}}
                                .dump());
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["name"], "Lake and Bay");
  EXPECT_EQ(edited.json()["institution_ids"].size(), 2u);
  ASSERT_EQ(edited.json()["managers"].size(), 1u);
  EXPECT_EQ(edited.json()["managers"][0]["email"], "coord-b@example.org");
  ExpectError(coord_.Get(path), 403, "forbidden");
  EXPECT_EQ(coord_b_.Get(path).json()["name"], "Lake and Bay");
  EXPECT_EQ(coord_.Get("/api/institution-groups").json()["items"].size(), 0u);
  // The new manager can now create a round over both institutions' blocks.
  auto created = coord_b_.Post(path + "/match-rounds", {{"name", "Lake and Bay match"},
                                                         {"applications_close", "2027-01-31T23:00:00Z"},
                                                         {"rank_lists_due", "2027-02-10T17:00:00Z"},
                                                         {"match_day", "2027-02-15T15:00:00Z"},
                                                         {"blocks", Json::array({{{"block_id", a1_}}, {{"block_id", b1_}}})}});
  EXPECT_EQ(created.status, 201) << created.body;
  int audits = 0;
  tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
    tx.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = 'institution_group.update'", soci::into(audits);
    return {};
  });
  EXPECT_EQ(audits, 1);
}

TEST_P(MatchMoreTest, GroupManagersCreateAndRunOnlyTheirGroupsRounds) {
  std::string coord_a_id, coord_b_id;
  tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
    tx.sql() << "SELECT id FROM users WHERE email = 'coord-a@example.org'", soci::into(coord_a_id);
    tx.sql() << "SELECT id FROM users WHERE email = 'coord-b@example.org'", soci::into(coord_b_id);
    return {};
  });
  // Managers must coordinate a member institution; members must exist.
  auto bad_manager = admin_.Post("/api/institution-groups",
                                 {{"name", "Lakeshore network"}, {"institution_ids", {a_}}, {"manager_ids", {coord_b_id}}});
  ExpectError(bad_manager, 400, "invalid_argument");
  EXPECT_EQ(bad_manager.json()["error"]["field"], "manager_ids[0]");
  auto bad_member = admin_.Post("/api/institution-groups", {{"name", "Lakeshore network"}, {"institution_ids", {"nope"}}});
  EXPECT_EQ(bad_member.json()["error"]["field"], "institution_ids[0]");
  ExpectError(coord_.Post("/api/institution-groups", {{"name", "Mine"}, {"institution_ids", {a_}}}), 403, "forbidden");
  auto group = admin_.Post("/api/institution-groups",
                           {{"name", "Lakeshore network"}, {"institution_ids", {a_}}, {"manager_ids", {coord_a_id}}});
  ASSERT_EQ(group.status, 201) << group.body;
  std::string g = group.json()["id"];
  EXPECT_EQ(coord_.Get("/api/institution-groups").json()["items"].size(), 1u);
  EXPECT_EQ(coord_b_.Get("/api/institution-groups").json()["items"].size(), 0u);

  Json timeline = {{"name", "Network match"},
                   {"applications_close", "2027-01-31T23:00:00Z"},
                   {"rank_lists_due", "2027-02-10T17:00:00Z"},
                   {"match_day", "2027-02-15T15:00:00Z"}};
  std::string base = "/api/institution-groups/" + g + "/match-rounds";
  // A block of Bayview (not in the group) is refused, naming the offering.
  Json with_b = timeline;
  with_b["blocks"] = Json::array({{{"block_id", a1_}}, {{"block_id", b1_}}});
  auto outside = coord_.Post(base, with_b);
  ExpectError(outside, 403, "forbidden");
  EXPECT_EQ(outside.json()["error"]["field"], "blocks[1]");
  EXPECT_NE(outside.json()["error"]["message"].get<std::string>().find("Internal medicine elective"), std::string::npos);
  Json mine = timeline;
  mine["blocks"] = Json::array({{{"block_id", a1_}}, {{"block_id", a2_}}});
  // Not a manager of the group: 403, also for a coordinator of another institution.
  ExpectError(coord_b_.Post(base, mine), 403, "forbidden");
  auto created = coord_.Post(base, mine);
  ASSERT_EQ(created.status, 201) << created.body;
  std::string round = created.json()["id"];
  EXPECT_EQ(Count("match_round_groups"), 1);
  ASSERT_EQ(coord_.Get(base).json()["items"].size(), 1u);
  ExpectError(coord_b_.Get(base), 403, "forbidden");
  // Admins still see every round, managers do not get the admin routes.
  bool admin_sees = false;
  Json all_rounds = admin_.Get("/api/match-rounds").json();
  for (const auto& r : all_rounds["items"]) admin_sees = admin_sees || r["id"] == round;
  EXPECT_TRUE(admin_sees);
  ExpectError(coord_.Post("/api/match-rounds/" + round + "/status", {{"action", "open"}}), 403, "forbidden");

  // The manager runs the round through the group's routes; others are refused.
  std::string r = base + "/" + round;
  ExpectError(coord_b_.Post(r + "/status", {{"action", "open"}}), 403, "forbidden");
  ASSERT_EQ(coord_.Post(r + "/status", {{"action", "open"}}).status, 200);
  Client& ana = Applicant("ana@example.org", "Ana Souza");
  Apply(ana, cardio_, a1_);
  ASSERT_EQ(ana.Call("PUT", "/api/match-rounds/" + round + "/me/rank-list", Json{{"block_ids", {a1_}}}.dump()).status, 204);
  ASSERT_EQ(ana.Post("/api/match-rounds/" + round + "/me/certify", Json::object()).status, 204);
  std::string list = "/api/institutions/" + a_ + "/match-rounds/" + round + "/blocks/" + a1_;
  ASSERT_EQ(coord_.Call("PUT", list + "/rank-list", Json{{"applicant_ids", {ids_["ana@example.org"]}}}.dump()).status, 204);
  ASSERT_EQ(coord_.Post(list + "/certify", Json::object()).status, 204);
  ExpectError(coord_.Post(r + "/run", Json::object()), 409, "conflict");  // ranking still open
  ASSERT_EQ(coord_.Post(r + "/status", {{"action", "close_ranking"}}).status, 200);
  ExpectError(coord_b_.Post(r + "/run", Json::object()), 403, "forbidden");
  auto run = coord_.Post(r + "/run", Json::object());
  ASSERT_EQ(run.status, 200) << run.body;
  EXPECT_EQ(run.json()["matched"], 1);
  ExpectError(coord_b_.Post(r + "/publish", Json::object()), 403, "forbidden");
  auto pub = coord_.Post(r + "/publish", Json::object());
  ASSERT_EQ(pub.status, 200) << pub.body;
  EXPECT_EQ(pub.json()["placed"], 1);
  EXPECT_EQ(admin_.Get("/api/match-rounds/" + round).json()["status"], "published");

  // An admin's round is not the group's: the group routes do not reach it.
  auto admin_round = admin_.Post("/api/match-rounds", mine);
  ASSERT_EQ(admin_round.status, 201) << admin_round.body;
  ExpectError(coord_.Post(base + "/" + admin_round.json()["id"].get<std::string>() + "/status", {{"action", "open"}}), 404,
              "not_found");
}

INSTANTIATE_TEST_SUITE_P(Backends, MatchMoreTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
