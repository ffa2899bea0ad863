#include "adapters/mailer.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace clerkship::adapters {
namespace {

std::string Base64(const std::string& in) {
  std::string out(sodium_base64_encoded_len(in.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(in.data()),
                    in.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  std::string wrapped;
  for (size_t i = 0; i < out.size(); i += 76) wrapped += out.substr(i, 76) + "\r\n";
  return wrapped;
}

// RFC 2047 encoded-word for non-ASCII header text.
std::string EncodeHeader(const std::string& text) {
  bool ascii = std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F;
  });
  if (ascii) return text;
  std::string b = Base64(text);
  b.erase(std::remove(b.begin(), b.end(), '\r'), b.end());
  b.erase(std::remove(b.begin(), b.end(), '\n'), b.end());
  return "=?UTF-8?B?" + b + "?=";
}

std::string NowRfc2822() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

bool HasLineBreak(const std::string& s) { return s.find_first_of("\r\n") != std::string::npos; }

class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpConfig c) : config_(std::move(c)) {}

  core::Status Send(const Email& e) override {
    if (HasLineBreak(e.to) || HasLineBreak(e.from) || HasLineBreak(e.subject)) {
      return core::InvalidArgument("to", "header injection refused");
    }
    std::string payload = RenderMime(e, NowRfc2822());
    CURL* curl = curl_easy_init();
    if (!curl) return core::Internal("curl_easy_init failed");
    struct Reader {
      const std::string* data;
      size_t pos = 0;
    } reader{&payload};
    auto read_cb = +[](char* buf, size_t size, size_t n, void* userp) -> size_t {
      auto* r = static_cast<Reader*>(userp);
      size_t len = std::min(size * n, r->data->size() - r->pos);
      std::memcpy(buf, r->data->data() + r->pos, len);
      r->pos += len;
      return len;
    };
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + e.to + ">").c_str());
    std::string from = "<" + e.from + ">";
    curl_easy_setopt(curl, CURLOPT_URL, config_.url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt(curl, CURLOPT_READDATA, &reader);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (!config_.user.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, config_.user.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
    }
    if (config_.require_tls) curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) return core::Internal(std::string("smtp: ") + curl_easy_strerror(rc));
    return {};
  }

 private:
  SmtpConfig config_;
};

class FolderMailer final : public Mailer {
 public:
  explicit FolderMailer(std::string dir) : dir_(std::move(dir)) {}

  core::Status Send(const Email& e) override {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    auto name = e.message_id;
    std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    auto path = std::filesystem::path(dir_) / (name + ".eml");
    std::ofstream out(path, std::ios::binary);
    out << "X-Envelope-To: " << e.to << "\r\n" << RenderMime(e, NowRfc2822());
    if (!out) return core::Internal("cannot write " + path.string());
    return {};
  }

 private:
  std::string dir_;
};

}  // namespace

std::string RenderMime(const Email& e, const std::string& date) {
  const std::string boundary = "clerkship-" + e.message_id;
  std::string m;
  m += "Date: " + date + "\r\n";
  m += "From: Clerkship <" + e.from + ">\r\n";
  m += "To: <" + e.to + ">\r\n";
  m += "Message-ID: <" + e.message_id + "@clerkship>\r\n";
  m += "Subject: " + EncodeHeader(e.subject) + "\r\n";
  m += "MIME-Version: 1.0\r\n";
  const std::string mixed = "clerkship-mixed-" + e.message_id;
  if (!e.attachment.empty()) {
    m += "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n\r\n";
    m += "--" + mixed + "\r\n";
  }
  m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  m += "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
       "Content-Transfer-Encoding: base64\r\n\r\n" + Base64(e.text);
  m += "--" + boundary + "\r\nContent-Type: text/html; charset=utf-8\r\n"
       "Content-Transfer-Encoding: base64\r\n\r\n" + Base64(e.html);
  m += "--" + boundary + "--\r\n";
  if (!e.attachment.empty()) {
    std::string name = e.attachment_name;
    std::replace_if(name.begin(), name.end(), [](char c) { return c == '"' || c == '\r' || c == '\n' || c == '\\'; }, '_');
    std::string type = e.attachment_type.empty() ? "application/octet-stream" : e.attachment_type;
    if (HasLineBreak(type)) type = "application/octet-stream";
    m += "--" + mixed + "\r\nContent-Type: " + type + "; charset=utf-8; name=\"" + name +
         "\"\r\nContent-Disposition: attachment; filename=\"" + name +
         "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64(e.attachment);
    m += "--" + mixed + "--\r\n";
  }
  return m;
}

std::unique_ptr<Mailer> MakeSmtpMailer(SmtpConfig config) {
  return std::make_unique<SmtpMailer>(std::move(config));
}

std::unique_ptr<Mailer> MakeFolderMailer(std::string dir) {
  return std::make_unique<FolderMailer>(std::move(dir));
}

}  // namespace clerkship::adapters
