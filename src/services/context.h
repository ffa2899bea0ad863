// What every use case needs: the database, the clock, configuration, and who
// is acting. A Context is shared by all requests and is thread-safe; an Actor
// is per request.
#pragma once

#include <memory>
#include <string>

#include "core/access.h"
#include "core/clock.h"
#include "store/database.h"

namespace clerkship::adapters {
class FileStore;  // adapters/file_store.h
}

namespace clerkship::services {

class CatalogCache;  // services/catalog.h

struct Context {
  store::Database& db;
  const core::Clock& clock;
  std::string public_url = "http://127.0.0.1:8080";  // base of links in e-mails
  // The in-memory search index of this process (rebuilt on catalog changes).
  std::shared_ptr<CatalogCache> catalog_cache = MakeCatalogCache();
  // The encrypted document vault (set by `serve` and the tests).
  std::shared_ptr<adapters::FileStore> files;
  uint64_t max_upload_bytes = 10 * 1024 * 1024;

  static std::shared_ptr<CatalogCache> MakeCatalogCache();
};

// The person (or system) behind a request.
struct Actor {
  std::string user_id;     // empty for anonymous
  std::string ip;
  std::string session_id;  // empty without a session
  core::Principal principal;
};

}  // namespace clerkship::services
