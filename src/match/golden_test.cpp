// Table-driven tests: every tests/golden/match/*.json is run through `clerkship match`'s
// implementation (RunMatchCommand), with and without --verify, and compared with its
// hand-checked "expected" block (all fields given there; "milliseconds" is never compared).
// A case either has "input" (a JSON instance) or "input_text" (raw text, for malformed JSON),
// and either "expected" or "expected_exit" with "expected_error" (a substring of stderr).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/match_command.h"
#include "match/test_support.h"

namespace clerkship::match {
namespace {

using nlohmann::json;

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(CLERKSHIP_GOLDEN_DIR)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesExpected) {
  const json golden = json::parse(testing::ReadFile(GetParam()));
  testing::TempDir dir;
  const std::string input = dir.File("input.json");
  testing::WriteFile(input, golden.contains("input_text") ? golden["input_text"].get<std::string>()
                                                          : golden.at("input").dump());
  for (bool verify : {false, true}) {
    SCOPED_TRACE(verify ? "with --verify" : "without --verify");
    const std::string output = dir.File(verify ? "verified.json" : "output.json");
    ::testing::internal::CaptureStderr();
    const int exit_code = cli::RunMatchCommand(input, output, verify);
    const std::string err = ::testing::internal::GetCapturedStderr();
    if (golden.contains("expected_exit")) {
      EXPECT_EQ(exit_code, golden["expected_exit"].get<int>());
      EXPECT_NE(err.find(golden.at("expected_error").get<std::string>()), std::string::npos)
          << "stderr was: " << err;
      EXPECT_FALSE(std::filesystem::exists(output)) << "nothing may be written on error";
      continue;
    }
    ASSERT_EQ(exit_code, 0) << err;
    const json actual = json::parse(testing::ReadFile(output));
    const json& expected = golden.at("expected");
    for (const auto& [key, value] : expected.items()) {
      if (key == "stats") {
        for (const auto& [stat, number] : value.items()) {
          EXPECT_EQ(actual["stats"][stat], number) << "stats." << stat;
        }
      } else {
        EXPECT_EQ(actual[key], value) << key;
      }
    }
    // The contract's shape: these keys in this order, applicants in input order.
    const auto ordered = nlohmann::ordered_json::parse(testing::ReadFile(output));
    std::vector<std::string> keys, stats, applicants, input_applicants;
    for (const auto& [key, value] : ordered.items()) keys.push_back(key);
    for (const auto& [key, value] : ordered["stats"].items()) stats.push_back(key);
    for (const auto& [key, value] : ordered["assignments"].items()) applicants.push_back(key);
    for (const auto& applicant : golden["input"]["applicants"]) {
      input_applicants.push_back(applicant["id"].get<std::string>());
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"assignments", "stable", "blocking_pairs", "stats"}));
    EXPECT_EQ(stats, (std::vector<std::string>{"applicants", "programs", "matched",
                                               "unfilled_seats", "proposals", "milliseconds"}));
    EXPECT_EQ(applicants, input_applicants);
    EXPECT_TRUE(actual["stats"].contains("milliseconds"));
  }
}

INSTANTIATE_TEST_SUITE_P(Match, GoldenTest, ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = std::filesystem::path(info.param).stem().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace clerkship::match
