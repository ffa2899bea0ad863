#include "services/jobs.h"

#include <spdlog/spdlog.h>

namespace clerkship::services {

void JobRunner::Add(std::string name, std::chrono::seconds every, std::function<void()> fn) {
  jobs_.push_back(Job{std::move(name), every, std::move(fn), std::chrono::steady_clock::now()});
}

void JobRunner::Start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stop_) {
      auto now = std::chrono::steady_clock::now();
      auto next = now + std::chrono::hours(1);
      for (auto& job : jobs_) {
        if (job.next <= now) {
          lock.unlock();
          try {
            job.fn();
          } catch (const std::exception& e) {
            spdlog::error("job {} failed: {}", job.name, e.what());
          }
          lock.lock();
          job.next = std::chrono::steady_clock::now() + job.every;
        }
        next = std::min(next, job.next);
      }
      cv_.wait_until(lock, next, [this] { return stop_; });
    }
  });
}

void JobRunner::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace clerkship::services
