#include "core/application_state.h"

#include <gtest/gtest.h>

#include <set>

namespace clerkship::core {
namespace {

TEST(ApplicationState, TheHappyPath) {
  std::string s = "draft";
  for (auto [event, who, want] : std::vector<std::tuple<std::string, Actor, std::string>>{
           {"submit", Actor::kApplicant, "submitted"},
           {"start_review", Actor::kReviewer, "under_review"},
           {"invite_interview", Actor::kCoordinator, "interview"},
           {"offer", Actor::kCoordinator, "offer"},
           {"accept", Actor::kApplicant, "accepted"},
           {"complete", Actor::kSystem, "completed"}}) {
    auto next = Transition(s, event, who);
    ASSERT_TRUE(next.has_value()) << s << " --" << event << "--> " << next.error().message;
    EXPECT_EQ(*next, want);
    s = *next;
  }
  EXPECT_TRUE(IsClosed(s));
}

TEST(ApplicationState, IllegalMovesAreConflictsThatSayWhy) {
  auto r = Transition("rejected", "offer", Actor::kCoordinator);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_NE(r.error().message.find("rejected"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("offered a seat"), std::string::npos) << r.error().message;

  auto twice = Transition("submitted", "submit", Actor::kApplicant);
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_NE(twice.error().message.find("withdraw"), std::string::npos) << "names what is possible: " << twice.error().message;
}

TEST(ApplicationState, DecisionsBelongToTheRightPeople) {
  auto reviewer = Transition("under_review", "reject", Actor::kReviewer);
  ASSERT_FALSE(reviewer.has_value());
  EXPECT_EQ(reviewer.error().code, ErrorCode::kForbidden);
  EXPECT_NE(reviewer.error().message.find("coordinator"), std::string::npos);
  auto coordinator_accepts = Transition("offer", "accept", Actor::kCoordinator);
  ASSERT_FALSE(coordinator_accepts.has_value());
  EXPECT_EQ(coordinator_accepts.error().code, ErrorCode::kForbidden);
  EXPECT_NE(coordinator_accepts.error().message.find("applicant"), std::string::npos);
  EXPECT_FALSE(Transition("submitted", "withdraw", Actor::kCoordinator).has_value());
}

TEST(ApplicationState, UnknownEventsAreInvalid) {
  auto r = Transition("submitted", "teleport", Actor::kCoordinator);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "event");
}

TEST(ApplicationState, ClosedStatusesHaveNoWayOutButCompletion) {
  for (const char* closed : {"declined", "rejected", "withdrawn", "completed"}) {
    for (Actor who : {Actor::kApplicant, Actor::kReviewer, Actor::kCoordinator, Actor::kSystem}) {
      EXPECT_TRUE(AllowedEvents(closed, who).empty()) << closed;
    }
  }
}

TEST(ApplicationState, TheTableIsWellFormed) {
  std::set<std::string> statuses(kApplicationStatuses.begin(), kApplicationStatuses.end());
  std::set<std::tuple<std::string, std::string, int>> seen;
  for (const auto& r : TransitionTable()) {
    EXPECT_TRUE(statuses.contains(r.from)) << r.from;
    EXPECT_TRUE(statuses.contains(r.to)) << r.to;
    // One outcome per (event, from, actor): the machine is deterministic.
    EXPECT_TRUE(seen.insert({r.event, r.from, static_cast<int>(r.who)}).second) << r.event << " " << r.from;
  }
  // Every status but draft is reachable.
  std::set<std::string> reached;
  for (const auto& r : TransitionTable()) reached.insert(r.to);
  for (const auto& s : kApplicationStatuses) {
    if (s != "draft") EXPECT_TRUE(reached.contains(s)) << s;
  }
  // An applicant can withdraw from every open status.
  for (const auto& s : kApplicationStatuses) {
    if (IsClosed(s)) continue;
    auto allowed = AllowedEvents(s, Actor::kApplicant);
    EXPECT_NE(std::find(allowed.begin(), allowed.end(), "withdraw"), allowed.end()) << s;
  }
}

}  // namespace
}  // namespace clerkship::core

namespace clerkship::core {
namespace {

TEST(ApplicationState, MatchPlacesOpenApplicationsOnlyBySystem) {
  for (const char* from : {"submitted", "under_review", "interview", "waitlisted"}) {
    auto r = Transition(from, "match", Actor::kSystem);
    ASSERT_TRUE(r) << from;
    EXPECT_EQ(*r, "accepted");
  }
  EXPECT_EQ(Transition("submitted", "match", Actor::kCoordinator).error().code, ErrorCode::kConflict);
  EXPECT_EQ(Transition("rejected", "match", Actor::kSystem).error().code, ErrorCode::kConflict);
  EXPECT_EQ(Transition("offer", "match", Actor::kSystem).error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace clerkship::core
