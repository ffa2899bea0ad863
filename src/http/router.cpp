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

// Matches pre-split pattern segments against the path's; fills params only
// on a match.
bool SegmentsMatch(const std::vector<std::string>& pattern, const std::vector<std::string_view>& path,
                   std::map<std::string, std::string>* params) {
  if (pattern.size() != path.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const std::string& p = pattern[i];
    bool is_param = p.size() > 2 && p.front() == '{' && p.back() == '}';
    if (!is_param && p != path[i]) return false;
  }
  if (params) {
    params->clear();
    for (size_t i = 0; i < pattern.size(); ++i) {
      const std::string& p = pattern[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') (*params)[p.substr(1, p.size() - 2)] = std::string(path[i]);
    }
  }
  return true;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Access access, Handler handler, size_t upload_limit) {
  Route r{std::move(method), std::move(pattern), access, std::move(handler), upload_limit};
  for (auto seg : Segments(r.pattern)) r.segments.emplace_back(seg);
  routes_.push_back(std::move(r));
}

const Route* Router::Match(Request& req, std::vector<std::string>* allowed) const {
  if (allowed) allowed->clear();
  auto path = Segments(req.path);
  for (const auto& r : routes_) {
    if (!SegmentsMatch(r.segments, path, nullptr)) continue;
    bool method_ok = r.method == req.method || (req.method == "HEAD" && r.method == "GET");
    if (method_ok) {
      SegmentsMatch(r.segments, path, &req.params);
      return &r;
    }
    if (allowed) allowed->push_back(r.method);
  }
  return nullptr;
}

}  // namespace clerkship::http
