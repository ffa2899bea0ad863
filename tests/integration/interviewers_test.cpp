// Interviewers as accounts (issue 7; decision 014 addendum) through the HTTP
// API on both backends: a slot names staff accounts of its institution as
// interviewers (validated), keeps free-text names for outside interviewers,
// the interviewers see "My interviews", are ATTENDEEs of the invitation, find
// the interviews they conduct in their calendar feed, and are offered the
// scorecard first.
#include <deque>

#include <soci/soci.h>

#include "integration/http_harness.h"

namespace clerkship::testing {
namespace {

// The fixture's clock starts at 2027-01-15T08:00:00Z.
class InterviewersTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");  // America/Chicago
    b_ = MakeInstitution("Bayview Community Hospital");
    AddMembership(coord_id_ = MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(reviewer_id_ = MakeUser("reviewer-a@example.org", false), a_, "reviewer");
    AddMembership(preceptor_id_ = MakeUser("preceptor-a@example.org", false), a_, "preceptor");
    AddMembership(coord_b_id_ = MakeUser("coord-b@example.org", false), b_, "coordinator");
    LoginStaff();
    offering_ = MakeOffering(a_, "Cardiology elective");
    block_ = coord_.Get("/api/offerings/" + offering_).json()["blocks"][0]["id"];
  }

  void LoginStaff() {
    coord_ = Login("coord-a@example.org");
    reviewer_ = Login("reviewer-a@example.org");
    coord_b_ = Login("coord-b@example.org");
  }

  std::string Apply(const std::string& email) {
    applicant_ids_.push_back(MakeUser(email, false));
    applicants_.push_back(Login(email));
    Client& c = applicants_.back();
    Json profile = GraduateProfile("Applicant " + email);
    profile["school"]["name"] = "School";
    SaveProfile(c, profile);
    std::string id = ApplyAndSubmit(c, offering_, block_);
    std::string path = App(id);
    int version = coord_.Get(path).json()["version"];
    EXPECT_EQ(coord_.Post(path + "/transition", {{"event", "invite_interview"}, {"version", version}}).status, 200);
    return id;
  }

  std::string App(const std::string& id) { return "/api/institutions/" + a_ + "/applications/" + id; }
  std::string Slots() { return "/api/institutions/" + a_ + "/offerings/" + offering_ + "/interview-slots"; }
  std::string Slot(const std::string& id) { return "/api/institutions/" + a_ + "/interview-slots/" + id; }
  static std::string Interview(const std::string& app) { return "/api/applications/" + app + "/interview"; }

  Json SlotBody(const std::string& date, const std::string& time, const Json& ids) {
    Json body = {{"date", date}, {"time", time}, {"minutes", 30}, {"format", "video"},
                 {"location", "https://meet.example.org/card"}, {"interviewers", "Dr. Outside"}};
    if (!ids.is_null()) body["interviewer_ids"] = ids;
    return body;
  }

  std::string Publish(const std::string& date, const std::string& time, const Json& ids) {
    auto r = coord_.Post(Slots(), SlotBody(date, time, ids));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["items"][0].value("id", "");
  }

  std::string LastAttachmentTo(const std::string& to) {
    return *tdb_->db().Run<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
      soci::rowset<soci::row> rows = (tx.sql().prepare << "SELECT attachment FROM outbox WHERE to_addr = :t "
                                                          "ORDER BY seq DESC LIMIT 1",
                                      soci::use(to));
      for (const auto& row : rows) return row.get<std::string>(0);
      return std::string();
    });
  }

  // The ATTENDEE lines of an .ics, unfolded (RFC 5545 folds lines at 75 octets).
  static std::vector<std::string> Attendees(std::string ics) {
    for (size_t p; (p = ics.find("\r\n ")) != std::string::npos;) ics.erase(p, 3);
    std::vector<std::string> out;
    for (size_t p = 0; (p = ics.find("\r\nATTENDEE", p)) != std::string::npos; p += 2) {
      out.push_back(ics.substr(p + 2, ics.find("\r\n", p + 2) - p - 2));
    }
    return out;
  }

  static Json SlotById(const Json& slots, const std::string& id) {
    for (const auto& s : slots) {
      if (s["id"] == id) return s;
    }
    return Json();
  }

  static std::string UidOf(const std::string& ics) {
    auto p = ics.find("UID:");
    if (p == std::string::npos) return "";
    return ics.substr(p + 4, ics.find("\r\n", p) - p - 4);
  }

  std::string FeedOf(Client& c) {
    auto made = c.Post("/api/me/calendar-feed", Json::object());
    EXPECT_EQ(made.status, 201) << made.body;
    std::string url = made.json()["url"];
    Client anonymous = NewClient();
    auto feed = anonymous.Get(url.substr(url.find("/api/calendar/")));
    EXPECT_EQ(feed.status, 200);
    return feed.body;
  }

  std::string a_, b_, offering_, block_, coord_id_, reviewer_id_, preceptor_id_, coord_b_id_;
  Client coord_{0}, reviewer_{0}, coord_b_{0};
  std::deque<Client> applicants_;
  std::vector<std::string> applicant_ids_;
};

