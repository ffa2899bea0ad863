// Delivers the e-mail outbox. Safe with several server processes on one
// PostgreSQL (rows are claimed with a lease under SKIP LOCKED). Start() runs
// a background thread; Stop() ends it. RunOnce() is for tests.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "adapters/mailer.h"
#include "services/context.h"

namespace clerkship::services {

class MailWorker {
 public:
  MailWorker(Context& ctx, adapters::Mailer& mailer, std::string from);
  ~MailWorker();

  // Sends what is due now; returns the number sent.
  int RunOnce();
  void Start();
  void Stop();

 private:
  Context& ctx_;
  adapters::Mailer& mailer_;
  std::string from_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
};

// Backoff before attempt n+1 after n failures: 30 s × 2^(n−1), capped at 6 h.
std::chrono::seconds RetryDelay(int failures);

}  // namespace clerkship::services
