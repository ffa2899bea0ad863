// Table-driven compliance cases: every case of tests/golden/compliance_cases.json
// is run through EvaluateCompliance and Cleared. An expected item always names
// its requirement and state; count, document_ids and reason are compared when
// given. The file is read with nlohmann::json (a test-only dependency; the
// engine itself stays standard-library only).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/compliance.h"

namespace clerkship::core {
namespace {

using nlohmann::json;

json LoadCases() {
  std::ifstream in(CLERKSHIP_COMPLIANCE_CASES);
  if (!in) return json();
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

std::string Str(const json& j, const char* key) {
  return j.contains(key) ? j[key].get<std::string>() : "";
}

VaultDocument DocumentFrom(const json& j) {
  static const std::set<std::string> known = {"id",        "type",       "status",  "status_reason",
                                              "issued_on", "expires_on", "deleted", "vaccines"};
  for (const auto& [key, _] : j.items())
    EXPECT_TRUE(known.contains(key)) << "unknown document member " << key;
  VaultDocument d{
      Str(j, "id"),        Str(j, "type"),       Str(j, "status"),          Str(j, "status_reason"),
      Str(j, "issued_on"), Str(j, "expires_on"), j.value("deleted", false), {}};
  for (const auto& v : j.value("vaccines", json::array())) {
    d.vaccines.push_back({Str(v, "vaccine"), Str(v, "kind"), Str(v, "date"), Str(v, "result")});
  }
  return d;
}

TEST(ComplianceGolden, EveryCaseMatches) {
  const json golden = LoadCases();
  ASSERT_TRUE(golden.is_object()) << "cannot read " << CLERKSHIP_COMPLIANCE_CASES;
  const json& cases = golden.at("cases");
  ASSERT_GE(cases.size(), 20u);
  std::set<std::string> names;
  std::set<std::string> states_seen;
  for (const auto& c : cases) {
    const std::string name = c.at("name").get<std::string>();
    SCOPED_TRACE(name);
    EXPECT_TRUE(names.insert(name).second) << "duplicate case name";
    BlockDates block{c.at("block").at("start_date").get<std::string>(),
                     c.at("block").at("end_date").get<std::string>()};
    std::vector<Requirement> requirements;
    for (const auto& r : c.at("requirements")) {
      requirements.push_back({r.at("type").get<std::string>(), r.value("count", 1)});
    }
    std::vector<VaultDocument> documents;
    for (const auto& d : c.at("documents")) documents.push_back(DocumentFrom(d));

    const auto items = EvaluateCompliance(requirements, block, documents);
    const json& expected = c.at("expected");
    ASSERT_EQ(items.size(), expected.size());
    for (size_t i = 0; i < items.size(); ++i) {
      SCOPED_TRACE("item " + std::to_string(i));
      const json& want = expected[i];
      EXPECT_EQ(items[i].requirement, want.at("requirement").get<std::string>());
      EXPECT_EQ(items[i].state, want.at("state").get<std::string>()) << items[i].reason;
      states_seen.insert(items[i].state);
      if (want.contains("count")) {
        EXPECT_EQ(items[i].count, want["count"].get<int>());
      }
      if (want.contains("document_ids")) {
        EXPECT_EQ(items[i].document_ids, want["document_ids"].get<std::vector<std::string>>());
      }
      if (want.contains("reason")) {
        EXPECT_EQ(items[i].reason, want["reason"].get<std::string>());
      }
    }
    EXPECT_EQ(Cleared(items), c.at("cleared").get<bool>());
  }
  // The table exercises every state the contract names.
  EXPECT_EQ(states_seen, (std::set<std::string>{kSatisfied, kMissing, kExpired, kExpiresDuring,
                                                kPending, kRejected, kApplication}));
}

}  // namespace
}  // namespace clerkship::core
