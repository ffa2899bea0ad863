// RunMatchCommand on temporary files: the CLI contract of `clerkship match`.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/match_command.h"
#include "match/test_support.h"

namespace clerkship::match {
namespace {

using nlohmann::json;

constexpr const char* kIssueExample = R"({
  "programs":   [{"id":"p1","capacity":2,"ranking":["a1","a3"],"start":"2027-01-04","end":"2027-01-31"},
                 {"id":"p2","capacity":1,"ranking":["a2","a1"]}],
  "applicants": [{"id":"a1","ranking":["p1","p2"],"max_assignments":1},
                 {"id":"a2"}, {"id":"a3"}],
  "couples":    [{"id":"c1","members":["a2","a3"],"ranking":[["p1","p2"],["p2",null]]}]})";

struct Outcome {
  int exit_code;
  std::string err;
};

Outcome RunCommand(const std::string& input, const std::string& output, bool verify = false) {
  ::testing::internal::CaptureStderr();
  const int code = cli::RunMatchCommand(input, output, verify);
  return {code, ::testing::internal::GetCapturedStderr()};
}

TEST(CliTest, WritesTheContractFormat) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("in.json"), kIssueExample);
  const Outcome run = RunCommand(dir.File("in.json"), dir.File("out.json"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string text = testing::ReadFile(dir.File("out.json"));
  // a1 gets p1. The couple's first pair would put a2 at p1, which does not rank a2, so it is
  // unacceptable; the couple takes (p2, null): a2 at p2, a3 unmatched. Two proposals.
  const std::string prefix =
      R"({"assignments":{"a1":["p1"],"a2":["p2"],"a3":[]},"stable":true,"blocking_pairs":[],)"
      R"("stats":{"applicants":3,"programs":2,"matched":2,"unfilled_seats":1,"proposals":2,)"
      R"("milliseconds":)";
  EXPECT_EQ(text.substr(0, prefix.size()), prefix) << text;
  EXPECT_EQ(text.back(), '\n');
  EXPECT_NO_THROW(json::parse(text));
}

TEST(CliTest, WritesToStdoutWithoutOutputPath) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("in.json"), kIssueExample);
  ::testing::internal::CaptureStdout();
  const Outcome run = RunCommand(dir.File("in.json"), "", true);
  const std::string out = ::testing::internal::GetCapturedStdout();
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(json::parse(out)["assignments"]["a2"], json::array({"p2"}));
}

TEST(CliTest, EscapesIds) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("in.json"), R"({"programs":[{"id":"p\"1\\ é","capacity":1,
      "ranking":["a\n1"]}],"applicants":[{"id":"a\n1","ranking":["p\"1\\ é"]}]})");
  ASSERT_EQ(RunCommand(dir.File("in.json"), dir.File("out.json")).exit_code, 0);
  const json out = json::parse(testing::ReadFile(dir.File("out.json")));
  EXPECT_EQ(out["assignments"]["a\n1"], json::array({"p\"1\\ é"}));
}

TEST(CliTest, VerifyReportsBlockingPairsWhenNoStableMatchingExists) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("in.json"), R"({
    "programs":[{"id":"h1","capacity":1,"ranking":["m1","s"]},
                {"id":"h2","capacity":1,"ranking":["s","m2"]}],
    "applicants":[{"id":"m1"},{"id":"m2"},{"id":"s","ranking":["h1","h2"]}],
    "couples":[{"id":"c","members":["m1","m2"],"ranking":[["h1","h2"]]}]})");
  for (bool verify : {false, true}) {
    const Outcome run = RunCommand(dir.File("in.json"), dir.File("out.json"), verify);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json out = json::parse(testing::ReadFile(dir.File("out.json")));
    EXPECT_EQ(out["stable"], false);
    EXPECT_FALSE(out["blocking_pairs"].empty());
  }
}

struct InvalidCase {
  const char* name;
  const char* input;
  const char* message;  // must appear in stderr
};

class InvalidInputTest : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(InvalidInputTest, ExitsTwoNamingTheEntryAndWritesNothing) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("in.json"), GetParam().input);
  const Outcome run = RunCommand(dir.File("in.json"), dir.File("out.json"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find(GetParam().message), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir.File("out.json")));
}