TEST_P(InterviewersTest, SlotInterviewersAreStaffAccountsOfTheInstitution) {
  std::string app = Apply("ana@example.org");

  // Another institution's coordinator, an unknown id, an applicant, twice the same: 400 naming the entry.
  ExpectError(coord_.Post(Slots(), SlotBody("2027-02-01", "09:00", {reviewer_id_, coord_b_id_})), 400,
              "invalid_argument", "interviewer_ids[1]");
  ExpectError(coord_.Post(Slots(), SlotBody("2027-02-01", "09:00", {"nope"})), 400, "invalid_argument",
              "interviewer_ids[0]");
  ExpectError(coord_.Post(Slots(), SlotBody("2027-02-01", "09:00", {applicant_ids_[0]})), 400, "invalid_argument",
              "interviewer_ids[0]");
  ExpectError(coord_.Post(Slots(), SlotBody("2027-02-01", "09:00", {reviewer_id_, reviewer_id_})), 400,
              "invalid_argument", "interviewer_ids[1]");
  ExpectError(coord_.Post(Slots(), SlotBody("2027-02-01", "09:00", "everyone")), 400, "invalid_argument",
              "interviewer_ids");
  ExpectError(coord_.Post(Slots(), SlotBody("2027-02-01", "09:00", {42})), 400, "invalid_argument",
              "interviewer_ids[0]");
  // In a pattern the field keeps its name (not pattern.…), and nothing is made.
  Json pattern = {{"pattern", {{"from", "2027-02-01"}, {"to", "2027-02-02"}, {"weekdays", {1, 2}},
                               {"window_start", "09:00"}, {"window_end", "10:00"}}},
                  {"format", "phone"}, {"interviewer_ids", {coord_b_id_}}};
  ExpectError(coord_.Post(Slots(), pattern), 400, "invalid_argument", "interviewer_ids[0]");
  EXPECT_EQ(Count("interview_slots"), 0);
  EXPECT_EQ(Count("interview_slot_interviewers"), 0);

  // Reviewer and preceptor of the institution, plus a free-text outside interviewer.
  auto made = coord_.Post(Slots(), SlotBody("2027-02-01", "09:00", {reviewer_id_, preceptor_id_}));
  ASSERT_EQ(made.status, 201) << made.body;
  Json slot = made.json()["items"][0];
  EXPECT_EQ(slot["interviewer_ids"], Json({reviewer_id_, preceptor_id_}));
  EXPECT_EQ(slot["interviewer_accounts"][0]["name"], "User reviewer-a@example.org");
  EXPECT_EQ(slot["interviewers"], "Dr. Outside");
  EXPECT_EQ(slot["interviewer_names"], "User reviewer-a@example.org, User preceptor-a@example.org, Dr. Outside");
  std::string id = slot["id"];

  // A pattern names the same interviewers on every slot.
  pattern["interviewer_ids"] = {reviewer_id_};
  auto many = coord_.Post(Slots(), pattern);
  ASSERT_EQ(many.status, 201) << many.body;
  EXPECT_EQ(many.json()["count"], 4);
  EXPECT_EQ(Count("interview_slot_interviewers"), 2 + 4);

  // Older clients: no interviewer_ids → free text only; an edit without it keeps the accounts.
  auto old = coord_.Post(Slots(), SlotBody("2027-02-03", "09:00", nullptr));
  ASSERT_EQ(old.status, 201) << old.body;
  EXPECT_TRUE(old.json()["items"][0]["interviewer_ids"].empty());
  EXPECT_EQ(old.json()["items"][0]["interviewer_names"], "Dr. Outside");
  auto kept = coord_.Call("PUT", Slot(id), SlotBody("2027-02-01", "10:00", nullptr).dump());
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(kept.json()["interviewer_ids"], Json({reviewer_id_, preceptor_id_}));
  ExpectError(coord_.Call("PUT", Slot(id), SlotBody("2027-02-01", "10:00", {coord_b_id_}).dump()), 400,
              "invalid_argument", "interviewer_ids[0]");
  EXPECT_EQ(SlotById(coord_.Get(Slots()).json()["slots"], id)["interviewer_ids"], Json({reviewer_id_, preceptor_id_}));
  auto changed = coord_.Call("PUT", Slot(id), SlotBody("2027-02-01", "10:00", {coord_id_}).dump());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["interviewer_ids"], Json({coord_id_}));

  // The applicant sees names, never account ids.
  auto mine = applicants_[0].Get(Interview(app));
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.body.find(coord_id_), std::string::npos);
  EXPECT_EQ(mine.body.find("interviewer_ids"), std::string::npos);
  EXPECT_EQ(SlotById(mine.json()["slots"], id)["interviewer_names"], "User coord-a@example.org, Dr. Outside");

  // An unbooked slot with interviewers can still be deleted.
  EXPECT_EQ(coord_.Call("DELETE", Slot(id)).status, 204);
  EXPECT_EQ(Count("interview_slot_interviewers"), 4);
  // Another institution's coordinator cannot edit the slots (404).
  EXPECT_EQ(coord_b_.Call("PUT", Slot(old.json()["items"][0]["id"]), SlotBody("2027-02-01", "10:00", {coord_b_id_}).dump())
                .status,
            404);
}

