#include "core/compliance.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

const BlockDates kBlock{"2027-01-04", "2027-01-31"};

VaultDocument Doc(std::string id, std::string type, std::string status, std::string expires_on = "",
                  std::string issued_on = "") {
  VaultDocument d;
  d.id = std::move(id);
  d.type = std::move(type);
  d.status = std::move(status);
  d.expires_on = std::move(expires_on);
  d.issued_on = std::move(issued_on);
  return d;
}

ComplianceItem One(const std::string& type, const std::vector<VaultDocument>& docs, int count = 1) {
  auto items = EvaluateCompliance({{type, count}}, kBlock, docs);
  EXPECT_EQ(items.size(), 1u);
  return items.at(0);
}

TEST(EvaluateCompliance, ExpiryOnTheLastDayOfTheBlockIsSatisfied) {
  auto item = One("tb_test", {Doc("d1", "tb_test", "verified", "2027-01-31")});
  EXPECT_EQ(item.state, kSatisfied);
  EXPECT_EQ(item.reason, "Verified. Valid through 2027-01-31.");
  EXPECT_EQ(item.document_ids, std::vector<std::string>{"d1"});
}

TEST(EvaluateCompliance, ExpiryTheDayBeforeTheStartIsExpired) {
  auto item = One("tb_test", {Doc("d1", "tb_test", "verified", "2027-01-03")});
  EXPECT_EQ(item.state, kExpired);
  EXPECT_EQ(item.reason, "Expires 2027-01-03, before the rotation starts on 2027-01-04.");
  EXPECT_EQ(item.document_ids, std::vector<std::string>{"d1"});
}

TEST(EvaluateCompliance, ExpiryFromTheStartToTheDayBeforeTheEndIsDuring) {
  for (const char* date : {"2027-01-04", "2027-01-15", "2027-01-30"}) {
    auto item = One("bls", {Doc("d1", "bls", "verified", date)});
    EXPECT_EQ(item.state, kExpiresDuring) << date;
    EXPECT_EQ(item.reason,
              std::string("Expires ") + date + ", before the rotation ends on 2027-01-31.");
  }
}

TEST(EvaluateCompliance, AOneDayBlockNeedsValidityOnThatDay) {
  auto items = EvaluateCompliance({{"bls", 1}}, {"2027-01-04", "2027-01-04"},
                                  {Doc("d1", "bls", "verified", "2027-01-04")});
  EXPECT_EQ(items[0].state, kSatisfied);
}

TEST(EvaluateCompliance, NoDocumentIsMissing) {
  auto item = One("tb_test", {});
  EXPECT_EQ(item.state, kMissing);
  EXPECT_EQ(item.reason, "No TB test in the vault.");
  EXPECT_TRUE(item.document_ids.empty());
  EXPECT_EQ(One("immunization_record", {Doc("x", "tb_test", "verified", "2030-01-01")}).reason,
            "No immunization record in the vault.");
  EXPECT_EQ(One("mspe", {}).reason, "No dean's letter / MSPE in the vault.");
  EXPECT_EQ(One("hipaa_training", {}).reason, "No HIPAA training in the vault.");
}

TEST(EvaluateCompliance, AnExpiringTypeWithoutExpiryDateIsPending) {
  auto item = One("background_check", {Doc("d1", "background_check", "verified")});
  EXPECT_EQ(item.state, kPending);
  EXPECT_EQ(
      item.reason,
      "Expiry date missing; add it so the document can be checked against the rotation dates.");
}

TEST(EvaluateCompliance, ANonExpiringTypeNeedsNoDates) {
  auto item = One("immunization_record", {Doc("d1", "immunization_record", "verified")});
  EXPECT_EQ(item.state, kSatisfied);
  EXPECT_EQ(item.reason, "Verified.");
}

TEST(EvaluateCompliance, AStatedExpiryIsHonouredForANonExpiringType) {
  auto item = One("health_record", {Doc("d1", "health_record", "verified", "2027-01-10")});
  EXPECT_EQ(item.state, kExpiresDuring);
}

TEST(EvaluateCompliance, PendingAndRejected) {
  auto pending = One("tb_test", {Doc("d1", "tb_test", "pending", "2027-12-31")});
  EXPECT_EQ(pending.state, kPending);
  EXPECT_EQ(pending.reason, "Awaiting verification. Valid through 2027-12-31.");
  VaultDocument rejected = Doc("d2", "tb_test", "rejected", "2027-12-31");
  rejected.status_reason = " The scan is unreadable ";
  auto item = One("tb_test", {rejected});
  EXPECT_EQ(item.state, kRejected);
  EXPECT_EQ(item.reason, "Rejected: The scan is unreadable.");
  rejected.status_reason = "";
  EXPECT_EQ(One("tb_test", {rejected}).reason, "Rejected by the coordinator.");
  // An unknown status is treated as not yet verified.
  EXPECT_EQ(One("cv", {Doc("d3", "cv", "")}).state, kPending);
}

