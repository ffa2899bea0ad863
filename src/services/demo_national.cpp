// `clerkship demo --scale national`: a deterministic, realistic national data
// set (1,500 institutions, 20,000 offerings, 60,000 blocks, 100,000
// applicants) for benchmarks and load tests. Same seed → same data.
#include <array>
#include <cstdint>

#include "adapters/crypto.h"
#include "core/catalog.h"
#include "services/catalog.h"
#include "services/catalog_json.h"
#include "services/demo.h"
#include "store/accounts.h"
#include "store/catalog.h"
#include "store/institutions.h"

namespace clerkship::services {
namespace {

// SplitMix64: tiny, portable, deterministic.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  // Index into `weights` with probability proportional to each weight.
  template <size_t N>
  int Weighted(const std::array<int, N>& weights) {
    int total = 0;
    for (int w : weights) total += w;
    int r = Below(total);
    for (size_t i = 0; i < N; ++i) {
      if ((r -= weights[i]) < 0) return static_cast<int>(i);
    }
    return 0;
  }

 private:
  uint64_t state_;
};

struct City {
  const char* name;
  const char* state;
  const char* zone;
  int weight;  // roughly by population
};

constexpr std::array<City, 40> kCities = {{
    {"New York", "NY", "America/New_York", 30}, {"Los Angeles", "CA", "America/Los_Angeles", 20},
    {"Chicago", "IL", "America/Chicago", 18}, {"Houston", "TX", "America/Chicago", 15},
    {"Phoenix", "AZ", "America/Phoenix", 9}, {"Philadelphia", "PA", "America/New_York", 12},
    {"San Antonio", "TX", "America/Chicago", 7}, {"San Diego", "CA", "America/Los_Angeles", 7},
    {"Dallas", "TX", "America/Chicago", 9}, {"Detroit", "MI", "America/Detroit", 8},
    {"Boston", "MA", "America/New_York", 12}, {"Baltimore", "MD", "America/New_York", 8},
    {"Cleveland", "OH", "America/New_York", 7}, {"Pittsburgh", "PA", "America/New_York", 6},
    {"Atlanta", "GA", "America/New_York", 8}, {"Miami", "FL", "America/New_York", 8},
    {"Orlando", "FL", "America/New_York", 5}, {"Tampa", "FL", "America/New_York", 5},
    {"Nashville", "TN", "America/Chicago", 5}, {"St. Louis", "MO", "America/Chicago", 6},
    {"Minneapolis", "MN", "America/Chicago", 5}, {"Milwaukee", "WI", "America/Chicago", 4},
    {"Denver", "CO", "America/Denver", 6}, {"Salt Lake City", "UT", "America/Denver", 3},
    {"Seattle", "WA", "America/Los_Angeles", 6}, {"Portland", "OR", "America/Los_Angeles", 4},
    {"San Francisco", "CA", "America/Los_Angeles", 7}, {"Sacramento", "CA", "America/Los_Angeles", 4},
    {"Las Vegas", "NV", "America/Los_Angeles", 4}, {"Albuquerque", "NM", "America/Denver", 2},
    {"New Orleans", "LA", "America/Chicago", 4}, {"Memphis", "TN", "America/Chicago", 3},
    {"Louisville", "KY", "America/New_York", 3}, {"Indianapolis", "IN", "America/Indiana/Indianapolis", 4},
    {"Columbus", "OH", "America/New_York", 4}, {"Charlotte", "NC", "America/New_York", 4},
    {"Richmond", "VA", "America/New_York", 3}, {"Newark", "NJ", "America/New_York", 5},
    {"Brooklyn", "NY", "America/New_York", 8}, {"Bronx", "NY", "America/New_York", 6},
}};

constexpr std::array<const char*, 30> kPrefixes = {
    "Mercy", "St. Mary's", "Riverside", "Lakeview", "Good Samaritan", "Memorial", "Sinai",
    "Providence", "St. Joseph's", "Presbyterian", "Methodist", "Baptist", "Northside", "Southview",
    "Harbor", "Valley", "Summit", "Grace", "Unity", "Hope", "St. Luke's", "Trinity", "Kingsbrook",
    "Fairview", "Westbrook", "Eastside", "Cedar", "Maple Grove", "Bayshore", "Highland"};
constexpr std::array<const char*, 6> kKinds = {"University Hospital", "Medical Center", "Community Hospital",
                                               "Regional Medical Center", "Teaching Hospital", "Health System"};

// Specialty mix: core clerkship specialties dominate.
constexpr std::array<const char*, 16> kSpecialties = {
    "internal_medicine", "surgery", "pediatrics", "obstetrics_gynecology", "psychiatry", "family_medicine",
    "emergency_medicine", "neurology", "cardiology", "oncology", "dermatology", "radiology",
    "anesthesiology", "gastroenterology", "pulmonology", "infectious_disease"};
constexpr std::array<int, 16> kSpecialtyWeights = {22, 12, 10, 8, 8, 9, 7, 4, 5, 3, 2, 3, 2, 2, 2, 1};
constexpr std::array<const char*, 4> kTypes = {"core", "elective", "sub_internship", "observership"};
constexpr std::array<int, 4> kTypeWeights = {25, 45, 10, 20};

}  // namespace

