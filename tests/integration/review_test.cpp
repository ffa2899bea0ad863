// The institution side of applications through the HTTP API on both
// backends (issue 6): review queue, scores, decisions, timeline, messages.
#include <deque>

#include "integration/http_harness.h"

namespace clerkship::testing {
namespace {

struct Person {
  std::string name, country, exam;
};

class ReviewTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    a_ = MakeInstitution("Lakeshore University Medical Center");
    b_ = MakeInstitution("Bayview Community Hospital");
    AddMembership(MakeUser("coord-a@example.org", false), a_, "coordinator");
    AddMembership(MakeUser("reviewer-a@example.org", false), a_, "reviewer");
    AddMembership(MakeUser("reviewer2-a@example.org", false), a_, "reviewer");
    AddMembership(MakeUser("coord-b@example.org", false), b_, "coordinator");
    coord_ = Login("coord-a@example.org");
    reviewer_ = Login("reviewer-a@example.org");
    reviewer2_ = Login("reviewer2-a@example.org");
    coord_b_ = Login("coord-b@example.org");
    offering_ = MakeOffering(a_, "Cardiology elective");
    block_ = coord_.Get("/api/offerings/" + offering_).json()["blocks"][0]["id"];
  }

  // A new applicant with a profile who applies and submits; returns the application id.
  std::string Apply(const std::string& email, const Person& p) {
    MakeUser(email, false);
    applicants_.push_back(Login(email));
    Client& c = applicants_.back();
    SaveProfile(c, GraduateProfile(p.name, p.country, p.exam));
    return ApplyAndSubmit(c, offering_, block_);
  }

  std::string Queue(const std::string& query = "") {
    return "/api/institutions/" + a_ + "/offerings/" + offering_ + "/review" + query;
  }
  std::string App(const std::string& id, const std::string& tail = "") {
    return "/api/institutions/" + a_ + "/applications/" + id + tail;
  }
  int Version(const std::string& id) { return coord_.Get(App(id)).json()["version"]; }
  Reply Move(Client& c, const std::string& id, const std::string& event, const std::string& reason = "",
             int version = -1) {
    Json body = {{"event", event}, {"version", version < 0 ? Version(id) : version}};
    if (!reason.empty()) body["reason"] = reason;
    return c.Post(App(id, "/transition"), body);
  }
  Json Scores(int a, int b, int c, int d) {
    return {{"academics", a}, {"clinical_experience", b}, {"letters", c}, {"fit", d}};
  }

  std::string a_, b_, offering_, block_;
  Client coord_{0}, reviewer_{0}, reviewer2_{0}, coord_b_{0};
  std::deque<Client> applicants_;
};

