#include "core/text_index.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(TextWords, FoldsLowerCasesAndSplits) {
  EXPECT_EQ(TextWords("Cardiology — Müller Clinic, São Paulo!"),
            (std::vector<std::string>{"cardiology", "muller", "clinic", "sao", "paulo"}));
  EXPECT_TRUE(TextWords("!!! ... ---").empty());
  EXPECT_EQ(TextWords("Step-2 CK"), (std::vector<std::string>{"step", "2", "ck"}));
  EXPECT_EQ(TextWords("Москва"), (std::vector<std::string>{"Москва"}));  // other scripts stay whole
}

TEST(MatchText, EveryWordIsRequiredAndRarerWordsWeighMore) {
  auto index = BuildTextIndex({
      "Cardiology elective Chicago",            // 0
      "Cardiology observership Houston",        // 1
      "Internal medicine Chicago Chicago",      // 2
      "Pediatrics",                             // 3
  });
  auto s = MatchText(index, {"cardiology", "chicago"});
  EXPECT_GT(s[0], 0);
  EXPECT_LT(s[1], 0);
  EXPECT_LT(s[2], 0);
  EXPECT_LT(s[3], 0);
  auto chicago = MatchText(index, {"chicago"});
  EXPECT_GT(chicago[2], chicago[0]) << "two mentions in a shorter text rank higher";
  EXPECT_LT(MatchText(index, {"dermatology"})[0], 0);
  EXPECT_LT(MatchText(index, {})[0], 0) << "no words match nothing";
}

TEST(MatchText, DiacriticsAreIgnoredBothWays) {
  auto index = BuildTextIndex({"Clínica Müller", "Muller Hospital"});
  auto s = MatchText(index, TextWords("muller"));
  EXPECT_GT(s[0], 0);
  EXPECT_GT(s[1], 0);
  EXPECT_GT(MatchText(index, TextWords("CLINICA"))[0], 0);
}

}  // namespace
}  // namespace clerkship::core
