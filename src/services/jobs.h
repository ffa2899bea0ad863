// Periodic background jobs inside `serve` (upload expiry, compliance
// reminders, …). Each job must be safe when several server processes run it
// (idempotent per key, or one transaction that re-checks its rows).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace clerkship::services {

class JobRunner {
 public:
  ~JobRunner() { Stop(); }
  // Runs `fn` every `every` (first run right after Start). Exceptions are
  // logged; the job runs again next time.
  void Add(std::string name, std::chrono::seconds every, std::function<void()> fn);
  void Start();
  void Stop();

 private:
  struct Job {
    std::string name;
    std::chrono::seconds every;
    std::function<void()> fn;
    std::chrono::steady_clock::time_point next;
  };
  std::vector<Job> jobs_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
};

}  // namespace clerkship::services
