#include "store/database.h"

#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <string_view>

namespace clerkship::embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& migrations();
}

namespace clerkship::store {
namespace {

struct Migration {
  std::string name;  // "001_institutions"
  std::string sql;
};

// Picks, per number, the common file or the one for this backend
// ("NNN_name.sql", "NNN_name.sqlite.sql", "NNN_name.postgres.sql").
std::vector<Migration> MigrationsFor(Backend backend) {
  std::map<std::string, Migration> by_name;
  const std::string_view own = backend == Backend::kSqlite ? ".sqlite.sql" : ".postgres.sql";
  const std::string_view other = backend == Backend::kSqlite ? ".postgres.sql" : ".sqlite.sql";
  for (const auto& [file, text] : embedded::migrations()) {
    if (file.ends_with(other)) continue;
    std::string name(file);
    if (file.ends_with(own)) {
      name.resize(name.size() - own.size());
    } else if (file.ends_with(".sql")) {
      name.resize(name.size() - 4);
    } else {
      continue;
    }
    auto& m = by_name[name];
    m.name = name;
    m.sql += std::string(text);
    m.sql += "\n";
  }
  std::vector<Migration> out;
  for (auto& [_, m] : by_name) out.push_back(std::move(m));
  return out;  // std::map keeps them sorted by number
}

class SociDatabase final : public Database {
 public:
  SociDatabase(Backend backend, size_t pool_size) : backend_(backend), pool_(pool_size) {}

  Backend backend() const override { return backend_; }

  soci::connection_pool& pool() { return pool_; }

  core::Status Transact(const std::function<core::Status(Tx&)>& fn) override { return Run(fn, true); }
  core::Status Read(const std::function<core::Status(Tx&)>& fn) override { return Run(fn, false); }

  core::Status Run(const std::function<core::Status(Tx&)>& fn, bool write) {
    try {
      soci::session sql(pool_);
      return RunInTransaction(sql, fn, write);
    } catch (const std::exception& e) {
      return core::Internal(std::string("database connection: ") + e.what());
    }
  }

  core::Result<std::vector<std::string>> Migrate() override {
    std::vector<std::string> applied;
    auto ensured = EnsureMigrationTable();
    if (!ensured) return std::unexpected(ensured.error());
    for (const auto& m : MigrationsFor(backend_)) {
      bool ran = false;
      auto st = Transact([&](Tx& tx) -> core::Status {
        int n = 0;
        tx.sql() << "SELECT COUNT(*) FROM schema_migrations WHERE name = :n", soci::use(m.name),
            soci::into(n);
        if (n > 0) return {};
        for (const auto& stmt : SplitSqlStatements(m.sql)) tx.sql() << stmt;
        tx.sql() << "INSERT INTO schema_migrations(name) VALUES (:n)", soci::use(m.name);
        ran = true;
        return {};
      });
      if (!st) {
        auto err = st.error();
        err.message = "migration " + m.name + " failed";
        return std::unexpected(err);
      }
      if (ran) applied.push_back(m.name);
    }
    return applied;
  }

  core::Result<std::vector<std::string>> PendingMigrations() override {
    std::vector<std::string> pending;
    try {
      soci::session sql(pool_);
      bool has_table = false;
      if (backend_ == Backend::kSqlite) {
        int n = 0;
        sql << "SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'",
            soci::into(n);
        has_table = n > 0;
      } else {
        int n = 0;
        sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
               "current_schema() AND table_name = 'schema_migrations'",
            soci::into(n);
        has_table = n > 0;
      }
      for (const auto& m : MigrationsFor(backend_)) {
        int n = 0;
        if (has_table) {
          sql << "SELECT COUNT(*) FROM schema_migrations WHERE name = :n", soci::use(m.name),
              soci::into(n);
        }
        if (n == 0) pending.push_back(m.name);
      }
    } catch (const std::exception& e) {
      return core::Internal(std::string("reading schema_migrations: ") + e.what());
    }
    return pending;
  }

 private:
  core::Status EnsureMigrationTable() {
    try {
      soci::session sql(pool_);
      sql << "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, "
             "applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)";
    } catch (const std::exception& e) {
      return core::Internal(std::string("creating schema_migrations: ") + e.what());
    }
    return {};
  }

  core::Status RunInTransaction(soci::session& sql, const std::function<core::Status(Tx&)>& fn, bool write) {
    sql << (backend_ == Backend::kSqlite && write ? "BEGIN IMMEDIATE" : "BEGIN");
    Tx tx(sql, backend_);
    core::Status result;
    try {
      result = fn(tx);
    } catch (const soci::soci_error& e) {
      Rollback(sql);
      if (IsUniqueViolation(e.what())) {
        return std::unexpected(core::Error{core::ErrorCode::kConflict,
                                           "a record with these values already exists", {},
                                           e.what()});
      }
      return core::Internal(e.what());
    } catch (...) {
      Rollback(sql);
      throw;
    }
    if (!result) {
      Rollback(sql);
      return result;
    }
    try {
      sql << "COMMIT";
    } catch (const soci::soci_error& e) {
      Rollback(sql);
      return core::Internal(std::string("commit: ") + e.what());
    }
    return {};
  }

  static void Rollback(soci::session& sql) {
    try {
      sql << "ROLLBACK";
    } catch (...) {
      // The connection is broken or no transaction is open; nothing to undo.
    }
  }

