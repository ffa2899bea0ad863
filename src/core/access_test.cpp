#include "core/access.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

Principal Staff(const std::string& inst, Role role) {
  Principal p;
  p.user_id = "u";
  p.memberships.push_back({"m", inst, "Inst", role});
  return p;
}

TEST(Authorize, Table) {
  Principal anon;
  Principal applicant;
  applicant.user_id = "a";
  applicant.is_applicant = true;
  Principal admin;
  admin.user_id = "x";
  admin.is_admin = true;
  auto coord_a = Staff("A", Role::kCoordinator);
  auto reviewer_a = Staff("A", Role::kReviewer);
  auto coord_b = Staff("B", Role::kCoordinator);
  struct Row {
    Access access;
    const Principal* who;
    Decision want;
  } rows[] = {
      {Access::kPublic, &anon, Decision::kAllow},
      {Access::kSession, &anon, Decision::kUnauthenticated},
      {Access::kSession, &applicant, Decision::kAllow},
      {Access::kAdmin, &anon, Decision::kUnauthenticated},
      {Access::kAdmin, &applicant, Decision::kForbidden},
      {Access::kAdmin, &coord_a, Decision::kForbidden},
      {Access::kAdmin, &admin, Decision::kAllow},
      {Access::kInstitutionStaff, &applicant, Decision::kNotFound},
      {Access::kInstitutionStaff, &reviewer_a, Decision::kAllow},
      {Access::kInstitutionStaff, &coord_b, Decision::kNotFound},
      {Access::kInstitutionStaff, &admin, Decision::kAllow},
      {Access::kInstitutionCoordinator, &coord_a, Decision::kAllow},
      {Access::kInstitutionCoordinator, &reviewer_a, Decision::kForbidden},
      {Access::kInstitutionCoordinator, &coord_b, Decision::kNotFound},
      {Access::kInstitutionCoordinator, &anon, Decision::kUnauthenticated},
      {Access::kApplicant, &anon, Decision::kUnauthenticated},
      {Access::kApplicant, &applicant, Decision::kAllow},
      {Access::kApplicant, &coord_a, Decision::kForbidden},
      {Access::kApplicant, &admin, Decision::kForbidden},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(Authorize(r.access, *r.who, "A"), r.want)
        << AccessName(r.access) << " for " << r.who->user_id;
  }
}

TEST(Role, ParsesOnlyKnownNames) {
  Role r;
  EXPECT_TRUE(ParseRole("preceptor", &r));
  EXPECT_EQ(r, Role::kPreceptor);
  EXPECT_FALSE(ParseRole("admin", &r));
  EXPECT_FALSE(ParseRole("", &r));
}

}  // namespace
}  // namespace clerkship::core