const InvalidCase kInvalidCases[] = {
    {"MalformedJson", R"({"programs":[})", "malformed JSON"},
    {"NotAnObject", R"([1,2])", "the document must be a JSON object"},
    {"MissingApplicants", R"({"programs":[]})", "missing \"applicants\""},
    {"UnknownApplicant",
     R"({"programs":[{"id":"p1","capacity":1,"ranking":["a1","zz"]}],"applicants":[{"id":"a1","ranking":[]}]})",
     "program \"p1\": ranking position 2 names unknown applicant \"zz\""},
    {"UnknownProgram", R"({"programs":[],"applicants":[{"id":"a1","ranking":["p9"]}]})",
     "applicant \"a1\": ranking position 1 names unknown program \"p9\""},
    {"NegativeCapacity", R"({"programs":[{"id":"p1","capacity":-2,"ranking":[]}],"applicants":[]})",
     "program \"p1\": negative capacity -2"},
    {"FractionalCapacity",
     R"({"programs":[{"id":"p1","capacity":1.5,"ranking":[]}],"applicants":[]})",
     "program \"p1\": \"capacity\" must be an integer"},
    {"TieInApplicantList",
     R"({"programs":[{"id":"p1","capacity":1,"ranking":[]}],"applicants":[{"id":"a1","ranking":["p1","p1"]}]})",
     "applicant \"a1\": ranking lists program \"p1\" twice"},
    {"DuplicateApplicantId",
     R"({"programs":[],"applicants":[{"id":"a1","ranking":[]},{"id":"a1","ranking":[]}]})",
     "applicant \"a1\": id is used more than once"},
    {"CoupleMemberWithSoloList",
     R"({"programs":[{"id":"p1","capacity":1,"ranking":[]}],
         "applicants":[{"id":"a1","ranking":["p1"]},{"id":"a2"}],
         "couples":[{"id":"c1","members":["a1","a2"],"ranking":[["p1",null]]}]})",
     "applicant \"a1\": is a member of couple \"c1\" and must not have its own ranking"},
    {"CoupleUnknownProgram",
     R"({"programs":[],"applicants":[{"id":"a1"},{"id":"a2"}],
         "couples":[{"id":"c1","members":["a1","a2"],"ranking":[["p1",null]]}]})",
     "couple \"c1\": ranking position 1 names unknown program \"p1\""},
    {"MissingRanking", R"({"programs":[],"applicants":[{"id":"a1"}]})",
     "applicant \"a1\": missing \"ranking\""},
    {"BadDate",
     R"({"programs":[{"id":"p1","capacity":1,"ranking":[],"start":"2027-02-30","end":"2027-03-01"}],"applicants":[]})",
     "program \"p1\": \"start\" must be a date YYYY-MM-DD"},
    {"StartWithoutEnd",
     R"({"programs":[{"id":"p1","capacity":1,"ranking":[],"start":"2027-02-01"}],"applicants":[]})",
     "program \"p1\": give both \"start\" and \"end\" or neither"},
};

INSTANTIATE_TEST_SUITE_P(Cli, InvalidInputTest, ::testing::ValuesIn(kInvalidCases),
                         [](const ::testing::TestParamInfo<InvalidCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(CliTest, MissingInputFileIsInvalidInput) {
  testing::TempDir dir;
  const Outcome run = RunCommand(dir.File("absent.json"), dir.File("out.json"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("cannot read"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.File("out.json")));
}

TEST(CliTest, InvalidInputLeavesAnExistingOutputUntouched) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("in.json"), "{");
  testing::WriteFile(dir.File("out.json"), "previous");
  EXPECT_EQ(RunCommand(dir.File("in.json"), dir.File("out.json")).exit_code, 2);
  EXPECT_EQ(testing::ReadFile(dir.File("out.json")), "previous");
}

TEST(CliTest, UnwritableOutputFails) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("in.json"), kIssueExample);
  EXPECT_EQ(RunCommand(dir.File("in.json"), dir.File("no/such/dir/out.json")).exit_code, 1);
}

}  // namespace
}  // namespace clerkship::match
