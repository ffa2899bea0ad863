// Offers and seats through the HTTP API and the services on both backends
// (issue 7): offer, accept (one transaction, never overbooked), decline,
// rescind, cancel, expiry, overlap, waitlist promotion, and the race for the
// last seat from parallel connections and separate connection pools.
#include <soci/soci.h>

#include <atomic>
#include <cstdio>
#include <deque>
#include <latch>

#include "adapters/random.h"
#include "integration/http_harness.h"
#include "services/offers.h"
#include "store/vault.h"

namespace clerkship::testing {
namespace {

class OffersTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("reviewer-a@example.org", false), a_, "reviewer");
    coord_ = Login("coord-a@example.org");
    reviewer_ = Login("reviewer-a@example.org");
    offering_ = MakeOffering(a_, "Cardiology elective");
    block_ = coord_.Get("/api/offerings/" + offering_).json()["blocks"][0]["id"];
  }

  // A new applicant who applies to `offering` (its first block) and submits.
  Client& Apply(const std::string& email, const std::string& offering, std::string* application_id) {
    if (!users_.contains(email)) {
      MakeUser(email, false);
      applicants_.push_back(Login(email));
      users_[email] = &applicants_.back();
      Json profile = {{"legal_name", email.substr(0, email.find('@'))}, {"date_of_birth", "1996-04-02"},
                      {"citizenship", "BR"}, {"country_of_residence", "BR"}};
      auto saved = users_[email]->Call("PUT", "/api/me/profile", Json{{"profile", profile}, {"version", 0}}.dump());
      EXPECT_EQ(saved.status, 200) << saved.body;
    }
    Client& c = *users_[email];
    *application_id = ApplyAndSubmit(c, offering, FirstBlock(offering));
    return c;
  }

  Reply Offer(const std::string& application_id, const std::string& block, Json extra = Json::object()) {
    extra["block_id"] = block;
    return coord_.Post("/api/institutions/" + a_ + "/applications/" + application_id + "/offers", extra);
  }
  std::string Status(const std::string& application_id) {
    return coord_.Get("/api/institutions/" + a_ + "/applications/" + application_id).json()["status"];
  }
  void SetSeats(const std::string& block, int seats) {
    ASSERT_TRUE(tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
      tx.sql() << "UPDATE blocks SET seats = :s WHERE id = :b", soci::use(seats), soci::use(block);
      return {};
    }));
  }
  int Filled(const std::string& block) {
    int n = -1;
    EXPECT_TRUE(tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
      tx.sql() << "SELECT filled FROM blocks WHERE id = :b", soci::use(block), soci::into(n);
      return {};
    }));
    return n;
  }
  int ActivePlacements(const std::string& block) {
    int n = -1;
    EXPECT_TRUE(tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
      tx.sql() << "SELECT COUNT(*) FROM placements WHERE block_id = :b AND status <> 'cancelled'", soci::use(block),
          soci::into(n);
      return {};
    }));
    return n;
  }
  int AuditCount(const std::string& action) {
    int n = -1;
    EXPECT_TRUE(tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
      tx.sql() << "SELECT COUNT(*) FROM audit_log WHERE action = :a", soci::use(action), soci::into(n);
      return {};
    }));
    return n;
  }

  std::string a_, offering_, block_;
  Client coord_{0}, reviewer_{0};
  std::deque<Client> applicants_;
  std::map<std::string, Client*> users_;
};

