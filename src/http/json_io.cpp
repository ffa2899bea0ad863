#include "http/json_io.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string_view>

namespace clerkship::http {

core::Result<Json> ParseJsonObject(const std::string& body) {
  if (body.empty()) return core::InvalidArgument("body", "request body must be a JSON object");
  Json j;
  try {
    j = Json::parse(body);
  } catch (const Json::parse_error& e) {
    std::string why = std::string_view(e.what()).find("UTF-8") != std::string_view::npos
                      ? "request body is not valid UTF-8"
                      : "request body is not valid JSON";
    return core::InvalidArgument("body", why + " (at byte " + std::to_string(e.byte) + ")");
  } catch (const std::exception&) {
    return core::InvalidArgument("body", "request body is not valid JSON");
  }
  if (!j.is_object()) return core::InvalidArgument("body", "request body must be a JSON object");
  return j;
}

core::Result<Json> ParseObject(const std::string& body,
                               std::initializer_list<const char*> allowed) {
  auto parsed = ParseJsonObject(body);
  if (!parsed) return parsed;
  const Json& j = *parsed;
  for (const auto& [key, _] : j.items()) {
    bool known = std::any_of(allowed.begin(), allowed.end(),
                             [&](const char* a) { return key == a; });
    if (!known) {
      std::string shown = key.size() > 60 ? key.substr(0, 60) + "…" : key;
      return core::InvalidArgument(shown, "unknown field " + shown);
    }
  }
  return j;
}

core::Result<std::string> StringField(const Json& obj, const char* name, bool required) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) {
    if (required) return core::InvalidArgument(name, std::string(name) + " is required");
    return std::string();
  }
  if (!it->is_string()) return core::InvalidArgument(name, std::string(name) + " must be a string");
  return it->get<std::string>();
}

int StatusFor(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidArgument: return 400;
    case core::ErrorCode::kUnauthenticated: return 401;
    case core::ErrorCode::kForbidden: return 403;
    case core::ErrorCode::kNotFound: return 404;
    case core::ErrorCode::kConflict: return 409;
    case core::ErrorCode::kFailedPrecondition: return 409;
    case core::ErrorCode::kPayloadTooLarge: return 413;
    case core::ErrorCode::kTooManyRequests: return 429;
    case core::ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response ErrorResponse(const core::Error& error) {
  if (error.code == core::ErrorCode::kInternal) spdlog::error("internal error: {}", error.detail);
  Json e = {{"code", core::ErrorCodeName(error.code)}, {"message", error.message}};
  if (!error.field.empty()) e["field"] = error.field;
  Response r;
  r.status = StatusFor(error.code);
  r.body = Json{{"error", e}}.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

Response JsonResponse(const Json& body, int status) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

}  // namespace clerkship::http
