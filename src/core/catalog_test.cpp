#include "core/catalog.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

OfferingDraft Good() {
  OfferingDraft d;
  d.title = " Cardiology Elective ";
  d.specialty = "cardiology";
  d.type = "elective";
  d.city = "Chicago";
  d.country = "us";
  d.required_documents = {{"immunization_record", 1}, {"letter_of_recommendation", 2}};
  d.fees = {{"application", "all", 10000, ""}, {"tuition", "student", 150000, ""},
            {"tuition", "graduate", 250000, ""}, {"deposit", "all", 50000, ""}};
  return d;
}

TEST(ValidateOffering, NormalisesAGoodDraft) {
  auto r = ValidateOffering(Good(), kDefaultSpecialties);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->title, "Cardiology Elective");
  EXPECT_EQ(r->country, "US");
}

TEST(ValidateOffering, NamesTheFieldAtFault) {
  struct Case {
    void (*mutate)(OfferingDraft&);
    const char* field;
  } cases[] = {
      {[](OfferingDraft& d) { d.title = ""; }, "title"},
      {[](OfferingDraft& d) { d.specialty = "astrology"; }, "specialty"},
      {[](OfferingDraft& d) { d.type = "vacation"; }, "type"},
      {[](OfferingDraft& d) { d.type = "observership"; d.hands_on = true; }, "hands_on"},
      {[](OfferingDraft& d) { d.duration_weeks = 0; }, "duration_weeks"},
      {[](OfferingDraft& d) { d.eligibility.students = false; d.eligibility.graduates = false; }, "eligibility.students"},
      {[](OfferingDraft& d) { d.eligibility.required_exams = {"usmle_step1", "usmle_step1"}; }, "eligibility.required_exams[1]"},
      {[](OfferingDraft& d) { d.eligibility.visas_accepted = {"tourist"}; }, "eligibility.visas_accepted[0]"},
      {[](OfferingDraft& d) { d.required_documents = {{"horoscope", 1}}; }, "required_documents[0].type"},
      {[](OfferingDraft& d) { d.required_documents = {{"letter_of_recommendation", 9}}; }, "required_documents[0].count"},
      {[](OfferingDraft& d) { d.fees[1].amount_cents = -1; }, "fees[1].amount_cents"},
      {[](OfferingDraft& d) { d.fees[2].category = "vip"; }, "fees[2].category"},
      {[](OfferingDraft& d) { d.fees.push_back({"application", "all", 1, ""}); }, "fees[4].kind"},
      {[](OfferingDraft& d) { d.currency = "dollars"; }, "currency"},
      {[](OfferingDraft& d) { d.contact_email = "nope"; }, "contact_email"},
      {[](OfferingDraft& d) { d.setting = "space"; }, "setting"},
  };
  for (const auto& c : cases) {
    auto d = Good();
    c.mutate(d);
    auto r = ValidateOffering(d, kDefaultSpecialties);
    ASSERT_FALSE(r.has_value()) << c.field;
    EXPECT_EQ(r.error().field, c.field);
  }
}

TEST(ValidateBlock, ChecksDateOrderAndSeats) {
  BlockDraft good{"2027-03-01", "2027-03-28", 2, "2026-12-01", "2027-01-15"};
  EXPECT_TRUE(ValidateBlock(good).has_value());
  auto bad = good;
  bad.end_date = "2027-03-01";
  EXPECT_EQ(ValidateBlock(bad).error().field, "end_date");
  bad = good;
  bad.deadline = "2027-03-01";
  EXPECT_EQ(ValidateBlock(bad).error().field, "deadline");
  bad = good;
  bad.opens_on = "2027-02-01";
  EXPECT_EQ(ValidateBlock(bad).error().field, "opens_on");
  bad = good;
  bad.seats = -1;
  EXPECT_EQ(ValidateBlock(bad).error().field, "seats");
  bad = good;
  bad.start_date = "2027-02-30";
  EXPECT_EQ(ValidateBlock(bad).error().field, "start_date");
  bad = good;
  bad.seats = 0;  // a block can be listed with no seats (full / by arrangement)
  EXPECT_TRUE(ValidateBlock(bad).has_value());
}

TEST(AllInCost, AddsEveryFeeForTheCategory) {
  auto fees = Good().fees;
  EXPECT_EQ(AllInCost(fees, "student"), 10000 + 150000 + 50000);
  EXPECT_EQ(AllInCost(fees, "graduate"), 10000 + 250000 + 50000);
  EXPECT_EQ(AllInCost({}, "student"), 0);
}

}  // namespace
}  // namespace clerkship::core
