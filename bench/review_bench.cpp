// The review queue's one query (store::QueryQueue) on national-scale data, on
// SQLite or PostgreSQL. CLERKSHIP_BENCH_DB names a database that already holds
// `clerkship demo --scale national` (1,500 institutions, 20,000 offerings,
// 60,000 blocks, 100,000 applicants); the first run adds 200,000 submitted
// applications (two per applicant, deterministic, skewed so the most popular
// offering gets ~1,400 of them, like a sought-after elective) with their
// snapshots and score aggregates. Each case reports p50 and p99 over its
// iterations. Figures: bench/RESULTS-review.md.
#include <benchmark/benchmark.h>
#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/review.h"

namespace {

namespace store = clerkship::store;
namespace core = clerkship::core;

struct Data {
  std::unique_ptr<store::Database> db;
  std::string hot;      // the offering with the most applications
  std::string typical;  // one with about the median count
  std::string hot_block;
};

int CountApplications(store::Database& db) {
  return *db.Run<int>([](store::Tx& tx) -> core::Result<int> {
    int n = 0;
    tx.sql() << "SELECT COUNT(*) FROM applications", soci::into(n);
    return n;
  });
}

void Seed(store::Database& db) {
  auto r = db.Run<int>([](store::Tx& tx) -> core::Result<int> {
    std::vector<std::string> applicants;
    {
      soci::rowset<std::string> rs = (tx.sql().prepare << "SELECT id FROM users WHERE is_applicant = 1 ORDER BY id");
      for (const auto& id : rs) applicants.push_back(id);
    }
    struct Off { std::string id, institution, block; };
    std::vector<Off> offerings;
    {
      soci::rowset<soci::row> rs =
          (tx.sql().prepare << "SELECT o.id, o.institution_id, MIN(b.id) FROM offerings o "
                               "JOIN blocks b ON b.offering_id = o.id GROUP BY o.id, o.institution_id ORDER BY o.id");
      for (const auto& row : rs) offerings.push_back({row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2)});
    }
    if (applicants.empty() || offerings.empty()) throw std::runtime_error("load the national demo first");
    std::mt19937_64 rng(20261127);
    std::uniform_real_distribution<double> u(0, 1);
    const char* statuses[] = {"submitted", "submitted", "submitted", "under_review", "under_review",
                              "under_review", "interview", "waitlisted", "rejected", "offer"};
    const char* countries[] = {"IN", "PK", "NG", "EG", "PH", "US", "BR", "IR", "MX", "VN"};
    const char* first[] = {"Amina", "Ravi", "Chinedu", "Maria", "Nguyen", "Fatima", "Omar", "Sofia", "Arjun", "Lina"};
    const char* last[] = {"Khan", "Patel", "Okafor", "Santos", "Tran", "Haddad", "Rahman", "Garcia", "Iyer", "Park"};
    const char* exams[] = {",usmle_step1,", ",usmle_step1,usmle_step2ck,", ",", ",usmle_step1,oet,"};
    std::string id, applicant, offering, institution, status, block, name, search, country, exam, at;
    int score_count = 0, score_avg = 0, spread = 0;
    soci::statement app = (tx.sql().prepare <<
        "INSERT INTO applications (id, applicant_id, offering_id, institution_id, status, status_reason, version, "
        "created_at, submitted_at, updated_at, score_count, score_avg, score_spread) VALUES "
        "(:id, :a, :o, :i, :s, '', 1, :c, :sub, :u, :sc, :sa, :sp)",
        soci::use(id), soci::use(applicant), soci::use(offering), soci::use(institution), soci::use(status),
        soci::use(at), soci::use(at), soci::use(at), soci::use(score_count), soci::use(score_avg), soci::use(spread));
    soci::statement blk = (tx.sql().prepare << "INSERT INTO application_blocks (application_id, block_id, preference) "
                                               "VALUES (:a, :b, 1)", soci::use(id), soci::use(block));
    soci::statement snap = (tx.sql().prepare <<
        "INSERT INTO application_snapshots (application_id, profile, applicant_name, search_name, school_name, "
        "school_country, exams_passed, exams_summary, created_at) VALUES (:a, '{}', :n, :s, 'Medical College', "
        ":c, :e, :es, :t)", soci::use(id), soci::use(name), soci::use(search), soci::use(country), soci::use(exam),
        soci::use(exam), soci::use(at));
    int n = 0;
    for (size_t a = 0; a < applicants.size(); ++a) {
      for (int k = 0; k < 2; ++k) {
        double x = u(rng);
        const Off& o = offerings[std::min(offerings.size() - 1, static_cast<size_t>(offerings.size() * x * x))];
        id = "bench-" + std::to_string(a) + "-" + std::to_string(k);
        applicant = applicants[a];
        offering = o.id;
        institution = o.institution;
        block = o.block;
        status = statuses[rng() % 10];
        score_count = static_cast<int>(rng() % 3);
        score_avg = score_count ? 100 + static_cast<int>(rng() % 400) : 0;
        spread = score_count > 1 ? static_cast<int>(rng() % 150) : 0;
        int day = 1 + static_cast<int>(rng() % 28), minute = static_cast<int>(rng() % 1440);
        char buf[32];
        std::snprintf(buf, sizeof buf, "2026-10-%02dT%02d:%02d:00Z", day, minute / 60, minute % 60);
        at = buf;
        name = std::string(first[rng() % 10]) + " " + last[rng() % 10] + " " + std::to_string(a);
        search = name;
        std::transform(search.begin(), search.end(), search.begin(), [](unsigned char c) { return std::tolower(c); });
        country = countries[rng() % 10];
        exam = exams[rng() % 4];
        app.execute(true);
        blk.execute(true);
        snap.execute(true);
        ++n;
      }
    }
    return n;
  });
  if (!r) throw std::runtime_error("seed: " + r.error().message + " " + r.error().detail);
}

