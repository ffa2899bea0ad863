// Test helpers for generated PDFs: run the poppler/qpdf command-line tools and
// compare the text they extract. Tests only.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace clerkship::adapters::testing {

// Runs a shell command; returns its standard output, and its exit code in `code`.
inline std::string Shell(const std::string& cmd, int* code = nullptr) {
  std::string out;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  int status = pclose(pipe);
  if (code != nullptr) *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// Collapses every run of whitespace to one space and drops the invisible
// bidi controls pdftotext puts around right-to-left runs (U+200E, U+200F,
// U+202A…U+202E, U+2066…U+2069).
inline std::string Normalise(const std::string& raw) {
  std::string text;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw.compare(i, 2, "\xe2\x80") == 0 && i + 2 < raw.size()) {
      const auto b = static_cast<unsigned char>(raw[i + 2]);
      if (b == 0x8e || b == 0x8f || (b >= 0xaa && b <= 0xae)) {
        i += 2;
        continue;
      }
    }
    if (raw.compare(i, 2, "\xe2\x81") == 0 && i + 2 < raw.size()) {
      const auto b = static_cast<unsigned char>(raw[i + 2]);
      if (b >= 0xa6 && b <= 0xa9) {
        i += 2;
        continue;
      }
    }
    text += raw[i];
  }
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace clerkship::adapters::testing
