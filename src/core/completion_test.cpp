#include "core/completion.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(PlacementMoves, TableAllowsOnlyTheLifecycle) {
  EXPECT_TRUE(CheckPlacementMove("scheduled", "in_progress"));
  EXPECT_TRUE(CheckPlacementMove("in_progress", "completed"));
  EXPECT_TRUE(CheckPlacementMove("in_progress", "incomplete"));
  EXPECT_TRUE(CheckPlacementMove("scheduled", "cancelled"));
  EXPECT_TRUE(CheckPlacementMove("in_progress", "cancelled"));
  auto skip = CheckPlacementMove("scheduled", "completed");
  ASSERT_FALSE(skip);
  EXPECT_EQ(skip.error().code, ErrorCode::kConflict);
  EXPECT_NE(skip.error().message.find("scheduled"), std::string::npos);
  EXPECT_FALSE(CheckPlacementMove("completed", "in_progress"));
  EXPECT_FALSE(CheckPlacementMove("cancelled", "scheduled"));
  EXPECT_FALSE(CheckPlacementMove("completed", "cancelled"));
  auto bad = CheckPlacementMove("scheduled", "done");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "status");
  EXPECT_EQ(PlacementMoves().size(), 5u);
}

TEST(Evaluation, SixCompetenciesAndADescribedScale) {
  auto hands_on = Competencies(true);
  ASSERT_EQ(hands_on.size(), 6u);
  EXPECT_EQ(hands_on[0].key, "patient_care");
  EXPECT_EQ(hands_on[5].key, "systems_based_practice");
  auto observer = Competencies(false);
  ASSERT_EQ(observer.size(), 6u);
  EXPECT_EQ(observer[0].key, "patient_care_observed");
  EXPECT_NE(observer[0].label, hands_on[0].label);
  ASSERT_EQ(EvaluationScale().size(), 5u);
  for (const auto& l : EvaluationScale()) EXPECT_FALSE(l.anchor.empty());
}

EvaluationDraft Full(bool hands_on) {
  EvaluationDraft d;
  for (const auto& c : Competencies(hands_on)) d.ratings[c.key] = 4;
  d.comments = "Reliable and curious.";
  return d;
}

TEST(Evaluation, SubmitNeedsEveryRatingAndComments) {
  EXPECT_TRUE(ValidateEvaluation(Full(true), true, true));
  EXPECT_TRUE(ValidateEvaluation(Full(false), false, true));
  EvaluationDraft partial;
  partial.ratings["professionalism"] = 5;
  EXPECT_TRUE(ValidateEvaluation(partial, true, false));
  auto missing = ValidateEvaluation(partial, true, true);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "ratings.patient_care");
  auto d = Full(true);
  d.comments = "  ";
  EXPECT_EQ(ValidateEvaluation(d, true, true).error().field, "comments");
  d = Full(true);
  d.ratings["medical_knowledge"] = 6;
  EXPECT_EQ(ValidateEvaluation(d, true, false).error().field, "ratings.medical_knowledge");
  d.ratings["medical_knowledge"] = 0;
  EXPECT_FALSE(ValidateEvaluation(d, true, false));
  d = Full(true);
  d.ratings["charm"] = 3;
  EXPECT_EQ(ValidateEvaluation(d, true, false).error().field, "ratings.charm");
}

TEST(Evaluation, ObservershipDoesNotRatePatientCarePerformed) {
  auto d = Full(false);
  d.ratings["patient_care"] = 4;
  auto r = ValidateEvaluation(d, false, false);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "ratings.patient_care");
  EXPECT_NE(r.error().message.find("observership"), std::string::npos);
  auto h = Full(true);
  h.ratings["patient_care_observed"] = 4;
  EXPECT_EQ(ValidateEvaluation(h, true, false).error().field, "ratings.patient_care_observed");
}

TEST(Attendance, DaysWithinThePlacementOnce) {
  std::vector<AttendanceDay> days = {{"2027-03-01", "present", ""}, {"2027-03-02", "absent", "sick"},
                                     {"2027-03-03", "present", ""}};
  auto s = ValidateAttendance(days, "2027-03-01", "2027-03-26");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->present, 2);
  EXPECT_EQ(s->absent, 1);
  days.push_back({"2027-02-28", "present", ""});
  EXPECT_EQ(ValidateAttendance(days, "2027-03-01", "2027-03-26").error().field, "days[3].date");
  days.back() = {"2027-03-02", "present", ""};
  EXPECT_EQ(ValidateAttendance(days, "2027-03-01", "2027-03-26").error().field, "days[3].date");
  days.back() = {"2027-03-04", "late", ""};
  EXPECT_EQ(ValidateAttendance(days, "2027-03-01", "2027-03-26").error().field, "days[3].status");
  days.back() = {"2027-02-30", "present", ""};
  EXPECT_EQ(ValidateAttendance(days, "2027-02-01", "2027-03-26").error().field, "days[3].date");
}