TEST_P(ReviewTest, QueueFiltersSortsSearchesAndPages) {
  std::string minh = Apply("minh@example.org", {"Nguyen Minh", "VN", "usmle_step1"});
  std::string ana = Apply("ana@example.org", {"Ana Souza", "BR", "usmle_step2ck"});
  std::string raj = Apply("raj@example.org", {"Raj Patel", "IN", "usmle_step1"});

  auto all = reviewer_.Get(Queue());
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["total"], 3);
  ASSERT_EQ(all.json()["items"].size(), 3u);
  Json first, items = all.json()["items"];
  for (const auto& item : items) {
    if (item["application_id"] == minh) first = item;
  }
  EXPECT_EQ(first["applicant"]["name"], "Nguyen Minh");
  EXPECT_EQ(first["school"]["country"], "VN");
  EXPECT_EQ(first["exams"], "usmle_step1: pass");
  EXPECT_EQ(first["status"], "submitted");
  EXPECT_TRUE(first["score_average"].is_null());
  EXPECT_TRUE(first["compliance_cleared"].get<bool>());
  EXPECT_EQ(all.json()["rubric"].size(), 4u);

  EXPECT_EQ(reviewer_.Get(Queue("?country=BR")).json()["total"], 1);
  EXPECT_EQ(reviewer_.Get(Queue("?exam=usmle_step1")).json()["total"], 2);
  auto search = reviewer_.Get(Queue("?q=PATEL"));
  EXPECT_EQ(search.json()["total"], 1);
  EXPECT_EQ(search.json()["items"][0]["application_id"], raj);
  EXPECT_EQ(reviewer_.Get(Queue("?block_id=" + block_)).json()["total"], 3);
  EXPECT_EQ(reviewer_.Get(Queue("?block_id=nope")).json()["total"], 0);
  EXPECT_EQ(reviewer_.Get(Queue("?compliance_cleared=true")).json()["total"], 3);
  EXPECT_EQ(reviewer_.Get(Queue("?compliance_cleared=false")).json()["total"], 0);
  auto paged = reviewer_.Get(Queue("?limit=2&offset=2"));
  EXPECT_EQ(paged.json()["total"], 3);
  EXPECT_EQ(paged.json()["items"].size(), 1u);

  // Scores drive the score filter and sort.
  ASSERT_EQ(reviewer_.Call("PUT", App(ana, "/score"), Json{{"scores", Scores(5, 5, 5, 5)}, {"version", 0}}.dump()).status, 200);
  ASSERT_EQ(reviewer_.Call("PUT", App(minh, "/score"), Json{{"scores", Scores(3, 3, 3, 3)}, {"version", 0}}.dump()).status, 200);
  auto by_score = reviewer_.Get(Queue("?sort=score"));
  EXPECT_EQ(by_score.json()["items"][0]["application_id"], ana);
  EXPECT_EQ(by_score.json()["items"][1]["application_id"], minh);
  EXPECT_EQ(by_score.json()["items"][2]["application_id"], raj);  // unscored last
  auto min = reviewer_.Get(Queue("?min_score=80"));
  EXPECT_EQ(min.json()["total"], 1);
  EXPECT_EQ(min.json()["items"][0]["score_average"], 100.0);
  EXPECT_EQ(reviewer_.Get(Queue("?status=submitted")).json()["total"], 3);
  EXPECT_EQ(reviewer_.Get(Queue("?status=rejected")).json()["total"], 0);

  ExpectError(reviewer_.Get(Queue("?status=lost")), 400, "invalid_argument", "status");
  ExpectError(reviewer_.Get(Queue("?limit=0")), 400, "invalid_argument", "limit");
  ExpectError(reviewer_.Get(Queue("?min_score=abc")), 400, "invalid_argument", "min_score");
  ExpectError(reviewer_.Get(Queue("?sort=name")), 400, "invalid_argument", "sort");
  ExpectError(reviewer_.Get(Queue("?compliance_cleared=maybe")), 400, "invalid_argument", "compliance_cleared");
  ExpectError(coord_b_.Get(Queue()), 404, "not_found");
  // An offering of B through A's path does not exist.
  std::string other = MakeOffering(b_, "Surgery elective");
  ExpectError(coord_.Get("/api/institutions/" + a_ + "/offerings/" + other + "/review"), 404, "not_found");

  // The staff detail shows the snapshot, documents, scores and timeline.
  auto detail = coord_.Get(App(ana));
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(detail.json()["snapshot"]["applicant_name"], "Ana Souza");
  EXPECT_EQ(detail.json()["scores"].size(), 1u);
  EXPECT_EQ(detail.json()["timeline"][0]["event"], "submit");
  EXPECT_EQ(detail.json()["block_ids"][0], block_);
  ExpectError(coord_b_.Get("/api/institutions/" + b_ + "/applications/" + ana), 404, "not_found");
}

