// Sends one e-mail: over SMTP (libcurl) or into a folder of .eml files.
// Implementations are thread-compatible; the outbox worker uses one at a time.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"

namespace clerkship::adapters {

struct Email {
  std::string message_id;  // stable per outbox row: a retry carries the same id
  std::string from;
  std::string to;
  std::string subject;
  std::string text;
  std::string html;
  // One optional attachment; with it the message is multipart/mixed.
  std::string attachment_name;
  std::string attachment_type;  // e.g. "text/calendar; method=REQUEST"
  std::string attachment;
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // OK when the message was handed over; an error with the reason otherwise.
  virtual core::Status Send(const Email& email) = 0;
};

struct SmtpConfig {
  std::string url;  // smtp://host:port or smtps://host:port
  std::string user;
  std::string password;
  bool require_tls = false;  // STARTTLS required on smtp://
};

std::unique_ptr<Mailer> MakeSmtpMailer(SmtpConfig config);
// Writes <dir>/<message id>.eml (for `make run` and inspection).
std::unique_ptr<Mailer> MakeFolderMailer(std::string dir);

// The RFC 5322 text (multipart/alternative, UTF-8, quoted-printable-free
// base64 bodies; inside multipart/mixed with the attachment when there is
// one) that both mailers send or store.
std::string RenderMime(const Email& email, const std::string& date_rfc2822);

}  // namespace clerkship::adapters
