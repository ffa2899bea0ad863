#include "core/eligibility.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

Profile Graduate() {
  Profile p;
  p.legal_name = "Nguyễn Thị Minh";
  p.status = "graduate";
  p.school = {"Hanoi Medical University", "VN", "2024-06-30", "MD"};
  p.exams = {{"usmle_step1", "pass", std::nullopt, "2023-05-01"}, {"usmle_step2ck", "score", 245.0, ""}};
  p.ecfmg = {"certified", "0-123-456-7"};
  p.visa = {"b1_b2", true};
  p.languages = {{"Vietnamese", "native"}, {"English", "professional"}};
  return p;
}

const EligibilityCheck* Find(const std::vector<EligibilityCheck>& v, const std::string& rule) {
  for (const auto& c : v) {
    if (c.rule == rule) return &c;
  }
  return nullptr;
}

TEST(Eligibility, OpenOfferingStatesNoRules) {
  auto checks = EvaluateEligibility(Eligibility{}, Profile{}, "2026-11-27");
  EXPECT_TRUE(checks.empty());
  EXPECT_TRUE(Eligible(checks));
}

TEST(Eligibility, ApplicantStatus) {
  Eligibility students_only;
  students_only.graduates = false;
  auto c = EvaluateEligibility(students_only, Graduate(), "2026-11-27");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].rule, "applicant_status");
  EXPECT_FALSE(c[0].met);
  EXPECT_EQ(c[0].profile_field, "status");
  EXPECT_NE(c[0].reason.find("graduate"), std::string::npos);

  Profile student = Graduate();
  student.status = "student";
  EXPECT_TRUE(EvaluateEligibility(students_only, student, "2026-11-27")[0].met);

  Eligibility graduates_only;
  graduates_only.students = false;
  EXPECT_FALSE(EvaluateEligibility(graduates_only, student, "2026-11-27")[0].met);
  EXPECT_TRUE(EvaluateEligibility(graduates_only, Graduate(), "2026-11-27")[0].met);

  Profile unanswered = Graduate();
  unanswered.status = "";
  auto u = EvaluateEligibility(graduates_only, unanswered, "2026-11-27");
  EXPECT_FALSE(u[0].met);
  EXPECT_NE(u[0].reason.find("does not say"), std::string::npos);
}

TEST(Eligibility, YearsSinceGraduationCountsToTheAnniversary) {
  Eligibility e;
  e.max_years_since_graduation = 2;
  Profile p = Graduate();  // graduated 2024-06-30
  EXPECT_TRUE(EvaluateEligibility(e, p, "2026-06-30")[0].met);   // the 2nd anniversary
  EXPECT_FALSE(EvaluateEligibility(e, p, "2026-07-01")[0].met);  // one day later
  EXPECT_EQ(EvaluateEligibility(e, p, "2026-07-01")[0].profile_field, "school.graduation_date");

  p.school.graduation_date = "";
  EXPECT_FALSE(EvaluateEligibility(e, p, "2026-01-01")[0].met);

  Profile student = Graduate();
  student.status = "student";
  student.school.graduation_date = "2027-06-30";
  EXPECT_TRUE(EvaluateEligibility(e, student, "2026-11-27")[0].met);

  Profile unanswered = Graduate();
  unanswered.status = "";
  auto u = EvaluateEligibility(e, unanswered, "2025-01-01");
  EXPECT_FALSE(u[0].met);
  EXPECT_EQ(u[0].profile_field, "status");
}

