// docs/applications.md prints the transition table; this test renders it from
// core::TransitionTable() and compares, so the document never drifts.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/application_state.h"

namespace clerkship::core {
namespace {

const char* WhoName(Actor a) {
  switch (a) {
    case Actor::kApplicant: return "applicant";
    case Actor::kReviewer: return "reviewer";
    case Actor::kCoordinator: return "coordinator";
    case Actor::kSystem: return "system";
  }
  return "";
}

std::string RenderTable() {
  std::string out = "| event | from | to | who |\n|---|---|---|---|\n";
  for (const auto& r : TransitionTable()) {
    out += std::string("| ") + r.event + " | " + r.from + " | " + r.to + " | " + WhoName(r.who) + " |\n";
  }
  return out;
}

TEST(ApplicationStateDoc, DocTableMatchesTheCode) {
  std::ifstream in(CLERKSHIP_APPLICATIONS_DOC);
  ASSERT_TRUE(in) << "cannot read " << CLERKSHIP_APPLICATIONS_DOC;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string doc = ss.str();
  const std::string begin = "<!-- state-table:begin -->\n", end = "<!-- state-table:end -->";
  auto b = doc.find(begin);
  auto e = doc.find(end);
  ASSERT_NE(b, std::string::npos) << "the doc lost its table markers";
  ASSERT_NE(e, std::string::npos);
  std::string table = doc.substr(b + begin.size(), e - b - begin.size());
  EXPECT_EQ(table, RenderTable()) << "paste this table into docs/applications.md:\n" << RenderTable();
}

}  // namespace
}  // namespace clerkship::core