TEST_P(ReviewTest, ScoresKeepEveryReviewerAndRefuseStaleWrites) {
  std::string id = Apply("minh@example.org", {"Nguyen Minh", "VN", "usmle_step1"});
  // Two reviewers at once: both scores are kept.
  auto one = reviewer_.Call("PUT", App(id, "/score"), Json{{"scores", Scores(5, 5, 5, 5)}, {"note", "strong"}, {"version", 0}}.dump());
  auto two = reviewer2_.Call("PUT", App(id, "/score"), Json{{"scores", Scores(3, 3, 2, 2)}, {"version", 0}}.dump());
  ASSERT_EQ(one.status, 200) << one.body;
  ASSERT_EQ(two.status, 200) << two.body;
  EXPECT_EQ(one.json()["total"], 100.0);
  EXPECT_EQ(two.json()["total"], 52.0);  // (30*3 + 30*3 + 20*2 + 20*2) / 5
  EXPECT_EQ(one.json()["version"], 1);

  // The same score edited from two tabs: the second, from the old version, gets 409.
  Client tab = Login("reviewer-a@example.org");
  ASSERT_EQ(reviewer_.Call("PUT", App(id, "/score"), Json{{"scores", Scores(4, 4, 4, 4)}, {"note", "strong"}, {"version", 1}}.dump()).status, 200);
  auto stale = tab.Call("PUT", App(id, "/score"), Json{{"scores", Scores(1, 1, 1, 1)}, {"version", 1}}.dump());
  ExpectError(stale, 409, "conflict");
  EXPECT_NE(stale.body.find("changed by someone else; reload"), std::string::npos) << stale.body;
  // A first score written twice at once: one of them loses.
  Client coord_tab = Login("coord-a@example.org");
  ASSERT_EQ(coord_.Call("PUT", App(id, "/score"), Json{{"scores", Scores(2, 2, 2, 2)}, {"version", 0}}.dump()).status, 200);
  ExpectError(coord_tab.Call("PUT", App(id, "/score"), Json{{"scores", Scores(2, 2, 2, 2)}, {"version", 0}}.dump()), 409, "conflict");

  auto detail = coord_.Get(App(id));
  EXPECT_EQ(detail.json()["score_count"], 3);
  EXPECT_EQ(detail.json()["score_average"], 57.33);  // (80 + 52 + 40) / 3
  EXPECT_EQ(detail.json()["score_spread"], 40.0);
  bool note = false;
  Json scores = detail.json()["scores"];
  for (const auto& s : scores) note = note || s["note"] == "strong";
  EXPECT_TRUE(note);

  ExpectError(reviewer_.Call("PUT", App(id, "/score"), Json{{"scores", Scores(6, 1, 1, 1)}, {"version", 2}}.dump()), 400, "invalid_argument", "scores.academics");
  ExpectError(reviewer_.Call("PUT", App(id, "/score"), Json{{"scores", {{"academics", 3}}}, {"version", 2}}.dump()), 400, "invalid_argument", "scores.clinical_experience");
  Json extra = Scores(1, 1, 1, 1);
  extra["charm"] = 5;
  ExpectError(reviewer_.Call("PUT", App(id, "/score"), Json{{"scores", extra}, {"version", 2}}.dump()), 400, "invalid_argument", "scores.charm");
  ExpectError(reviewer_.Call("PUT", App(id, "/score"), Json{{"scores", Scores(1, 1, 1, 1)}}.dump()), 400, "invalid_argument", "version");
  ExpectError(coord_b_.Call("PUT", "/api/institutions/" + b_ + "/applications/" + id + "/score", Json{{"scores", Scores(1, 1, 1, 1)}, {"version", 0}}.dump()), 404, "not_found");
  // The applicant never sees scores or notes.
  auto mine = applicants_.front().Get("/api/applications/" + id);
  EXPECT_EQ(mine.body.find("strong"), std::string::npos);
}