TEST(CertificateCode, FormatAlphabetAndRoundTrip) {
  for (uint64_t r : {0ull, 1ull, 123456789ull, 0x1FFFFFFFFFFFull, 987654321987ull}) {
    std::string code = CertificateCode(r);
    ASSERT_EQ(code.size(), 16u) << code;
    EXPECT_EQ(code.substr(0, 4), "CLK-");
    EXPECT_EQ(code[8], '-');
    EXPECT_EQ(code[13], '-');
    EXPECT_EQ(code.find_first_of("ILOU", 4), std::string::npos) << code;
    auto parsed = ParseCertificateCode(code);
    ASSERT_TRUE(parsed) << code;
    EXPECT_EQ(*parsed, code);
  }
  EXPECT_NE(CertificateCode(1), CertificateCode(2));
}

TEST(CertificateCode, ForgivingInputButTyposAreCaught) {
  std::string code = CertificateCode(0x123456789ABull);
  std::string typed;
  for (char c : code) typed += static_cast<char>(std::tolower(c));
  EXPECT_EQ(*ParseCertificateCode(typed), code);
  std::string compact;
  for (char c : code) if (c != '-') compact += c;
  EXPECT_EQ(*ParseCertificateCode(compact.substr(3)), code);
  // Every single-symbol substitution is caught.
  const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  int caught = 0, tried = 0;
  for (size_t i = 4; i < code.size(); ++i) {
    if (code[i] == '-') continue;
    for (char c : alphabet) {
      if (c == code[i]) continue;
      std::string t = code;
      t[i] = c;
      ++tried;
      auto r = ParseCertificateCode(t);
      if (!r) {
        EXPECT_EQ(r.error().field, "code");
        ++caught;
      }
    }
  }
  EXPECT_EQ(caught, tried);
  EXPECT_FALSE(ParseCertificateCode(""));
  EXPECT_FALSE(ParseCertificateCode("CLK-1234"));
  EXPECT_FALSE(ParseCertificateCode("CLK-UUUU-UUUU-UU"));
  EXPECT_FALSE(ParseCertificateCode("<script>alert(1)</script>"));
}

TEST(CertificateCode, SwappedNeighboursAreCaught) {
  int tried = 0;
  for (uint64_t seed = 1; seed < 400; ++seed) {
    std::string code = CertificateCode(seed * 0x9E3779B97F4A7Cull);
    for (size_t i = 4; i + 1 < code.size(); ++i) {
      size_t j = code[i + 1] == '-' ? i + 2 : i + 1;
      if (code[i] == '-' || j >= code.size() || code[i] == code[j]) continue;
      std::string pair = {code[i], code[j]};
      if (pair == "0Z" || pair == "Z0") continue;  // the one pair Luhn mod 32 cannot see
      std::string t = code;
      std::swap(t[i], t[j]);
      ++tried;
      EXPECT_FALSE(ParseCertificateCode(t)) << code << " -> " << t;
    }
  }
  EXPECT_GT(tried, 3000);
}

TEST(Feedback, ShownOnlyFromThreeResponses) {
  std::map<std::string, int> r1 = {{"teaching", 5}, {"supervision", 4}, {"organisation", 3}, {"overall", 5}};
  std::map<std::string, int> r2 = {{"teaching", 4}, {"supervision", 4}, {"organisation", 4}, {"overall", 4}};
  EXPECT_FALSE(AggregateFeedback({r1, r2}).has_value());
  auto s = AggregateFeedback({r1, r2, r2});
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->responses, 3);
  EXPECT_DOUBLE_EQ(s->averages["teaching"], 4.3);
  EXPECT_DOUBLE_EQ(s->averages["organisation"], 3.7);
  FeedbackDraft d{r1, ""};
  EXPECT_TRUE(ValidateFeedback(d));
  d.ratings.erase("overall");
  EXPECT_EQ(ValidateFeedback(d).error().field, "ratings.overall");
  d.ratings["overall"] = 9;
  EXPECT_EQ(ValidateFeedback(d).error().field, "ratings.overall");
}

TEST(Eras, EntryAndCsv) {
  RotationRecord r{"Lakeshore University Hospital", "Chicago, IL, United States", "Cardiology elective",
                   "Cardiology", "elective", true, "2027-03-01", "2027-03-26", "Dr. Elena Petrova", 19,
                   "CLK-0000-0000-00"};
  auto e = ToErasEntry(r);
  EXPECT_EQ(e.organization, "Lakeshore University Hospital, Chicago, IL, United States");
  EXPECT_EQ(e.position, "Clinical elective — Cardiology");
  EXPECT_EQ(e.weeks, 4);
  EXPECT_EQ(e.hours_per_week, 40);
  EXPECT_EQ(e.supervisor, "Dr. Elena Petrova");
  EXPECT_EQ(e.experience_type, "hands-on");
  EXPECT_NE(e.description.find("19 days present"), std::string::npos);
  r.hands_on = false;
  r.rotation_type = "observership";
  auto o = ToErasEntry(r);
  EXPECT_EQ(o.experience_type, "observership");
  EXPECT_NE(o.description.find("observed"), std::string::npos);
  auto csv = ErasCsv({e, o});
  EXPECT_EQ(csv.find("organization,position,start_date,end_date,weeks,hours_per_week,supervisor"), 0u);
  EXPECT_NE(csv.find("\"Lakeshore University Hospital, Chicago, IL, United States\""), std::string::npos);
  EXPECT_EQ(RotationWeeks("2027-03-01", "2027-03-07"), 1);
  EXPECT_EQ(RotationWeeks("2027-03-01", "2027-03-01"), 1);
}

}  // namespace
}  // namespace clerkship::core
