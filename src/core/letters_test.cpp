#include "core/letters.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

LetterRequestDraft Good() {
  return {"  Dr. Lê Văn Hùng ", "Hung.Le@Example.ORG", "Professor of Medicine", "Hanoi Medical University",
          "Attending on my internal medicine clerkship", true};
}

TEST(LetterRequest, TrimsAndNormalises) {
  auto d = ValidateLetterRequest(Good(), "minh@example.org");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->referee_name, "Dr. Lê Văn Hùng");
  EXPECT_EQ(d->referee_email, "hung.le@example.org");
  EXPECT_TRUE(d->waived);
}

TEST(LetterRequest, NamesTheBadField) {
  struct Case {
    void (*edit)(LetterRequestDraft&);
    const char* field;
  } cases[] = {
      {[](LetterRequestDraft& d) { d.referee_name = "  "; }, "referee_name"},
      {[](LetterRequestDraft& d) { d.referee_name = std::string(201, 'a'); }, "referee_name"},
      {[](LetterRequestDraft& d) { d.referee_email = "not-an-address"; }, "referee_email"},
      {[](LetterRequestDraft& d) { d.referee_email = "MINH@example.org"; }, "referee_email"},
      {[](LetterRequestDraft& d) { d.referee_title = "a\x01"; }, "referee_title"},
      {[](LetterRequestDraft& d) { d.referee_institution = ""; }, "referee_institution"},
      {[](LetterRequestDraft& d) { d.relationship = ""; }, "relationship"},
      {[](LetterRequestDraft& d) { d.relationship = "\xff"; }, "relationship"},
  };
  for (const auto& c : cases) {
    auto d = Good();
    c.edit(d);
    auto r = ValidateLetterRequest(d, "minh@example.org");
    ASSERT_FALSE(r.has_value()) << c.field;
    EXPECT_EQ(r.error().field, c.field);
  }
  auto no_title = Good();
  no_title.referee_title = "";
  EXPECT_TRUE(ValidateLetterRequest(no_title, "minh@example.org").has_value());
}

TEST(LetterReminders, SevenAndFourteenDaysOnceEach) {
  EXPECT_EQ(DueLetterReminder(6, 0), 0);
  EXPECT_EQ(DueLetterReminder(7, 0), 7);
  EXPECT_EQ(DueLetterReminder(8, 1), 0);
  EXPECT_EQ(DueLetterReminder(14, 1), 14);
  EXPECT_EQ(DueLetterReminder(20, 0), 14);  // a late run sends the latest one only
  EXPECT_EQ(DueLetterReminder(30, 2), 0);
}

}  // namespace
}  // namespace clerkship::core