TEST_P(ReviewTest, DecisionsGoThroughTheStateMachine) {
  std::string minh = Apply("minh@example.org", {"Nguyen Minh", "VN", "usmle_step1"});
  std::string ana = Apply("ana@example.org", {"Ana Souza", "BR", "usmle_step2ck"});
  std::string raj = Apply("raj@example.org", {"Raj Patel", "IN", "usmle_step1"});
  std::string lee = Apply("lee@example.org", {"Lee Kim", "KR", "usmle_step1"});

  // A reviewer moves to review but cannot decide.
  auto review = Move(reviewer_, minh, "start_review");
  ASSERT_EQ(review.status, 200) << review.body;
  EXPECT_EQ(review.json()["status"], "under_review");
  ExpectError(Move(reviewer_, minh, "reject"), 403, "forbidden");
  auto detail = reviewer_.Get(App(minh));
  EXPECT_EQ(detail.json()["allowed_events"], Json::array());

  // Stale version: 409, nothing written.
  ExpectError(Move(coord_, minh, "reject", "", 1), 409, "conflict");
  EXPECT_EQ(coord_.Get(App(minh)).json()["status"], "under_review");
  ExpectError(coord_b_.Post("/api/institutions/" + b_ + "/applications/" + minh + "/transition",
                            {{"event", "reject"}, {"version", 2}}),
              404, "not_found");
  ExpectError(Move(coord_, minh, "fly"), 400, "invalid_argument", "event");
  ExpectError(coord_.Post(App(minh, "/transition"), {{"event", "reject"}}), 400, "invalid_argument", "version");

  // Reject with a templated e-mail.
  auto rejected = Move(coord_, minh, "reject", "Seats are full.");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["status"], "rejected");
  std::string mail = LastEmailTo("minh@example.org");
  EXPECT_NE(mail.find("decided not to offer"), std::string::npos) << mail;
  EXPECT_NE(mail.find("Seats are full."), std::string::npos) << mail;
  // Illegal transition: 409 with the reason.
  auto illegal = Move(coord_, minh, "offer");
  ExpectError(illegal, 409, "conflict");
  EXPECT_NE(illegal.body.find("rejected cannot be offered a seat"), std::string::npos) << illegal.body;

  // Request information: a question is required and e-mailed; the applicant answers.
  ExpectError(Move(coord_, ana, "request_info"), 400, "invalid_argument", "reason");
  ASSERT_EQ(Move(coord_, ana, "request_info", "Which dates can you start?").status, 200);
  mail = LastEmailTo("ana@example.org");
  EXPECT_NE(mail.find("Which dates can you start?"), std::string::npos) << mail;
  Client& ana_c = applicants_[1];
  auto dash = ana_c.Get("/api/me/applications");
  EXPECT_EQ(dash.json()["items"][0]["status"], "info_requested");
  EXPECT_EQ(dash.json()["items"][0]["next_step"], "Answer the program's question");
  EXPECT_EQ(dash.json()["items"][0]["deadline"], "2027-01-31");
  ExpectError(ana_c.Post("/api/applications/" + ana + "/answer", {{"answer", ""}}), 400, "invalid_argument", "answer");
  ExpectError(applicants_[0].Post("/api/applications/" + ana + "/answer", {{"answer", "x"}}), 404, "not_found");
  auto answered = ana_c.Post("/api/applications/" + ana + "/answer", {{"answer", "From March 1."}});
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.json()["status"], "under_review");
  ExpectError(ana_c.Post("/api/applications/" + ana + "/answer", {{"answer", "again"}}), 409, "conflict");

  // Waitlist two (ranked in order), reorder, then invite one to interview.
  ASSERT_EQ(Move(coord_, ana, "waitlist").status, 200);
  ASSERT_EQ(Move(coord_, raj, "waitlist").status, 200);
  EXPECT_EQ(coord_.Get(App(ana)).json()["waitlist_rank"], 1);
  EXPECT_EQ(coord_.Get(App(raj)).json()["waitlist_rank"], 2);
  std::string wl = "/api/institutions/" + a_ + "/offerings/" + offering_ + "/waitlist";
  EXPECT_EQ(coord_.Call("PUT", wl, Json{{"application_ids", {raj, ana}}}.dump()).status, 204);
  EXPECT_EQ(coord_.Get(App(raj)).json()["waitlist_rank"], 1);
  // The queue lists the waitlist in rank order.
  auto ranked = coord_.Get(Queue("?status=waitlisted&sort=waitlist"));
  ASSERT_EQ(ranked.status, 200) << ranked.body;
  ASSERT_EQ(ranked.json()["items"].size(), 2u);
  EXPECT_EQ(ranked.json()["items"][0]["application_id"], raj);
  EXPECT_EQ(ranked.json()["items"][1]["application_id"], ana);
  ExpectError(coord_.Get(Queue("?sort=name")), 400, "invalid_argument", "sort");
  ExpectError(coord_.Call("PUT", wl, Json{{"application_ids", {raj}}}.dump()), 400, "invalid_argument", "application_ids");
  EXPECT_EQ(reviewer_.Call("PUT", wl, Json{{"application_ids", {raj, ana}}}.dump()).status, 403);

  // Bulk: each result reported, each its own transaction.
  auto bulk = coord_.Post("/api/institutions/" + a_ + "/bulk-transition",
                          {{"event", "invite_interview"}, {"application_ids", {lee, minh, "nope"}}});
  ASSERT_EQ(bulk.status, 200) << bulk.body;
  EXPECT_EQ(bulk.json()["succeeded"], 1);
  EXPECT_EQ(bulk.json()["failed"], 2);
  EXPECT_TRUE(bulk.json()["items"][0]["ok"].get<bool>());
  EXPECT_EQ(bulk.json()["items"][1]["status_code"], 409);
  EXPECT_EQ(bulk.json()["items"][2]["status_code"], 404);
  EXPECT_EQ(coord_.Get(App(lee)).json()["status"], "interview");
  mail = LastEmailTo("lee@example.org");
  EXPECT_NE(mail.find("invites you to interview"), std::string::npos) << mail;
  ExpectError(coord_.Post("/api/institutions/" + a_ + "/bulk-transition", {{"event", "reject"}, {"application_ids", Json::array()}}),
              400, "invalid_argument", "application_ids");
  auto bulk_reviewer = reviewer_.Post("/api/institutions/" + a_ + "/bulk-transition",
                                      {{"event", "reject"}, {"application_ids", {lee}}});
  EXPECT_EQ(bulk_reviewer.json()["items"][0]["status_code"], 403);

  // The applicant's timeline names every change.
  auto mine = ana_c.Get("/api/applications/" + ana);
  ASSERT_EQ(mine.status, 200) << mine.body;
  std::vector<std::string> events;
  Json timeline = mine.json()["timeline"];
  for (const auto& e : timeline) events.push_back(e["event"]);
  EXPECT_EQ(events, (std::vector<std::string>{"submit", "request_info", "answer_info", "waitlist"}));
  EXPECT_EQ(mine.json()["status"], "waitlisted");
}

