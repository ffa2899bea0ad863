#include "http/server.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <utility>  // before asio: Boost 1.74 awaitable.hpp needs std::exchange
#include <boost/asio.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <filesystem>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "adapters/random.h"
#include "http/json_io.h"

namespace clerkship::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

constexpr auto kIdleTimeout = std::chrono::seconds(60);
constexpr size_t kHeaderLimit = 16 * 1024;

std::string_view Sv(boost::beast::string_view s) { return {s.data(), s.size()}; }

const char* MimeType(const std::filesystem::path& p) {
  auto ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

template <typename Body>
void AddSecurityHeaders(bhttp::response<Body>& res) {
  res.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
          "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("X-Frame-Options", "DENY");
  res.set("Referrer-Policy", "strict-origin-when-cross-origin");
  res.set("Cross-Origin-Opener-Policy", "same-origin");
  res.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
}

// Request ids for log correlation: a random per-process prefix and a counter
// (no system call per request, unlike a fresh random id).
std::string NextRequestId() {
  static const std::string prefix = adapters::NewId().substr(0, 8);
  static std::atomic<uint64_t> counter{0};
  char buf[24];
  int n = std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(++counter));
  return prefix + std::string(buf, n);
}

struct SessionState {
  beast::tcp_stream* stream = nullptr;
  bool idle = false;  // guarded by the session's strand
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  const Router& router;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::thread_pool workers;
  asio::signal_set signals{ioc, SIGINT, SIGTERM};
  std::atomic<bool> draining{false};
  std::mutex sessions_mu;
  std::unordered_set<std::shared_ptr<SessionState>> sessions;
  std::filesystem::path web_root;

  Impl(ServerOptions o, const Router& r)
      : options(std::move(o)),
        router(r),
        workers(options.worker_threads ? options.worker_threads
                                       : std::max(2u, std::thread::hardware_concurrency())) {
    if (!options.web_root.empty()) {
      std::error_code ec;
      web_root = std::filesystem::weakly_canonical(options.web_root, ec);
    }
  }

  // Runs the handler on the worker pool and resumes on the caller's executor.
  awaitable<Response> Dispatch(const Route* route, Request& req) {
    co_return co_await asio::async_initiate<decltype(use_awaitable), void(Response)>(
        [this, route, &req](auto handler) {
          asio::post(workers, [route, &req, handler = std::move(handler)]() mutable {
            Response res;
            try {
              res = route->handler(req);
            } catch (const std::exception& e) {
              spdlog::error("request {} failed: {}", req.request_id, e.what());
              res = ErrorResponse(core::Error{core::ErrorCode::kInternal, "internal error", {}, {}});
            }
            auto ex = asio::get_associated_executor(handler);
            asio::post(ex, [handler = std::move(handler), res = std::move(res)]() mutable {
              handler(std::move(res));
            });
          });
        },
        use_awaitable);
  }

  // Static files with SPA fallback; nullopt when there is no web root.
  std::optional<bhttp::response<bhttp::file_body>> StaticFile(const Request& req, unsigned version,
                                                              int* status) {
    if (web_root.empty()) return std::nullopt;
    std::string rel = req.path;
    if (rel.find("..") != std::string::npos || rel.find('\0') != std::string::npos) {
      *status = 404;
      return std::nullopt;
    }
    while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
    std::filesystem::path p = web_root / rel;
    std::error_code ec;
    bool is_asset = rel.starts_with("assets/");
    if (rel.empty() || !std::filesystem::is_regular_file(p, ec)) {
      // Client-side routes (no extension) get the app shell; missing files 404.
      if (!std::filesystem::path(rel).extension().empty()) {
        *status = 404;
        return std::nullopt;
      }
      p = web_root / "index.html";
      is_asset = false;
    }
    bhttp::file_body::value_type body;
    beast::error_code bec;
    body.open(p.c_str(), beast::file_mode::scan, bec);
    if (bec) {
      *status = 404;
      return std::nullopt;
    }
    bhttp::response<bhttp::file_body> res{std::piecewise_construct, std::make_tuple(std::move(body)),
                                          std::make_tuple(bhttp::status::ok, version)};
    res.set(bhttp::field::content_type, MimeType(p));
    res.set(bhttp::field::cache_control,
            is_asset ? "public, max-age=31536000, immutable" : "no-cache");
    res.prepare_payload();
    *status = 200;
    return res;
  }

  // A fresh file under the upload folder for a streamed request body.
  std::string UploadPath() const {
    std::filesystem::path dir = options.upload_dir.empty() ? std::filesystem::temp_directory_path()
                                                           : std::filesystem::path(options.upload_dir);
    return (dir / ("upload-" + adapters::NewId())).string();
  }

  static Request ToRequest(const bhttp::request<bhttp::empty_body>& r, const std::string& ip) {
    Request req;
    req.method = std::string(Sv(r.method_string()));
    std::string_view target = Sv(r.target());
    auto q = target.find('?');
    if (!PercentDecode(target.substr(0, q), req.path, false)) req.path = std::string(target.substr(0, q));
    if (q != std::string_view::npos) req.query = ParseQuery(target.substr(q + 1));
    for (const auto& f : r) {
      std::string name(Sv(f.name_string()));
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers[name] = std::string(Sv(f.value()));
    }
    req.remote_ip = ip;
    req.request_id = NextRequestId();
    return req;
  }

