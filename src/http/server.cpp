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

// Sent on every response: (name, value) pairs, and the same as header lines.
constexpr std::pair<const char*, const char*> kSecurityHeaders[] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
     "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
     "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "strict-origin-when-cross-origin"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
};

const std::string& SecurityHeaderLines() {
  static const std::string lines = [] {
    std::string s;
    for (const auto& [k, v] : kSecurityHeaders) s += std::string(k) + ": " + v + "\r\n";
    return s;
  }();
  return lines;
}

template <typename Body>
void AddSecurityHeaders(bhttp::response<Body>& res) {
  for (const auto& [k, v] : kSecurityHeaders) res.set(k, v);
}

// A header line; CR and LF in the value become spaces (no header injection).
void AppendHeader(std::string& out, std::string_view name, std::string_view value) {
  out.append(name);
  out.append(": ");
  for (char c : value) out.push_back(c == '\r' || c == '\n' ? ' ' : c);
  out.append("\r\n");
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
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

// One connection. Each connection lives on one single-threaded io_context,
// so `socket`, `idle` and `closed` are only touched from that context (other
// threads post to `executor`). Timeouts are a deadline the sweeper checks
// (no timer operation per request).
struct SessionState {
  tcp::socket* socket = nullptr;
  asio::any_io_executor executor;
  bool idle = false;
  bool closed = false;  // set before the socket is destroyed
  std::atomic<int64_t> deadline_ms{0};  // steady-clock ms; 0 = none
  std::string head;  // the response head being written (reused)
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  const Router& router;
  // One single-threaded io_context per network thread (like one event loop
  // per nginx worker): connections are spread over them round robin and never
  // need a strand. contexts[0] also runs the acceptor, signals and sweeper.
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  size_t next_context = 0;
  tcp::acceptor acceptor;
  asio::thread_pool workers;
  asio::signal_set signals;
  asio::steady_timer sweeper;
  std::atomic<bool> draining{false};
  std::mutex sessions_mu;
  std::unordered_set<std::shared_ptr<SessionState>> sessions;
  std::filesystem::path web_root;

  Impl(ServerOptions o, const Router& r)
      : options(std::move(o)),
        router(r),
        contexts(MakeContexts(options.io_threads)),
        acceptor(*contexts[0]),
        workers(options.worker_threads ? options.worker_threads
                                       : std::max(2u, std::thread::hardware_concurrency())),
        signals(*contexts[0], SIGINT, SIGTERM),
        sweeper(*contexts[0]) {
    for (auto& c : contexts) keep_running.push_back(asio::make_work_guard(*c));
    if (!options.web_root.empty()) {
      std::error_code ec;
      web_root = std::filesystem::weakly_canonical(options.web_root, ec);
    }
  }

  static std::vector<std::unique_ptr<asio::io_context>> MakeContexts(unsigned wanted) {
    unsigned n = wanted ? wanted : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::unique_ptr<asio::io_context>> v;
    for (unsigned i = 0; i < n; ++i) v.push_back(std::make_unique<asio::io_context>(1));
    return v;
  }

  // Closes connections whose deadline passed (idle keep-alive, stalled reads
  // and writes); runs every 250 ms on contexts[0].
  void Sweep() {
    sweeper.expires_after(std::chrono::milliseconds(250));
    sweeper.async_wait([this](const beast::error_code& ec) {
      if (ec) return;
      auto now = NowMs();
      bool any = false;
      {
        std::lock_guard lock(sessions_mu);
        any = !sessions.empty();
        for (const auto& s : sessions) {
          auto d = s->deadline_ms.load(std::memory_order_relaxed);
          if (d == 0 || d > now) continue;
          asio::post(s->executor, [s] {
            if (s->closed) return;
            beast::error_code ignored;
            s->socket->close(ignored);
          });
        }
      }
      if (!draining.load() || any) Sweep();
    });
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
  awaitable<void> Write(SessionState& st, bhttp::response<Body>& res, bool keep_alive,
                        beast::error_code& ec) {
    AddSecurityHeaders(res);
    res.keep_alive(keep_alive && !draining.load());
    st.deadline_ms = NowMs() + 30000;
    co_await bhttp::async_write(*st.socket, res, asio::redirect_error(use_awaitable, ec));
    st.deadline_ms = 0;
  }

  // Writes a route's answer: the head is serialised by hand into a reused
  // buffer and sent with the body in one gather write (no per-field
  // allocation, no copy of a cached body).
  awaitable<void> WriteResponse(SessionState& st, const Response& r, unsigned version, bool keep_alive,
                                bool head_only, const std::string& request_id, beast::error_code& ec) {
    keep_alive = keep_alive && !draining.load();
    std::string& h = st.head;
    h.clear();
    h += version >= 11 ? "HTTP/1.1 " : "HTTP/1.0 ";
    h += std::to_string(r.status);
    h += ' ';
    h += Sv(bhttp::obsolete_reason(static_cast<bhttp::status>(r.status)));
    h += "\r\n";
    AppendHeader(h, "Content-Type", r.content_type);
    bool has_cache_control = false;
    for (const auto& [k, v] : r.headers) {
      has_cache_control = has_cache_control || beast::iequals(k, "cache-control");
      AppendHeader(h, k, v);
    }
    // API answers are private unless the handler chose a caching policy.
    if (!has_cache_control) h += "Cache-Control: no-store\r\n";
    AppendHeader(h, "X-Request-Id", request_id);
    h += SecurityHeaderLines();
    const std::string& body = r.shared_body ? *r.shared_body : r.body;
    bool bodiless = r.status == 304 || r.status == 204 || r.status < 200;
    if (!bodiless) {
      h += "Content-Length: ";
      h += std::to_string(body.size());
      h += "\r\n";
    }
    if (version >= 11 && !keep_alive) h += "Connection: close\r\n";
    if (version < 11 && keep_alive) h += "Connection: keep-alive\r\n";
    h += "\r\n";
    std::array<asio::const_buffer, 2> buffers{
        asio::buffer(h), (head_only || bodiless) ? asio::const_buffer() : asio::buffer(body)};
    st.deadline_ms = NowMs() + 30000;
    co_await asio::async_write(*st.socket, buffers, asio::redirect_error(use_awaitable, ec));
    st.deadline_ms = 0;
  }

  awaitable<void> WriteError(SessionState& st, int status, const char* code,
                             const std::string& message, unsigned version) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(status), version};
    res.set(bhttp::field::content_type, "application/json");
    res.body() = Json{{"error", {{"code", code}, {"message", message}}}}.dump();
    res.prepare_payload();
    beast::error_code ec;
    co_await Write(st, res, false, ec);
  }

  awaitable<void> Session(tcp::socket socket) {
    auto state = std::make_shared<SessionState>();
    state->socket = &socket;
    state->executor = socket.get_executor();
    {
      std::lock_guard lock(sessions_mu);
      sessions.insert(state);
    }
    const int64_t idle_ms = static_cast<int64_t>(options.idle_timeout_ms);
    std::string ip;
    {
      beast::error_code ec;
      auto ep = socket.remote_endpoint(ec);
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
      state->deadline_ms = NowMs() + idle_ms;
      co_await bhttp::async_read_header(socket, buffer, head_parser, asio::redirect_error(use_awaitable, ec));
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
          state->deadline_ms = NowMs() + idle_ms;
          if (!ec) co_await bhttp::async_read(socket, buffer, *file_parser, asio::redirect_error(use_awaitable, ec));
          file_parser->get().body().close();
          req.body_file = upload_path;
        } else {
          text_parser.emplace(std::move(head_parser));
          text_parser->body_limit(limit);
          co_await bhttp::async_read(socket, buffer, *text_parser, asio::redirect_error(use_awaitable, ec));
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
      state->deadline_ms = 0;  // no deadline while the handler works
      if (ec == bhttp::error::body_limit) {
        co_await WriteError(*state, 413, "payload_too_large",
                            "request body is larger than " + std::to_string(limit) + " bytes", 11);
        break;
      }
      if (ec == bhttp::error::header_limit) {
        co_await WriteError(*state, 431, "invalid_argument", "request headers are too large", 11);
        break;
      }
      if (ec) {
        // A parse error (not a closed or timed-out connection) gets a 400.
        if (&ec.category() == &bhttp::make_error_code(bhttp::error::bad_target).category() &&
            ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
          co_await WriteError(*state, 400, "invalid_argument", "malformed HTTP request", 11);
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
        status = r.status;
        co_await WriteResponse(*state, r, version, keep_alive, req.method == "HEAD", req.request_id, ec);
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
        if (!allowed.empty()) {
          std::string allow;
          for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
          r.headers.emplace_back("Allow", allow);
        }
        status = r.status;
        co_await WriteResponse(*state, r, version, keep_alive, false, req.request_id, ec);
      } else {
        auto file = StaticFile(req, version, &status);
        if (file) {
          if (req.method == "HEAD") {
            bhttp::response<bhttp::empty_body> head{bhttp::status::ok, version};
            head.set(bhttp::field::content_type, (*file)[bhttp::field::content_type]);
            head.set(bhttp::field::cache_control, (*file)[bhttp::field::cache_control]);
            head.content_length(file->body().size());
            co_await Write(*state, head, keep_alive, ec);
          } else {
            co_await Write(*state, *file, keep_alive, ec);
          }
        } else {
          status = 404;
          co_await WriteError(*state, 404, "not_found", "no such page", version);
          ec = asio::error::eof;  // WriteError closes the connection
        }
      }
      auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      spdlog::info("{} {} {} {:.1f}ms id={}", req.method, req.path, status, ms, req.request_id);
      if (ec || !keep_alive || draining.load()) break;
    }
    beast::error_code ignored;
    socket.shutdown(tcp::socket::shutdown_send, ignored);
    state->closed = true;
    std::lock_guard lock(sessions_mu);
    sessions.erase(state);
  }

  awaitable<void> Accept() {
    for (;;) {
      beast::error_code ec;
      auto& context = *contexts[next_context++ % contexts.size()];
      auto socket = co_await acceptor.async_accept(context, asio::redirect_error(use_awaitable, ec));
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
      asio::post(s->executor, [s] {
        beast::error_code ignored;
        if (!s->closed && s->idle) s->socket->cancel(ignored);
      });
    }
    // The other loops end once their connections are done.
    for (auto& guard : keep_running) guard.reset();
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
  asio::post(*impl_->contexts[0], [this] { impl_->BeginDrain(); });
}

void Server::Run() {
  auto& im = *impl_;
  im.signals.async_wait([&im](const beast::error_code& ec, int) {
    if (!ec) im.BeginDrain();
  });
  asio::co_spawn(*im.contexts[0], im.Accept(), asio::detached);
  im.Sweep();
  std::atomic<bool> finished{false};
  std::thread watchdog([&] {
    // After a stop was requested, give in-flight requests 10 s at most.
    while (!finished.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (im.draining.load()) {
        for (int i = 0; i < 100 && !finished.load(); ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        if (!finished.load()) {
          for (auto& c : im.contexts) c->stop();
        }
        return;
      }
    }
  });
  std::vector<std::thread> threads;
  for (size_t i = 1; i < im.contexts.size(); ++i) {
    threads.emplace_back([&im, i] { im.contexts[i]->run(); });
  }
  im.contexts[0]->run();
  for (auto& t : threads) t.join();
  finished = true;
  watchdog.join();
  spdlog::info("stopped");
}

}  // namespace clerkship::http
