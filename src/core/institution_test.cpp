#include "core/institution.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

InstitutionDraft Good() {
  return {"  Mercy General Hospital ", "Chicago", "IL", "us", "America/Chicago",
          "https://mercy.example.org"};
}

TEST(ValidateInstitution, NormalisesAGoodDraft) {
  auto r = ValidateInstitution(Good());
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->name, "Mercy General Hospital");
  EXPECT_EQ(r->country, "US");
}

TEST(ValidateInstitution, NamesTheFieldAtFault) {
  struct Case {
    void (*mutate)(InstitutionDraft&);
    const char* field;
  } cases[] = {
      {[](InstitutionDraft& d) { d.name = "   "; }, "name"},
      {[](InstitutionDraft& d) { d.name = std::string(201, 'x'); }, "name"},
      {[](InstitutionDraft& d) { d.name = "bad\xFF"; }, "name"},
      {[](InstitutionDraft& d) { d.city = ""; }, "city"},
      {[](InstitutionDraft& d) { d.country = "USA"; }, "country"},
      {[](InstitutionDraft& d) { d.country = "1A"; }, "country"},
      {[](InstitutionDraft& d) { d.time_zone = "../etc/passwd"; }, "time_zone"},
      {[](InstitutionDraft& d) { d.time_zone = ""; }, "time_zone"},
      {[](InstitutionDraft& d) { d.website = "javascript:alert(1)"; }, "website"},
      {[](InstitutionDraft& d) { d.state = "a\nb"; }, "state"},
  };
  for (const auto& c : cases) {
    auto d = Good();
    c.mutate(d);
    auto r = ValidateInstitution(d);
    ASSERT_FALSE(r.has_value()) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_FALSE(r.error().message.empty());
  }
}

TEST(ValidateInstitution, AcceptsUnicodeNames) {
  auto d = Good();
  d.name = "Hôpital Saint-Éloi — 圣埃卢瓦医院";
  EXPECT_TRUE(ValidateInstitution(d).has_value());
}

}  // namespace
}  // namespace clerkship::core
