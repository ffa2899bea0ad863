// Fair release of interview slots and interviewers' scorecards through the
// HTTP API on both backends (issue 7; docs/interviews.md): turns that open one
// window apart, ranked preferences assigned in one batch, scorecards that are
// versioned and never reach applicants.
#include <deque>
#include <set>

#include <soci/soci.h>

#include "integration/http_harness.h"

namespace clerkship::testing {
namespace {

// The fixture's clock starts at 2027-01-15T08:00:00Z (02:00 in Chicago).
class InterviewsMoreTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");  // America/Chicago
    b_ = MakeInstitution("Bayview Community Hospital");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("reviewer-a@example.org", false), a_, "reviewer");
    AddMembership(MakeUser("coord-b@example.org", false), b_, "coordinator");
    coord_ = Login("coord-a@example.org");
    reviewer_ = Login("reviewer-a@example.org");
    coord_b_ = Login("coord-b@example.org");
    offering_ = MakeOffering(a_, "Cardiology elective");
    block_ = coord_.Get("/api/offerings/" + offering_).json()["blocks"][0]["id"];
  }

  // Moves the fake clock; sessions idle that long have expired, so everyone logs in again.
  void Advance(std::chrono::minutes by) {
    clock_.Advance(by);
    for (size_t i = 0; i < applicants_.size(); ++i) applicants_[i] = Login(emails_[i]);
    coord_ = Login("coord-a@example.org");
    reviewer_ = Login("reviewer-a@example.org");
    coord_b_ = Login("coord-b@example.org");
  }

  std::string Apply(const std::string& email) {
    MakeUser(email, false);
    applicants_.push_back(Login(email));
    emails_.push_back(email);
    Client& c = applicants_.back();
    Json profile = GraduateProfile("Applicant " + email);
    profile["school"]["name"] = "School";
    SaveProfile(c, profile);
    std::string id = ApplyAndSubmit(c, offering_, block_);
    return id;
  }

  void Invite(const std::string& application_id) {
    std::string path = App(application_id);
    int version = coord_.Get(path).json()["version"];
    auto r = coord_.Post(path + "/transition", {{"event", "invite_interview"}, {"version", version}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  std::string App(const std::string& id) { return "/api/institutions/" + a_ + "/applications/" + id; }
  std::string Offering() { return "/api/institutions/" + a_ + "/offerings/" + offering_; }
  std::string Slots() { return Offering() + "/interview-slots"; }
  static std::string Interview(const std::string& app) { return "/api/applications/" + app + "/interview"; }

  std::string Publish(const std::string& date, const std::string& time, int capacity) {
    auto r = coord_.Post(Slots(), {{"date", date}, {"time", time}, {"minutes", 30}, {"format", "video"},
                                   {"location", "https://meet.example.org/card"}, {"interviewers", "Dr. Okafor"},
                                   {"capacity", capacity}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["items"][0].value("id", "");
  }

  Reply SaveRelease(const Json& body) { return coord_.Call("PUT", Offering() + "/interview-release", body.dump()); }

  int Booked(const std::string& slot_id) {
    return *tdb_->db().Run<int>([&](store::Tx& tx) -> core::Result<int> {
      int n = -1;
      tx.sql() << "SELECT booked FROM interview_slots WHERE id = :id", soci::use(slot_id), soci::into(n);
      return n;
    });
  }

  std::string AuditDetail(const std::string& action) {
    return *tdb_->db().Run<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
      soci::rowset<soci::row> rows =
          (tx.sql().prepare << "SELECT detail FROM audit_log WHERE action = :a ORDER BY at DESC, id", soci::use(action));
      for (const auto& r : rows) return r.get<std::string>(0);
      return std::string();
    });
  }

  std::string a_, b_, offering_, block_;
  Client coord_{0}, reviewer_{0}, coord_b_{0};
  std::deque<Client> applicants_;
  std::vector<std::string> emails_;
};

TEST_P(InterviewsMoreTest, RandomizedTurnNotYetOpenIs409NamingTheTurn) {
  std::vector<std::string> apps = {Apply("ana@example.org"), Apply("bo@example.org"), Apply("cy@example.org")};
  for (const auto& a : apps) Invite(a);
  std::string s1 = Publish("2027-02-01", "09:00", 2);
  std::string s2 = Publish("2027-02-02", "09:00", 2);

  // Bad input names the field; another hospital's coordinator gets 404.
  ExpectError(SaveRelease({{"mode", "lottery"}, {"version", 0}}), 400, "invalid_argument", "mode");
  ExpectError(SaveRelease({{"mode", "randomized"}, {"release_date", "2027-01-16"}, {"release_time", "9am"},
                           {"window_minutes", 10}, {"version", 0}}),
              400, "invalid_argument", "release_time");
  ExpectError(SaveRelease({{"mode", "randomized"}, {"release_date", "2027-01-16"}, {"release_time", "09:00"},
                           {"window_minutes", 0}, {"version", 0}}),
              400, "invalid_argument", "window_minutes");
  EXPECT_EQ(coord_b_.Call("PUT", "/api/institutions/" + b_ + "/offerings/" + offering_ + "/interview-release",
                          Json{{"mode", "first_come"}, {"version", 0}}.dump())
                .status,
            404);

  // Release 2027-01-16 09:00 Chicago = 15:00Z, 10 minutes a turn.
  auto saved = SaveRelease({{"mode", "randomized"}, {"release_date", "2027-01-16"}, {"release_time", "09:00"},
                            {"window_minutes", 10}, {"version", 0}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["release_at"], "2027-01-16T15:00:00Z");
  std::string seed = saved.json()["seed"];
  EXPECT_FALSE(seed.empty());
  EXPECT_NE(AuditDetail("interview_release.save").find("seed " + seed), std::string::npos);
  // A stale settings write.
  ExpectError(SaveRelease({{"mode", "first_come"}, {"version", 0}}), 409, "conflict", "version");

  // Each invited applicant has a distinct turn, one window apart.
  std::map<std::string, std::string> opens;  // application → opens_at
  std::set<std::string> times;
  Json waiting = coord_.Get(Slots()).json()["not_booked"];  // a copy: the reply is a temporary
  for (const auto& w : waiting) {
    opens[w["application_id"]] = w["turn_opens_at"];
    times.insert(w["turn_opens_at"].get<std::string>());
  }
  EXPECT_EQ(times, (std::set<std::string>{"2027-01-16T15:00:00Z", "2027-01-16T15:10:00Z", "2027-01-16T15:20:00Z"}));
  EXPECT_EQ(coord_.Get(Slots()).json()["release"]["seed"], seed);

  // Before the release: every applicant sees the slots, booking is 409 naming the turn.
  for (size_t i = 0; i < apps.size(); ++i) {
    auto view = applicants_[i].Get(Interview(apps[i])).json();
    EXPECT_EQ(view["slots"].size(), 2u);
    EXPECT_EQ(view["release"]["mode"], "randomized");
    EXPECT_EQ(view["release"]["turn_opens_at"], opens[apps[i]]);
    auto r = applicants_[i].Post(Interview(apps[i]), {{"slot_id", s1}});
    ExpectError(r, 409, "conflict", "slot_id");
    EXPECT_NE(r.body.find("your turn to book opens at " + opens[apps[i]]), std::string::npos) << r.body;
  }
  EXPECT_EQ(Booked(s1), 0);

  // The coordinator nudges everyone who has not booked.
  auto nudge = coord_.Post(Offering() + "/interview-nudges", Json::object());
  ASSERT_EQ(nudge.status, 200) << nudge.body;
  EXPECT_EQ(nudge.json()["sent"], 3);
  EXPECT_NE(LastEmailTo("ana@example.org").find("Your turn to book opens at " + opens[apps[0]]), std::string::npos);
  ExpectError(coord_.Post(Offering() + "/interview-nudges", {{"application_ids", {"nope"}}}), 400, "invalid_argument",
              "application_ids[0]");

  // At the release (+31 h): turn 0 books, turn 1 still waits 10 minutes.
  Advance(std::chrono::hours(31));
  auto index_of = [&](const std::string& when) {
    for (size_t i = 0; i < apps.size(); ++i) {
      if (opens[apps[i]] == when) return i;
    }
    return size_t{0};
  };
  size_t first = index_of("2027-01-16T15:00:00Z");
  size_t second = index_of("2027-01-16T15:10:00Z");
  ASSERT_EQ(applicants_[first].Post(Interview(apps[first]), {{"slot_id", s1}}).status, 201);
  ExpectError(applicants_[second].Post(Interview(apps[second]), {{"slot_id", s2}}), 409, "conflict", "slot_id");
  clock_.Advance(std::chrono::minutes(10));
  ASSERT_EQ(applicants_[second].Post(Interview(apps[second]), {{"slot_id", s2}}).status, 201);
  EXPECT_EQ(Booked(s1), 1);
  EXPECT_EQ(Booked(s2), 1);
  EXPECT_EQ(coord_.Get(Slots()).json()["not_booked"].size(), 1u);

  // The order cannot be redrawn once the release has started.
  int version = coord_.Get(Slots()).json()["release"]["version"];
  ExpectError(SaveRelease({{"mode", "randomized"}, {"release_date", "2027-01-20"}, {"release_time", "09:00"},
                           {"window_minutes", 10}, {"version", version}}),
              409, "conflict", "mode");
}

TEST_P(InterviewsMoreTest, BatchAssignmentRespectsCapacityAndPreferences) {
  std::vector<std::string> apps = {Apply("ana@example.org"), Apply("bo@example.org"), Apply("cy@example.org"),
                                   Apply("di@example.org")};
  for (const auto& a : apps) Invite(a);
  std::string s1 = Publish("2027-02-01", "09:00", 1);
  std::string s2 = Publish("2027-02-02", "09:00", 2);
  std::string s3 = Publish("2027-02-03", "09:00", 1);
  std::map<std::string, int> capacity = {{s1, 1}, {s2, 2}, {s3, 1}};

  // First come, first served: no preferences.
  ExpectError(applicants_[0].Call("PUT", Interview(apps[0]) + "/preferences", Json{{"slot_ids", {s1}}}.dump()), 409,
              "conflict", "slot_ids");

  auto saved = SaveRelease({{"mode", "preferences"}, {"deadline_date", "2027-01-20"}, {"deadline_time", "17:00"},
                            {"version", 0}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["preference_deadline"], "2027-01-20T23:00:00Z");
  // Booking directly is refused until the batch ran.
  ExpectError(applicants_[0].Post(Interview(apps[0]), {{"slot_id", s1}}), 409, "conflict", "slot_id");

  std::vector<std::vector<std::string>> ranks = {{s1, s2}, {s1, s3}, {s1}, {s3, s2}};
  auto prefs = [&](size_t i) { return Interview(apps[i]) + "/preferences"; };
  // Ties (a slot twice) and unknown slots name the entry.
  ExpectError(applicants_[0].Call("PUT", prefs(0), Json{{"slot_ids", {s1, s1}}}.dump()), 400, "invalid_argument",
              "slot_ids[1]");
  ExpectError(applicants_[0].Call("PUT", prefs(0), Json{{"slot_ids", {"nope"}}}.dump()), 400, "invalid_argument",
              "slot_ids[0]");
  ExpectError(applicants_[0].Call("PUT", prefs(0), Json::object().dump()), 400, "invalid_argument", "slot_ids");
  // Someone else's application is not found.
  EXPECT_EQ(applicants_[1].Call("PUT", prefs(0), Json{{"slot_ids", {s1}}}.dump()).status, 404);
  for (size_t i = 0; i < apps.size(); ++i) {
    auto r = applicants_[i].Call("PUT", prefs(i), Json{{"slot_ids", ranks[i]}}.dump());
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["release"]["preferences"].size(), ranks[i].size());
  }
  EXPECT_EQ(applicants_[0].Get(Interview(apps[0])).json()["release"]["preferences"][0], s1);
  Json ranked = coord_.Get(Slots()).json()["not_booked"];
  for (const auto& w : ranked) EXPECT_GE(w["ranked"].get<int>(), 1);

  // Past the deadline rankings are closed.
  Advance(std::chrono::hours(24 * 6));  // 2027-01-21T08:00Z
  ExpectError(applicants_[0].Call("PUT", prefs(0), Json{{"slot_ids", {s2}}}.dump()), 409, "conflict", "slot_ids");
  EXPECT_EQ(coord_b_.Post("/api/institutions/" + b_ + "/offerings/" + offering_ + "/interview-assignment",
                          Json::object())
                .status,
            404);

  auto run = coord_.Post(Offering() + "/interview-assignment", Json::object());
  ASSERT_EQ(run.status, 200) << run.body;
  EXPECT_FALSE(run.json()["seed"].get<std::string>().empty());
  std::map<std::string, std::string> got;  // application → slot
  Json assigned = run.json()["assigned"];
  for (const auto& a : assigned) got[a["application_id"]] = a["slot_id"];
  // Capacity holds, each got a slot they ranked, and nobody was left out while
  // a slot they ranked still had room (serial dictatorship).
  std::map<std::string, int> used;
  for (const auto& [app, slot] : got) ++used[slot];
  for (const auto& [slot, cap] : capacity) {
    EXPECT_LE(used[slot], cap) << slot;
    EXPECT_EQ(Booked(slot), used[slot]) << slot;
  }
  for (size_t i = 0; i < apps.size(); ++i) {
    if (got.contains(apps[i])) {
      EXPECT_NE(std::find(ranks[i].begin(), ranks[i].end(), got[apps[i]]), ranks[i].end());
    } else {
      for (const auto& s : ranks[i]) EXPECT_EQ(used[s], capacity[s]) << "left out while " << s << " had room";
    }
  }
  EXPECT_EQ(used[s1], 1);
  EXPECT_EQ(got.size() + run.json()["unassigned"].size(), apps.size());
  // Serial dictatorship is not maximum-size: the draw (say di, then ana, then bo) can leave two
  // out. Every order places at least two: s1 always goes to someone, and di always gets s3 or s2.
  EXPECT_GE(got.size(), 2u);

  // Everyone assigned is booked at once and e-mailed the .ics.
  for (size_t i = 0; i < apps.size(); ++i) {
    auto view = applicants_[i].Get(Interview(apps[i])).json();
    if (!got.contains(apps[i])) {
      EXPECT_TRUE(view["booking"].is_null());
      continue;
    }
    EXPECT_EQ(view["booking"]["slot"]["id"], got[apps[i]]);
    EXPECT_TRUE(view["release"]["assigned"].get<bool>());
  }
  // Once only.
  ExpectError(coord_.Post(Offering() + "/interview-assignment", Json::object()), 409, "conflict", "mode");
  EXPECT_NE(AuditDetail("interview_assignment.run").find("seed " + run.json()["seed"].get<std::string>()),
            std::string::npos);
}

TEST_P(InterviewsMoreTest, ScorecardsAreVersionedStaffOnlyAndFeedTheApplicationView) {
  std::string app = Apply("ana@example.org");
  std::string other = Apply("bo@example.org");
  Invite(app);
  Invite(other);
  std::string s1 = Publish("2027-02-01", "09:00", 2);
  ASSERT_EQ(applicants_[0].Post(Interview(app), {{"slot_id", s1}}).status, 201);
  std::string card = App(app) + "/scorecard";
  Json all4 = {{"academics", 4}, {"clinical_experience", 4}, {"letters", 4}, {"fit", 4}};
  Json all5 = {{"academics", 5}, {"clinical_experience", 5}, {"letters", 5}, {"fit", 5}};

  // No interview booked yet.
  ExpectError(reviewer_.Call("PUT", App(other) + "/scorecard", Json{{"version", 0}}.dump()), 409, "conflict",
              "booking");

  // A draft: partial, visible only to its author.
  auto draft = reviewer_.Call("PUT", card, Json{{"scores", {{"academics", 4}}}, {"notes", "Thoughtful answers"},
                                                {"version", 0}}.dump());
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(draft.json()["status"], "draft");
  EXPECT_EQ(draft.json()["version"], 1);
  EXPECT_TRUE(coord_.Get(App(app)).json()["interview"]["scorecards"].empty());
  EXPECT_EQ(reviewer_.Get(App(app)).json()["interview"]["scorecards"].size(), 1u);

  // Bad input names the field.
  ExpectError(reviewer_.Call("PUT", card, Json{{"scores", {{"academics", 6}}}, {"version", 1}}.dump()), 400,
              "invalid_argument", "scores.academics");
  ExpectError(reviewer_.Call("PUT", card, Json{{"scores", all4}, {"submit", true}, {"version", 1}}.dump()), 400,
              "invalid_argument", "recommendation");
  ExpectError(reviewer_.Call("PUT", card, Json{{"scores", {{"academics", 4}}}, {"recommendation", "yes"},
                                               {"submit", true}, {"version", 1}}.dump()),
              400, "invalid_argument", "scores.clinical_experience");
  ExpectError(reviewer_.Call("PUT", card, Json{{"recommendation", "maybe"}, {"version", 1}}.dump()), 400,
              "invalid_argument", "recommendation");

  // A stale write (version 0 after the draft moved it to 1): 409, nothing changed.
  auto stale = reviewer_.Call("PUT", card, Json{{"scores", all5}, {"recommendation", "strong_yes"}, {"submit", true},
                                                {"version", 0}}.dump());
  ExpectError(stale, 409, "conflict", "version");
  EXPECT_NE(stale.body.find("changed by someone else; reload"), std::string::npos);

  auto submitted = reviewer_.Call("PUT", card, Json{{"scores", all4}, {"recommendation", "yes"},
                                                    {"notes", "Thoughtful answers"}, {"submit", true},
                                                    {"version", 1}}.dump());
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json()["status"], "submitted");
  EXPECT_EQ(submitted.json()["version"], 2);
  EXPECT_DOUBLE_EQ(submitted.json()["total"].get<double>(), 80.0);
  auto mine = coord_.Call("PUT", card, Json{{"scores", all5}, {"recommendation", "strong_yes"}, {"submit", true},
                                            {"version", 0}}.dump());
  ASSERT_EQ(mine.status, 200) << mine.body;

  // The reviewer's application view: each interviewer's total and the average.
  auto view = reviewer_.Get(App(app));
  ASSERT_EQ(view.status, 200);
  Json interview = view.json()["interview"];
  EXPECT_EQ(interview["scorecards"].size(), 2u);
  EXPECT_EQ(interview["submitted_count"], 2);
  EXPECT_DOUBLE_EQ(interview["average"].get<double>(), 90.0);
  EXPECT_EQ(interview["starts_at"], "2027-02-01T15:00:00Z");
  EXPECT_EQ(Count("interview_scorecards"), 2);
  EXPECT_NE(AuditDetail("interview_scorecard.submit").find("yes"), std::string::npos);

  // Another hospital's coordinator: 404.
  EXPECT_EQ(coord_b_.Call("PUT", "/api/institutions/" + b_ + "/applications/" + app + "/scorecard",
                          Json{{"version", 0}}.dump())
                .status,
            404);

  // The applicant never sees a scorecard: the staff routes deny, their own views omit them.
  Client& ana = applicants_[0];
  EXPECT_EQ(ana.Get(App(app)).status, 404);
  EXPECT_EQ(ana.Call("PUT", card, Json{{"version", 0}}.dump()).status, 404);
  for (const std::string& path : {"/api/applications/" + app, Interview(app), std::string("/api/me/applications")}) {
    auto r = ana.Get(path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body.find("Thoughtful answers"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("scorecard"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("strong_yes"), std::string::npos) << path;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, InterviewsMoreTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
