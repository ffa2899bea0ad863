// clerkship: the one binary. serve | migrate | demo | match | version.
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>
#include <unistd.h>

#include "adapters/random.h"
#include "adapters/system_clock.h"
#ifdef CLERKSHIP_HAVE_MATCH
#include "cli/match_command.h"
#endif
#include "http/api.h"
#include "http/server.h"
#include "adapters/crypto.h"
#include "adapters/file_store.h"
#include "adapters/mailer.h"
#include "services/accounts.h"
#include "services/demo.h"
#include "services/applications_rest.h"
#include "services/jobs.h"
#include "services/offers.h"
#include "services/onboarding.h"
#include "services/interviews.h"
#include "services/letters.h"
#include "services/vault.h"
#include "services/mail_worker.h"
#include "services/match_day.h"
#include "services/scramble.h"
#include "services/match_rounds.h"
#include "services/saved_searches.h"
#include "store/database.h"

#ifndef CLERKSHIP_VERSION
#define CLERKSHIP_VERSION "0.0.0"
#endif

namespace clerkship::cli {
namespace {

std::string EnvOr(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

int Fail(const core::Error& e) {
  std::cerr << "clerkship: " << e.message;
  if (!e.detail.empty()) std::cerr << " (" << e.detail << ")";
  std::cerr << "\n";
  return 1;
}

std::unique_ptr<store::Database> OpenOrExit(const std::string& url, size_t pool) {
  auto db = store::Database::Open(url, pool);
  if (!db) {
    Fail(db.error());
    std::exit(1);
  }
  return std::move(*db);
}

int Migrate(const std::string& url) {
  auto db = OpenOrExit(url, 1);
  auto applied = db->Migrate();
  if (!applied) return Fail(applied.error());
  if (applied->empty()) {
    std::cout << "database is up to date (" << db->BackendName() << ")\n";
  } else {
    for (const auto& m : *applied) std::cout << "applied " << m << "\n";
  }
  return 0;
}

int Demo(const std::string& url, const std::string& scale) {
  auto db = OpenOrExit(url, 1);
  auto pending = db->PendingMigrations();
  if (!pending) return Fail(pending.error());
  if (!pending->empty()) {
    std::cerr << "clerkship: the database is not migrated; run `clerkship migrate` first\n";
    return 1;
  }
  adapters::SystemClock clock;
  services::Context ctx{*db, clock};
  if (scale == "national") {
    auto started = std::chrono::steady_clock::now();
    auto counts = services::LoadNationalDemo(ctx);
    if (!counts) return Fail(counts.error());
    std::cout << "loaded national demo data: " << counts->institutions << " institutions, " << counts->offerings
              << " offerings, " << counts->blocks << " blocks, " << counts->applicants << " applicants in "
              << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count()
              << " s\n";
    return 0;
  }
  auto n = services::LoadDemoIfEmpty(ctx);
  if (!n) return Fail(n.error());
  std::cout << (*n ? "loaded demo data: " + std::to_string(*n) + " institutions and demo accounts\n"
                   : std::string("database already has data; demo data not loaded\n"));
  return 0;
}

// `clerkship match-round run ID` / `publish ID`: the same use cases as the
// admin's buttons, audited as the system. Prints the stats as JSON.
int MatchRound(const std::string& url, const std::string& action, const std::string& round_id) {
  auto db = OpenOrExit(url, 1);
  adapters::SystemClock clock;
  services::Context ctx{*db, clock};
  services::Actor system;
  system.principal.is_admin = true;
  if (action == "run") {
    auto s = services::RunMatchRound(ctx, system, round_id);
    if (!s) return Fail(s.error());
    std::cout << s->round.stats << "\n"
              << (s->stable ? "stable: no blocking pair\n" : "UNSTABLE: see the round's blocking pairs\n");
    return 0;
  }
  auto s = services::PublishMatchRound(ctx, system, round_id);
  if (!s) return Fail(s.error());
  std::cout << "published: " << s->placed << " placed, " << s->not_matched << " not matched, " << s->lapsed
            << " lapsed\n";
  return 0;
}

struct MailOptions {
  std::string smtp_url;       // "" = write .eml files to mail_dir
  std::string mail_dir = "var/mail";
  std::string from = "noreply@clerkship.example";
  std::string public_url;     // "" = http://HOST:PORT
  bool secure_cookies = false;
};

struct VaultOptions {
  std::string dir = "var/vault";  // encrypted files (blobs/), temporary files (tmp/, incoming/)
  std::string key_file;           // 64 hex characters; default: <dir>.key, created on first start
  uint64_t max_upload = 10 * 1024 * 1024;
};

// The vault key: CLERKSHIP_VAULT_KEY, else the key file (created with a fresh
// key, mode 0600, when it does not exist yet).
core::Result<adapters::VaultKey> LoadVaultKey(const VaultOptions& v) {
  if (auto env = EnvOr("CLERKSHIP_VAULT_KEY", ""); !env.empty()) return adapters::ParseVaultKey(env);
  std::filesystem::path file = v.key_file.empty() ? std::filesystem::path(v.dir + ".key") : std::filesystem::path(v.key_file);
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    std::string hex = adapters::GenerateVaultKeyHex();
    {
      std::ofstream out(file, std::ios::trunc);
      out << hex << "\n";
      if (!out) return core::InvalidArgument("vault-key-file", "cannot write the vault key file " + file.string());
    }
    std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace, ec);
    spdlog::warn("created a new vault key in {}; back it up: without it the stored documents cannot be read",
                 file.string());
  }
  std::ifstream in(file);
  std::string hex;
  in >> hex;
  auto key = adapters::ParseVaultKey(hex);
  if (!key) return core::InvalidArgument("vault-key-file", "the vault key file " + file.string() + " does not hold 64 hex characters");
  return key;
}

int Admin(const std::string& url, const std::string& email, const std::string& name) {
  auto db = OpenOrExit(url, 1);
  const char* password = std::getenv("CLERKSHIP_ADMIN_PASSWORD");
  if (!password || !*password) {
    std::cerr << "clerkship: set CLERKSHIP_ADMIN_PASSWORD to the new admin's password\n";
    return 1;
  }
  adapters::SystemClock clock;
  services::Context ctx{*db, clock};
  auto id = services::EnsureAdmin(ctx, email, password, name);
  if (!id) return Fail(id.error());
  std::cout << "admin " << email << " ready\n";
  return 0;
}

// One log line per request: written to stdout without a flush per line (a
// system call each, under a lock shared by the network threads); flushed every
// second, and at once for warnings and errors.
class BufferedStdoutSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t line;
    formatter_->format(msg, line);
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  void flush_() override { std::fflush(stdout); }
};

