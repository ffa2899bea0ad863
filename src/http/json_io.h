// JSON request parsing with field-level errors, and the one mapping from
// core::Error to an HTTP response. Thread-safe (pure functions).
#pragma once

#include <nlohmann/json.hpp>
#include <initializer_list>
#include <string>

#include "core/result.h"
#include "http/message.h"

namespace clerkship::http {

using Json = nlohmann::json;

// Parses a JSON object body whose members the caller checks itself (nested
// documents). Errors as ParseObject's, without the member check.
core::Result<Json> ParseJsonObject(const std::string& body);

// Parses a JSON object body. Errors: empty body, malformed JSON, invalid
// UTF-8, or a non-object top level — each kInvalidArgument with field "body".
// Rejects members not in `allowed` (naming the first unknown one).
core::Result<Json> ParseObject(const std::string& body, std::initializer_list<const char*> allowed);

// A string member. Missing → "" (or an error when required); wrong type → an
// error naming the field.
core::Result<std::string> StringField(const Json& obj, const char* name, bool required);

// HTTP status for an error code (the only such mapping).
int StatusFor(core::ErrorCode code);

// {"error":{"code","message","field"?}} with the mapped status.
Response ErrorResponse(const core::Error& error);

// 200/201 with a JSON body.
Response JsonResponse(const Json& body, int status = 200);

}  // namespace clerkship::http
