// The HTTP/1.1 server (Boost.Beast, C++20 coroutines). Serves the Router's
// API and the built web app. One instance per process; Run() blocks until a
// SIGINT/SIGTERM has been received and in-flight requests are answered.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/router.h"

namespace clerkship::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  std::string web_root;                // built web app (index.html, assets/); may be empty
  size_t body_limit = 1024 * 1024;     // bytes of a request body
  std::string upload_dir;              // where upload routes stream bodies (default: the system temp)
  unsigned io_threads = 0;             // 0 = one per core
  unsigned worker_threads = 0;         // handler pool (database work); 0 = one per core
  unsigned idle_timeout_ms = 60000;    // a keep-alive connection with no request is closed after this
};

class Server {
 public:
  Server(ServerOptions options, const Router& router);
  ~Server();

  // Binds and listens. kFailedPrecondition with a clear message when the
  // address is in use or cannot be bound.
  core::Status Listen();
  // The bound port (useful with port 0).
  uint16_t port() const;
  // Serves until SIGINT/SIGTERM or Stop(); drains in-flight requests.
  void Run();
  // Begins a graceful stop (thread-safe).
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clerkship::http