  template <typename Body>
  awaitable<void> Write(beast::tcp_stream& stream, bhttp::response<Body>& res, bool keep_alive,
                        beast::error_code& ec) {
    AddSecurityHeaders(res);
    res.keep_alive(keep_alive && !draining.load());
    stream.expires_after(std::chrono::seconds(30));
    co_await bhttp::async_write(stream, res, asio::redirect_error(use_awaitable, ec));
  }

  awaitable<void> WriteError(beast::tcp_stream& stream, int status, const char* code,
                             const std::string& message, unsigned version) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(status), version};
    res.set(bhttp::field::content_type, "application/json");
    res.body() = Json{{"error", {{"code", code}, {"message", message}}}}.dump();
    res.prepare_payload();
    beast::error_code ec;
    co_await Write(stream, res, false, ec);
  }

  awaitable<void> Session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    auto state = std::make_shared<SessionState>();
    state->stream = &stream;
    {
      std::lock_guard lock(sessions_mu);
      sessions.insert(state);
    }
    std::string ip;
    {
      beast::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) ip = ep.address().to_string();
    }
    beast::flat_buffer buffer;
    for (;;) {
      if (draining.load()) break;
      // Headers first: the route decides whether the body is a JSON text kept
      // in memory (body_limit) or an upload streamed to a temporary file.
      bhttp::request_parser<bhttp::empty_body> head_parser;
      head_parser.header_limit(kHeaderLimit);
      // Beast checks Content-Length against the limit when the headers end;
      // the limit depends on the route, so it is checked below instead.
      head_parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      beast::error_code ec;
      state->idle = true;
      stream.expires_after(kIdleTimeout);
      co_await bhttp::async_read_header(stream, buffer, head_parser, asio::redirect_error(use_awaitable, ec));
      state->idle = false;
      Request req;
      std::vector<std::string> allowed;
      const Route* route = nullptr;
      bool is_api = false;
      std::optional<bhttp::request_parser<bhttp::string_body>> text_parser;
      std::optional<bhttp::request_parser<bhttp::file_body>> file_parser;
      std::string upload_path;
      size_t limit = options.body_limit;
      if (!ec) {
        req = ToRequest(head_parser.get(), ip);
        is_api = req.path == "/api" || req.path.starts_with("/api/");
        if (is_api) route = router.Match(req, &allowed);
        if (route && route->upload_limit > 0) limit = route->upload_limit;
        if (auto length = head_parser.content_length(); length && *length > limit) {
          ec = bhttp::error::body_limit;  // answered with 413 below, before reading the body
        } else if (route && route->upload_limit > 0) {
          file_parser.emplace(std::move(head_parser));
          file_parser->body_limit(limit);
          upload_path = UploadPath();
          file_parser->get().body().open(upload_path.c_str(), beast::file_mode::write, ec);
          if (!ec) co_await bhttp::async_read(stream, buffer, *file_parser, asio::redirect_error(use_awaitable, ec));
          file_parser->get().body().close();
          req.body_file = upload_path;
        } else {
          text_parser.emplace(std::move(head_parser));
          text_parser->body_limit(limit);
          co_await bhttp::async_read(stream, buffer, *text_parser, asio::redirect_error(use_awaitable, ec));
          if (!ec) req.body = std::move(text_parser->get().body());
        }
      }
      struct RemoveUpload {
        std::string path;
        ~RemoveUpload() {
          if (path.empty()) return;
          std::error_code e;
          std::filesystem::remove(path, e);
        }
      } remove_upload{upload_path};
      if (ec == bhttp::error::body_limit) {
        co_await WriteError(stream, 413, "payload_too_large",
                            "request body is larger than " + std::to_string(limit) + " bytes", 11);
        break;
      }
      if (ec == bhttp::error::header_limit) {
        co_await WriteError(stream, 431, "invalid_argument", "request headers are too large", 11);
        break;
      }
      if (ec) {
        // A parse error (not a closed or timed-out connection) gets a 400.
        if (&ec.category() == &bhttp::make_error_code(bhttp::error::bad_target).category() &&
            ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
          co_await WriteError(stream, 400, "invalid_argument", "malformed HTTP request", 11);
        }
        break;
      }
      unsigned version = file_parser ? file_parser->get().version() : text_parser->get().version();
      bool keep_alive = file_parser ? file_parser->get().keep_alive() : text_parser->get().keep_alive();
      auto started = std::chrono::steady_clock::now();
      int status = 0;
      if (route) {
        std::optional<Response> quick;
        if (route->fast) quick = route->fast(req);
        Response r;
        if (quick) {
          r = std::move(*quick);
        } else {
          r = co_await Dispatch(route, req);
        }
        bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
        res.set(bhttp::field::content_type, r.content_type);
        for (const auto& [k, v] : r.headers) res.insert(k, v);
        // API answers are private unless the handler chose a caching policy.
        if (res.find(bhttp::field::cache_control) == res.end()) res.set(bhttp::field::cache_control, "no-store");
        res.set("X-Request-Id", req.request_id);
        if (req.method != "HEAD") res.body() = std::move(r.body);
        res.prepare_payload();
        status = r.status;
        co_await Write(stream, res, keep_alive, ec);
      } else if (is_api || (req.method != "GET" && req.method != "HEAD")) {
        Response r;
        if (!allowed.empty()) {
          // 405 has no core::ErrorCode of its own; the body keeps the one error shape.
          r.status = 405;
          r.body = Json{{"error", {{"code", "method_not_allowed"},
                                   {"message", "method " + req.method + " is not allowed here"}}}}
                       .dump(-1, ' ', false, Json::error_handler_t::replace);
        } else {
          r = ErrorResponse(core::Error{core::ErrorCode::kNotFound, "no such endpoint", {}, {}});
        }
        bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
        res.set(bhttp::field::content_type, r.content_type);
        if (!allowed.empty()) {
          std::string allow;
          for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
          res.set(bhttp::field::allow, allow);
        }
        res.set("X-Request-Id", req.request_id);
        res.body() = std::move(r.body);
        res.prepare_payload();
        status = r.status;
        co_await Write(stream, res, keep_alive, ec);
      } else {
        auto file = StaticFile(req, version, &status);
        if (file) {
          if (req.method == "HEAD") {
            bhttp::response<bhttp::empty_body> head{bhttp::status::ok, version};
            head.set(bhttp::field::content_type, (*file)[bhttp::field::content_type]);
            head.set(bhttp::field::cache_control, (*file)[bhttp::field::cache_control]);
            head.content_length(file->body().size());
            co_await Write(stream, head, keep_alive, ec);
          } else {
            co_await Write(stream, *file, keep_alive, ec);
          }
        } else {
          status = 404;
          co_await WriteError(stream, 404, "not_found", "no such page", version);
          ec = asio::error::eof;  // WriteError closes the connection
        }
      }
      auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      spdlog::info("{} {} {} {:.1f}ms id={}", req.method, req.path, status, ms, req.request_id);
      if (ec || !keep_alive || draining.load()) break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    std::lock_guard lock(sessions_mu);
    sessions.erase(state);
  }

  awaitable<void> Accept() {
    for (;;) {
      beast::error_code ec;
      auto socket = co_await acceptor.async_accept(asio::make_strand(ioc),
                                                   asio::redirect_error(use_awaitable, ec));
      if (ec) {
        if (!acceptor.is_open()) co_return;
        continue;
      }
      auto ex = socket.get_executor();
      asio::co_spawn(ex, Session(std::move(socket)), asio::detached);
    }
  }

  void BeginDrain() {
    if (draining.exchange(true)) return;
    spdlog::info("shutting down: finishing in-flight requests");
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    std::lock_guard lock(sessions_mu);
    for (const auto& s : sessions) {
      auto ex = s->stream->get_executor();
      asio::post(ex, [s] {
        if (s->idle) s->stream->cancel();
      });
    }
  }
};

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() {
  impl_->workers.join();
}

