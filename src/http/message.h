// HTTP request and response as plain values, independent of Beast, so
// handlers and the router compile and test without the network code.
#pragma once

#include <map>
#include <memory>

#include "services/context.h"
#include <string>
#include <utility>
#include <vector>

namespace clerkship::http {

struct Request {
  std::string method;                         // "GET", "POST", …
  std::string path;                           // percent-decoded, without the query
  std::map<std::string, std::string> query;   // decoded; last value wins
  std::map<std::string, std::string> headers; // lower-case names
  std::map<std::string, std::string> params;  // from the route pattern
  std::string body;
  // Upload routes only: the body streamed to this temporary file (the server
  // deletes it after the handler; a handler may move it away first).
  std::string body_file;
  std::string request_id;
  std::string remote_ip;
  // Filled by the guard: who is calling (anonymous when no valid session).
  services::Actor actor;

  // Header value or "" (name in lower case).
  std::string Header(const std::string& name) const;
  // Cookie value or "".
  std::string Cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // When set, the body instead of `body`, shared and never copied (cached pages).
  std::shared_ptr<const std::string> shared_body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Splits "a=1&b=%20x" into a decoded map. Invalid escapes are kept literally.
std::map<std::string, std::string> ParseQuery(std::string_view query);
// Decodes %XX and '+' (in queries only). Returns false on a malformed escape.
bool PercentDecode(std::string_view in, std::string& out, bool plus_is_space);

}  // namespace clerkship::http