TEST(EvaluateCompliance, RejectionOutranksDates) {
  auto item = One("tb_test", {Doc("d1", "tb_test", "rejected", "2026-01-01")});
  EXPECT_EQ(item.state, kRejected);
}

TEST(EvaluateCompliance, DatesOutrankAwaitingVerification) {
  auto item = One("tb_test", {Doc("d1", "tb_test", "pending", "2026-12-31")});
  EXPECT_EQ(item.state, kExpired);
}

TEST(EvaluateCompliance, RejectedPlusNewerPendingIsPending) {
  auto item = One("background_check",
                  {Doc("old", "background_check", "rejected", "2028-01-01", "2026-01-01"),
                   Doc("new", "background_check", "pending", "2028-06-01", "2026-06-01")});
  EXPECT_EQ(item.state, kPending);
  EXPECT_EQ(item.document_ids, std::vector<std::string>{"new"});
}

TEST(EvaluateCompliance, TheBestOfSeveralDocumentsIsChosen) {
  std::vector<VaultDocument> docs = {
      Doc("expired", "tb_test", "verified", "2026-12-01"),
      Doc("pending", "tb_test", "pending", "2027-12-01"),
      Doc("during", "tb_test", "verified", "2027-01-20"),
      Doc("good", "tb_test", "verified", "2027-06-01"),
      Doc("rejected", "tb_test", "rejected", "2028-01-01"),
  };
  auto item = One("tb_test", docs);
  EXPECT_EQ(item.state, kSatisfied);
  EXPECT_EQ(item.document_ids, std::vector<std::string>{"good"});
  docs.erase(docs.begin() +
             3);  // without the good one, pending beats a verified one expiring during
  EXPECT_EQ(One("tb_test", docs).document_ids, std::vector<std::string>{"pending"});
  docs.erase(docs.begin() + 1);
  EXPECT_EQ(One("tb_test", docs).state, kExpiresDuring);
  docs.erase(docs.begin() + 1);
  EXPECT_EQ(One("tb_test", docs).state, kExpired);
}

TEST(EvaluateCompliance, TiesGoToTheLaterExpiryThenTheLaterIssue) {
  auto item = One("bls",
                  {Doc("a", "bls", "verified", "2028-01-01", "2026-01-01"),
                   Doc("b", "bls", "verified", "2029-01-01", "2025-01-01"),
                   Doc("c", "bls", "verified", "2029-01-01", "2026-02-01")},
                  3);
  EXPECT_EQ(item.document_ids, (std::vector<std::string>{"c", "b", "a"}));
}

TEST(EvaluateCompliance, CountTwoWithOneDocumentIsMissing) {
  auto item = One("tb_test", {Doc("d1", "tb_test", "verified", "2028-01-01")}, 2);
  EXPECT_EQ(item.state, kMissing);
  EXPECT_EQ(item.count, 2);
  EXPECT_EQ(item.reason, "2 needed (TB test), only 1 in the vault.");
  EXPECT_EQ(item.document_ids, std::vector<std::string>{"d1"});
  EXPECT_EQ(One("tb_test", {}, 2).reason, "2 needed (TB test), none in the vault.");
}

TEST(EvaluateCompliance, CountTwoTakesTheWorstOfTheTwoBest) {
  std::vector<VaultDocument> docs = {Doc("a", "health_record", "verified"),
                                     Doc("b", "health_record", "pending"),
                                     Doc("c", "health_record", "rejected")};
  auto item = One("health_record", docs, 2);
  EXPECT_EQ(item.state, kPending);
  EXPECT_EQ(item.document_ids, (std::vector<std::string>{"a", "b"}));
  docs[1].status = "verified";
  EXPECT_EQ(One("health_record", docs, 2).state, kSatisfied);
}

TEST(EvaluateCompliance, TheSameDocumentListedTwiceCountsOnce) {
  auto d = Doc("a", "cv", "verified");
  EXPECT_EQ(One("cv", {d, d}, 2).state, kMissing);
}

TEST(EvaluateCompliance, DeletedDocumentsAreIgnored) {
  auto d = Doc("a", "tb_test", "verified", "2028-01-01");
  d.deleted = true;
  EXPECT_EQ(One("tb_test", {d}).state, kMissing);
  auto pending = Doc("b", "tb_test", "pending", "2028-01-01");
  EXPECT_EQ(One("tb_test", {d, pending}).document_ids, std::vector<std::string>{"b"});
}