core::Status Server::Listen() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) {
    return core::InvalidArgument("host", "HOST " + impl_->options.host + " is not an IP address");
  }
  tcp::endpoint ep{address, impl_->options.port};
  auto& a = impl_->acceptor;
  a.open(ep.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(ep, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    std::string why = ec == asio::error::address_in_use
                          ? "port " + std::to_string(impl_->options.port) +
                                " is already in use on " + impl_->options.host +
                                " (stop the other program or set PORT=…)"
                          : "cannot listen on " + impl_->options.host + ":" +
                                std::to_string(impl_->options.port) + ": " + ec.message();
    return std::unexpected(core::Error{core::ErrorCode::kFailedPrecondition, why, "port", {}});
  }
  return {};
}

uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::Stop() {
  asio::post(impl_->ioc, [this] { impl_->BeginDrain(); });
}

void Server::Run() {
  auto& im = *impl_;
  im.signals.async_wait([&im](const beast::error_code& ec, int) {
    if (!ec) im.BeginDrain();
  });
  asio::co_spawn(im.ioc, im.Accept(), asio::detached);
  unsigned n = im.options.io_threads ? im.options.io_threads
                                     : std::max(1u, std::thread::hardware_concurrency());
  std::atomic<bool> finished{false};
  std::thread watchdog([&] {
    // After a stop was requested, give in-flight requests 10 s at most.
    while (!finished.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (im.draining.load()) {
        for (int i = 0; i < 100 && !finished.load(); ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        if (!finished.load()) im.ioc.stop();
        return;
      }
    }
  });
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < n; ++i) threads.emplace_back([&im] { im.ioc.run(); });
  im.ioc.run();
  for (auto& t : threads) t.join();
  finished = true;
  watchdog.join();
  spdlog::info("stopped");
}

}  // namespace clerkship::http
