#include "services/mail_worker.h"

#include <spdlog/spdlog.h>

#include "store/outbox.h"

namespace clerkship::services {

std::chrono::seconds RetryDelay(int failures) {
  int exponent = std::clamp(failures - 1, 0, 10);
  return std::min(std::chrono::seconds(30L << exponent), std::chrono::seconds(6 * 3600));
}

MailWorker::MailWorker(Context& ctx, adapters::Mailer& mailer, std::string from)
    : ctx_(ctx), mailer_(mailer), from_(std::move(from)) {}

MailWorker::~MailWorker() { Stop(); }

int MailWorker::RunOnce() {
  auto now = ctx_.clock.Now();
  auto claimed = ctx_.db.Run<std::vector<store::OutboxRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::OutboxRow>> {
        return store::ClaimDueEmails(tx, core::FormatIso8601(now),
                                     core::FormatIso8601(now + std::chrono::minutes(5)), 20);
      });
  if (!claimed) {
    spdlog::error("outbox: claiming failed: {}", claimed.error().detail);
    return 0;
  }
  int sent = 0;
  for (const auto& row : *claimed) {
    auto st = mailer_.Send({row.id, from_, row.to, row.subject, row.text, row.html, row.attachment_name,
                            row.attachment_type, row.attachment});
    auto done_at = ctx_.clock.Now();
    auto marked = ctx_.db.Transact([&](store::Tx& tx) -> core::Status {
      if (st) {
        store::MarkEmailSent(tx, row.id, core::FormatIso8601(done_at));
      } else {
        int failures = row.attempts + 1;
        store::MarkEmailFailed(tx, row.id, failures,
                               core::FormatIso8601(done_at + RetryDelay(failures)),
                               st.error().detail.empty() ? st.error().message : st.error().detail);
      }
      return {};
    });
    if (!marked) spdlog::error("outbox: marking {} failed: {}", row.id, marked.error().detail);
    if (st) {
      ++sent;
    } else {
      spdlog::warn("outbox: sending {} failed (attempt {}): {}", row.id, row.attempts + 1,
                   st.error().detail);
    }
  }
  return sent;
}

void MailWorker::Start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stop_) {
      lock.unlock();
      try {
        RunOnce();
      } catch (const std::exception& e) {
        spdlog::error("outbox worker: {}", e.what());
      }
      lock.lock();
      cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; });
    }
  });
}

void MailWorker::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace clerkship::services