TEST_P(ReviewTest, CoordinatorsSetTheRubricThatReviewersScoreAgainst) {
  const std::string settings = "/api/institutions/" + a_ + "/review-settings";
  auto initial = reviewer_.Get(settings);
  ASSERT_EQ(initial.status, 200) << initial.body;
  EXPECT_EQ(initial.json()["is_default"], true);
  EXPECT_EQ(initial.json()["target_days"], 14);
  EXPECT_EQ(initial.json()["rubric"].size(), 4u);

  Json rubric = Json::array({{{"key", "knowledge"}, {"label", " Medical knowledge "}, {"weight", 60}},
                             {{"key", "professionalism"}, {"label", "Professionalism"}, {"weight", 40}}});
  // Each mistake names its field and saves nothing.
  Json bad = rubric;
  bad[1]["weight"] = 30;
  ExpectError(coord_.Call("PUT", settings, Json{{"rubric", bad}, {"target_days", 10}}.dump()), 400, "invalid_argument", "rubric");
  bad = rubric;
  bad[1]["key"] = "knowledge";
  ExpectError(coord_.Call("PUT", settings, Json{{"rubric", bad}, {"target_days", 10}}.dump()), 400, "invalid_argument", "rubric[1].key");
  bad = rubric;
  bad[0]["colour"] = "red";
  ExpectError(coord_.Call("PUT", settings, Json{{"rubric", bad}, {"target_days", 10}}.dump()), 400, "invalid_argument", "rubric[0].colour");
  ExpectError(coord_.Call("PUT", settings, Json{{"rubric", rubric}, {"target_days", 0}}.dump()), 400, "invalid_argument", "target_days");
  ExpectError(coord_.Call("PUT", settings, Json{{"rubric", rubric}}.dump()), 400, "invalid_argument", "target_days");
  EXPECT_EQ(coord_.Get(settings).json()["is_default"], true);
  // Reviewers and other institutions' coordinators may not change it.
  EXPECT_EQ(reviewer_.Call("PUT", settings, Json{{"rubric", rubric}, {"target_days", 10}}.dump()).status, 403);
  // Another institution's coordinator: as if the institution did not exist for them.
  EXPECT_EQ(coord_b_.Call("PUT", settings, Json{{"rubric", rubric}, {"target_days", 10}}.dump()).status, 404);
  EXPECT_EQ(coord_b_.Get(settings).status, 404);

  auto saved = coord_.Call("PUT", settings, Json{{"rubric", rubric}, {"target_days", 10}}.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["rubric"][0]["label"], "Medical knowledge");
  EXPECT_EQ(saved.json()["is_default"], false);
  EXPECT_EQ(reviewer_.Get(settings).json()["target_days"], 10);

  // Reviewers now score against the new criteria; the old ones are refused.
  std::string id = Apply("olga@example.org", {"Ольга Смирнова", "UA", "usmle_step1"});
  ExpectError(reviewer_.Call("PUT", App(id, "/score"), Json{{"scores", Scores(5, 5, 5, 5)}, {"version", 0}}.dump()), 400, "invalid_argument");
  auto scored = reviewer_.Call("PUT", App(id, "/score"), Json{{"scores", {{"knowledge", 5}, {"professionalism", 3}}}, {"version", 0}}.dump());
  ASSERT_EQ(scored.status, 200) << scored.body;
  EXPECT_EQ(scored.json()["total"], 84.0);  // (60*5 + 40*3) / 5
  EXPECT_EQ(coord_.Get(App(id)).json()["rubric"][1]["key"], "professionalism");
}

