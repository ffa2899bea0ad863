// Database: one interface over SQLite and PostgreSQL (SOCI). Thread-safe: a
// fixed pool of connections; each Transact() call leases one for its duration.
#pragma once

#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace soci {
class session;
}

namespace clerkship::store {

enum class Backend { kSqlite, kPostgres };

// A transaction in progress. Only valid inside the Transact() callback.
class Tx {
 public:
  Tx(soci::session& sql, Backend backend) : sql_(sql), backend_(backend) {}
  soci::session& sql() { return sql_; }
  Backend backend() const { return backend_; }

 private:
  soci::session& sql_;
  Backend backend_;
};

class Database {
 public:
  virtual ~Database() = default;

  // Opens "sqlite:PATH" (creating the file and its folder, WAL mode) or a
  // "postgresql://…" URL with `pool_size` connections. Errors name the URL
  // problem; the password part of a URL is never echoed.
  static core::Result<std::unique_ptr<Database>> Open(const std::string& url, size_t pool_size);

  virtual Backend backend() const = 0;
  // "sqlite" or "postgresql".
  const char* BackendName() const { return backend() == Backend::kSqlite ? "sqlite" : "postgresql"; }

  // Runs `fn` in one transaction: commits when it returns a value, rolls back
  // when it returns an error or throws. Database exceptions become Errors:
  // unique-constraint violations kConflict, everything else kInternal.
  // On SQLite write transactions take the write lock up front (BEGIN IMMEDIATE).
  virtual core::Status Transact(const std::function<core::Status(Tx&)>& fn) = 0;

  // Like Transact for use cases that only read: on SQLite a deferred
  // transaction, so readers never wait for the write lock.
  virtual core::Status Read(const std::function<core::Status(Tx&)>& fn) = 0;

  // Convenience for a use case that returns a value.
  template <typename T>
  core::Result<T> Run(const std::function<core::Result<T>(Tx&)>& fn) {
    return Collect<T>(fn, /*write=*/true);
  }

  template <typename T>
  core::Result<T> RunRead(const std::function<core::Result<T>(Tx&)>& fn) {
    return Collect<T>(fn, /*write=*/false);
  }

  // Applies every migration not yet recorded, each in its own transaction, in
  // order. Returns the names applied (empty when up to date).
  virtual core::Result<std::vector<std::string>> Migrate() = 0;
  // Names of migrations not yet applied.
  virtual core::Result<std::vector<std::string>> PendingMigrations() = 0;

 private:
  template <typename T>
  core::Result<T> Collect(const std::function<core::Result<T>(Tx&)>& fn, bool write) {
    std::optional<T> out;
    auto body = [&](Tx& tx) -> core::Status {
      auto r = fn(tx);
      if (!r) return std::unexpected(r.error());
      out.emplace(std::move(*r));
      return {};
    };
    auto st = write ? Transact(body) : Read(body);
    if (!st) return std::unexpected(st.error());
    return std::move(*out);
  }
};

// Splits a migration script into statements (';' at end of line; a CREATE
// TRIGGER … END; block stays whole). Exposed for tests.
std::vector<std::string> SplitSqlStatements(const std::string& script);

// Turns a postgresql:// URL into libpq keyword=value form (SOCI mangles URL
// query strings). Exposed for tests.
std::string PostgresConninfo(const std::string& url);

// Returns true when `e` (a caught soci error text) is a unique violation.
bool IsUniqueViolation(const std::string& what);

}  // namespace clerkship::store
