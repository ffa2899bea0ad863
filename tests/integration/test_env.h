// Test databases: a fresh SQLite file, or a fresh schema in the PostgreSQL
// cluster the test script started (URL in CLERKSHIP_TEST_PG).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::testing {

// "sqlite" always; "postgresql" when CLERKSHIP_TEST_PG is set. When
// CLERKSHIP_REQUIRE_PG=1 and the URL is missing, tests fail instead of
// silently covering one backend.
std::vector<std::string> Backends();

// A migrated, empty database of that backend; dropped when the holder dies.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend, size_t pool = 4);
  ~TestDatabase();
  store::Database& db() { return *db_; }
  const std::string& url() const { return url_; }

 private:
  std::string backend_;
  std::string url_;
  std::string schema_;
  std::string file_;
  std::unique_ptr<store::Database> db_;
};

}  // namespace clerkship::testing