TEST_P(ReviewTest, MessagesNotifyTheOtherSideAndCountUnread) {
  std::string id = Apply("minh@example.org", {"Nguyen Minh", "VN", "usmle_step1"});
  Client& me = applicants_.front();
  std::string mine = "/api/applications/" + id + "/messages";

  ExpectError(me.Post(mine, {{"body", "   "}}), 400, "invalid_argument", "body");
  ExpectError(me.Post(mine, {{"text", "hi"}}), 400, "invalid_argument");
  auto sent = me.Post(mine, {{"body", "Is housing available?"}});
  ASSERT_EQ(sent.status, 201) << sent.body;
  EXPECT_EQ(sent.json()["side"], "applicant");
  EXPECT_NE(LastEmailTo("coord-a@example.org").find("wrote a message"), std::string::npos);

  EXPECT_EQ(reviewer_.Get(Queue()).json()["items"][0]["unread"], 1);
  auto thread = reviewer_.Get(App(id, "/messages"));
  ASSERT_EQ(thread.status, 200) << thread.body;
  EXPECT_EQ(thread.json()["items"].size(), 1u);
  EXPECT_EQ(thread.json()["items"][0]["body"], "Is housing available?");
  EXPECT_EQ(reviewer_.Get(Queue()).json()["items"][0]["unread"], 0);
  EXPECT_EQ(coord_.Get(Queue()).json()["items"][0]["unread"], 1);  // per user

  auto reply = coord_.Post(App(id, "/messages"), {{"body", "Yes, on campus."}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(coord_.Get(Queue()).json()["items"][0]["unread"], 0);  // writing reads the thread
  std::string mail = LastEmailTo("minh@example.org");
  EXPECT_NE(mail.find("wrote a message"), std::string::npos) << mail;
  EXPECT_EQ(mail.find("on campus"), std::string::npos) << "the body stays in the app";
  EXPECT_EQ(me.Get("/api/me/applications").json()["items"][0]["unread"], 1);
  EXPECT_EQ(me.Get("/api/applications/" + id).json()["unread"], 1);
  EXPECT_EQ(me.Get(mine).json()["items"].size(), 2u);
  EXPECT_EQ(me.Get("/api/me/applications").json()["items"][0]["unread"], 0);

  // Other people's threads do not exist for the caller.
  MakeUser("eve@example.org", false);
  Client eve = Login("eve@example.org");
  ExpectError(eve.Get(mine), 404, "not_found");
  ExpectError(eve.Post(mine, {{"body", "hi"}}), 404, "not_found");
  ExpectError(coord_b_.Get("/api/institutions/" + b_ + "/applications/" + id + "/messages"), 404, "not_found");
  // A draft has no thread yet.
  auto draft = eve.Post("/api/applications", {{"offering_id", offering_}, {"block_ids", {block_}}});
  ASSERT_EQ(draft.status, 201);
  ExpectError(eve.Post("/api/applications/" + draft.json()["id"].get<std::string>() + "/messages", {{"body", "hi"}}),
              409, "conflict");
  ExpectError(coord_.Get(App(draft.json()["id"].get<std::string>(), "/messages")), 404, "not_found");
}

TEST_P(ReviewTest, OfferingPageShowsTheMedianResponseTimeOnceFiveDecisionsExist) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(Apply("p" + std::to_string(i) + "@example.org", {"Person " + std::to_string(i), "US", "usmle_step1"}));
  }
  clock_.Advance(std::chrono::hours(24 * 3));
  coord_ = Login("coord-a@example.org");  // sessions end after a quiet day
  for (int i = 0; i < 4; ++i) ASSERT_EQ(Move(coord_, ids[i], "reject").status, 200);
  Client visitor = NewClient();
  auto page = visitor.Get("/api/offerings/" + offering_);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(page.json()["median_response_days"].is_null()) << page.body;
  clock_.Advance(std::chrono::hours(24));  // the figure is computed once a day
  coord_ = Login("coord-a@example.org");
  ASSERT_EQ(Move(coord_, ids[4], "waitlist").status, 200);
  page = visitor.Get("/api/offerings/" + offering_);
  EXPECT_EQ(page.json()["median_response_days"], 3) << page.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, ReviewTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
