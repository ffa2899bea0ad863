// match_gen: writes a generated match instance as `clerkship match` input JSON.
//   match_gen OUT.json [--couple-free] [--seed N] [--applicants N] [--programs M]
// Defaults: the national-scale instance of bench/RESULTS-match.md (45,000 applicants, 6,000
// programs, 5% in couples, 5% of singles multi-block).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "match_generator.h"

namespace {

using clerkship::match::kNone;
namespace gen = clerkship::match::bench;

std::string Date(int32_t days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string ToJson(const clerkship::match::Instance& in) {
  std::string out;
  out.reserve(16 << 20);
  auto quoted = [&](const std::string& s) {
    out += '"';
    out += s;
    out += '"';
  };
  out += "{\"programs\":[\n";
  for (size_t p = 0; p < in.programs.size(); ++p) {
    const auto& program = in.programs[p];
    out += "{\"id\":";
    quoted(gen::ProgramId(static_cast<int32_t>(p)));
    out += ",\"capacity\":" + std::to_string(program.capacity);
    if (program.has_dates) {
      out += ",\"start\":";
      quoted(Date(program.dates.start));
      out += ",\"end\":";
      quoted(Date(program.dates.end));
    }
    out += ",\"ranking\":[";
    for (size_t i = 0; i < program.ranking.size(); ++i) {
      if (i) out += ',';
      quoted(gen::ApplicantId(program.ranking[i]));
    }
    out += p + 1 < in.programs.size() ? "]},\n" : "]}\n";
  }
  std::vector<bool> member(in.applicants.size(), false);
  for (const auto& couple : in.couples) member[couple.first] = member[couple.second] = true;
  out += "],\"applicants\":[\n";
  for (size_t a = 0; a < in.applicants.size(); ++a) {
    const auto& applicant = in.applicants[a];
    out += "{\"id\":";
    quoted(gen::ApplicantId(static_cast<int32_t>(a)));
    if (!member[a]) {
      if (applicant.max_assignments != 1) {
        out += ",\"max_assignments\":" + std::to_string(applicant.max_assignments);
      }
      out += ",\"ranking\":[";
      for (size_t i = 0; i < applicant.ranking.size(); ++i) {
        if (i) out += ',';
        quoted(gen::ProgramId(applicant.ranking[i]));
      }
      out += ']';
    }
    out += a + 1 < in.applicants.size() ? "},\n" : "}\n";
  }
  out += "],\"couples\":[\n";
  for (size_t c = 0; c < in.couples.size(); ++c) {
    const auto& couple = in.couples[c];
    out += "{\"id\":";
    quoted(gen::CoupleId(static_cast<int32_t>(c)));
    out += ",\"members\":[";
    quoted(gen::ApplicantId(couple.first));
    out += ',';
    quoted(gen::ApplicantId(couple.second));
    out += "],\"ranking\":[";
    for (size_t i = 0; i < couple.ranking.size(); ++i) {
      if (i) out += ',';
      out += '[';
      for (int32_t p : {couple.ranking[i].first, couple.ranking[i].second}) {
        if (p == kNone) {
          out += "null";
        } else {
          quoted(gen::ProgramId(p));
        }
        out += ',';
      }
      out.back() = ']';
    }
    out += c + 1 < in.couples.size() ? "]},\n" : "]}\n";
  }
  out += "]}\n";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: match_gen OUT.json [--couple-free] [--seed N] [--applicants N] "
                 "[--programs M]\n");
    return 2;
  }
  gen::GeneratorOptions options;
  bool couple_free = false;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--couple-free") == 0) {
      couple_free = true;
    } else if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
      options.seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--applicants") == 0 && i + 1 < argc) {
      options.applicants = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--programs") == 0 && i + 1 < argc) {
      options.programs = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "match_gen: unknown argument %s\n", argv[i]);
      return 2;
    }
  }
  if (couple_free) options = gen::CoupleFree(options);
  const std::string json = ToJson(gen::GenerateInstance(options));
  std::FILE* f = std::fopen(argv[1], "wb");
  if (f == nullptr || std::fwrite(json.data(), 1, json.size(), f) != json.size() ||
      std::fclose(f) != 0) {
    std::fprintf(stderr, "match_gen: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