TEST(EvaluateCompliance, LettersAndCoverLettersAreAnsweredByTheApplication) {
  auto items = EvaluateCompliance({{"letter_of_recommendation", 3}, {"cover_letter", 1}}, kBlock,
                                  {Doc("c", "cover_letter", "verified")});
  ASSERT_EQ(items.size(), 2u);
  for (const auto& item : items) {
    EXPECT_EQ(item.state, kApplication);
    EXPECT_EQ(item.reason, "Provided with the application.");
    EXPECT_TRUE(item.document_ids.empty());
  }
  EXPECT_EQ(items[0].count, 3);
}

TEST(EvaluateCompliance, KeepsTheRequirementsOrderAndCountsAtLeastOne) {
  auto items = EvaluateCompliance(
      {{"passport", 1}, {"cv", 0}, {"tb_test", 1}}, kBlock,
      {Doc("p", "passport", "verified", "2030-01-01"), Doc("c", "cv", "verified")});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].requirement, "passport");
  EXPECT_EQ(items[1].requirement, "cv");
  EXPECT_EQ(items[1].count, 1);
  EXPECT_EQ(items[1].state, kSatisfied);
  EXPECT_EQ(items[2].state, kMissing);
}

TEST(Cleared, AllSatisfiedOrApplication) {
  EXPECT_TRUE(Cleared({}));
  ComplianceItem ok{"tb_test", 1, kSatisfied, "", {"d"}};
  ComplianceItem letters{"letter_of_recommendation", 2, kApplication, "", {}};
  ComplianceItem pending{"bls", 1, kPending, "", {"b"}};
  EXPECT_TRUE(Cleared({ok, letters}));
  EXPECT_FALSE(Cleared({ok, letters, pending}));
  for (const char* state : {kMissing, kExpired, kExpiresDuring, kRejected}) {
    EXPECT_FALSE(Cleared({ComplianceItem{"x", 1, state, "", {}}})) << state;
  }
}

TEST(DueReminderDays, FiresExactlyOn30And14And3DaysBefore) {
  EXPECT_EQ(DueReminderDays("2026-12-05", "2027-01-04"), std::vector<int>{30});
  EXPECT_EQ(DueReminderDays("2026-12-21", "2027-01-04"), std::vector<int>{14});
  EXPECT_EQ(DueReminderDays("2027-01-01", "2027-01-04"), std::vector<int>{3});
  for (const char* today :
       {"2026-12-04", "2026-12-06", "2027-01-02", "2027-01-04", "2027-01-07", "2027-02-03"}) {
    EXPECT_TRUE(DueReminderDays(today, "2027-01-04").empty()) << today;
  }
  EXPECT_EQ(DueReminderDays("2028-02-15", "2028-03-16"),
            std::vector<int>{30});  // across 29 February
  EXPECT_TRUE(DueReminderDays("", "2027-01-04").empty());
  EXPECT_TRUE(DueReminderDays("2026-12-05", "soon").empty());
}

TEST(DueReminders, BlockStartWhenItemsAreMissing) {
  std::vector<VaultDocument> docs;
  auto items = EvaluateCompliance({{"tb_test", 1}}, kBlock, docs);
  EXPECT_EQ(DueReminders("2026-12-21", kBlock, items, docs),
            (std::vector<Reminder>{{"block_start", 14, "2027-01-04", "", ""}}));
  EXPECT_TRUE(DueReminders("2026-12-22", kBlock, items, docs).empty());
  docs = {Doc("t", "tb_test", "verified", "2028-01-01")};
  items = EvaluateCompliance({{"tb_test", 1}}, kBlock, docs);
  EXPECT_TRUE(DueReminders("2026-12-21", kBlock, items, docs).empty())
      << "cleared: nothing to remind";
}

TEST(DueReminders, ANeededDocumentThatExpiresBeforeTheEnd) {
  std::vector<VaultDocument> docs = {Doc("t", "tb_test", "verified", "2027-01-20"),
                                     Doc("p", "passport", "verified", "2027-01-20")};
  docs[1].deleted = true;
  auto items = EvaluateCompliance({{"tb_test", 1}, {"passport", 1}}, kBlock, docs);
  EXPECT_EQ(DueReminders("2027-01-17", kBlock, items, docs),
            (std::vector<Reminder>{{"document_expires", 3, "2027-01-20", "tb_test", "t"}}));
  // A document valid through the end needs no reminder, however close its expiry.
  docs = {Doc("t", "tb_test", "verified", "2027-01-31")};
  items = EvaluateCompliance({{"tb_test", 1}}, kBlock, docs);
  EXPECT_TRUE(DueReminders("2027-01-28", kBlock, items, docs).empty());
}

}  // namespace
}  // namespace clerkship::core
