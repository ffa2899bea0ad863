// Store and services on both backends.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <thread>

#include "adapters/random.h"
#include "adapters/system_clock.h"
#include "integration/test_env.h"
#include "services/demo.h"
#include "services/institutions.h"
#include "store/institutions.h"
#include "store/placements.h"

namespace clerkship::testing {
namespace {

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { tdb_ = std::make_unique<TestDatabase>(GetParam()); }
  store::Database& db() { return tdb_->db(); }
  int Count(const std::string& table) {
    return *db().Run<int>([&](store::Tx& tx) -> core::Result<int> {
      int n = 0;
      tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
      return n;
    });
  }
  std::unique_ptr<TestDatabase> tdb_;
  adapters::FakeClock clock_{core::TimePoint(std::chrono::seconds(1800000000))};
};

core::InstitutionDraft Draft(std::string name) {
  return {std::move(name), "Chicago", "IL", "US", "America/Chicago", ""};
}

TEST_P(StoreTest, MigrateIsIdempotent) {
  auto again = db().Migrate();
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->empty());
  auto pending = db().PendingMigrations();
  ASSERT_TRUE(pending.has_value());
  EXPECT_TRUE(pending->empty());
}

TEST_P(StoreTest, CreatesAndListsInstitutionsWithAudit) {
  services::Context ctx{db(), clock_};
  auto a = services::CreateInstitution(ctx, {"u1", "127.0.0.1"}, Draft("Zeta Hospital"));
  auto b = services::CreateInstitution(ctx, {"u1", "127.0.0.1"}, Draft("Alpha Hospital — 阿尔法"));
  ASSERT_TRUE(a.has_value()) << a.error().detail;
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(a->created_at, "2027-01-15T08:00:00Z");
  auto list = services::ListInstitutions(ctx);
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].name, "Alpha Hospital — 阿尔法");
  EXPECT_EQ(Count("audit_log"), 2);
  auto got = services::GetInstitution(ctx, a->id);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->name, "Zeta Hospital");
  EXPECT_EQ(services::GetInstitution(ctx, "nope").error().code, core::ErrorCode::kNotFound);
}

TEST_P(StoreTest, DuplicateIsAConflictAndWritesNothing) {
  services::Context ctx{db(), clock_};
  ASSERT_TRUE(services::CreateInstitution(ctx, {}, Draft("Mercy")).has_value());
  auto dup = services::CreateInstitution(ctx, {}, Draft("Mercy"));
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(dup.error().field, "name");
  EXPECT_EQ(Count("institutions"), 1);
  EXPECT_EQ(Count("audit_log"), 1);  // the failed attempt left no audit row
}

TEST_P(StoreTest, UnknownTimeZoneIsRejected) {
  services::Context ctx{db(), clock_};
  auto d = Draft("Mercy");
  d.time_zone = "Mars/Base";
  auto r = services::CreateInstitution(ctx, {}, d);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "time_zone");
  EXPECT_EQ(Count("institutions"), 0);
}

TEST_P(StoreTest, FailedTransactionRollsBackEverything) {
  auto st = db().Transact([&](store::Tx& tx) -> core::Status {
    store::InsertInstitution(tx, {"i1", "A", "B", "", "US", "UTC", "", "2027-01-01T00:00:00Z"});
    return core::Conflict("changed my mind");
  });
  EXPECT_FALSE(st.has_value());
  EXPECT_EQ(Count("institutions"), 0);
  // An exception from SQL inside the transaction also rolls back.
  st = db().Transact([&](store::Tx& tx) -> core::Status {
    store::InsertInstitution(tx, {"i2", "A", "B", "", "US", "UTC", "", "2027-01-01T00:00:00Z"});
    tx.sql() << "INSERT INTO no_such_table VALUES (1)";
    return {};
  });
  EXPECT_FALSE(st.has_value());
  EXPECT_EQ(st.error().code, core::ErrorCode::kInternal);
  EXPECT_EQ(Count("institutions"), 0);
}

TEST_P(StoreTest, ConcurrentWritersAllLand) {
  services::Context ctx{db(), clock_};
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        if (services::CreateInstitution(ctx, {}, Draft("H" + std::to_string(t) + "-" + std::to_string(i)))) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 40);
  EXPECT_EQ(Count("institutions"), 40);
}

TEST_P(StoreTest, DemoLoadsOnlyIntoAnEmptyDatabase) {
  services::Context ctx{db(), clock_};
  auto first = services::LoadDemoIfEmpty(ctx);
  ASSERT_TRUE(first.has_value());
  EXPECT_GT(*first, 0);
  auto second = services::LoadDemoIfEmpty(ctx);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(*second, 0);
  EXPECT_EQ(Count("institutions"), *first);
}

TEST_P(StoreTest, TakeSeatNeverOverbooksABlockUnderConcurrentTransactions) {
  services::Context ctx{db(), clock_};
  ASSERT_TRUE(services::LoadDemoIfEmpty(ctx).has_value());
  std::string block;
  ASSERT_TRUE(db().Run<int>([&](store::Tx& tx) -> core::Result<int> {
    tx.sql() << "SELECT id FROM blocks ORDER BY id LIMIT 1", soci::into(block);
    tx.sql() << "UPDATE blocks SET seats = 3, filled = 0 WHERE id = :b", soci::use(block);
    return 0;
  }));
  std::atomic<int> won{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      auto r = db().Run<bool>([&](store::Tx& tx) -> core::Result<bool> { return store::TakeSeat(tx, block); });
      if (r && *r) ++won;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(won.load(), 3);
  auto filled = [&] {
    return *db().Run<int>([&](store::Tx& tx) -> core::Result<int> {
      int n = -1;
      tx.sql() << "SELECT filled FROM blocks WHERE id = :b", soci::use(block), soci::into(n);
      return n;
    });
  };
  EXPECT_EQ(filled(), 3);
  ASSERT_TRUE(db().Run<int>([&](store::Tx& tx) -> core::Result<int> {
    for (int i = 0; i < 5; ++i) store::ReleaseSeat(tx, block);
    return 0;
  }));
  EXPECT_EQ(filled(), 0);  // never below zero
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(Backends()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (auto& c : n) if (c == '-') c = '_';
                           return n;
                         });

}  // namespace
}  // namespace clerkship::testing