void UseBufferedLog() {
  auto logger = std::make_shared<spdlog::logger>("clerkship", std::make_shared<BufferedStdoutSink>());
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(1));
}

int Serve(const std::string& url, http::ServerOptions options, const MailOptions& mail, const VaultOptions& vault) {
  UseBufferedLog();
  unsigned cores = std::max(2u, std::thread::hardware_concurrency());
  auto db = OpenOrExit(url, cores);
  auto pending = db->PendingMigrations();
  if (!pending) return Fail(pending.error());
  if (!pending->empty()) {
    std::cerr << "clerkship: the database has " << pending->size()
              << " unapplied migration(s), starting with " << pending->front()
              << ". Run `clerkship migrate --db " << (url.starts_with("sqlite:") ? url : "<url>")
              << "` first.\n";
    return 1;
  }
  adapters::SystemClock clock;
  services::Context ctx{*db, clock};
  ctx.public_url = mail.public_url.empty()
                       ? "http://" + options.host + ":" + std::to_string(options.port)
                       : mail.public_url;
  while (ctx.public_url.ends_with("/")) ctx.public_url.pop_back();
  auto key = LoadVaultKey(vault);
  if (!key) return Fail(key.error());
  ctx.files = std::make_shared<adapters::FileStore>(vault.dir, *key);
  ctx.max_upload_bytes = vault.max_upload;
  options.upload_dir = (std::filesystem::path(vault.dir) / "incoming").string();
  {
    std::error_code ec;
    std::filesystem::remove_all(options.upload_dir, ec);  // bodies of requests a crash cut short
    std::filesystem::create_directories(options.upload_dir, ec);
    std::filesystem::permissions(options.upload_dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
  }
  if (auto swept = services::SweepVault(ctx); !swept) {
    return Fail(swept.error());
  } else if (*swept) {
    spdlog::info("vault: removed {} file(s) no record refers to", *swept);
  }
  http::Router router;
  http::RegisterApi(router, ctx, http::ApiInfo{CLERKSHIP_VERSION, mail.secure_cookies});
  options.worker_threads = cores;
  http::Server server(options, router);
  if (auto st = server.Listen(); !st) return Fail(st.error());
  std::unique_ptr<adapters::Mailer> mailer;
  if (mail.smtp_url.empty()) {
    mailer = adapters::MakeFolderMailer(mail.mail_dir);
    spdlog::info("e-mail is written to {}/ (no --smtp-url given)", mail.mail_dir);
  } else {
    mailer = adapters::MakeSmtpMailer({mail.smtp_url, cli::EnvOr("CLERKSHIP_SMTP_USER", ""),
                                       cli::EnvOr("CLERKSHIP_SMTP_PASSWORD", ""),
                                       cli::EnvOr("CLERKSHIP_SMTP_STARTTLS", "") == "1"});
  }
  services::MailWorker worker(ctx, *mailer, mail.from);
  worker.Start();
  services::JobRunner jobs;
  jobs.Add("expire-uploads", std::chrono::minutes(10), [&ctx] { (void)services::ExpireUploads(ctx); });
  jobs.Add("compliance-reminders", std::chrono::minutes(15), [&ctx] {
    auto n = services::SendComplianceReminders(ctx);
    if (n && *n) spdlog::info("compliance reminders queued: {}", *n);
  });
  // Saved-search alerts: every second, since the check is two indexed reads when nothing is new.
  jobs.Add("saved-search-alerts", std::chrono::seconds(1), [&ctx] {
    auto run = services::RunSavedSearchAlerts(ctx);
    if (!run) spdlog::error("saved-search alerts: {}", run.error().detail);
    else if (run->emails > 0) spdlog::info("saved-search alerts: {} e-mails queued", run->emails);
  });
  jobs.Add("letter-reminders", std::chrono::minutes(15), [&ctx] {
    auto n = services::SendLetterReminders(ctx);
    if (n && *n) spdlog::info("letter reminders queued: {}", *n);
  });
  // Offer expiry: due offers are claimed FOR UPDATE SKIP LOCKED on
  // PostgreSQL, so several processes can run this job side by side.
  jobs.Add("expire-offers", std::chrono::seconds(60), [&ctx] {
    auto n = services::ExpireOffers(ctx);
    if (!n) spdlog::error("offer expiry: {}", n.error().detail);
    else if (*n) spdlog::info("offers expired: {}", *n);
  });
  jobs.Add("interview-reminders", std::chrono::minutes(5), [&ctx] {
    auto n = services::SendInterviewReminders(ctx);
    if (!n) spdlog::error("interview reminders: {}", n.error().detail);
    else if (*n) spdlog::info("interview reminders queued: {}", *n);
  });
  // Onboarding reminders 14/7/2 days before a start: each claimed in reminders_sent.
  jobs.Add("onboarding-reminders", std::chrono::minutes(15), [&ctx] {
    auto n = services::SendOnboardingReminders(ctx);
    if (!n) spdlog::error("onboarding reminders: {}", n.error().detail);
    else if (*n) spdlog::info("onboarding reminders queued: {}", *n);
  });
  // Scheduled match days: each due round is claimed with a conditional
  // UPDATE, so exactly one process runs and publishes it.
  std::string runner = "serve:" + std::to_string(::getpid());
  jobs.Add("match-days", std::chrono::seconds(30), [&ctx, runner] {
    auto done = services::RunDueMatchDays(ctx, runner);
    if (!done) spdlog::error("match days: {}", done.error().detail);
    else for (const auto& d : *done) spdlog::info("match day of round {}: {}", d.round_id, d.outcome);
  });
  // "The scramble is open" e-mails: each scramble round is claimed with a
  // conditional UPDATE, so its e-mails are queued exactly once.
  jobs.Add("scramble-open", std::chrono::seconds(30), [&ctx, runner] {
    auto n = services::AnnounceOpenScrambleRounds(ctx, runner);
    if (!n) spdlog::error("scramble open e-mails: {}", n.error().detail);
    else if (*n) spdlog::info("scramble open e-mails queued: {}", *n);
  });
  // Review digest: once per institution per day (a reminders_sent key), so
  // several processes can run it side by side; hourly catches the new day.
  jobs.Add("review-digest", std::chrono::minutes(60), [&ctx] {
    auto n = services::SendReviewDigests(ctx);
    if (!n) spdlog::error("review digest: {}", n.error().detail);
    else if (*n) spdlog::info("review digests queued: {}", *n);
  });
  jobs.Start();
  spdlog::info("Clerkship {} serving http://{}:{} (database: {})", CLERKSHIP_VERSION, options.host,
               server.port(), db->BackendName());
  if (options.web_root.empty()) spdlog::warn("no web app found; serving the API only");
  server.Run();
  jobs.Stop();
  worker.Stop();
  return 0;
}

std::string DefaultWebRoot() {
  for (const char* candidate : {"web/dist", "../web/dist", "/usr/share/clerkship/web"}) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(std::filesystem::path(candidate) / "index.html", ec)) {
      return candidate;
    }
  }
  return {};
}

}  // namespace
}  // namespace clerkship::cli

