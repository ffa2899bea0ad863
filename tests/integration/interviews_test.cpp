// Interviews through the HTTP API and the services on both backends (issue 7):
// slots, bookings that never exceed capacity, .ics invitations, calendar
// feeds and reminders.
#include <atomic>
#include <deque>
#include <thread>

#include <soci/soci.h>

#include "integration/http_harness.h"
#include "services/interviews.h"

namespace clerkship::testing {
namespace {

// The fixture's clock starts at 2027-01-15T08:00:00Z.
class InterviewsTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");  // America/Chicago
    b_ = MakeInstitution("Bayview Community Hospital");
    AddMembership(coord_id_ = MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("reviewer-a@example.org", false), a_, "reviewer");
    AddMembership(MakeUser("coord-b@example.org", false), b_, "coordinator");
    coord_ = Login("coord-a@example.org");
    reviewer_ = Login("reviewer-a@example.org");
    coord_b_ = Login("coord-b@example.org");
    offering_ = MakeOffering(a_, "Cardiology elective");
    block_ = coord_.Get("/api/offerings/" + offering_).json()["blocks"][0]["id"];
  }

  // A new applicant who applies and submits; returns the application id.
  std::string Apply(const std::string& email) {
    user_ids_.push_back(MakeUser(email, false));
    applicants_.push_back(Login(email));
    Client& c = applicants_.back();
    Json profile = GraduateProfile("Applicant " + email);
    profile["school"]["name"] = "School";
    SaveProfile(c, profile);
    return ApplyAndSubmit(c, offering_, block_);
  }

