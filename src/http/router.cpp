#include "http/router.h"

#include <map>

namespace clerkship::http {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  return out;
}

bool PatternMatches(std::string_view pattern, std::string_view path,
                    std::map<std::string, std::string>* params) {
  auto ps = Segments(pattern);
  auto xs = Segments(path);
  if (ps.size() != xs.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < ps.size(); ++i) {
    if (ps[i].size() > 2 && ps[i].front() == '{' && ps[i].back() == '}') {
      found[std::string(ps[i].substr(1, ps[i].size() - 2))] = std::string(xs[i]);
    } else if (ps[i] != xs[i]) {
      return false;
    }
  }
  if (params) *params = std::move(found);
  return true;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Access access, Handler handler, size_t upload_limit) {
  routes_.push_back(Route{std::move(method), std::move(pattern), access, std::move(handler), upload_limit});
}

const Route* Router::Match(Request& req, std::vector<std::string>* allowed) const {
  if (allowed) allowed->clear();
  for (const auto& r : routes_) {
    std::map<std::string, std::string> params;
    if (!PatternMatches(r.pattern, req.path, &params)) continue;
    bool method_ok = r.method == req.method || (req.method == "HEAD" && r.method == "GET");
    if (method_ok) {
      req.params = std::move(params);
      return &r;
    }
    if (allowed) allowed->push_back(r.method);
  }
  return nullptr;
}

}  // namespace clerkship::http