TEST_P(InterviewersTest, InterviewersSeeMyInterviewsAreAttendeesAndScoreFirst) {
  std::string app = Apply("ana@example.org");
  std::string s1 = Publish("2027-02-01", "09:00", {reviewer_id_});
  std::string s2 = Publish("2027-02-02", "09:00", {reviewer_id_, preceptor_id_});
  Client& ana = applicants_[0];

  // Nothing booked yet: an empty list; applicants have no interviews to conduct.
  auto none = reviewer_.Get("/api/me/interviews");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(none.json()["items"].empty());
  ExpectError(ana.Get("/api/me/interviews"), 403, "forbidden");

  ASSERT_EQ(ana.Post(Interview(app), {{"slot_id", s1}}).status, 201);
  // The invitation lists the interviewer with an e-mail as ATTENDEE.
  std::string ics = LastAttachmentTo("ana@example.org");
  auto attendees = Attendees(ics);
  ASSERT_EQ(attendees.size(), 2u) << ics;
  EXPECT_NE(attendees[0].find("mailto:ana@example.org"), std::string::npos) << attendees[0];
  EXPECT_NE(attendees[1].find("mailto:reviewer-a@example.org"), std::string::npos) << attendees[1];
  EXPECT_NE(attendees[1].find("CN="), std::string::npos) << attendees[1];
  EXPECT_NE(attendees[1].find("User reviewer-a@example.org"), std::string::npos) << attendees[1];
  std::string uid = UidOf(ics);
  ASSERT_FALSE(uid.empty());

  // The reviewer sees it under My interviews; other staff do not.
  auto list = reviewer_.Get("/api/me/interviews");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1u) << list.body;
  Json item = list.json()["items"][0];
  EXPECT_EQ(item["application_id"], app);
  EXPECT_EQ(item["applicant_name"], "User ana@example.org");
  EXPECT_EQ(item["institution_id"], a_);
  EXPECT_EQ(item["slot"]["starts_at"], "2027-02-01T15:00:00Z");
  EXPECT_EQ(item["slot"]["time_zone"], "America/Chicago");
  EXPECT_EQ(item["review_url"], "/institutions/" + a_ + "/applications/" + app);
  EXPECT_EQ(item["scorecard_status"], "");
  EXPECT_FALSE(item["ended"].get<bool>());
  EXPECT_TRUE(coord_.Get("/api/me/interviews").json()["items"].empty());
  EXPECT_TRUE(coord_b_.Get("/api/me/interviews").json()["items"].empty());

  // Moving the booking keeps the UID and adds the new slot's interviewers.
  ASSERT_EQ(ana.Call("PUT", Interview(app), Json{{"slot_id", s2}}.dump()).status, 200);
  ics = LastAttachmentTo("ana@example.org");
  EXPECT_EQ(UidOf(ics), uid);
  attendees = Attendees(ics);
  ASSERT_EQ(attendees.size(), 3u) << ics;
  EXPECT_NE(attendees[2].find("mailto:preceptor-a@example.org"), std::string::npos) << attendees[2];
  Client preceptor = Login("preceptor-a@example.org");
  EXPECT_EQ(preceptor.Get("/api/me/interviews").json()["items"].size(), 1u);

  // The reviewer's calendar feed marks the interview they conduct; the coordinator's does not.
  std::string feed = FeedOf(reviewer_);
  EXPECT_NE(feed.find("you interview"), std::string::npos) << feed;
  EXPECT_NE(feed.find("UID:" + uid), std::string::npos) << feed;
  EXPECT_EQ(feed.find("ATTENDEE"), std::string::npos) << feed;
  std::string coord_feed = FeedOf(coord_);
  EXPECT_NE(coord_feed.find("UID:" + uid), std::string::npos);
  EXPECT_EQ(coord_feed.find("you interview"), std::string::npos);

  // The review view tells who the interviewers are and whether the caller is one.
  Json view = reviewer_.Get(App(app)).json()["interview"];
  EXPECT_TRUE(view["you_interview"].get<bool>());
  EXPECT_EQ(view["interviewer_accounts"].size(), 2u);
  EXPECT_EQ(view["interviewers"], "User reviewer-a@example.org, User preceptor-a@example.org, Dr. Outside");
  EXPECT_FALSE(coord_.Get(App(app)).json()["interview"]["you_interview"].get<bool>());

  // The named interviewer scores; other staff still may (marked as not named).
  Json all4 = {{"academics", 4}, {"clinical_experience", 4}, {"letters", 4}, {"fit", 4}};
  std::string card = App(app) + "/scorecard";
  auto draft = reviewer_.Call("PUT", card, Json{{"scores", {{"academics", 4}}}, {"version", 0}}.dump());
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(reviewer_.Get("/api/me/interviews").json()["items"][0]["scorecard_status"], "draft");
  ASSERT_EQ(reviewer_.Call("PUT", card, Json{{"scores", all4}, {"recommendation", "yes"}, {"submit", true},
                                            {"version", 1}}.dump())
                .status,
            200);
  ASSERT_EQ(coord_.Call("PUT", card, Json{{"scores", all4}, {"recommendation", "no"}, {"submit", true},
                                         {"version", 0}}.dump())
                .status,
            200);
  Json cards = reviewer_.Get(App(app)).json()["interview"]["scorecards"];
  ASSERT_EQ(cards.size(), 2u);
  for (const auto& c : cards) {
    EXPECT_EQ(c["named_interviewer"].get<bool>(), c["interviewer_id"] == reviewer_id_) << c.dump();
  }
  EXPECT_EQ(reviewer_.Get("/api/me/interviews").json()["items"][0]["scorecard_status"], "submitted");

  // Once it is over, it stays listed only for those who have not submitted.
  clock_.Advance(std::chrono::hours(24 * 18 + 8));  // 2027-02-02T16:00Z, after the 15:30Z end
  LoginStaff();
  preceptor = Login("preceptor-a@example.org");
  EXPECT_TRUE(reviewer_.Get("/api/me/interviews").json()["items"].empty());
  auto late = preceptor.Get("/api/me/interviews");
  ASSERT_EQ(late.json()["items"].size(), 1u) << late.body;
  EXPECT_TRUE(late.json()["items"][0]["ended"].get<bool>());
}

TEST_P(InterviewersTest, MyInterviewsFollowsCurrentStaffMembership) {
  std::string app = Apply("ana@example.org");
  std::string s1 = Publish("2027-02-01", "09:00", {reviewer_id_});
  ASSERT_EQ(applicants_[0].Post(Interview(app), {{"slot_id", s1}}).status, 201);
  ASSERT_EQ(reviewer_.Get("/api/me/interviews").json()["items"].size(), 1u);

  // Removed from the institution's staff: the interview drops out of the list.
  auto staff = coord_.Get("/api/institutions/" + a_ + "/staff").json();
  std::string membership;
  for (const auto& m : staff["items"]) {
    if (m["user_id"] == reviewer_id_) membership = m["membership_id"];
  }
  ASSERT_FALSE(membership.empty()) << staff.dump();
  ASSERT_EQ(coord_.Call("DELETE", "/api/institutions/" + a_ + "/staff/" + membership).status, 204);
  // Removal ends the person's sessions: they log in again, now with no staff role.
  Client again = Login("reviewer-a@example.org");
  ExpectError(again.Get("/api/me/interviews"), 403, "forbidden");
}

INSTANTIATE_TEST_SUITE_P(Backends, InterviewersTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