  Backend backend_;
  soci::connection_pool pool_;
};

std::string RedactUrl(const std::string& url) {
  auto at = url.find('@');
  auto scheme = url.find("://");
  if (at == std::string::npos || scheme == std::string::npos) return url;
  return url.substr(0, scheme + 3) + "…" + url.substr(at);
}

std::string PercentDecoded(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size() &&
        std::isxdigit(static_cast<unsigned char>(in[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(in.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return out;
}

std::string QuotedConninfoValue(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

}  // namespace

std::string PostgresConninfo(const std::string& url) {
  // postgresql://[user[:password]@][host][:port][/dbname][?key=value&...]
  std::string_view rest(url);
  rest.remove_prefix(rest.find("://") + 3);
  std::string_view query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string_view path;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    path = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  std::vector<std::pair<std::string, std::string>> kv;
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    auto userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = userinfo.find(':');
    kv.emplace_back("user", PercentDecoded(userinfo.substr(0, colon)));
    if (colon != std::string_view::npos) kv.emplace_back("password", PercentDecoded(userinfo.substr(colon + 1)));
  }
  if (!rest.empty()) {
    auto colon = rest.rfind(':');
    if (colon != std::string_view::npos && rest.find(']') == std::string_view::npos) {
      kv.emplace_back("host", PercentDecoded(rest.substr(0, colon)));
      kv.emplace_back("port", std::string(rest.substr(colon + 1)));
    } else {
      kv.emplace_back("host", PercentDecoded(rest));
    }
  }
  if (!path.empty()) kv.emplace_back("dbname", PercentDecoded(path));
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos) {
      kv.emplace_back(PercentDecoded(pair.substr(0, eq)), PercentDecoded(pair.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  std::string out;
  for (const auto& [k, v] : kv) out += (out.empty() ? "" : " ") + k + "=" + QuotedConninfoValue(v);
  return out;
}

core::Result<std::unique_ptr<Database>> Database::Open(const std::string& url, size_t pool_size) {
  if (pool_size == 0) pool_size = 1;
  if (url.starts_with("sqlite:")) {
    std::string path = url.substr(7);
    if (path.starts_with("//")) path = path.substr(2);
    if (path.empty()) return core::InvalidArgument("db", "sqlite URL needs a path: sqlite:PATH");
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    auto db = std::make_unique<SociDatabase>(Backend::kSqlite, pool_size);
    try {
      for (size_t i = 0; i < pool_size; ++i) {
        auto& s = db->pool().at(i);
        s.open(soci::sqlite3, "db=" + path + " timeout=10");
        s << "PRAGMA journal_mode=WAL";
        s << "PRAGMA synchronous=NORMAL";
        s << "PRAGMA foreign_keys=ON";
        s << "PRAGMA busy_timeout=10000";
      }
    } catch (const std::exception& e) {
      return core::InvalidArgument("db", "cannot open SQLite database " + path + ": " + e.what());
    }
    return std::unique_ptr<Database>(std::move(db));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto db = std::make_unique<SociDatabase>(Backend::kPostgres, pool_size);
    try {
      for (size_t i = 0; i < pool_size; ++i) {
        auto& s = db->pool().at(i);
        s.open(soci::postgresql, PostgresConninfo(url));
        s << "SET client_min_messages TO WARNING";
      }
    } catch (const std::exception& e) {
      return core::InvalidArgument("db", "cannot connect to PostgreSQL at " + RedactUrl(url) +
                                             ": " + std::string(e.what()).substr(0, 300));
    }
    return std::unique_ptr<Database>(std::move(db));
  }
  return core::InvalidArgument("db", "database URL must start with sqlite: or postgresql://");
}

std::vector<std::string> SplitSqlStatements(const std::string& script) {
  std::vector<std::string> out;
  std::string current;
  bool in_trigger = false;
  size_t pos = 0;
  while (pos <= script.size()) {
    size_t eol = script.find('\n', pos);
    if (eol == std::string::npos) eol = script.size();
    std::string line = script.substr(pos, eol - pos);
    pos = eol + 1;
    std::string trimmed = line;
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
    size_t lead = trimmed.find_first_not_of(" \t");
    if (lead == std::string::npos || trimmed.compare(lead, 2, "--") == 0) continue;
    std::string upper = trimmed;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (upper.find("CREATE TRIGGER") != std::string::npos ||
        upper.find("CREATE OR REPLACE FUNCTION") != std::string::npos ||
        upper.find("CREATE FUNCTION") != std::string::npos) {
      in_trigger = true;
    }
    current += line + "\n";
    if (!trimmed.empty() && trimmed.back() == ';') {
      bool ends_block = !in_trigger || upper.ends_with("END;") ||
                        upper.find("LANGUAGE") != std::string::npos;
      if (ends_block) {
        in_trigger = false;
        // Drop the final ';' — SQLite and libpq accept a statement without it.
        auto last = current.find_last_of(';');
        current.erase(last, 1);
        out.push_back(current);
        current.clear();
      }
    }
  }
  if (current.find_first_not_of(" \t\n") != std::string::npos) out.push_back(current);
  return out;
}

bool IsUniqueViolation(const std::string& what) {
  return what.find("UNIQUE constraint failed") != std::string::npos ||
         what.find("duplicate key value") != std::string::npos ||
         what.find("23505") != std::string::npos;
}

}  // namespace clerkship::store