Data& TheData() {
  static Data d = [] {
    const char* url = std::getenv("CLERKSHIP_BENCH_DB");
    if (!url) throw std::runtime_error("set CLERKSHIP_BENCH_DB to a database with the national demo");
    Data d;
    auto db = store::Database::Open(url, 4);
    if (!db) throw std::runtime_error("open: " + db.error().message);
    d.db = std::move(*db);
    if (auto m = d.db->Migrate(); !m) throw std::runtime_error("migrate: " + m.error().message);
    if (CountApplications(*d.db) < 100000) Seed(*d.db);
    d.db->Run<int>([&](store::Tx& tx) -> core::Result<int> {
      tx.sql() << "SELECT offering_id FROM applications GROUP BY offering_id ORDER BY COUNT(*) DESC, offering_id "
                  "LIMIT 1", soci::into(d.hot);
      int offerings = 0;
      tx.sql() << "SELECT COUNT(DISTINCT offering_id) FROM applications", soci::into(offerings);
      tx.sql() << "SELECT offering_id FROM applications GROUP BY offering_id ORDER BY COUNT(*) DESC, offering_id "
                  "LIMIT 1 OFFSET " + std::to_string(offerings / 2), soci::into(d.typical);
      tx.sql() << "SELECT MIN(block_id) FROM application_blocks ab JOIN applications a ON a.id = ab.application_id "
                  "WHERE a.offering_id = :o", soci::use(d.hot), soci::into(d.hot_block);
      return 0;
    });
    return d;
  }();
  return d;
}

void RunQueue(benchmark::State& state, store::QueueFilter f, bool hot) {
  Data& d = TheData();
  f.offering_id = hot ? d.hot : d.typical;
  std::vector<double> ms;
  int total = 0;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    auto page = d.db->Run<store::QueuePage>([&](store::Tx& tx) -> core::Result<store::QueuePage> {
      return store::QueryQueue(tx, f);
    });
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (!page) state.SkipWithError(page.error().message.c_str());
    else total = page->total;
    benchmark::DoNotOptimize(total);
  }
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) { return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))]; };
  state.counters["p50_ms"] = pct(0.50);
  state.counters["p99_ms"] = pct(0.99);
  state.counters["matches"] = total;
}

store::QueueFilter Filter() { return store::QueueFilter{}; }

void BM_HotDefault(benchmark::State& s) { RunQueue(s, Filter(), true); }
void BM_HotByScore(benchmark::State& s) { auto f = Filter(); f.sort = "score"; RunQueue(s, f, true); }
void BM_HotUnderReview(benchmark::State& s) { auto f = Filter(); f.status = "under_review"; RunQueue(s, f, true); }
void BM_HotBlock(benchmark::State& s) { auto f = Filter(); f.block_id = TheData().hot_block; RunQueue(s, f, true); }
void BM_HotNameSearch(benchmark::State& s) { auto f = Filter(); f.search = "khan"; RunQueue(s, f, true); }
void BM_HotCountryExamScore(benchmark::State& s) {
  auto f = Filter(); f.country = "IN"; f.exam = "usmle_step1"; f.min_score = 300; RunQueue(s, f, true);
}
void BM_HotPage20(benchmark::State& s) { auto f = Filter(); f.offset = 950; RunQueue(s, f, true); }
void BM_TypicalDefault(benchmark::State& s) { RunQueue(s, Filter(), false); }

}  // namespace

BENCHMARK(BM_HotDefault)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_HotByScore)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_HotUnderReview)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_HotBlock)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_HotNameSearch)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_HotCountryExamScore)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_HotPage20)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK(BM_TypicalDefault)->Unit(benchmark::kMillisecond)->Iterations(200);
BENCHMARK_MAIN();
