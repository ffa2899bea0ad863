#include "core/text_index.h"

#include <algorithm>
#include <cmath>

#include "core/text.h"

namespace clerkship::core {

std::vector<std::string> TextWords(std::string_view raw) {
  const std::string text = FoldDiacritics(raw);
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(cur.size() > 40 ? cur.substr(0, 40) : cur);
    cur.clear();
  };
  for (size_t i = 0; i < text.size();) {
    auto u = static_cast<unsigned char>(text[i]);
    if (u < 0x80) {
      if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
        cur.push_back(static_cast<char>(u));
      } else if (u >= 'A' && u <= 'Z') {
        cur.push_back(static_cast<char>(u - 'A' + 'a'));
      } else {
        flush();
      }
      ++i;
      continue;
    }
    // A multi-byte character: punctuation and spaces separate words, letters
    // of any script belong to them.
    size_t len = u >= 0xf0 ? 4 : u >= 0xe0 ? 3 : u >= 0xc0 ? 2 : 1;
    len = std::min(len, text.size() - i);
    uint32_t cp = len == 2 ? ((u & 0x1f) << 6) | (text[i + 1] & 0x3f)
                : len == 3 ? ((u & 0x0f) << 12) | ((text[i + 1] & 0x3f) << 6) | (text[i + 2] & 0x3f)
                           : 0x10000;
    bool separator = (cp >= 0xa0 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 || (cp >= 0x2000 && cp <= 0x206f) ||
                     (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff0f);
    if (separator) {
      flush();
    } else {
      cur.append(text, i, len);
    }
    i += len;
  }
  flush();
  return words;
}

TextIndex BuildTextIndex(const std::vector<std::string>& texts) {
  TextIndex index;
  index.lengths.reserve(texts.size());
  uint64_t total = 0;
  std::unordered_map<uint32_t, uint32_t> counts;
  for (uint32_t doc = 0; doc < texts.size(); ++doc) {
    counts.clear();
    auto words = TextWords(texts[doc]);
    for (auto& w : words) {
      auto [it, added] = index.terms.try_emplace(std::move(w), static_cast<uint32_t>(index.postings.size()));
      if (added) index.postings.emplace_back();
      ++counts[it->second];
    }
    for (const auto& [term, n] : counts) index.postings[term].emplace_back(doc, n);
    index.lengths.push_back(static_cast<uint32_t>(words.size()));
    total += words.size();
  }
  // Documents were added in order, so each posting list is sorted by document.
  index.average_length = texts.empty() ? 0 : static_cast<double>(total) / static_cast<double>(texts.size());
  return index;
}

std::vector<double> MatchText(const TextIndex& index, const std::vector<std::string>& words) {
  const size_t n = index.documents();
  std::vector<double> scores(n, -1.0);
  if (words.empty() || n == 0) return scores;
  std::vector<const std::vector<std::pair<uint32_t, uint32_t>>*> lists;
  for (const auto& w : words) {
    auto it = index.terms.find(w);
    if (it == index.terms.end()) return scores;  // a required word nobody has
    lists.push_back(&index.postings[it->second]);
  }
  // Start from the rarest word; every other word must also occur.
  std::sort(lists.begin(), lists.end(), [](auto* a, auto* b) { return a->size() < b->size(); });
  std::vector<uint32_t> hits;
  for (const auto& [doc, count] : *lists[0]) hits.push_back(doc);
  for (size_t i = 1; i < lists.size() && !hits.empty(); ++i) {
    std::vector<uint32_t> keep;
    auto p = lists[i]->begin();
    for (uint32_t doc : hits) {
      p = std::lower_bound(p, lists[i]->end(), doc, [](const auto& e, uint32_t d) { return e.first < d; });
      if (p == lists[i]->end()) break;
      if (p->first == doc) keep.push_back(doc);
    }
    hits = std::move(keep);
  }
  for (uint32_t doc : hits) scores[doc] = 0;
  const double k1 = 1.2, b = 0.75, N = static_cast<double>(n);
  const double avg = index.average_length > 0 ? index.average_length : 1;
  for (const auto* list : lists) {
    double df = static_cast<double>(list->size());
    double idf = std::log(1 + (N - df + 0.5) / (df + 0.5));
    auto p = list->begin();
    for (uint32_t doc : hits) {
      p = std::lower_bound(p, list->end(), doc, [](const auto& e, uint32_t d) { return e.first < d; });
      double tf = p->second;
      double norm = k1 * (1 - b + b * index.lengths[doc] / avg);
      scores[doc] += idf * tf * (k1 + 1) / (tf + norm);
    }
  }
  return scores;
}

}  // namespace clerkship::core