core::Result<DemoCounts> LoadNationalDemo(Context& ctx) {
  Random rng(2027);
  DemoCounts counts;
  const std::string now = core::FormatIso8601(ctx.clock.Now());
  std::vector<std::pair<std::string, std::string>> institutions;  // id, name
  std::array<int, kCities.size()> city_weights{};
  for (size_t i = 0; i < kCities.size(); ++i) city_weights[i] = kCities[i].weight;
  std::vector<std::string> specialty_names;

  auto st = ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    for (const auto& s : store::ListSpecialties(tx)) specialty_names.push_back(s.code + "|" + s.name);
    int n = 0;
    for (int i = 0; n < 1500; ++i) {
      const City& c = kCities[rng.Weighted(city_weights)];
      std::string name = std::string(kPrefixes[rng.Below(kPrefixes.size())]) + " " + kKinds[rng.Below(kKinds.size())];
      std::string id = "nat-inst-" + std::to_string(n);
      // Skip name clashes within a city (unique index).
      bool clash = false;
      for (const auto& [other_id, other_name] : institutions) clash |= other_name == name + "|" + c.name;
      if (clash) continue;
      store::InsertInstitution(tx, {id, name, c.name, c.state, "US", c.zone, "", now});
      institutions.emplace_back(id, name + "|" + c.name);
      ++n;
    }
    return {};
  });
  if (!st) return std::unexpected(st.error());
  counts.institutions = static_cast<int>(institutions.size());

  auto specialty_name = [&](const std::string& code) {
    for (const auto& s : specialty_names) {
      if (s.starts_with(code + "|")) return s.substr(code.size() + 1);
    }
    return code;
  };
  // Offerings and blocks in batches of 500 offerings per transaction.
  for (int batch = 0; batch < 40; ++batch) {
    st = ctx.db.Transact([&](store::Tx& tx) -> core::Status {
      for (int k = 0; k < 500; ++k) {
        int index = batch * 500 + k;
        const auto& [inst_id, inst_key] = institutions[static_cast<size_t>(rng.Below(counts.institutions))];
        std::string inst_name = inst_key.substr(0, inst_key.find('|'));
        std::string city = inst_key.substr(inst_key.find('|') + 1);
        const City* c = &kCities[0];
        for (const auto& cc : kCities) {
          if (city == cc.name) c = &cc;
        }
        core::OfferingDraft d;
        d.specialty = kSpecialties[rng.Weighted(kSpecialtyWeights)];
        int type_index = rng.Weighted(kTypeWeights);
        d.type = kTypes[type_index];
        d.hands_on = d.type != "observership";
        std::string spec = specialty_name(d.specialty);
        const char* type_words[] = {"Core Clerkship", "Elective", "Sub-Internship", "Observership"};
        d.title = spec + " " + type_words[type_index];
        d.description = "A " + std::to_string(2 + rng.Below(3) * 2) + "-week " + spec + " rotation at " + inst_name +
                        " in " + c->name + ", with " + (d.hands_on ? "hands-on patient care" : "observation only") +
                        ", teaching rounds and a final evaluation.";
        d.city = c->name;
        d.state = c->state;
        d.country = "US";
        d.duration_weeks = 2 + rng.Below(3) * 2;
        d.eligibility.students = rng.Below(10) < 8;
        d.eligibility.graduates = !d.eligibility.students || rng.Below(10) < 6;
        if (rng.Below(3) == 0) d.eligibility.required_exams = {"usmle_step1"};
        const char* visa_pool[] = {"b1_b2", "j1", "f1", "esta"};
        for (int v = 0; v < 4; ++v) {
          if (rng.Below(3) == 0) d.eligibility.visas_accepted.push_back(visa_pool[v]);
        }
        d.required_documents = {{"immunization_record", 1}, {"cv", 1}};
        if (rng.Below(2)) d.required_documents.push_back({"background_check", 1});
        if (d.hands_on) d.required_documents.push_back({"letter_of_recommendation", 1 + rng.Below(3)});
        int64_t tuition = rng.Below(5) == 0 ? 0 : 50000 + rng.Below(80) * 5000;
        d.fees = {{"application", "all", rng.Below(4) * 2500, ""}, {"tuition", "all", tuition, ""}};
        d.visa_letter = rng.Below(2) == 0;
        d.currency = "USD";
        auto row = OfferingRowFrom(d, "nat-off-" + std::to_string(index), inst_id,
                                   rng.Below(20) == 0 ? "draft" : "published", now);
        row.institution_name = inst_name;
        store::InsertOffering(tx, row);
        store::IndexOffering(tx, row, spec);
        for (int b = 0; b < 3; ++b) {
          int month = 1 + rng.Below(12);
          int year = 2027 + (rng.Below(4) == 0 ? 1 : 0);
          char start[11], end[11], deadline[11], opens[11];
          std::snprintf(start, sizeof start, "%04d-%02d-%02d", year, month, 1 + rng.Below(7));
          std::snprintf(end, sizeof end, "%04d-%02d-%02d", year, month, 22 + rng.Below(6));
          int dm = month <= 2 ? month + 10 : month - 2;
          int dy = month <= 2 ? year - 1 : year;
          std::snprintf(deadline, sizeof deadline, "%04d-%02d-15", dy, dm);
          std::snprintf(opens, sizeof opens, "%04d-%02d-01", dy - (dm <= 6 ? 1 : 0), dm <= 6 ? dm + 6 : dm - 6);
          core::Block block{row.id + "-b" + std::to_string(b), row.id, {start, end, 1 + rng.Below(6), opens, deadline}, 0, 0};
          store::InsertBlock(tx, block, now);
        }
      }
      return {};
    });
    if (!st) return std::unexpected(st.error());
  }
  counts.offerings = 20000;
  counts.blocks = 60000;
  st = ctx.db.Transact([](store::Tx& tx) -> core::Status {
    store::BumpCatalogVersion(tx);
    return {};
  });
  if (!st) return std::unexpected(st.error());

  // Applicants: profiles only; one shared hash (nobody logs in as them).
  std::string hash = adapters::HashPassword(kDemoPassword);
  for (int batch = 0; batch < 20; ++batch) {
    st = ctx.db.Transact([&](store::Tx& tx) -> core::Status {
      for (int k = 0; k < 5000; ++k) {
        int i = batch * 5000 + k;
        store::InsertUser(tx, {"nat-user-" + std::to_string(i), "applicant" + std::to_string(i) + "@example.org",
                               hash, "Applicant " + std::to_string(i), now, true, false, now});
      }
      return {};
    });
    if (!st) return std::unexpected(st.error());
  }
  counts.applicants = 100000;
  return counts;
}

}  // namespace clerkship::services
