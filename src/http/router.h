// Router: maps (method, path pattern with {params}) to handlers. Built once at
// start-up, then read-only and thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "http/message.h"

namespace clerkship::http {

using Handler = std::function<Response(Request&)>;

// Who may call a route (checked by the guard before any handler runs).
using core::Access;

struct Route {
  std::string method;
  std::string pattern;  // "/api/institutions/{id}"
  Access access = Access::kPublic;
  Handler handler;
  // > 0: the body is streamed to a temporary file of at most this many bytes
  // (Request::body_file) instead of being held in memory.
  size_t upload_limit = 0;
  // Public routes only: answers from memory on the network thread, without
  // the guard or the worker pool; nullopt falls through to `handler`.
  std::function<std::optional<Response>(const Request&)> fast;
  std::vector<std::string> segments;  // the pattern split at '/' (filled by Router::Add)
};

class Router {
 public:
  void Add(std::string method, std::string pattern, Access access, Handler handler, size_t upload_limit = 0);
  // Gives the last added route a fast path (see Route::fast).
  void SetFast(std::function<std::optional<Response>(const Request&)> fast) { routes_.back().fast = std::move(fast); }

  // Finds the route for the request and fills req.params. Returns nullptr and
  // sets *allowed to the methods that would match the path (for 405), or
  // leaves it empty when no route has this path (404).
  const Route* Match(Request& req, std::vector<std::string>* allowed) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace clerkship::http
