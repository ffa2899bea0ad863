#include "services/profile_json.h"

#include <gtest/gtest.h>

#include "core/catalog.h"

namespace clerkship::services {
namespace {

// The example of decision 005 with its placeholders filled in.
const char* kContractExample = R"({
  "legal_name": "Nguyễn Thị Minh Khai",
  "preferred_name": "Minh", "date_of_birth": "1996-04-02",
  "citizenship": "VN", "country_of_residence": "VN",
  "phone": "+84 24 3852 3798", "address": "1 Tôn Thất Tùng, Hà Nội",
  "school": {"name": "Hanoi Medical University", "country": "VN",
             "graduation_date": "2025-06-30", "degree": "MD"},
  "status": "graduate",
  "exams": [{"exam": "usmle_step1", "result": "pass", "date": "2024-05-01"},
            {"exam": "usmle_step2ck", "result": "score", "score": 245, "date": "2025-02-10"},
            {"exam": "ielts", "result": "score", "score": 7.5}],
  "ecfmg": {"status": "certified", "number": "0-123-456-7"},
  "visa": {"current": "b1_b2", "needs_visa": true},
  "languages": [{"language": "Vietnamese", "level": "native"}],
  "experiences": [{"kind": "clinical", "title": "Observership", "organization": "Mercy Hospital",
                   "specialty": "internal_medicine", "city": "Chicago", "country": "US",
                   "start": "2025-01-06", "end": "2025-02-02", "hands_on": true,
                   "us_clinical": true, "description": "Wards and clinic."}],
  "specialty_interests": ["internal_medicine"],
  "personal_statement": "I want to train in internal medicine."
})";

std::string FieldOf(const core::Result<core::Profile>& r) {
  if (r) return "(ok)";
  EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidArgument);
  return r.error().field;
}

TEST(ProfileFromJson, ReadsTheContractExample) {
  auto r = ProfileFromJson(Json::parse(kContractExample));
  ASSERT_TRUE(r.has_value()) << r.error().field << ": " << r.error().message;
  EXPECT_EQ(r->legal_name, "Nguyễn Thị Minh Khai");
  EXPECT_EQ(r->school.degree, "MD");
  ASSERT_EQ(r->exams.size(), 3u);
  EXPECT_EQ(r->exams[0].score, std::nullopt);
  EXPECT_EQ(r->exams[1].score, 245);
  EXPECT_EQ(r->exams[2].score, 7.5);
  EXPECT_EQ(r->visa.needs_visa, true);
  ASSERT_EQ(r->experiences.size(), 1u);
  EXPECT_TRUE(r->experiences[0].us_clinical);
  auto valid = core::ValidateProfile(*r, core::kDefaultSpecialties, "2026-11-27");
  EXPECT_TRUE(valid.has_value()) << valid.error().field << ": " << valid.error().message;
}

TEST(ProfileFromJson, AnEmptyObjectIsAnEmptyProfileAndNullIsAbsent) {
  auto r = ProfileFromJson(Json::object());
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(*r, core::Profile{});
  auto nulls = ProfileFromJson(Json::parse(
      R"({"legal_name": null, "school": null, "exams": null, "visa": {"needs_visa": null},
          "experiences": [{"hands_on": null}]})"));
  ASSERT_TRUE(nulls.has_value()) << nulls.error().field;
  EXPECT_EQ(nulls->visa.needs_visa, std::nullopt);
  EXPECT_FALSE(nulls->experiences.at(0).hands_on);
}

TEST(ProfileFromJson, RejectsUnknownMembersNamingThePath) {
  struct {
    const char* json;
    const char* field;
  } cases[] = {
      {R"({"nickname": "M"})", "nickname"},
      {R"({"school": {"motto": "x"}})", "school.motto"},
      {R"({"exams": [{"exam": "toefl"}, {"percentile": 90}]})", "exams[1].percentile"},
      {R"({"experiences": [{}, {}, {"salary": 1}]})", "experiences[2].salary"},
      {R"({"visa": {"expires": "2027-01-01"}})", "visa.expires"},
      {R"({"ecfmg": {"status": "certified", "year": 2020}})", "ecfmg.year"},
      {R"({"languages": [{"language": "Hindi", "level": "native", "script": "Devanagari"}]})",
       "languages[0].script"},
      {R"({"photo": "data:image/png;base64,AAAA"})", "photo"},
  };
  for (const auto& c : cases) {
    auto r = ProfileFromJson(Json::parse(c.json));
    EXPECT_EQ(FieldOf(r), c.field) << c.json;
    if (!r) {
      EXPECT_NE(r.error().message.find("unknown field"), std::string::npos);
    }
  }
}

