#include "core/profile.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/catalog.h"

namespace clerkship::core {
namespace {

constexpr char kToday[] = "2026-11-27";

Profile Good() {
  Profile p;
  p.legal_name = "  Nguyễn Thị Minh Khai ";
  p.preferred_name = "Minh";
  p.date_of_birth = "1996-04-02";
  p.citizenship = "vn";
  p.country_of_residence = "VN";
  p.phone = "+84 24 3852 3798";
  p.address = "1 Tôn Thất Tùng\nĐống Đa, Hà Nội";
  p.school = {"Hanoi Medical University", "VN", "2025-06-30", "MD"};
  p.status = "graduate";
  p.exams = {{"usmle_step1", "pass", std::nullopt, "2024-05-01"},
             {"usmle_step2ck", "score", 245, "2025-02-10"},
             {"ielts", "score", 7.5, "2023-09-09"}};
  p.ecfmg = {"certified", "0-123-456-7"};
  p.visa = {"b1_b2", true};
  p.languages = {{"Vietnamese", "native"}, {"English", "fluent"}};
  Experience clinical;
  clinical.kind = "clinical";
  clinical.title = "Internal medicine observership";
  clinical.organization = "Mercy Hospital";
  clinical.specialty = "internal_medicine";
  clinical.city = "Chicago";
  clinical.country = "us";
  clinical.start = "2025-01-06";
  clinical.end = "2025-02-02";
  clinical.us_clinical = true;
  Experience research;
  research.kind = "research";
  research.title = "Sepsis outcomes in Hanoi";
  research.start = "2023-01-01";
  Experience award;
  award.kind = "award";
  award.title = "Best intern";
  award.start = "2024-06-01";
  award.end = "2024-06-01";
  p.experiences = {clinical, research, award};
  p.specialty_interests = {"internal_medicine", "cardiology"};
  p.personal_statement = "I want to train in internal medicine.\n\nWhy: …";
  return p;
}

std::string FieldOf(const Profile& p, const std::string& today = kToday) {
  auto r = ValidateProfile(p, kDefaultSpecialties, today);
  if (r) return "(valid)";
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << r.error().message;
  return r.error().field;
}

TEST(ValidateProfile, NormalisesAGoodProfile) {
  auto r = ValidateProfile(Good(), kDefaultSpecialties, kToday);
  ASSERT_TRUE(r.has_value()) << r.error().field << ": " << r.error().message;
  EXPECT_EQ(r->legal_name, "Nguyễn Thị Minh Khai");
  EXPECT_EQ(r->citizenship, "VN");
  EXPECT_EQ(r->experiences[0].country, "US");
  EXPECT_EQ(r->exams[2].score, 7.5);
  EXPECT_EQ(r->address, "1 Tôn Thất Tùng\nĐống Đa, Hà Nội");
}

TEST(ValidateProfile, AnEmptyProfileNeedsOnlyTheLegalName) {
  Profile p;
  EXPECT_EQ(FieldOf(p), "legal_name");
  p.legal_name = "A";
  EXPECT_EQ(FieldOf(p), "(valid)");
  p.legal_name = " \t ";
  EXPECT_EQ(FieldOf(p), "legal_name");
}

TEST(ValidateProfile, AcceptsLegalNamesInAnyScript) {
  for (const char* name : {"محمد عبد الله", "王小明", "अनन्या शर्मा", "Ольга Петрова", "ቴዎድሮስ ገብረ",
                           "김민준", "Şükrü Çağlar", "O'Brien-Łukasiewicz", "יעל כהן", "ณัฐวุฒิ"}) {
    Profile p = Good();
    p.legal_name = name;
    auto r = ValidateProfile(p, kDefaultSpecialties, kToday);
    ASSERT_TRUE(r.has_value()) << name << ": " << r.error().message;
    EXPECT_EQ(r->legal_name, name);
  }
}

TEST(ValidateProfile, NameLengthCountsCharactersNotBytes) {
  Profile p = Good();
  std::string name;
  for (int i = 0; i < 200; ++i) name += "王";  // 600 bytes, 200 characters
  p.legal_name = name;
  EXPECT_EQ(FieldOf(p), "(valid)");
  p.legal_name = name + "王";
  EXPECT_EQ(FieldOf(p), "legal_name");
}

TEST(ValidateProfile, RejectsInvalidUtf8WhereverItIs) {
  for (const char* bad : {"\xC3\x28", "\xC0\xAF", "\xED\xA0\x80", "abc\xFF", "\xE2\x82"}) {
    Profile p = Good();
    p.legal_name = bad;
    EXPECT_EQ(FieldOf(p), "legal_name") << "bytes of case " << bad;
  }
  Profile p = Good();
  p.experiences[1].title = "Sepsis \xC3\x28";
  EXPECT_EQ(FieldOf(p), "experiences[1].title");
  p = Good();
  p.personal_statement = "ok \xFF";
  EXPECT_EQ(FieldOf(p), "personal_statement");
}

TEST(ValidateProfile, RejectsControlCharactersInSingleLineText) {
  Profile p = Good();
  p.legal_name = std::string("Minh\0Khai", 9);
  EXPECT_EQ(FieldOf(p), "legal_name");
  p = Good();
  p.legal_name = "Minh\nKhai";
  EXPECT_EQ(FieldOf(p), "legal_name");
  p = Good();
  p.personal_statement = "Line one\r\n\tLine two";
  EXPECT_EQ(FieldOf(p), "(valid)");
}

TEST(ValidateProfile, CountryCodesMustBeAssignedIsoCodes) {
  for (const char* bad : {"XX", "USA", "U1", "U", "ZZ", "EU", "UK", "Ü1"}) {
    Profile p = Good();
    p.citizenship = bad;
    EXPECT_EQ(FieldOf(p), "citizenship") << bad;
  }
  Profile p = Good();
  p.country_of_residence = "AA";
  EXPECT_EQ(FieldOf(p), "country_of_residence");
  p = Good();
  p.school.country = "XY";
  EXPECT_EQ(FieldOf(p), "school.country");
  p = Good();
  p.experiences[2].country = "QQ";
  EXPECT_EQ(FieldOf(p), "experiences[2].country");
  p = Good();
  p.citizenship = " gb ";
  auto r = ValidateProfile(p, kDefaultSpecialties, kToday);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->citizenship, "GB");
}

TEST(ValidateProfile, CountryListIsSortedAndComplete) {
  EXPECT_TRUE(std::is_sorted(kCountryCodes.begin(), kCountryCodes.end()));
  EXPECT_EQ(kCountryCodes.size(), 250u);  // 249 ISO 3166-1 codes + XK
  for (const char* c : {"US", "VN", "IN", "NG", "PK", "PH", "EG", "XK", "SS", "CW", "ZW", "AD"}) {
    EXPECT_TRUE(IsCountryCode(c)) << c;
  }
  EXPECT_FALSE(IsCountryCode("us"));
}

TEST(ValidateProfile, DateOfBirthIsInThePastAndGivesAnAgeFrom16To100) {
  struct {
    const char* dob;
    bool ok;
  } cases[] = {
      {"1996-04-02", true},  {"2010-11-27", true},   // 16 today
      {"2010-11-28", false},                         // 16 tomorrow
      {"1926-11-28", true},                          // 99, 100 tomorrow
      {"1926-11-27", true},                          // 100 today
      {"1925-11-27", false},                         // 101
      {"2026-11-27", false}, {"2027-01-01", false},  // today, future
      {"1996-02-30", false}, {"02/04/1996", false},
  };
  for (const auto& c : cases) {
    Profile p = Good();
    p.date_of_birth = c.dob;
    EXPECT_EQ(FieldOf(p), c.ok ? "(valid)" : "date_of_birth") << c.dob;
  }
}

TEST(ValidateProfile, GraduationMayBeInTheFutureOnlyForAStudent) {
  Profile p = Good();
  p.school.graduation_date = "2027-06-30";
  p.status = "graduate";
  EXPECT_EQ(FieldOf(p), "school.graduation_date");
  p.status = "";
  EXPECT_EQ(FieldOf(p), "school.graduation_date");
  p.status = "student";
  EXPECT_EQ(FieldOf(p), "(valid)");
  p.school.graduation_date = "1989-06-30";  // graduates can be decades out
  p.status = "graduate";
  EXPECT_EQ(FieldOf(p), "(valid)");
  p.school.graduation_date = "2025-02-30";
  EXPECT_EQ(FieldOf(p), "school.graduation_date");
}

TEST(ValidateProfile, NamesTheFieldAtFault) {
  struct Case {
    void (*mutate)(Profile&);
    const char* field;
  } cases[] = {
      {[](Profile& p) { p.preferred_name = std::string(101, 'a'); }, "preferred_name"},
      {[](Profile& p) { p.phone = "call me"; }, "phone"},
      {[](Profile& p) { p.phone = "12-34"; }, "phone"},
      {[](Profile& p) { p.school.degree = "PhD"; }, "school.degree"},
      {[](Profile& p) { p.status = "resident"; }, "status"},
      {[](Profile& p) { p.exams[0].exam = "mcat"; }, "exams[0].exam"},
      {[](Profile& p) { p.exams[0].result = "great"; }, "exams[0].result"},
      {[](Profile& p) { p.exams[1].score.reset(); }, "exams[1].score"},
      {[](Profile& p) { p.exams[0].score = 230; }, "exams[0].score"},
      {[](Profile& p) { p.exams[0].date = "2027-01-01"; }, "exams[0].date"},
      {[](Profile& p) { p.exams[0].date = "yesterday"; }, "exams[0].date"},
      {[](Profile& p) {
         p.exams.resize(21, {"toefl", "pending", std::nullopt, ""});
       },
       "exams"},
      {[](Profile& p) { p.ecfmg.status = "maybe"; }, "ecfmg.status"},
      {[](Profile& p) { p.ecfmg.number = "A-123"; }, "ecfmg.number"},
      {[](Profile& p) { p.visa.current = "tourist"; }, "visa.current"},
      {[](Profile& p) { p.languages[1].level = "some"; }, "languages[1].level"},
      {[](Profile& p) { p.languages[1].language = ""; }, "languages[1].language"},
      {[](Profile& p) { p.languages[1].language = " vietnamese"; }, "languages[1].language"},
      {[](Profile& p) { p.experiences[0].kind = "hobby"; }, "experiences[0].kind"},
      {[](Profile& p) { p.experiences[1].title = " "; }, "experiences[1].title"},
      {[](Profile& p) { p.experiences[0].specialty = "astrology"; }, "experiences[0].specialty"},
      {[](Profile& p) { p.experiences[2].end = "2024-05-31"; }, "experiences[2].end"},
      {[](Profile& p) { p.experiences[1].start = "2023-02-29"; }, "experiences[1].start"},
      {[](Profile& p) { p.experiences[0].country = "VN"; }, "experiences[0].country"},
      {[](Profile& p) { p.experiences[0].description = std::string(5001, 'x'); },
       "experiences[0].description"},
      {[](Profile& p) { p.specialty_interests = {"astrology"}; }, "specialty_interests[0]"},
      {[](Profile& p) {
         p.specialty_interests = {"surgery", "surgery"};
       },
       "specialty_interests[1]"},
      {[](Profile& p) {
         p.specialty_interests.assign(kDefaultSpecialties.begin(),
                                      kDefaultSpecialties.begin() + 11);
       },
       "specialty_interests"},
      {[](Profile& p) { p.personal_statement = std::string(20001, 'x'); }, "personal_statement"},
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    Profile p = Good();
    cases[i].mutate(p);
    EXPECT_EQ(FieldOf(p), cases[i].field) << "case " << i;
  }
}

TEST(ValidateProfile, ScoresMustFitTheExam) {
  struct {
    const char* exam;
    double score;
    bool ok;
  } cases[] = {
      {"usmle_step2ck", 1, true},
      {"usmle_step2ck", 300, true},
      {"usmle_step2ck", 0, false},
      {"usmle_step2ck", 301, false},
      {"usmle_step2ck", 245.5, false},
      {"usmle_step3", 220, true},
      {"usmle_step1", 240, true},
      {"toefl", 0, true},
      {"toefl", 120, true},
      {"toefl", 121, false},
      {"oet", 500, true},
      {"oet", 350, true},
      {"oet", 501, false},
      {"ielts", 9, true},
      {"ielts", 6.5, true},
      {"ielts", 6.3, false},
      {"ielts", 9.5, false},
      {"ielts", -0.5, false},
  };
  for (const auto& c : cases) {
    Profile p = Good();
    p.exams = {{c.exam, "score", c.score, ""}};
    EXPECT_EQ(FieldOf(p), c.ok ? "(valid)" : "exams[0].score") << c.exam << " " << c.score;
  }
}

TEST(ValidateProfile, APendingExamMayBeScheduledInTheFuture) {
  Profile p = Good();
  p.exams = {{"usmle_step2ck", "pending", std::nullopt, "2027-03-01"}};
  EXPECT_EQ(FieldOf(p), "(valid)");
}

TEST(ValidateProfile, ClinicalFlagsAreClearedForOtherKinds) {
  Profile p = Good();
  p.experiences[1].hands_on = true;
  p.experiences[1].us_clinical = true;
  p.experiences[1].country = "VN";
  auto r = ValidateProfile(p, kDefaultSpecialties, kToday);
  ASSERT_TRUE(r.has_value()) << r.error().field;
  EXPECT_FALSE(r->experiences[1].hands_on);
  EXPECT_FALSE(r->experiences[1].us_clinical);
}

TEST(ValidateProfile, ExperienceMayEndOnItsStartDayOrBeOngoing) {
  Profile p = Good();
  p.experiences[0].end = p.experiences[0].start;
  EXPECT_EQ(FieldOf(p), "(valid)");
  p.experiences[0].end = "";
  EXPECT_EQ(FieldOf(p), "(valid)");
  p.experiences[0].country = "PR";  // a U.S. territory counts as U.S. clinical experience
  EXPECT_EQ(FieldOf(p), "(valid)");
}

TEST(ValidateProfile, TheSpecialtyListIsTheCallers) {
  Profile p = Good();
  p.specialty_interests = {"sports_medicine"};
  EXPECT_EQ(FieldOf(p), "specialty_interests[0]");
  std::vector<std::string> list = kDefaultSpecialties;
  list.push_back("sports_medicine");
  EXPECT_TRUE(ValidateProfile(p, list, kToday).has_value());
}

TEST(ValidateProfile, ABadTodayIsAnInternalError) {
  auto r = ValidateProfile(Good(), kDefaultSpecialties, "2026-11-27T10:00:00Z");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

TEST(ProfileCompleteness, AnEmptyProfileMissesAllTenSections) {
  auto c = ProfileCompleteness(Profile{});
  EXPECT_EQ(c.percent, 0);
  EXPECT_EQ(c.missing, (std::vector<std::string>{"Legal name", "Date of birth", "Citizenship",
                                                 "Medical school", "Current status", "Exam results",
                                                 "ECFMG certification", "Languages", "Experience",
                                                 "Personal statement"}));
}

TEST(ProfileCompleteness, AFullProfileIsComplete) {
  auto c = ProfileCompleteness(Good());
  EXPECT_EQ(c.percent, 100);
  EXPECT_TRUE(c.missing.empty());
}

TEST(ProfileCompleteness, WeighsSections) {
  Profile p = Good();
  p.school.degree = "";        // a partly filled school counts as missing (15)
  p.personal_statement = " ";  // whitespace is empty (10)
  p.languages.clear();         // (5)
  auto c = ProfileCompleteness(p);
  EXPECT_EQ(c.percent, 70);
  EXPECT_EQ(c.missing,
            (std::vector<std::string>{"Medical school", "Languages", "Personal statement"}));
  Profile only_name;
  only_name.legal_name = "Minh";
  only_name.date_of_birth = "1996-04-02";
  EXPECT_EQ(ProfileCompleteness(only_name).percent, 20);
}

}  // namespace
}  // namespace clerkship::core
