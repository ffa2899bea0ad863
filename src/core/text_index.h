// An in-memory full-text index of the published catalog: words → offerings,
// every query word required, BM25 relevance. Pure; built once per catalog
// snapshot, then read-only and thread-safe. Replaces a database full-text
// query per search (decision 004, addendum) and behaves the same on SQLite
// and PostgreSQL.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace clerkship::core {

// Words of `text`: Latin diacritics folded (Müller → muller), ASCII letters
// lower-cased, split at every byte that is not an ASCII letter or digit
// (bytes of other scripts stay inside words), at most 40 bytes each.
std::vector<std::string> TextWords(std::string_view text);

struct TextIndex {
  std::unordered_map<std::string, uint32_t> terms;                   // word → term id
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> postings;  // term → (document, count), by document
  std::vector<uint32_t> lengths;                                     // words per document
  double average_length = 0;

  size_t documents() const { return lengths.size(); }
};

// Document i is texts[i].
TextIndex BuildTextIndex(const std::vector<std::string>& texts);

// Scores (BM25, k1 = 1.2, b = 0.75; higher is better) of the documents that
// contain every word, indexed by document; -1 for the others. An empty word
// list matches nothing.
std::vector<double> MatchText(const TextIndex& index, const std::vector<std::string>& words);

}  // namespace clerkship::core