TEST(ProfileFromJson, NamesWrongTypes) {
  struct {
    const char* json;
    const char* field;
  } cases[] = {
      {R"([])", "profile"},
      {R"("Minh")", "profile"},
      {R"({"legal_name": 5})", "legal_name"},
      {R"({"legal_name": ["Minh"]})", "legal_name"},
      {R"({"school": "Hanoi"})", "school"},
      {R"({"school": {"graduation_date": 2025}})", "school.graduation_date"},
      {R"({"exams": {}})", "exams"},
      {R"({"exams": ["usmle_step1"]})", "exams[0]"},
      {R"({"exams": [{"exam": "usmle_step2ck", "result": "score", "score": "245"}]})",
       "exams[0].score"},
      {R"({"visa": {"needs_visa": "no"}})", "visa.needs_visa"},
      {R"({"experiences": [{"kind": "clinical", "hands_on": 1}]})", "experiences[0].hands_on"},
      {R"({"specialty_interests": "surgery"})", "specialty_interests"},
      {R"({"specialty_interests": ["surgery", 2]})", "specialty_interests[1]"},
      {R"({"personal_statement": {"text": "hi"}})", "personal_statement"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(FieldOf(ProfileFromJson(Json::parse(c.json))), c.field) << c.json;
}

TEST(ProfileFromJson, ValidationErrorsKeepTheJsonPath) {
  auto r = ProfileFromJson(Json::parse(R"({"legal_name": "Minh", "experiences": [
      {"kind": "work", "title": "a"}, {"kind": "work", "title": "b"},
      {"kind": "research", "title": "c", "start": "2024-05-01", "end": "2024-04-30"}]})"));
  ASSERT_TRUE(r.has_value());
  auto v = core::ValidateProfile(*r, core::kDefaultSpecialties, "2026-11-27");
  ASSERT_FALSE(v.has_value());
  EXPECT_EQ(v.error().field, "experiences[2].end");
}

TEST(ProfileToJson, RoundTripsAndHasOneShape) {
  auto read = ProfileFromJson(Json::parse(kContractExample));
  ASSERT_TRUE(read.has_value());
  Json out = ProfileToJson(*read);
  EXPECT_EQ(ProfileFromJson(out).value(), *read);
  EXPECT_EQ(out["exams"][1]["score"].dump(), "245");  // a whole score stays an integer
  EXPECT_EQ(out["exams"][2]["score"].dump(), "7.5");
  EXPECT_TRUE(out["exams"][0]["score"].is_null());
  EXPECT_EQ(out["legal_name"], "Nguyễn Thị Minh Khai");

  Json empty = ProfileToJson(core::Profile{});
  for (const char* key :
       {"legal_name", "preferred_name", "passport_name", "passport_number", "date_of_birth", "citizenship", "country_of_residence",
        "phone", "address", "school", "status", "exams", "ecfmg", "visa", "languages",
        "experiences", "specialty_interests", "personal_statement"}) {
    EXPECT_TRUE(empty.contains(key)) << key;
  }
  EXPECT_EQ(empty.size(), 18u);
  EXPECT_TRUE(empty["visa"]["needs_visa"].is_null());
  EXPECT_TRUE(empty["exams"].is_array());
  EXPECT_EQ(ProfileFromJson(empty).value(), core::Profile{});
}

TEST(ProfileToJson, KeepsNonLatinTextIntact) {
  core::Profile p;
  p.legal_name = "王小明";
  p.personal_statement = "مرحبا\nनमस्ते";
  Json out = ProfileToJson(p);
  EXPECT_EQ(ProfileFromJson(Json::parse(out.dump())).value(), p);
}

TEST(DocumentMetaFromJson, ReadsANewDocument) {
  auto r = DocumentMetaFromJson(Json::parse(R"({
    "upload_id": "up_1", "type": "immunization_record", "title": "Shots", "issued_on": "2026-10-01",
    "vaccines": [{"vaccine": "mmr", "kind": "titer", "date": "2026-09-01", "result": "positive"},
                 {"vaccine": "tdap", "kind": "dose", "date": "2020-01-10"}]})"));
  ASSERT_TRUE(r.has_value()) << r.error().field;
  EXPECT_EQ(r->upload_id, "up_1");
  EXPECT_EQ(r->meta.type, "immunization_record");
  EXPECT_EQ(r->meta.title, "Shots");
  EXPECT_EQ(r->meta.expires_on, "");
  ASSERT_EQ(r->meta.vaccines.size(), 2u);
  EXPECT_EQ(r->meta.vaccines[0], (core::VaccineEntry{"mmr", "titer", "2026-09-01", "positive"}));
  EXPECT_EQ(r->meta.vaccines[1].result, "");
}

TEST(DocumentMetaFromJson, NamesTheFieldAtFault) {
  struct {
    const char* json;
    bool new_document;
    const char* field;
  } cases[] = {
      {R"({"type": "cv"})", true, "upload_id"},
      {R"({"upload_id": "", "type": "cv"})", true, "upload_id"},
      {R"({"upload_id": 7, "type": "cv"})", true, "upload_id"},
      {R"({"upload_id": "u", "type": "cv", "filename": "cv.pdf"})", true, "filename"},
      {R"({"upload_id": "u", "type": "cv"})", false, "type"},
      {R"({"upload_id": "u", "title": "CV"})", false, "title"},
      {R"({"upload_id": "u", "expires_on": 20270101})", false, "expires_on"},
      {R"({"upload_id": "u", "vaccines": {"mmr": "dose"}})", true, "vaccines"},
      {R"({"upload_id": "u", "vaccines": [{"vaccine": "mmr"}, {"vaccine": "tdap", "result": true}]})",
       true, "vaccines[1].result"},
      {R"({"upload_id": "u", "vaccines": [{"vaccine": "mmr", "lot": "A1"}]})", true,
       "vaccines[0].lot"},
      {R"(["u"])", true, "body"},
  };
  for (const auto& c : cases) {
    auto r = DocumentMetaFromJson(Json::parse(c.json), c.new_document);
    ASSERT_FALSE(r.has_value()) << c.json;
    EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, c.field) << c.json;
  }
}

