#include "adapters/random.h"

#include <gtest/gtest.h>

#include <set>

#include "adapters/system_clock.h"

namespace clerkship::adapters {
namespace {

TEST(Random, IdsAreOpaqueAndDistinct) {
  ASSERT_TRUE(InitCrypto());
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    auto id = NewId();
    EXPECT_EQ(id.size(), 26u);
    EXPECT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz234567"), std::string::npos);
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
  EXPECT_EQ(NewToken().size(), 52u);
}

TEST(TimeZone, ChecksTheSystemDatabase) {
  EXPECT_TRUE(TimeZoneExists("America/New_York"));
  EXPECT_TRUE(TimeZoneExists("Asia/Kolkata"));
  EXPECT_FALSE(TimeZoneExists("Mars/Olympus_Mons"));
  EXPECT_FALSE(TimeZoneExists("../../etc/passwd"));
}

}  // namespace
}  // namespace clerkship::adapters
