// Benchmarks of the match engine, the verifier and `clerkship match` end to end on generated
// national-scale instances (bench/match_generator.h). Figures: bench/RESULTS-match.md.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/match_command.h"
#include "match/engine.h"
#include "match/validate.h"
#include "match/verifier.h"
#include "match_generator.h"

namespace {

namespace match = clerkship::match;
namespace gen = clerkship::match::bench;

const match::Instance& CoupleFreeInstance() {
  static const match::Instance instance = gen::GenerateInstance(gen::CoupleFree({}));
  return instance;
}

const match::Instance& FullInstance() {
  static const match::Instance instance = gen::GenerateInstance({});
  return instance;
}

int64_t Entries(const match::Instance& in) {
  int64_t entries = 0;
  for (const auto& p : in.programs) entries += static_cast<int64_t>(p.ranking.size());
  for (const auto& a : in.applicants) entries += static_cast<int64_t>(a.ranking.size());
  for (const auto& c : in.couples) entries += static_cast<int64_t>(c.ranking.size());
  return entries;
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void Report(benchmark::State& state, const match::Instance& in, const match::MatchResult& r) {
  int64_t matched = 0;
  for (const auto& got : r.matching.assignments) matched += !got.empty();
  state.counters["applicants"] = static_cast<double>(in.applicants.size());
  state.counters["programs"] = static_cast<double>(in.programs.size());
  state.counters["couples"] = static_cast<double>(in.couples.size());
  state.counters["list_entries"] = static_cast<double>(Entries(in));
  state.counters["proposals"] = static_cast<double>(r.proposals);
  state.counters["steps"] = static_cast<double>(r.steps);
  state.counters["matched"] = static_cast<double>(matched);
  state.counters["stable"] = r.stable ? 1 : 0;
  state.counters["converged"] = r.converged ? 1 : 0;
  state.counters["peak_rss_mb"] = PeakRssMb();
}

void MatchBench(benchmark::State& state, const match::Instance& in) {
  if (!match::Validate(in)) state.SkipWithError("generated instance is invalid");
  match::MatchResult result;
  for (auto _ : state) {
    result = match::RunMatch(in);
    benchmark::DoNotOptimize(result.proposals);
  }
  Report(state, in, result);
}

void BM_EngineCoupleFree(benchmark::State& state) { MatchBench(state, CoupleFreeInstance()); }
void BM_EngineFull(benchmark::State& state) { MatchBench(state, FullInstance()); }

void VerifyBench(benchmark::State& state, const match::Instance& in) {
  const match::MatchResult result = match::RunMatch(in);
  match::StabilityReport report;
  for (auto _ : state) {
    report = match::Verify(in, result.matching);
    benchmark::DoNotOptimize(report.blocking_pairs.data());
  }
  state.counters["defects"] = static_cast<double>(report.defects.size());
  state.counters["blocking_pairs"] = static_cast<double>(report.blocking_pairs.size());
}

void BM_VerifierCoupleFree(benchmark::State& state) { VerifyBench(state, CoupleFreeInstance()); }
void BM_VerifierFull(benchmark::State& state) { VerifyBench(state, FullInstance()); }

// RunMatchCommand on a JSON file written by bench/match_gen (MATCH_BENCH_INPUT, default
// /tmp/match_national.json); skipped when the file is absent.
void BM_CliEndToEnd(benchmark::State& state) {
  const char* env = std::getenv("MATCH_BENCH_INPUT");
  const std::string input = env != nullptr ? env : "/tmp/match_national.json";
  if (!std::filesystem::exists(input)) {
    state.SkipWithError(("no " + input + "; run match_gen first").c_str());
    return;
  }
  const std::string output = input + ".out";
  for (auto _ : state) {
    if (clerkship::cli::RunMatchCommand(input, output, false) != 0) {
      state.SkipWithError("match command failed");
      break;
    }
  }
  state.counters["input_mb"] = static_cast<double>(std::filesystem::file_size(input)) / 1e6;
  state.counters["peak_rss_mb"] = PeakRssMb();
}

}  // namespace

BENCHMARK(BM_EngineCoupleFree)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EngineFull)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VerifierCoupleFree)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VerifierFull)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CliEndToEnd)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