TEST_P(OffersTest, LastSeatGoesToTheFirstAcceptanceAndTheOtherIsWaitlistedThenPromoted) {
  SetSeats(block_, 1);
  std::string ana_app, minh_app, raj_app;
  Client& ana = Apply("ana@example.org", offering_, &ana_app);
  Client& minh = Apply("minh@example.org", offering_, &minh_app);
  Apply("raj@example.org", offering_, &raj_app);

  // Reviewers cannot offer; the generic transition points to the offer endpoint.
  ExpectError(reviewer_.Post("/api/institutions/" + a_ + "/applications/" + ana_app + "/offers",
                             {{"block_id", block_}}), 403, "forbidden");
  auto generic = coord_.Post("/api/institutions/" + a_ + "/applications/" + ana_app + "/transition",
                             {{"event", "offer"}, {"version", 2}});
  ExpectError(generic, 409, "conflict");
  EXPECT_NE(generic.body.find("/offers"), std::string::npos) << generic.body;

  // Two offers for the last free seat are allowed (a pending offer holds no seat).
  auto to_ana = Offer(ana_app, block_);
  ASSERT_EQ(to_ana.status, 201) << to_ana.body;
  EXPECT_EQ(to_ana.json()["status"], "pending");
  EXPECT_EQ(to_ana.json()["expires_at"], "2027-01-22T08:00:00Z");  // default 7 days
  auto to_minh = Offer(minh_app, block_);
  ASSERT_EQ(to_minh.status, 201) << to_minh.body;
  EXPECT_EQ(to_minh.json()["block"]["pending_offers"], 2);
  EXPECT_EQ(to_minh.json()["block"]["seats_left"], 1);
  std::string mail = LastEmailTo("ana@example.org");
  EXPECT_NE(mail.find("2027-01-22 02:00 CST"), std::string::npos) << "expiry in the institution's zone: " << mail;
  EXPECT_EQ(Status(ana_app), "offer");
  ExpectError(Offer(ana_app, block_), 409, "conflict");  // already holds an offer

  // Ana accepts: one seat taken, one placement, accepted.
  std::string ana_offer = to_ana.json()["id"], minh_offer = to_minh.json()["id"];
  auto accepted = ana.Post("/api/offers/" + ana_offer + "/accept", Json::object());
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["placement"]["status"], "scheduled");
  EXPECT_EQ(accepted.json()["placement"]["source"], "offer");
  EXPECT_EQ(Status(ana_app), "accepted");
  EXPECT_EQ(Filled(block_), 1);
  // Accepting twice: 409, nothing changed.
  auto twice = ana.Post("/api/offers/" + ana_offer + "/accept", Json::object());
  ExpectError(twice, 409, "conflict");
  EXPECT_NE(twice.body.find("already accepted"), std::string::npos) << twice.body;
  EXPECT_EQ(Filled(block_), 1);
  EXPECT_EQ(ActivePlacements(block_), 1);
  // Someone else's offer is not found; a full block takes no new offer.
  ExpectError(ana.Post("/api/offers/" + minh_offer + "/accept", Json::object()), 404, "not_found");
  auto full = Offer(raj_app, block_);
  ExpectError(full, 409, "conflict");
  EXPECT_NE(full.body.find("full"), std::string::npos) << full.body;

  // Minh's acceptance fails cleanly: no seat left, she is first on the waitlist.
  auto late = minh.Post("/api/offers/" + minh_offer + "/accept", Json::object());
  ExpectError(late, 409, "conflict");
  EXPECT_NE(late.body.find("no seat left"), std::string::npos) << late.body;
  EXPECT_EQ(Filled(block_), 1);
  EXPECT_EQ(ActivePlacements(block_), 1);
  EXPECT_EQ(Status(minh_app), "waitlisted");
  auto mine = minh.Get("/api/applications/" + minh_app + "/offers");
  EXPECT_EQ(mine.json()["items"][0]["status"], "lapsed");
  auto board = coord_.Get("/api/institutions/" + a_ + "/offerings/" + offering_ + "/offers");
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_EQ(board.json()["blocks"][0]["waitlist"][0], minh_app);
  EXPECT_EQ(board.json()["blocks"][0]["filled"], 1);

  // Ana gives her seat up later: the seat returns and Minh gets the offer automatically.
  auto gave_up = ana.Post("/api/offers/" + ana_offer + "/decline", {{"reason", "Got a home rotation"}});
  ASSERT_EQ(gave_up.status, 200) << gave_up.body;
  EXPECT_EQ(gave_up.json()["status"], "declined");
  EXPECT_EQ(Status(ana_app), "withdrawn");
  EXPECT_EQ(Filled(block_), 0);
  EXPECT_EQ(ActivePlacements(block_), 0);
  EXPECT_EQ(Status(minh_app), "offer");
  auto promoted = minh.Get("/api/me/offers").json()["items"][0];
  EXPECT_EQ(promoted["status"], "pending");
  EXPECT_TRUE(promoted["from_waitlist"].get<bool>());
  EXPECT_NE(LastEmailTo("minh@example.org").find("next on the waitlist"), std::string::npos);
  auto second = minh.Post("/api/offers/" + promoted["id"].get<std::string>() + "/accept", Json::object());
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(Filled(block_), 1);

  // The coordinator cancels Minh's placement with a reason: the seat returns, audited.
  std::string placement = second.json()["placement"]["id"];
  std::string cancel = "/api/institutions/" + a_ + "/placements/" + placement + "/cancel";
  ExpectError(coord_.Post(cancel, Json::object()), 400, "invalid_argument", "reason");
  auto cancelled = coord_.Post(cancel, {{"reason", "Visa not granted in time"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
  EXPECT_EQ(Status(minh_app), "cancelled");
  EXPECT_EQ(Filled(block_), 0);
  EXPECT_EQ(ActivePlacements(block_), 0);
  EXPECT_EQ(AuditCount("placement.cancel"), 1);
  ExpectError(coord_.Post(cancel, {{"reason", "again"}}), 409, "conflict");
  EXPECT_EQ(Filled(block_), 0);
}

TEST_P(OffersTest, SettingsRescindAndExpiry) {
  std::string ana_app, minh_app;
  Client& ana = Apply("ana@example.org", offering_, &ana_app);
  Apply("minh@example.org", offering_, &minh_app);
  std::string settings = "/api/institutions/" + a_ + "/offerings/" + offering_ + "/offer-settings";
  ExpectError(coord_.Call("PUT", settings, Json{{"expiry_days", 0}, {"waitlist_promotion", "auto"}}.dump()), 400,
              "invalid_argument", "expiry_days");
  ExpectError(coord_.Call("PUT", settings, Json{{"expiry_days", 61}, {"waitlist_promotion", "auto"}}.dump()), 400,
              "invalid_argument", "expiry_days");
  ExpectError(coord_.Call("PUT", settings, Json{{"expiry_days", 3}, {"waitlist_promotion", "later"}}.dump()), 400,
              "invalid_argument", "waitlist_promotion");
  ASSERT_EQ(coord_.Call("PUT", settings, Json{{"expiry_days", 3}, {"waitlist_promotion", "notify"}}.dump()).status,
            200);
  ExpectError(Offer(ana_app, block_, {{"expiry_days", 0}}), 400, "invalid_argument", "expiry_days");
  ExpectError(Offer(ana_app, "nope"), 400, "invalid_argument", "block_id");

  // Rescind needs a reason; a rescinded offer cannot be accepted.
  auto o = Offer(ana_app, block_);
  ASSERT_EQ(o.status, 201) << o.body;
  EXPECT_EQ(o.json()["expires_at"], "2027-01-18T08:00:00Z");  // the offering's 3 days
  std::string id = o.json()["id"];
  std::string rescind = "/api/institutions/" + a_ + "/offers/" + id + "/rescind";
  ExpectError(coord_.Post(rescind, {{"reason", "  "}}), 400, "invalid_argument", "reason");
  ASSERT_EQ(coord_.Post(rescind, {{"reason", "Block cancelled by the department"}}).status, 200);
  EXPECT_EQ(Status(ana_app), "under_review");
  EXPECT_NE(LastEmailTo("ana@example.org").find("Block cancelled by the department"), std::string::npos);
  auto after = ana.Post("/api/offers/" + id + "/accept", Json::object());
  ExpectError(after, 409, "conflict");
  EXPECT_NE(after.body.find("rescinded"), std::string::npos) << after.body;
  ExpectError(coord_.Post(rescind, {{"reason", "again"}}), 409, "conflict");

  // An offer past its expiry cannot be accepted; the job expires it once.
  auto again = Offer(ana_app, block_, {{"expiry_days", 2}});
  ASSERT_EQ(again.status, 201) << again.body;
  std::string id2 = again.json()["id"];
  clock_.Advance(std::chrono::hours(49));
  // Sessions do not last two days: log in again.
  Client ana2 = Login("ana@example.org"), minh2 = Login("minh@example.org");
  coord_ = Login("coord-a@example.org");
  auto expired = ana2.Post("/api/offers/" + id2 + "/accept", Json::object());
  ExpectError(expired, 409, "conflict");
  EXPECT_NE(expired.body.find("expired"), std::string::npos) << expired.body;
  EXPECT_EQ(Filled(block_), 0);
  auto n = services::ExpireOffers(*ctx_);
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(*services::ExpireOffers(*ctx_), 0);
  EXPECT_EQ(Status(ana_app), "declined");
  // Both of Ana's offers were made in the same (fake) second: find this one by id.
  std::string listed;
  const Json mine = ana2.Get("/api/me/offers").json();
  for (const auto& item : mine["items"]) {
    if (item["id"] == id2) listed = item["status"];
  }
  EXPECT_EQ(listed, "expired");
  EXPECT_NE(LastEmailTo("ana@example.org").find("expired"), std::string::npos);

  // Notify mode: a cancelled placement e-mails the coordinators instead of offering.
  auto to_minh = Offer(minh_app, block_);
  ASSERT_EQ(to_minh.status, 201) << to_minh.body;
  auto acc = minh2.Post("/api/offers/" + to_minh.json()["id"].get<std::string>() + "/accept",
                                              Json::object());
  ASSERT_EQ(acc.status, 200) << acc.body;
  ASSERT_EQ(coord_.Post("/api/institutions/" + a_ + "/placements/" + acc.json()["placement"]["id"].get<std::string>() +
                            "/cancel",
                        {{"reason", "Program paused"}})
                .status,
            200);
  EXPECT_NE(LastEmailTo("coord-a@example.org").find("seat(s) of Cardiology elective"), std::string::npos);
}

TEST_P(OffersTest, OverlappingAcceptanceIsRefusedAndOtherOffersCanBeDeclined) {
  std::string second = MakeOffering(a_, "Nephrology elective");  // same dates as the first
  std::string second_block = coord_.Get("/api/offerings/" + second).json()["blocks"][0]["id"];
  std::string y1, y2, x1, x2;
  Client& yara = Apply("yara@example.org", offering_, &y1);
  Apply("yara@example.org", second, &y2);
  Client& xu = Apply("xu@example.org", offering_, &x1);
  Apply("xu@example.org", second, &x2);
  std::string oy1 = Offer(y1, block_).json()["id"], oy2 = Offer(y2, second_block).json()["id"];
  std::string ox1 = Offer(x1, block_).json()["id"], ox2 = Offer(x2, second_block).json()["id"];

  ASSERT_EQ(yara.Post("/api/offers/" + oy1 + "/accept", Json::object()).status, 200);
  auto overlap = yara.Post("/api/offers/" + oy2 + "/accept", Json::object());
  ExpectError(overlap, 409, "conflict");
  EXPECT_NE(overlap.body.find("Cardiology elective"), std::string::npos) << "names the other rotation: " << overlap.body;
  EXPECT_EQ(Filled(second_block), 0);
  EXPECT_EQ(Status(y2), "offer");  // nothing changed

  ExpectError(xu.Post("/api/offers/" + ox1 + "/accept", {{"decline_other_offers", "yes"}}), 400, "invalid_argument",
              "decline_other_offers");
  auto both = xu.Post("/api/offers/" + ox1 + "/accept", {{"decline_other_offers", true}});
  ASSERT_EQ(both.status, 200) << both.body;
  ASSERT_EQ(both.json()["declined_offer_ids"].size(), 1u);
  EXPECT_EQ(both.json()["declined_offer_ids"][0], ox2);
  EXPECT_EQ(Status(x2), "declined");
  EXPECT_EQ(Filled(block_), 2);
  EXPECT_EQ(ActivePlacements(block_), 2);
}

TEST_P(OffersTest, WithdrawingAnAcceptedApplicationReturnsTheSeatToTheWaitlist) {
  SetSeats(block_, 1);
  std::string ana_app, minh_app;
  Client& ana = Apply("ana@example.org", offering_, &ana_app);
  Apply("minh@example.org", offering_, &minh_app);
  ASSERT_EQ(coord_.Post("/api/institutions/" + a_ + "/applications/" + minh_app + "/transition",
                        {{"event", "waitlist"}, {"version", coord_.Get("/api/institutions/" + a_ + "/applications/" +
                                                                          minh_app).json()["version"]}})
                .status,
            200);
  std::string id = Offer(ana_app, block_).json()["id"];
  ASSERT_EQ(ana.Post("/api/offers/" + id + "/accept", Json::object()).status, 200);
  EXPECT_EQ(Filled(block_), 1);
  auto w = ana.Post("/api/applications/" + ana_app + "/withdraw", {{"reason", "Family reasons"}});
  ASSERT_EQ(w.status, 200) << w.body;
  EXPECT_EQ(Filled(block_), 0);
  EXPECT_EQ(ActivePlacements(block_), 0);
  EXPECT_EQ(ana.Get("/api/me/offers").json()["items"][0]["status"], "declined");
  EXPECT_EQ(Status(minh_app), "offer");  // promoted from the waitlist (auto)
}

// Many acceptances of different applicants' offers race for the last seat,
// each from its own connection; on PostgreSQL the threads are spread over
// several Database objects (separate pools, like several server processes).
TEST_P(OffersTest, RaceForTheLastSeatHasExactlyOneWinner) {
  constexpr int kRounds = 3, kRacers = 12, kPools = 3;
  std::vector<std::unique_ptr<store::Database>> pools;
  std::vector<std::unique_ptr<services::Context>> contexts;
  for (int i = 0; i < kPools; ++i) {
    auto db = store::Database::Open(tdb_->url(), kRacers / kPools);
    ASSERT_TRUE(db.has_value()) << db.error().message;
    pools.push_back(std::move(*db));
    contexts.push_back(std::make_unique<services::Context>(services::Context{*pools.back(), clock_}));
  }
  services::Actor admin;
  admin.user_id = MakeUser("admin-race@example.org", true);
  admin.principal.is_admin = true;
  int tries = 0, total_winners = 0;
  for (int round = 0; round < kRounds; ++round) {
    std::string offering = MakeOffering(a_, "Race " + std::to_string(round));
    std::string block = coord_.Get("/api/offerings/" + offering).json()["blocks"][0]["id"];
    SetSeats(block, 3);
    // Two seats already taken: one is left.
    ASSERT_TRUE(tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
      tx.sql() << "UPDATE blocks SET filled = 2 WHERE id = :b", soci::use(block);
      return {};
    }));
    std::vector<services::Actor> racers(kRacers);
    std::vector<std::string> offers(kRacers), apps(kRacers);
    for (int i = 0; i < kRacers; ++i) {
      racers[i].user_id = MakeUser("racer" + std::to_string(round) + "-" + std::to_string(i) + "@example.org", false);
      apps[i] = adapters::NewId();
      ASSERT_TRUE(tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
        std::string now = core::FormatIso8601(clock_.Now());
        store::InsertApplication(tx, {apps[i], racers[i].user_id, offering, a_, "under_review", "", 1, now, now, now,
                                      {block}});
        return {};
      }));
      auto o = services::MakeOffer(*ctx_, admin, a_, apps[i], {block, std::nullopt, ""});
      ASSERT_TRUE(o.has_value()) << o.error().message;
      offers[i] = o->row.id;
    }
    std::atomic<int> winners{0}, lost{0}, other{0};
    std::latch start(kRacers);
    std::vector<std::thread> threads;
    for (int i = 0; i < kRacers; ++i) {
      threads.emplace_back([&, i] {
        start.arrive_and_wait();
        auto r = services::AcceptOffer(*contexts[i % kPools], racers[i], offers[i], false);
        if (r) {
          ++winners;
        } else if (r.error().message.find("no seat left") != std::string::npos) {
          ++lost;
        } else {
          ++other;
        }
      });
    }
    for (auto& t : threads) t.join();
    tries += kRacers;
    total_winners += winners.load();
    EXPECT_EQ(winners.load(), 1) << "round " << round;
    EXPECT_EQ(lost.load(), kRacers - 1) << "round " << round;
    EXPECT_EQ(other.load(), 0) << "round " << round;
    EXPECT_EQ(Filled(block), 3);
    EXPECT_EQ(ActivePlacements(block), 1);  // the two pre-filled seats have no rows
    int waitlisted = 0;
    for (const auto& id : apps) waitlisted += Status(id) == "waitlisted";
    EXPECT_EQ(waitlisted, kRacers - 1);
  }
  std::printf("[offers race] backend=%s pools=%d rounds=%d tries=%d winners=%d (one per round)\n",
              GetParam().c_str(), kPools, kRounds, tries, total_winners);
}

INSTANTIATE_TEST_SUITE_P(Backends, OffersTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