TEST(DocumentMetaFromJson, ANewVersionCarriesDatesOnly) {
  auto r = DocumentMetaFromJson(
      Json::parse(R"({"upload_id": "u", "issued_on": "2026-11-01", "expires_on": "2027-11-01"})"),
      false);
  ASSERT_TRUE(r.has_value()) << r.error().field;
  EXPECT_EQ(r->meta.expires_on, "2027-11-01");
  EXPECT_EQ(r->meta.type, "");
}

TEST(DocumentMetaFromJson, ExpiryBeforeIssueIsCaughtByTheCoreRules) {
  auto r = DocumentMetaFromJson(Json::parse(
      R"({"upload_id": "u", "type": "bls", "issued_on": "2026-06-01", "expires_on": "2026-05-01"})"));
  ASSERT_TRUE(r.has_value());
  auto v = core::ValidateDocumentMeta(r->meta, "2026-11-27");
  ASSERT_FALSE(v.has_value());
  EXPECT_EQ(v.error().field, "expires_on");
  EXPECT_EQ(v.error().message, "the expiry date is before the issue date");
}

TEST(Vaccines, RoundTripAndOmitEmptyResults) {
  std::vector<core::VaccineEntry> v = {{"mmr", "titer", "2026-09-01", "negative"},
                                       {"influenza", "dose", "2026-10-01", ""}};
  Json j = VaccinesToJson(v);
  EXPECT_EQ(j.dump(),
            R"([{"date":"2026-09-01","kind":"titer","result":"negative","vaccine":"mmr"},)"
            R"({"date":"2026-10-01","kind":"dose","vaccine":"influenza"}])");
  EXPECT_EQ(VaccinesFromJson(j).value(), v);
  EXPECT_EQ(VaccinesFromJson(Json::array()).value(), std::vector<core::VaccineEntry>{});
  EXPECT_EQ(VaccinesFromJson(Json()).value(), std::vector<core::VaccineEntry>{});
  EXPECT_EQ(VaccinesToJson({}).dump(), "[]");
  auto bad = VaccinesFromJson(Json::parse(R"([{"vaccine": 1}])"));
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().field, "vaccines[0].vaccine");
  EXPECT_EQ(VaccinesFromJson(Json::object()).error().field, "vaccines");
}

}  // namespace
}  // namespace clerkship::services
