// Result<T>: a value or a typed Error. Every operation that can fail for a
// reason a user can cause returns one. Plain value types; thread-compatible.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace clerkship::core {

enum class ErrorCode {
  kInvalidArgument,     // 400: the input is wrong; `field` names it
  kUnauthenticated,     // 401
  kForbidden,           // 403
  kNotFound,            // 404
  kConflict,            // 409: state does not allow it (now)
  kFailedPrecondition,  // 409/422-like: a rule blocks it
  kPayloadTooLarge,     // 413
  kTooManyRequests,     // 429
  kInternal,            // 500: never the user's fault; detail is logged, not shown
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // safe to show to the client
  std::string field;    // the input field at fault, if any
  std::string detail;   // for the log only
};

template <typename T>
using Result = std::expected<T, Error>;

// An operation with no value on success.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> InvalidArgument(std::string field, std::string message) {
  return std::unexpected(Error{ErrorCode::kInvalidArgument, std::move(message), std::move(field), {}});
}
inline std::unexpected<Error> NotFound(std::string message) {
  return std::unexpected(Error{ErrorCode::kNotFound, std::move(message), {}, {}});
}
inline std::unexpected<Error> Conflict(std::string message) {
  return std::unexpected(Error{ErrorCode::kConflict, std::move(message), {}, {}});
}
inline std::unexpected<Error> Forbidden(std::string message = "not allowed") {
  return std::unexpected(Error{ErrorCode::kForbidden, std::move(message), {}, {}});
}
inline std::unexpected<Error> Unauthenticated(std::string message = "log in first") {
  return std::unexpected(Error{ErrorCode::kUnauthenticated, std::move(message), {}, {}});
}
inline std::unexpected<Error> Internal(std::string detail) {
  return std::unexpected(Error{ErrorCode::kInternal, "internal error", {}, std::move(detail)});
}

// Stable wire name of a code ("invalid_argument", …).
const char* ErrorCodeName(ErrorCode code);

}  // namespace clerkship::core
