#include "integration/test_env.h"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>

#include <cstdlib>
#include <filesystem>

#include "adapters/crypto.h"
#include "adapters/random.h"

namespace clerkship::testing {

std::vector<std::string> Backends() {
  std::vector<std::string> out{"sqlite"};
  const char* pg = std::getenv("CLERKSHIP_TEST_PG");
  if (pg && *pg) {
    out.push_back("postgresql");
  } else if (const char* req = std::getenv("CLERKSHIP_REQUIRE_PG"); req && std::string(req) == "1") {
    out.push_back("postgresql-missing");
  }
  return out;
}

TestDatabase::TestDatabase(const std::string& backend, size_t pool) : backend_(backend) {
  adapters::InitCrypto();
  adapters::SetHashCost(adapters::HashCost::kTest);  // still Argon2id, minimum cost
  if (backend == "sqlite") {
    file_ = (std::filesystem::temp_directory_path() / ("clerkship-test-" + adapters::NewId() + ".db")).string();
    url_ = "sqlite:" + file_;
  } else if (backend == "postgresql") {
    std::string base = std::getenv("CLERKSHIP_TEST_PG");
    schema_ = "t_" + adapters::NewId();
    soci::session admin(soci::postgresql, store::PostgresConninfo(base));
    admin << "CREATE SCHEMA " + schema_;
    url_ = base + (base.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema_;
  } else {
    ADD_FAILURE() << "CLERKSHIP_REQUIRE_PG=1 but CLERKSHIP_TEST_PG is not set";
    throw std::runtime_error("no PostgreSQL");
  }
  auto db = store::Database::Open(url_, pool);
  if (!db) throw std::runtime_error("open " + backend + ": " + db.error().message);
  db_ = std::move(*db);
  auto m = db_->Migrate();
  if (!m) throw std::runtime_error("migrate: " + m.error().message + " " + m.error().detail);
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (!file_.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file_ + suffix);
  }
  if (!schema_.empty()) {
    try {
      soci::session admin(soci::postgresql, store::PostgresConninfo(std::getenv("CLERKSHIP_TEST_PG")));
      admin << "DROP SCHEMA " + schema_ + " CASCADE";
    } catch (...) {
    }
  }
}

}  // namespace clerkship::testing
