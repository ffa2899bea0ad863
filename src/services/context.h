// What every use case needs: the database, the clock, and who is acting.
// A Context is shared by all requests and is thread-safe; an Actor is per request.
#pragma once

#include <string>

#include "core/clock.h"
#include "store/database.h"

namespace clerkship::services {

struct Context {
  store::Database& db;
  const core::Clock& clock;
};

// The person (or system) behind a request.
struct Actor {
  std::string user_id;  // empty for anonymous
  std::string ip;
};

}  // namespace clerkship::services
