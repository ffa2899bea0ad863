#include "core/vault.h"

#include <gtest/gtest.h>

#include <set>

#include "core/catalog.h"

namespace clerkship::core {
namespace {

constexpr char kToday[] = "2026-11-27";

std::string FieldOf(DocumentMeta m) {
  auto r = ValidateDocumentMeta(std::move(m), kToday);
  if (r) return "(valid)";
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << r.error().message;
  return r.error().field;
}

DocumentMeta Immunizations() {
  DocumentMeta m;
  m.type = "immunization_record";
  m.issued_on = "2026-10-01";
  m.vaccines = {{"mmr", "titer", "2026-09-01", "positive"},
                {"hepatitis_b", "dose", "2019-03-01", ""},
                {"influenza", "dose", "2026-10-01", ""},
                {"covid_19", "dose", "2026-10-01", ""}};
  return m;
}

TEST(VaultTypes, CoverTheCatalogExceptLettersPlusOtherAndBadgePhoto) {
  std::set<std::string> codes;
  for (const auto& t : kVaultTypes) {
    EXPECT_TRUE(codes.insert(t.code).second) << "duplicate " << t.code;
    EXPECT_FALSE(t.label.empty());
  }
  for (const auto& code : kDocumentTypes) {
    EXPECT_EQ(codes.contains(code), code != "letter_of_recommendation") << code;
  }
  EXPECT_TRUE(codes.contains("other"));
  EXPECT_TRUE(codes.contains("badge_photo"));  // onboarding (decision 013), not an offering requirement
  EXPECT_EQ(codes.size(), kDocumentTypes.size() + 1);  // − letters + other + badge_photo
}

TEST(VaultTypes, ExpiringTypes) {
  std::set<std::string> expiring;
  for (const auto& t : kVaultTypes) {
    if (t.expires) expiring.insert(t.code);
  }
  EXPECT_EQ(expiring,
            (std::set<std::string>{"tb_test", "background_check", "bls", "malpractice_insurance",
                                   "hipaa_training", "photo_id", "passport"}));
  ASSERT_NE(FindVaultType("immunization_record"), nullptr);
  EXPECT_FALSE(FindVaultType("immunization_record")->expires);
  EXPECT_EQ(FindVaultType("letter_of_recommendation"), nullptr);
  EXPECT_EQ(FindVaultType("tb_test")->label, "TB test");
}

TEST(ValidateDocumentMeta, AcceptsAnImmunizationRecordWithVaccines) {
  auto r = ValidateDocumentMeta(Immunizations(), kToday);
  ASSERT_TRUE(r.has_value()) << r.error().field << ": " << r.error().message;
  EXPECT_EQ(r->title, "Immunization record");  // the label is the default title
  EXPECT_EQ(r->vaccines.size(), 4u);
}

TEST(ValidateDocumentMeta, TrimsAndKeepsAGivenTitle) {
  DocumentMeta m{" tb_test ", "  QuantiFERON 2026 ", "2026-11-01", "2027-11-01", {}};
  auto r = ValidateDocumentMeta(m, kToday);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->type, "tb_test");
  EXPECT_EQ(r->title, "QuantiFERON 2026");
}

TEST(ValidateDocumentMeta, ExpiringTypesNeedAnExpiryDate) {
  for (const char* type : {"tb_test", "background_check", "bls", "malpractice_insurance",
                           "hipaa_training", "photo_id", "passport"}) {
    EXPECT_EQ(FieldOf({type, "", "2026-01-01", "", {}}), "expires_on") << type;
    EXPECT_EQ(FieldOf({type, "", "", "2027-01-01", {}}), "(valid)") << type;
  }
  for (const char* type :
       {"cv", "diploma", "transcript", "mspe", "health_record", "cover_letter", "other"}) {
    EXPECT_EQ(FieldOf({type, "", "2020-01-01", "", {}}), "(valid)") << type;
  }
}

TEST(ValidateDocumentMeta, ExpiryBeforeIssueDateIsANamedError) {
  auto r = ValidateDocumentMeta({"bls", "", "2026-06-01", "2026-05-31", {}}, kToday);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "expires_on");
  EXPECT_EQ(r.error().message, "the expiry date is before the issue date");
  // Same day is fine (valid through that day), and a non-expiring type is held to it too.
  EXPECT_EQ(FieldOf({"bls", "", "2026-06-01", "2026-06-01", {}}), "(valid)");
  EXPECT_EQ(FieldOf({"other", "", "2026-06-01", "2026-05-01", {}}), "expires_on");
}

TEST(ValidateDocumentMeta, AnAlreadyExpiredDocumentMayBeStored) {
  // Compliance reports it as expired; refusing it would hide the history.
  EXPECT_EQ(FieldOf({"passport", "", "2010-01-01", "2020-01-01", {}}), "(valid)");
}

TEST(ValidateDocumentMeta, NamesTheFieldAtFault) {
  struct Case {
    void (*mutate)(DocumentMeta&);
    const char* field;
  } cases[] = {
      {[](DocumentMeta& m) { m.type = "letter_of_recommendation"; }, "type"},
      {[](DocumentMeta& m) { m.type = ""; }, "type"},
      {[](DocumentMeta& m) { m.title = std::string(201, 'x'); }, "title"},
      {[](DocumentMeta& m) { m.title = "bad \xC3\x28"; }, "title"},
      {[](DocumentMeta& m) { m.title = "line\nbreak"; }, "title"},
      {[](DocumentMeta& m) { m.issued_on = "2026-11-28"; }, "issued_on"},
      {[](DocumentMeta& m) { m.issued_on = "2026-02-29"; }, "issued_on"},
      {[](DocumentMeta& m) { m.expires_on = "someday"; }, "expires_on"},
      {[](DocumentMeta& m) { m.vaccines[1].vaccine = "rabies"; }, "vaccines[1].vaccine"},
      {[](DocumentMeta& m) { m.vaccines[1].kind = "booster"; }, "vaccines[1].kind"},
      {[](DocumentMeta& m) { m.vaccines[1].date = ""; }, "vaccines[1].date"},
      {[](DocumentMeta& m) { m.vaccines[2].date = "2026-12-01"; }, "vaccines[2].date"},
      {[](DocumentMeta& m) { m.vaccines[0].result = ""; }, "vaccines[0].result"},
      {[](DocumentMeta& m) { m.vaccines[0].result = "reactive"; }, "vaccines[0].result"},
      {[](DocumentMeta& m) { m.vaccines[1].result = "positive"; }, "vaccines[1].result"},
      {[](DocumentMeta& m) {
         m.vaccines.resize(51, {"tdap", "dose", "2020-01-01", ""});
       },
       "vaccines"},
      {[](DocumentMeta& m) {
         m.type = "tb_test";
         m.expires_on = "2027-10-01";
       },
       "vaccines"},
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    DocumentMeta m = Immunizations();
    cases[i].mutate(m);
    EXPECT_EQ(FieldOf(m), cases[i].field) << "case " << i;
  }
}

TEST(ValidateDocumentMeta, TiterResultsAndDoseDates) {
  DocumentMeta m = Immunizations();
  m.vaccines = {{"varicella", "titer", "2026-11-27", "equivocal"},
                {"tdap", "dose", " 2018-01-10 ", ""}};
  auto r = ValidateDocumentMeta(m, kToday);
  ASSERT_TRUE(r.has_value()) << r.error().field;
  EXPECT_EQ(r->vaccines[1].date, "2018-01-10");
}

TEST(ValidateDocumentMeta, ABadTodayIsAnInternalError) {
  auto r = ValidateDocumentMeta(Immunizations(), "");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace clerkship::core
