// Benchmarks of the generated documents (src/adapters/documents.h): a
// completion certificate (pango text + QR code), a 12-rotation transcript
// (4–5 pages) and merging a 5-part application packet with its outline.
// Figures: bench/RESULTS-pdf.md.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "adapters/documents.h"
#include "adapters/pdf.h"

namespace {

namespace adapters = clerkship::adapters;

adapters::RotationFacts Facts(int i) {
  adapters::RotationFacts f;
  f.institution = "Lakeshore University Hospital";
  f.institution_place = "Chicago, IL, United States";
  f.applicant_name = "Александра Владимировна Константинопольская";
  f.rotation_title = "Cardiology elective " + std::to_string(i);
  f.specialty = "Cardiology";
  f.rotation_type = i % 4 == 3 ? "observership" : "elective";
  f.hands_on = i % 4 != 3;
  f.start_date = "2026-01-05";
  f.end_date = "2026-02-01";
  f.weeks = 4;
  f.preceptor = "Dr. Elena Petrova";
  f.verification_code = "CLK-7Q4M-XR2P-" + std::to_string(10 + i);
  f.verification_url = "https://clerkship.example.org/verify/" + f.verification_code;
  f.issued_on = "2026-02-03";
  return f;
}

adapters::TranscriptFacts Transcript() {
  adapters::TranscriptFacts t{Facts(0).applicant_name, "2026-11-28", {}};
  for (int i = 0; i < 12; ++i) t.rotations.push_back(Facts(i));
  return t;
}

void BM_Certificate(benchmark::State& state) {
  const auto facts = Facts(1);
  size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = adapters::RenderCertificate(facts);
    if (!pdf) {
      state.SkipWithError(pdf.error().detail.c_str());
      break;
    }
    bytes = pdf->size();
    benchmark::DoNotOptimize(pdf);
  }
  state.counters["pdf_KiB"] = static_cast<double>(bytes) / 1024;
}

void BM_Transcript12Rotations(benchmark::State& state) {
  const auto transcript = Transcript();
  size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = adapters::RenderTranscript(transcript);
    if (!pdf) {
      state.SkipWithError(pdf.error().detail.c_str());
      break;
    }
    bytes = pdf->size();
    benchmark::DoNotOptimize(pdf);
  }
  state.counters["pdf_KiB"] = static_cast<double>(bytes) / 1024;
}

// CV (2 pages), transcript (12 rotations) and three certificates.
void BM_Packet5Parts(benchmark::State& state) {
  adapters::PdfDocument cv;
  cv.blocks.push_back({adapters::PdfBlock::Kind::kTitle, "Curriculum vitae"});
  for (int i = 0; i < 60; ++i)
    cv.blocks.push_back({adapters::PdfBlock::Kind::kParagraph,
                         "Daily rounds with the inpatient team, admission histories and physical "
                         "examinations, case presentations, discharge summaries."});
  std::vector<adapters::PacketPart> parts = {
      {"Curriculum vitae", adapters::RenderPdf(cv).value()},
      {"Transcript of U.S. clinical experience", adapters::RenderTranscript(Transcript()).value()}};
  for (int i = 0; i < 3; ++i)
    parts.push_back(
        {"Certificate " + std::to_string(i + 1), adapters::RenderCertificate(Facts(i)).value()});
  size_t in = 0, out = 0;
  for (const auto& p : parts) in += p.pdf.size();
  for (auto _ : state) {
    auto pdf = adapters::MergePacket("Application packet", parts);
    if (!pdf) {
      state.SkipWithError(pdf.error().message.c_str());
      break;
    }
    out = pdf->size();
    benchmark::DoNotOptimize(pdf);
  }
  state.counters["in_KiB"] = static_cast<double>(in) / 1024;
  state.counters["out_KiB"] = static_cast<double>(out) / 1024;
}

BENCHMARK(BM_Certificate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Transcript12Rotations)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Packet5Parts)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