  void Invite(const std::string& application_id) {
    std::string path = "/api/institutions/" + a_ + "/applications/" + application_id;
    int version = coord_.Get(path).json()["version"];
    auto r = coord_.Post(path + "/transition", {{"event", "invite_interview"}, {"version", version}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  std::string Slots() { return "/api/institutions/" + a_ + "/offerings/" + offering_ + "/interview-slots"; }
  std::string Slot(const std::string& id) { return "/api/institutions/" + a_ + "/interview-slots/" + id; }
  static std::string Interview(const std::string& app) { return "/api/applications/" + app + "/interview"; }

  // One slot at `date` `time` Chicago time; returns its id.
  std::string Publish(const std::string& date, const std::string& time, int capacity = 1) {
    auto r = coord_.Post(Slots(), {{"date", date}, {"time", time}, {"minutes", 30}, {"format", "video"},
                                   {"location", "https://meet.example.org/card"}, {"interviewers", "Dr. Okafor"},
                                   {"capacity", capacity}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["items"][0].value("id", "");
  }

  int Booked(const std::string& slot_id) {
    return *tdb_->db().Run<int>([&](store::Tx& tx) -> core::Result<int> {
      int n = -1;
      tx.sql() << "SELECT booked FROM interview_slots WHERE id = :id", soci::use(slot_id), soci::into(n);
      return n;
    });
  }

  // The newest outbox attachment to `to`.
  std::string LastAttachmentTo(const std::string& to) {
    return *tdb_->db().Run<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
      soci::rowset<soci::row> rows = (tx.sql().prepare << "SELECT attachment FROM outbox WHERE to_addr = :t "
                                                          "ORDER BY seq DESC LIMIT 1",
                                      soci::use(to));
      for (const auto& row : rows) return row.get<std::string>(0);
      return std::string();
    });
  }

  services::Actor ActorOf(const std::string& user_id) {
    services::Actor a;
    a.user_id = user_id;
    a.principal.user_id = user_id;
    a.principal.is_applicant = true;
    return a;
  }

  std::string a_, b_, offering_, block_, coord_id_;
  Client coord_{0}, reviewer_{0}, coord_b_{0};
  std::deque<Client> applicants_;
  std::vector<std::string> user_ids_;
};

TEST_P(InterviewsTest, CoordinatorPublishesSingleSlotsAndPatternsInTheInstitutionsZone) {
  auto one = coord_.Post(Slots(), {{"date", "2027-02-01"}, {"time", "09:00"}, {"minutes", 45}, {"format", "in_person"},
                                   {"location", "Heart Center, 3rd floor"}, {"capacity", 2}});
  ASSERT_EQ(one.status, 201) << one.body;
  Json slot = one.json()["items"][0];
  EXPECT_EQ(slot["starts_at"], "2027-02-01T15:00:00Z");  // 09:00 CST
  EXPECT_EQ(slot["ends_at"], "2027-02-01T15:45:00Z");
  EXPECT_EQ(slot["time_zone"], "America/Chicago");
  EXPECT_EQ(slot["local_time"], "09:00");

  // Every weekday 09:00–12:00 in 30 minutes for two weeks across the DST change of 14 March.
  auto many = coord_.Post(Slots(), {{"pattern", {{"from", "2027-03-08"}, {"to", "2027-03-19"},
                                                 {"weekdays", {1, 2, 3, 4, 5}}, {"window_start", "09:00"},
                                                 {"window_end", "12:00"}}},
                                    {"minutes", 30}, {"format", "phone"}, {"capacity", 1}});
  ASSERT_EQ(many.status, 201) << many.body;
  EXPECT_EQ(many.json()["count"], 60);
  EXPECT_EQ(many.json()["items"][0]["starts_at"], "2027-03-08T15:00:00Z");   // CST
  EXPECT_EQ(many.json()["items"][59]["starts_at"], "2027-03-19T16:30:00Z");  // 11:30 CDT

  auto list = reviewer_.Get(Slots());
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()["slots"].size(), 61u);
  EXPECT_EQ(list.json()["time_zone"], "America/Chicago");

  // Bad input: named fields, nothing stored.
  ExpectError(coord_.Post(Slots(), {{"date", "2027-02-01"}, {"time", "09:00"}, {"format", "video"}}), 400,
              "invalid_argument", "location");
  ExpectError(coord_.Post(Slots(), {{"date", "2027-01-10"}, {"time", "09:00"}, {"format", "phone"}}), 400,
              "invalid_argument", "date");  // in the past
  ExpectError(coord_.Post(Slots(), {{"date", "2027-03-14"}, {"time", "02:30"}, {"format", "phone"}}), 400,
              "invalid_argument", "time");  // does not exist in Chicago
  ExpectError(coord_.Post(Slots(), {{"pattern", {{"from", "2027-02-01"}, {"to", "2027-04-30"},
                                                 {"weekdays", {0, 1, 2, 3, 4, 5, 6}}, {"window_start", "08:00"},
                                                 {"window_end", "18:00"}}},
                                    {"minutes", 15}, {"format", "phone"}}),
              400, "invalid_argument", "pattern.count");
  ExpectError(coord_.Post(Slots(), {{"date", "2027-02-01"}, {"time", "9am"}, {"format", "phone"}}), 400,
              "invalid_argument", "time");
  ExpectError(coord_.Post(Slots(), {{"date", "2027-02-01"}, {"time", "09:00"}, {"format", "phone"}, {"capacity", 0}}),
              400, "invalid_argument", "capacity");
  EXPECT_EQ(Count("interview_slots"), 61);

  // Another institution's coordinator does not see the offering.
  EXPECT_EQ(coord_b_.Post("/api/institutions/" + b_ + "/offerings/" + offering_ + "/interview-slots",
                          {{"date", "2027-02-01"}, {"time", "09:00"}, {"format", "phone"}})
                .status,
            404);
}

TEST_P(InterviewsTest, InvitedApplicantBooksMovesAndCancelsWithIcsInvitations) {
  std::string app = Apply("ana@example.org");
  std::string s1 = Publish("2027-02-01", "09:00");
  std::string s2 = Publish("2027-02-02", "10:00");
  Client& ana = applicants_.back();

  // Not invited yet: 403 with the reason; nothing changed.
  auto early = ana.Post(Interview(app), {{"slot_id", s1}});
  ExpectError(early, 403, "forbidden");
  EXPECT_NE(early.body.find("invitation"), std::string::npos) << early.body;
  EXPECT_EQ(Booked(s1), 0);

  Invite(app);
  auto not_booked = coord_.Get(Slots()).json()["not_booked"];
  ASSERT_EQ(not_booked.size(), 1u);
  EXPECT_EQ(not_booked[0]["application_id"], app);

  auto view = ana.Get(Interview(app));
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_TRUE(view.json()["invited"].get<bool>());
  EXPECT_EQ(view.json()["slots"].size(), 2u);
  EXPECT_EQ(view.json()["time_zone"], "America/Chicago");

  auto booked = ana.Post(Interview(app), {{"slot_id", s1}});
  ASSERT_EQ(booked.status, 201) << booked.body;
  Json booking = booked.json()["booking"];
  EXPECT_EQ(booking["slot"]["id"], s1);
  EXPECT_EQ(booking["sequence"], 0);
  EXPECT_EQ(booking["change_until"], "2027-01-31T15:00:00Z");
  EXPECT_EQ(Booked(s1), 1);
  EXPECT_TRUE(coord_.Get(Slots()).json()["not_booked"].empty());
  std::string uid = booking["id"].get<std::string>() + "@";  // @ the host of the public URL

  // The e-mail carries the invitation.
  EXPECT_NE(LastEmailTo("ana@example.org").find("booked for 2027-02-01 09:00 (America/Chicago)"), std::string::npos);
  std::string ics = LastAttachmentTo("ana@example.org");
  EXPECT_NE(ics.find("METHOD:REQUEST"), std::string::npos) << ics;
  EXPECT_NE(ics.find("DTSTART;TZID=America/Chicago:20270201T090000"), std::string::npos) << ics;
  EXPECT_NE(ics.find("BEGIN:VTIMEZONE"), std::string::npos);
  EXPECT_NE(ics.find("UID:" + uid), std::string::npos) << ics;
  EXPECT_NE(ics.find("SEQUENCE:0"), std::string::npos);

  // The download is the same invitation.
  auto download = ana.Get(Interview(app) + ".ics");
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.headers["content-type"], "text/calendar; charset=utf-8");
  EXPECT_NE(download.body.find("UID:" + uid), std::string::npos);

  // A second booking for the same application: 409, nothing changed.
  auto twice = ana.Post(Interview(app), {{"slot_id", s2}});
  ExpectError(twice, 409, "conflict", "slot_id");
  EXPECT_EQ(Booked(s2), 0);

  // Booked slots cannot be edited or deleted.
  ExpectError(coord_.Call("DELETE", Slot(s1)), 409, "conflict", "slot_id");
  ExpectError(coord_.Call("PUT", Slot(s1), Json{{"date", "2027-02-03"}, {"time", "09:00"}, {"format", "phone"}}.dump()),
              409, "conflict", "slot_id");

  // Reschedule: same UID, SEQUENCE 1, places move.
  auto moved = ana.Call("PUT", Interview(app), Json{{"slot_id", s2}}.dump());
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["booking"]["slot"]["id"], s2);
  EXPECT_EQ(moved.json()["booking"]["sequence"], 1);
  EXPECT_EQ(Booked(s1), 0);
  EXPECT_EQ(Booked(s2), 1);
  ics = LastAttachmentTo("ana@example.org");
  EXPECT_NE(ics.find("UID:" + uid), std::string::npos) << ics;
  EXPECT_NE(ics.find("SEQUENCE:1"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART;TZID=America/Chicago:20270202T100000"), std::string::npos) << ics;

  // The freed slot can be changed and deleted again (it had a booking: kept as history).
  auto edited = coord_.Call("PUT", Slot(s1), Json{{"date", "2027-02-03"}, {"time", "08:00"}, {"format", "phone"}}.dump());
  EXPECT_EQ(edited.status, 200) << edited.body;

  // Cancel: METHOD:CANCEL, same UID, SEQUENCE 2; the place is free.
  auto cancelled = ana.Call("DELETE", Interview(app));
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_TRUE(cancelled.json()["booking"].is_null());
  EXPECT_EQ(Booked(s2), 0);
  ics = LastAttachmentTo("ana@example.org");
  EXPECT_NE(ics.find("METHOD:CANCEL"), std::string::npos) << ics;
  EXPECT_NE(ics.find("UID:" + uid), std::string::npos);
  EXPECT_NE(ics.find("SEQUENCE:2"), std::string::npos);
  EXPECT_NE(ics.find("STATUS:CANCELLED"), std::string::npos);
  EXPECT_EQ(ana.Get(Interview(app) + ".ics").status, 404);

  // Within 24 hours of the start nothing can be moved or cancelled.
  ASSERT_EQ(ana.Post(Interview(app), {{"slot_id", s2}}).status, 201);
  ExpectError(ana.Call("PUT", Interview(app), Json{{"slot_id", s2}}.dump()), 409, "conflict", "slot_id");  // same slot
  clock_.Advance(std::chrono::hours(24 * 17 + 9));  // 2027-02-01T17:00Z: 23 h before s2 (16:00Z on 2 Feb)
  ana = Login("ana@example.org");                   // the session expired meanwhile
  auto too_late = ana.Call("PUT", Interview(app), Json{{"slot_id", s1}}.dump());
  ExpectError(too_late, 409, "conflict", "slot_id");
  EXPECT_NE(too_late.body.find("24 hours"), std::string::npos) << too_late.body;
  auto late = ana.Call("DELETE", Interview(app));
  ExpectError(late, 409, "conflict", "slot_id");
  EXPECT_NE(late.body.find("24 hours"), std::string::npos) << late.body;
  EXPECT_EQ(Booked(s2), 1);
}

TEST_P(InterviewsTest, FullPastAndForeignSlotsAreRefusedWithReasons) {
  std::string ana = Apply("ana@example.org");
  std::string bo = Apply("bo@example.org");
  Invite(ana);
  Invite(bo);
  std::string s = Publish("2027-02-01", "09:00", 1);
  ASSERT_EQ(applicants_[0].Post(Interview(ana), {{"slot_id", s}}).status, 201);
  auto full = applicants_[1].Post(Interview(bo), {{"slot_id", s}});
  ExpectError(full, 409, "conflict", "slot_id");
  EXPECT_NE(full.body.find("full"), std::string::npos);
  EXPECT_EQ(Booked(s), 1);

  // A slot of another offering, someone else's application, an unknown slot.
  std::string other = MakeOffering(a_, "Neurology elective");
  auto r = coord_.Post("/api/institutions/" + a_ + "/offerings/" + other + "/interview-slots",
                       {{"date", "2027-02-01"}, {"time", "11:00"}, {"format", "phone"}});
  ASSERT_EQ(r.status, 201);
  ExpectError(applicants_[1].Post(Interview(bo), {{"slot_id", r.json()["items"][0]["id"]}}), 404, "not_found");
  ExpectError(applicants_[1].Post(Interview(ana), {{"slot_id", s}}), 404, "not_found");
  ExpectError(applicants_[1].Post(Interview(bo), Json::object()), 400, "invalid_argument", "slot_id");

  // A slot that has started.
  std::string soon = Publish("2027-01-16", "09:00", 5);
  clock_.Advance(std::chrono::hours(40));  // 2027-01-17T00:00Z
  applicants_[1] = Login("bo@example.org");
  auto past = applicants_[1].Post(Interview(bo), {{"slot_id", soon}});
  ExpectError(past, 409, "conflict", "slot_id");
  EXPECT_NE(past.body.find("started"), std::string::npos);
  EXPECT_EQ(Booked(soon), 0);
  EXPECT_EQ(Count("interview_bookings"), 1);
}

TEST_P(InterviewsTest, UnbookedSlotsCanBeEditedAndDeleted) {
  std::string s = Publish("2027-02-01", "09:00", 1);
  auto edited = coord_.Call("PUT", Slot(s), Json{{"date", "2027-02-01"}, {"time", "13:30"}, {"format", "in_person"},
                                                   {"location", "Room 4"}, {"capacity", 3}, {"minutes", 20}}
                                                  .dump());
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["starts_at"], "2027-02-01T19:30:00Z");
  EXPECT_EQ(edited.json()["capacity"], 3);
  EXPECT_EQ(reviewer_.Call("DELETE", Slot(s)).status, 403);
  EXPECT_EQ(coord_b_.Call("DELETE", "/api/institutions/" + b_ + "/interview-slots/" + s).status, 404);
  EXPECT_EQ(coord_.Call("DELETE", Slot(s)).status, 204);
  EXPECT_EQ(Count("interview_slots"), 0);
  EXPECT_EQ(coord_.Call("DELETE", Slot(s)).status, 404);
}

TEST_P(InterviewsTest, ManyApplicantsRacingForTheLastPlacesNeverExceedCapacity) {
  constexpr int kRacers = 8;
  constexpr int kCapacity = 3;
  std::vector<std::string> apps;
  for (int i = 0; i < kRacers; ++i) {
    apps.push_back(Apply("racer" + std::to_string(i) + "@example.org"));
    Invite(apps.back());
  }
  std::string s = Publish("2027-02-01", "09:00", kCapacity);
  std::atomic<int> won{0}, full{0}, other{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < kRacers; ++i) {
    threads.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      // Each thread runs its own transaction on its own pooled connection.
      auto r = services::BookInterview(*ctx_, ActorOf(user_ids_[i]), apps[i], s);
      if (r) ++won;
      else if (r.error().code == core::ErrorCode::kConflict) ++full;
      else ++other;
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  RecordProperty("racers", kRacers);
  RecordProperty("winners", won.load());
  EXPECT_EQ(won.load(), kCapacity);
  EXPECT_EQ(full.load(), kRacers - kCapacity);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Booked(s), kCapacity);
  EXPECT_EQ(Count("interview_bookings"), kCapacity);
}

TEST_P(InterviewsTest, PrivateCalendarFeedListsInterviewsAndCanBeRevoked) {
  std::string app = Apply("ana@example.org");
  Invite(app);
  std::string s = Publish("2027-02-01", "09:00");
  Client& ana = applicants_.back();
  ASSERT_EQ(ana.Post(Interview(app), {{"slot_id", s}}).status, 201);

  EXPECT_FALSE(ana.Get("/api/me/calendar-feed").json()["active"].get<bool>());
  auto made = ana.Post("/api/me/calendar-feed", Json::object());
  ASSERT_EQ(made.status, 201) << made.body;
  std::string url = made.json()["url"];
  EXPECT_EQ(made.json()["webcal_url"].get<std::string>().rfind("webcal://", 0), 0u);
  std::string path = url.substr(url.find("/api/calendar/"));
  EXPECT_TRUE(ana.Get("/api/me/calendar-feed").json()["active"].get<bool>());

  Client anonymous = NewClient();  // the token is the authorization
  auto feed = anonymous.Get(path);
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_NE(feed.body.find("METHOD:PUBLISH"), std::string::npos);
  EXPECT_NE(feed.body.find("DTSTART;TZID=America/Chicago:20270201T090000"), std::string::npos) << feed.body;
  EXPECT_NE(feed.body.find("Cardiology elective"), std::string::npos);

  // Staff see their institution's booked interviews, with the applicant's name.
  auto staff = coord_.Post("/api/me/calendar-feed", Json::object());
  std::string staff_url = staff.json()["url"];
  auto staff_feed = anonymous.Get(staff_url.substr(staff_url.find("/api/calendar/")));
  ASSERT_EQ(staff_feed.status, 200);
  EXPECT_NE(staff_feed.body.find("BEGIN:VEVENT"), std::string::npos);

  // Regenerating revokes the old link.
  ASSERT_EQ(ana.Post("/api/me/calendar-feed", Json::object()).status, 201);
  EXPECT_EQ(anonymous.Get(path).status, 404);
  EXPECT_EQ(anonymous.Get("/api/calendar/nope.ics").status, 404);
  EXPECT_EQ(anonymous.Get("/api/calendar/nope").status, 404);
}

TEST_P(InterviewsTest, RemindersGoOutOnceADayBefore) {
  std::string app = Apply("ana@example.org");
  Invite(app);
  std::string s = Publish("2027-02-01", "09:00");
  ASSERT_EQ(applicants_.back().Post(Interview(app), {{"slot_id", s}}).status, 201);
  EXPECT_EQ(*services::SendInterviewReminders(*ctx_), 0);  // weeks away
  clock_.Advance(std::chrono::hours(24 * 16 + 8));          // 2027-02-01T00:00Z, 15 h before
  EXPECT_EQ(*services::SendInterviewReminders(*ctx_), 1);
  EXPECT_NE(LastEmailTo("ana@example.org").find("is on 2027-02-01 09:00 (America/Chicago)"), std::string::npos)
      << LastEmailTo("ana@example.org");
  EXPECT_EQ(*services::SendInterviewReminders(*ctx_), 0);  // once
}

INSTANTIATE_TEST_SUITE_P(Backends, InterviewsTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
