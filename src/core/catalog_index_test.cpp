#include "core/catalog_index.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

std::vector<IndexedOffering> Sample() {
  IndexedOffering a{"a", "Cardiology Elective", "i1", "Lakeshore", "America/Chicago", "cardiology", "elective",
                    true, "Chicago", "IL", "US", 4, "USD", 250000, {"j1"},
                    {{"2026-12-01", "2026-09-01", "2026-11-01", 1}, {"2027-03-01", "2027-01-01", "2027-02-01", 2},
                     {"2027-03-15", "2027-01-01", "2027-02-15", 1}}};
  IndexedOffering b{"b", "Psychiatry Observership", "i2", "Bayview", "America/Los_Angeles", "psychiatry",
                    "observership", false, "Oakland", "CA", "US", 2, "USD", 0, {"b1_b2", "j1"},
                    {{"2027-05-01", "2026-11-01", "2027-03-01", 3}}};
  IndexedOffering c{"c", "Surgery Core", "i1", "Lakeshore", "America/Chicago", "surgery", "core", true, "Chicago",
                    "IL", "US", 8, "USD", 400000, {}, {}};
  return {a, b, c};
}

TEST(SearchCatalogIndex, FiltersAndCountsFacets) {
  auto all = Sample();
  CatalogQuery q;
  auto p = SearchCatalogIndex(all, q, nullptr, "2027-01-15");
  EXPECT_EQ(p.total, 3);
  EXPECT_EQ(p.facets["type"]["elective"], 1);
  EXPECT_EQ(p.facets["state"]["IL"], 2);
  EXPECT_EQ(p.facets["visa"]["j1"], 2);
  EXPECT_EQ(p.facets["fee"]["free"], 1);
  EXPECT_EQ(p.facets["fee"]["over_3000"], 1);
  EXPECT_EQ(p.facets["start_month"]["2027-03"], 1);  // two blocks in March, one offering
  EXPECT_EQ(p.facets["start_month"].count("2026-12"), 0u);  // past blocks are not offered
  EXPECT_EQ(p.facets["open_now"]["true"], 2);
  // Soonest upcoming start first; no upcoming block last.
  ASSERT_EQ(p.hits.size(), 3u);
  EXPECT_EQ(p.hits[0].offering->id, "a");
  EXPECT_EQ(p.hits[0].next_start, "2027-03-01");
  EXPECT_EQ(p.hits[0].seats_left, 3);
  EXPECT_EQ(p.hits[2].offering->id, "c");

  q.hands_on = 0;
  EXPECT_EQ(SearchCatalogIndex(all, q, nullptr, "2027-01-15").total, 1);
  q = {};
  q.fee_max_cents = 300000;
  EXPECT_EQ(SearchCatalogIndex(all, q, nullptr, "2027-01-15").total, 2);
  q = {};
  q.start_month = "2027-05";
  EXPECT_EQ(SearchCatalogIndex(all, q, nullptr, "2027-01-15").hits[0].offering->id, "b");
  q = {};
  q.open_now = true;
  q.visa = "b1_b2";
  EXPECT_EQ(SearchCatalogIndex(all, q, nullptr, "2027-01-15").total, 1);
}

TEST(SearchCatalogIndex, TextRestrictsAndRanks) {
  auto all = Sample();
  CatalogQuery q;
  q.sort = "relevance";
  std::vector<double> scores{1.0, -1.0, 5.0};  // a, b (no match), c: higher is better
  auto p = SearchCatalogIndex(all, q, &scores, "2027-01-15");
  ASSERT_EQ(p.total, 2);
  EXPECT_EQ(p.hits[0].offering->id, "c");
}

TEST(SearchCatalogIndex, SortsAndPages) {
  auto all = Sample();
  CatalogQuery q;
  q.sort = "fee";
  q.limit = 1;
  q.offset = 1;
  auto p = SearchCatalogIndex(all, q, nullptr, "2027-01-15");
  EXPECT_EQ(p.total, 3);
  ASSERT_EQ(p.hits.size(), 1u);
  EXPECT_EQ(p.hits[0].offering->id, "a");
  q.sort = "deadline";
  q.offset = 0;
  EXPECT_EQ(SearchCatalogIndex(all, q, nullptr, "2027-01-15").hits[0].offering->id, "a");  // 2027-02-01
  q.offset = 10;
  EXPECT_TRUE(SearchCatalogIndex(all, q, nullptr, "2027-01-15").hits.empty());
}

}  // namespace
}  // namespace clerkship::core