TEST(Eligibility, RequiredExamsMustBePassedOrScored) {
  Eligibility e;
  e.required_exams = {"usmle_step1", "usmle_step2ck", "usmle_step3"};
  auto c = EvaluateEligibility(e, Graduate(), "2026-11-27");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_TRUE(c[0].met);
  EXPECT_TRUE(c[1].met);
  EXPECT_EQ(c[1].reason, "USMLE Step 2 CK: score 245.");
  EXPECT_FALSE(c[2].met);
  EXPECT_EQ(c[2].rule, "exam:usmle_step3");
  EXPECT_EQ(c[2].reason, "USMLE Step 3 is not in your profile.");
  EXPECT_EQ(c[2].profile_field, "exams");

  Profile p = Graduate();
  p.exams = {{"usmle_step1", "fail", std::nullopt, ""}};
  Eligibility one;
  one.required_exams = {"usmle_step1"};
  EXPECT_FALSE(EvaluateEligibility(one, p, "2026-11-27")[0].met);
  EXPECT_NE(EvaluateEligibility(one, p, "2026-11-27")[0].reason.find("did not pass"), std::string::npos);
  p.exams = {{"usmle_step1", "pending", std::nullopt, ""}};
  EXPECT_NE(EvaluateEligibility(one, p, "2026-11-27")[0].reason.find("pending"), std::string::npos);
  // A failed attempt and a later pass: the pass counts.
  p.exams = {{"usmle_step1", "fail", std::nullopt, ""}, {"usmle_step1", "pass", std::nullopt, ""}};
  EXPECT_TRUE(EvaluateEligibility(one, p, "2026-11-27")[0].met);
}

TEST(Eligibility, EcfmgCertification) {
  Eligibility e;
  e.ecfmg_required = true;
  EXPECT_TRUE(EvaluateEligibility(e, Graduate(), "2026-11-27")[0].met);
  for (const char* s : {"in_progress", "not_started", ""}) {
    Profile p = Graduate();
    p.ecfmg.status = s;
    auto c = EvaluateEligibility(e, p, "2026-11-27");
    EXPECT_FALSE(c[0].met) << s;
    EXPECT_EQ(c[0].profile_field, "ecfmg.status");
  }
  // Students cannot be certified yet: an offering open to students holds
  // only its graduates to it; a graduates-only one holds everybody.
  Profile student = Graduate();
  student.status = "student";
  student.ecfmg.status = "";
  EXPECT_TRUE(EvaluateEligibility(e, student, "2026-11-27")[0].met);
  e.students = false;
  EXPECT_FALSE(EvaluateEligibility(e, student, "2026-11-27").back().met);
}

TEST(Eligibility, VisaTypes) {
  Eligibility e;
  e.visas_accepted = {"j1", "b1_b2"};
  auto ok = EvaluateEligibility(e, Graduate(), "2026-11-27");
  EXPECT_TRUE(ok[0].met);
  EXPECT_EQ(ok[0].requirement, "Visa accepted: J-1 or B-1/B-2.");
  Profile p = Graduate();
  p.visa.current = "f1";
  EXPECT_FALSE(EvaluateEligibility(e, p, "2026-11-27")[0].met);
  EXPECT_EQ(EvaluateEligibility(e, p, "2026-11-27")[0].profile_field, "visa.current");
  p.visa.current = "";
  EXPECT_NE(EvaluateEligibility(e, p, "2026-11-27")[0].reason.find("does not state"), std::string::npos);
  p.visa.current = "us_citizen_or_resident";  // needs no visa
  EXPECT_TRUE(EvaluateEligibility(e, p, "2026-11-27")[0].met);
}

TEST(Eligibility, EnglishByLanguageLevelOrExam) {
  Eligibility e;
  e.english = "OET B or TOEFL iBT 100";
  EXPECT_TRUE(EvaluateEligibility(e, Graduate(), "2026-11-27")[0].met);
  Profile p = Graduate();
  p.languages = {{"english", "basic"}};
  auto c = EvaluateEligibility(e, p, "2026-11-27");
  EXPECT_FALSE(c[0].met);
  EXPECT_EQ(c[0].rule, "english");
  EXPECT_EQ(c[0].profile_field, "languages");
  p.exams.push_back({"oet", "score", 350.0, ""});
  c = EvaluateEligibility(e, p, "2026-11-27");
  EXPECT_TRUE(c[0].met);
  EXPECT_EQ(c[0].reason, "OET in your profile.");
  p.exams.back() = {"ielts", "score", 7.5, ""};
  EXPECT_TRUE(EvaluateEligibility(e, p, "2026-11-27")[0].met);
  p.exams.back() = {"toefl", "pending", std::nullopt, ""};
  EXPECT_FALSE(EvaluateEligibility(e, p, "2026-11-27")[0].met);
  e.english = "   ";
  EXPECT_TRUE(EvaluateEligibility(e, p, "2026-11-27").empty());
}

