#include "core/catalog_csv.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

std::map<std::string, std::string> Cells(const std::vector<std::string>& row) {
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < row.size(); ++i) out[kCatalogCsvColumns[i]] = row[i];
  return out;
}

TEST(CatalogCsvTest, ListSyntax) {
  EXPECT_EQ(*ParseAmount("75"), 7500);
  EXPECT_EQ(*ParseAmount("75.5"), 7550);
  EXPECT_EQ(*ParseAmount(" 2500.00 "), 250000);
  for (const char* bad : {"", "-5", "$75", "1,000", "7.555", "7.", "abc"})
    EXPECT_FALSE(ParseAmount(bad)) << bad;
  EXPECT_EQ(FormatAmount(7550), "75.50");
  EXPECT_EQ(FormatAmount(0), "0.00");

  auto fees =
      ParseFees("application:all:75; tuition:graduate:2500.00:Rotation fee\\; paid: in advance");
  ASSERT_TRUE(fees.has_value());
  ASSERT_EQ(fees->size(), 2u);
  EXPECT_EQ((*fees)[1].amount_cents, 250000);
  EXPECT_EQ((*fees)[1].label, "Rotation fee; paid: in advance");
  EXPECT_EQ(*ParseFees(FormatFees(*fees)), *fees);
  EXPECT_FALSE(ParseFees("application:75"));

  auto docs = ParseDocuments("cv; letter_of_recommendation:2;;immunization_record ");
  ASSERT_TRUE(docs.has_value());
  ASSERT_EQ(docs->size(), 3u);
  EXPECT_EQ((*docs)[1].count, 2);
  EXPECT_EQ(FormatDocuments(*docs), "cv; letter_of_recommendation:2; immunization_record");
  EXPECT_FALSE(ParseDocuments("cv:two"));

  EXPECT_EQ(*ParseCodeList("B1_B2; j1", "visas_accepted"),
            (std::vector<std::string>{"b1_b2", "j1"}));
  EXPECT_FALSE(ParseCodeList("b1 b2", "visas_accepted"));
}

TEST(CatalogCsvTest, RowRoundTripsThroughCells) {
  OfferingDraft d;
  d.title = "Cardiology, adult — Müller";
  d.specialty = "cardiology";
  d.type = "elective";
  d.description = "Two\nlines";
  d.city = "Chicago";
  d.country = "US";
  d.eligibility.visas_accepted = {"b1_b2", "j1"};
  d.eligibility.required_exams = {"usmle_step1"};
  d.required_documents = {{"cv", 1}, {"letter_of_recommendation", 3}};
  d.fees = {{"application", "all", 7500, ""},
            {"tuition", "graduate", 250050, "Fee: weekly; capped"}};
  d.housing_help = true;
  Block b{"blk1", "off1", {"2027-03-01", "2027-03-28", 3, "2026-10-01", "2027-01-15"}, 0, 0};
  auto row = CatalogCsvRow("off1", "published", d, &b);
  ASSERT_EQ(row.size(), kCatalogCsvColumns.size());
  OfferingDraft back;
  EXPECT_TRUE(ApplyOfferingCells(Cells(row), back).empty());
  EXPECT_EQ(back.title, d.title);
  EXPECT_EQ(back.fees, d.fees);
  EXPECT_EQ(back.required_documents, d.required_documents);
  EXPECT_EQ(back.eligibility.visas_accepted, d.eligibility.visas_accepted);
  EXPECT_TRUE(back.housing_help);
  EXPECT_EQ(back.description, d.description);
  BlockDraft bd;
  std::string id;
  bool has = false;
  EXPECT_TRUE(ReadBlockCells(Cells(row), bd, id, has).empty());
  EXPECT_TRUE(has);
  EXPECT_EQ(id, "blk1");
  EXPECT_EQ(bd.seats, 3);
  EXPECT_EQ(bd.deadline, "2027-01-15");
  // Without a block the block cells are empty.
  auto bare = CatalogCsvRow("off1", "draft", d, nullptr);
  EXPECT_FALSE(ReadBlockCells(Cells(bare), bd, id, has).size());
  EXPECT_FALSE(has);
}

TEST(CatalogCsvTest, BadCellsAreNamed) {
  std::map<std::string, std::string> cells = {
      {"hands_on", "maybe"},        {"duration_weeks", "four"}, {"fees", "tuition:all:$5"},
      {"start_date", "03/01/2027"}, {"end_date", "2027-02-30"}, {"seats", "x"},
      {"opens_on", "2026-10-01"},   {"deadline", "2027-01-15"}};
  OfferingDraft d;
  auto errors = ApplyOfferingCells(cells, d);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].column, "hands_on");
  EXPECT_EQ(errors[1].column, "duration_weeks");
  EXPECT_EQ(errors[2].column, "fees");
  BlockDraft b;
  std::string id;
  bool has = false;
  auto block_errors = ReadBlockCells(cells, b, id, has);
  ASSERT_EQ(block_errors.size(), 3u);
  EXPECT_EQ(block_errors[0].column, "seats");
  EXPECT_EQ(block_errors[1].column, "start_date");
  EXPECT_EQ(block_errors[2].column, "end_date");
  EXPECT_EQ(CatalogCsvColumnFor("fees[1].amount_cents"), "fees");
  EXPECT_EQ(CatalogCsvColumnFor("eligibility.visas_accepted[0]"), "visas_accepted");
  EXPECT_EQ(CatalogCsvColumnFor("title"), "title");
}

TEST(CatalogCsvTest, ObservershipsDefaultToNoHandsOn) {
  OfferingDraft d;
  EXPECT_TRUE(ApplyOfferingCells({{"type", "observership"}}, d).empty());
  EXPECT_FALSE(d.hands_on);
}

}  // namespace
}  // namespace clerkship::core
