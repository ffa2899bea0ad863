#include "core/onboarding.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

OnboardingItem Item(std::string id, std::string kind, std::string title, std::string hash = "h1", int version = 1) {
  OnboardingItem i;
  i.id = std::move(id);
  i.kind = std::move(kind);
  i.title = std::move(title);
  i.text_hash = std::move(hash);
  i.version = version;
  return i;
}

ComplianceItem Compliance(std::string type, std::string state, std::string reason) {
  ComplianceItem c;
  c.requirement = std::move(type);
  c.state = std::move(state);
  c.reason = std::move(reason);
  return c;
}

TEST(EvaluateOnboarding, NothingRequiredIsCleared) {
  auto c = EvaluateOnboarding({}, {}, {}, false);
  EXPECT_TRUE(c.cleared);
  EXPECT_TRUE(c.missing.empty());
}

TEST(EvaluateOnboarding, ListsComplianceThenItemsThatAreNotDone) {
  std::vector<ComplianceItem> compliance = {
      Compliance("tb_test", kExpired, "Expires 2027-02-01, before the rotation starts on 2027-03-01."),
      Compliance("bls", kSatisfied, "Verified."),
      Compliance("letter_of_recommendation", kApplication, "1 of 1 letter assigned.")};
  std::vector<OnboardingItem> items = {Item("o", "orientation", "Orientation"), Item("b", "badge_photo", "Badge photo"),
                                       Item("p", "policy", "Confidentiality")};
  auto c = EvaluateOnboarding(compliance, items, {}, false);
  EXPECT_FALSE(c.cleared);
  EXPECT_EQ(c.missing, (std::vector<std::string>{
                           "TB test: Expires 2027-02-01, before the rotation starts on 2027-03-01.",
                           "Acknowledge: Orientation", "Upload: Badge photo", "Sign: Confidentiality"}));
  ASSERT_EQ(c.items.size(), 3u);
  EXPECT_EQ(c.items[0].state, kMissing);
  EXPECT_EQ(c.items[2].reason, "Read and sign this policy.");
}

TEST(EvaluateOnboarding, RecordsAndABadgePhotoClearIt) {
  std::vector<OnboardingItem> items = {Item("o", "orientation", "Orientation"), Item("b", "badge_photo", "Badge"),
                                       Item("p", "policy", "Confidentiality", "h2", 2)};
  std::vector<OnboardingRecord> records = {{"o", "acknowledge", "", 1, "2027-02-01T10:00:00Z"},
                                           {"p", "sign", "h2", 2, "2027-02-02T10:00:00Z"}};
  auto c = EvaluateOnboarding({Compliance("bls", kSatisfied, "")}, items, records, true);
  EXPECT_TRUE(c.cleared);
  EXPECT_EQ(c.items[2].state, kDone);
  EXPECT_EQ(c.items[2].recorded_at, "2027-02-02T10:00:00Z");
}

TEST(EvaluateOnboarding, AChangedPolicyNeedsANewSignature) {
  std::vector<OnboardingItem> items = {Item("p", "policy", "Confidentiality", "new-hash", 2)};
  std::vector<OnboardingRecord> records = {{"p", "sign", "old-hash", 1, "2027-02-02T10:00:00Z"}};
  auto c = EvaluateOnboarding({}, items, records, false);
  EXPECT_FALSE(c.cleared);
  EXPECT_EQ(c.items[0].state, kNeedsSignature);
  EXPECT_EQ(c.items[0].reason, "The policy changed after you signed version 1; read and sign version 2.");
  EXPECT_EQ(c.missing, std::vector<std::string>{"Sign: Confidentiality (changed since signed)"});
}

TEST(EvaluateOnboarding, AnAcknowledgementDoesNotSignAPolicy) {
  auto c = EvaluateOnboarding({}, {Item("p", "policy", "Conduct")}, {{"p", "acknowledge", "h1", 1, "t"}}, false);
  EXPECT_FALSE(c.cleared);
}

TEST(EvaluateOnboarding, PendingComplianceBlocksClearance) {
  auto c = EvaluateOnboarding({Compliance("bls", kPending, "Waiting for verification.")}, {}, {}, false);
  EXPECT_FALSE(c.cleared);
  EXPECT_EQ(c.missing, std::vector<std::string>{"BLS certification: Waiting for verification."});
}

TEST(ValidateOnboardingItems, NamesTheFieldAtFault) {
  OnboardingItemDraft ok{"", "information", "Parking", "Garage B, level 3.", "", "", ""};
  OnboardingItemDraft orientation{"", "orientation", "Orientation", "", "2027-03-01", "8:00", "Room 1"};
  auto r = ValidateOnboardingItems({ok, orientation});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "items[1].time");
  orientation.time = "08:00";
  orientation.place = "  ";
  r = ValidateOnboardingItems({ok, orientation});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "items[1].place");
  OnboardingItemDraft policy{"", "policy", "Conduct", "", "", "", ""};
  r = ValidateOnboardingItems({policy});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "items[0].body");
  r = ValidateOnboardingItems({{"", "parking", "x", "y", "", "", ""}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "items[0].kind");
}

TEST(ValidateOnboardingItems, TrimsDefaultsAndAllowsOneBadgePhoto) {
  OnboardingItemDraft badge{"", "badge_photo", "", "", "2027-01-01", "", ""};
  auto r = ValidateOnboardingItems({badge, {"", "information", " Housing ", " Dorm ", "", "", ""}});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ((*r)[0].title, "Badge photo");
  EXPECT_EQ((*r)[0].date, "");
  EXPECT_EQ((*r)[1].title, "Housing");
  EXPECT_EQ((*r)[1].body, "Dorm");
  auto two = ValidateOnboardingItems({badge, badge});
  ASSERT_FALSE(two);
  EXPECT_EQ(two.error().field, "items[1].kind");
}

TEST(DueOnboardingReminder, ThresholdsAndCatchUp) {
  EXPECT_EQ(DueOnboardingReminder("2027-02-14", "2027-03-01"), std::nullopt);  // 15 days
  EXPECT_EQ(DueOnboardingReminder("2027-02-15", "2027-03-01"), 14);
  EXPECT_EQ(DueOnboardingReminder("2027-02-20", "2027-03-01"), 14);  // 9 days: the 14-day one, if not sent yet
  EXPECT_EQ(DueOnboardingReminder("2027-02-22", "2027-03-01"), 7);
  EXPECT_EQ(DueOnboardingReminder("2027-02-27", "2027-03-01"), 2);
  EXPECT_EQ(DueOnboardingReminder("2027-02-28", "2027-03-01"), 2);
  EXPECT_EQ(DueOnboardingReminder("2027-03-01", "2027-03-01"), std::nullopt);  // started
  EXPECT_EQ(DueOnboardingReminder("nope", "2027-03-01"), std::nullopt);
}

TEST(ActionFor, EachKind) {
  EXPECT_EQ(ActionFor("policy"), "sign");
  EXPECT_EQ(ActionFor("orientation"), "acknowledge");
  EXPECT_EQ(ActionFor("information"), "acknowledge");
  EXPECT_EQ(ActionFor("badge_photo"), "");
}

}  // namespace
}  // namespace clerkship::core