TEST(Eligibility, RulesComeInAStableOrder) {
  Eligibility e;
  e.students = false;
  e.max_years_since_graduation = 5;
  e.required_exams = {"usmle_step1"};
  e.ecfmg_required = true;
  e.visas_accepted = {"b1_b2"};
  e.english = "fluent";
  auto c = EvaluateEligibility(e, Profile{}, "2026-11-27");
  std::vector<std::string> rules;
  for (const auto& x : c) rules.push_back(x.rule);
  EXPECT_EQ(rules, (std::vector<std::string>{"applicant_status", "years_since_graduation", "exam:usmle_step1",
                                             "ecfmg", "visa", "english"}));
  EXPECT_FALSE(Eligible(c));
  EXPECT_TRUE(Eligible(EvaluateEligibility(e, Graduate(), "2026-11-27")));
}

TEST(SubmitProblems, NamesEveryFailure) {
  SubmitFacts f;
  f.letters_required = 2;
  f.letters_assigned = 1;
  f.blocks = {{"2027-03-01",
               {{"cv", 1, kMissing, "", {}},
                {"tb_test", 1, kExpired, "", {"d1"}},
                {"bls", 1, kPending, "", {"d2"}},
                {"passport", 1, kExpiresDuring, "", {"d3"}},
                {"mspe", 1, kRejected, "Unreadable scan.", {"d4"}},
                {"letter_of_recommendation", 2, kApplication, "", {}}}},
              {"2027-04-01", {{"cv", 1, kMissing, "", {}}}}};
  f.eligibility = {{"ecfmg", false, "ECFMG certification.", "Your ECFMG certification is in progress.", "ecfmg.status"},
                   {"visa", true, "Visa accepted: J-1.", "Your visa: J-1.", "visa.current"}};
  auto p = SubmitProblems(f);
  std::vector<std::string> fields;
  for (const auto& x : p) fields.push_back(x.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"letters", "documents.cv", "documents.tb_test", "documents.mspe",
                                              "eligibility.ecfmg"}));
  EXPECT_EQ(p[0].message, "This offering asks for 2 letters of recommendation; 1 is assigned.");
  EXPECT_NE(p[2].message.find("2027-03-01"), std::string::npos);
  EXPECT_NE(p[3].message.find("Unreadable scan."), std::string::npos);
  EXPECT_EQ(p[4].message, "ECFMG certification. Your ECFMG certification is in progress.");
}

TEST(SubmitProblems, CompleteApplicationHasNone) {
  SubmitFacts f;
  f.letters_required = 1;
  f.letters_assigned = 2;
  f.blocks = {{"2027-03-01", {{"bls", 1, kSatisfied, "", {"d"}}, {"cover_letter", 1, kApplication, "", {}}}}};
  EXPECT_TRUE(SubmitProblems(f).empty());
}

TEST(SubmitProblems, CoverLetterAndCvAreAnsweredByTheApplication) {
  SubmitFacts f;
  f.cover_letter_required = true;
  f.cv_required = true;
  f.blocks = {{"2027-03-01", {{"cv", 1, kMissing, "", {}}}}};
  auto p = SubmitProblems(f);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].field, "cover_letter");
  EXPECT_EQ(p[1].field, "cv");
  f.has_cover_letter = true;
  f.has_cv_choice = true;
  EXPECT_TRUE(SubmitProblems(f).empty());
}


TEST(SubmitProblems, ADueFeeIsNamedLast) {
  SubmitFacts f;
  f.letters_required = 1;
  f.fee_due = true;
  f.fee_amount = "USD 50.00";
  auto p = SubmitProblems(f);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[1].field, "fee");
  EXPECT_EQ(p[1].message,
            "This offering has an application fee of USD 50.00: pay it and record the payment (method and "
            "reference) on this application.");
  f.fee_due = false;
  f.letters_assigned = 1;
  EXPECT_TRUE(SubmitProblems(f).empty());
}

}  // namespace
}  // namespace clerkship::core
