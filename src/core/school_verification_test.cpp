#include "core/school_verification.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(SchoolVerificationTest, RequestNeedsTheOfficeAndSomeoneElsesAddress) {
  auto ok = ValidateSchoolVerificationRequest({"  Dean's office  ", " Registrar@HMU.edu.VN "}, "me@example.org");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->office_name, "Dean's office");
  EXPECT_EQ(ok->office_email, "registrar@hmu.edu.vn");
  EXPECT_EQ(ValidateSchoolVerificationRequest({"", "a@b.org"}, "me@example.org").error().field, "office_name");
  EXPECT_EQ(ValidateSchoolVerificationRequest({"Dean", "nope"}, "me@example.org").error().field, "office_email");
  EXPECT_EQ(ValidateSchoolVerificationRequest({"Dean", "ME@example.org"}, "me@example.org").error().field,
            "office_email");
}

SchoolAttestation Good() {
  SchoolAttestation a;
  a.decision = "verify";
  a.claim = "graduated";
  a.year = 2021;
  a.good_standing = true;
  a.attester_name = "Dr. Tran";
  a.attester_title = "Associate Dean";
  a.attest = true;
  return a;
}

TEST(SchoolVerificationTest, VerifyNeedsClaimYearStandingAndAttestationOrLetter) {
  EXPECT_TRUE(ValidateSchoolAttestation(Good(), 2027));
  auto a = Good();
  a.claim = "";
  EXPECT_EQ(ValidateSchoolAttestation(a, 2027).error().field, "claim");
  a = Good();
  a.year = 2030;
  EXPECT_EQ(ValidateSchoolAttestation(a, 2027).error().field, "year");
  a.claim = "enrolled";
  EXPECT_TRUE(ValidateSchoolAttestation(a, 2027));
  a.year = 2026;
  EXPECT_EQ(ValidateSchoolAttestation(a, 2027).error().field, "year");
  a = Good();
  a.good_standing = false;
  EXPECT_EQ(ValidateSchoolAttestation(a, 2027).error().field, "good_standing");
  a = Good();
  a.attest = false;
  EXPECT_EQ(ValidateSchoolAttestation(a, 2027).error().field, "attest");
  a.has_letter = true;
  EXPECT_TRUE(ValidateSchoolAttestation(a, 2027));
  a = Good();
  a.attester_title = " ";
  EXPECT_EQ(ValidateSchoolAttestation(a, 2027).error().field, "attester_title");
  a = Good();
  a.decision = "maybe";
  EXPECT_EQ(ValidateSchoolAttestation(a, 2027).error().field, "decision");
}

TEST(SchoolVerificationTest, DeclineNeedsAReasonAndClearsTheClaim) {
  auto a = Good();
  a.decision = "decline";
  EXPECT_EQ(ValidateSchoolAttestation(a, 2027).error().field, "reason");
  a.reason = "Not in our records.";
  auto ok = ValidateSchoolAttestation(a, 2027);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->claim, "");
  EXPECT_FALSE(ok->good_standing);
}

}  // namespace
}  // namespace clerkship::core