int main(int argc, char** argv) {
  using namespace clerkship;
  if (!adapters::InitCrypto()) {
    std::cerr << "clerkship: libsodium failed to initialise\n";
    return 1;
  }
  adapters::ConfigureHashCostFromEnv();
  CLI::App app{"Clerkship: clinical clerkship placement, end to end"};
  app.require_subcommand(1);
  std::string db_url = cli::EnvOr("CLERKSHIP_DB", "sqlite:var/clerkship.db");
  app.add_option("--db", db_url, "sqlite:PATH or postgresql://… (env CLERKSHIP_DB)");

  auto* serve = app.add_subcommand("serve", "serve the web app and API");
  http::ServerOptions options;
  options.host = cli::EnvOr("HOST", "127.0.0.1");
  options.port = static_cast<uint16_t>(std::stoi(cli::EnvOr("PORT", "8080")));
  options.web_root = cli::DefaultWebRoot();
  serve->add_option("--host", options.host, "bind address (env HOST)");
  serve->add_option("--port", options.port, "port (env PORT)")->check(CLI::Range(0, 65535));
  serve->add_option("--web-root", options.web_root, "built web app folder");
  serve->add_option("--body-limit", options.body_limit, "largest JSON body in bytes");
  serve->add_option("--db", db_url, "sqlite:PATH or postgresql://…");
  cli::MailOptions mail;
  mail.smtp_url = cli::EnvOr("CLERKSHIP_SMTP_URL", "");
  mail.public_url = cli::EnvOr("CLERKSHIP_PUBLIC_URL", "");
  mail.secure_cookies = cli::EnvOr("CLERKSHIP_SECURE_COOKIES", "") == "1";
  serve->add_option("--smtp-url", mail.smtp_url, "smtp://host:port or smtps://… (env CLERKSHIP_SMTP_URL)");
  serve->add_option("--mail-dir", mail.mail_dir, "folder for .eml files when no SMTP is set");
  serve->add_option("--mail-from", mail.from, "sender address");
  serve->add_option("--public-url", mail.public_url, "base URL of links in e-mails (env CLERKSHIP_PUBLIC_URL)");
  serve->add_flag("--secure-cookies", mail.secure_cookies, "mark cookies Secure (TLS or TLS proxy)");
  cli::VaultOptions vault;
  vault.dir = cli::EnvOr("CLERKSHIP_VAULT_DIR", vault.dir);
  vault.key_file = cli::EnvOr("CLERKSHIP_VAULT_KEY_FILE", "");
  serve->add_option("--vault-dir", vault.dir, "folder of the encrypted document store (env CLERKSHIP_VAULT_DIR)");
  serve->add_option("--vault-key-file", vault.key_file,
                    "file with the 64-hex-character vault key (env CLERKSHIP_VAULT_KEY_FILE; or CLERKSHIP_VAULT_KEY "
                    "holds the key itself); default <vault-dir>.key, created on first start");
  serve->add_option("--max-upload", vault.max_upload, "largest uploaded file in bytes (default 10 MiB)");

  auto* migrate = app.add_subcommand("migrate", "apply database migrations (idempotent)");
  migrate->add_option("--db", db_url, "sqlite:PATH or postgresql://…");
  auto* demo = app.add_subcommand("demo", "load demo data into an empty database");
  demo->add_option("--db", db_url, "sqlite:PATH or postgresql://…");
  std::string demo_scale = "small";
  demo->add_option("--scale", demo_scale, "small (a few of everything, with logins) or national (load-test size)")
      ->check(CLI::IsMember({"small", "national"}));
  app.add_subcommand("version", "print the version");
  auto* admin = app.add_subcommand("admin", "create or promote a platform admin (password from CLERKSHIP_ADMIN_PASSWORD)");
  std::string admin_email, admin_name = "Administrator";
  admin->add_option("--email", admin_email, "e-mail address")->required();
  admin->add_option("--name", admin_name, "display name");
  admin->add_option("--db", db_url, "sqlite:PATH or postgresql://…");

  auto* match = app.add_subcommand("match", "run the stable matching engine on a JSON file");
  std::string match_input, match_output;
  bool match_verify = false;
  match->add_option("input", match_input, "input JSON")->required();
  match->add_option("-o,--output", match_output, "output JSON (default: stdout)");
  match->add_flag("--verify", match_verify, "check the result for blocking pairs");

  auto* match_round = app.add_subcommand("match-round", "run or publish a match round (as the admin buttons do)");
  std::string round_action, round_id;
  match_round->add_option("action", round_action, "run | publish")->required()->check(CLI::IsMember({"run", "publish"}));
  match_round->add_option("id", round_id, "the round's id")->required();
  match_round->add_option("--db", db_url, "sqlite:PATH or postgresql://…");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (app.got_subcommand("version")) {
    std::cout << "clerkship " << CLERKSHIP_VERSION << "\n";
    return 0;
  }
  if (app.got_subcommand("migrate")) return cli::Migrate(db_url);
  if (app.got_subcommand("demo")) return cli::Demo(db_url, demo_scale);
  if (app.got_subcommand("admin")) return cli::Admin(db_url, admin_email, admin_name);
  if (app.got_subcommand("match-round")) return cli::MatchRound(db_url, round_action, round_id);
#ifdef CLERKSHIP_HAVE_MATCH
  if (app.got_subcommand("match")) return cli::RunMatchCommand(match_input, match_output, match_verify);
#else
  if (app.got_subcommand("match")) return 2;
#endif
  return cli::Serve(db_url, options, mail, vault);
}
