#include "core/catalog_index.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <functional>

namespace clerkship::core {

const char* FeeBucket(int64_t cents) {
  if (cents == 0) return "free";
  if (cents <= 100000) return "under_1000";
  if (cents <= 300000) return "1000_to_3000";
  return "over_3000";
}

CatalogPage SearchCatalogIndex(const std::vector<IndexedOffering>& offerings, const CatalogQuery& q,
                               const std::vector<double>* text_scores, const std::string& today) {
  CatalogPage page;
  std::vector<CatalogHit> hits;
  hits.reserve(offerings.size());
  // Counting into hash maps keyed by views of the snapshot's strings is several
  // times cheaper than std::map<std::string> on 20,000 offerings; the ordered
  // maps are built once at the end.
  enum Facet { kType, kSpecialty, kState, kCountry, kHandsOn, kFee, kVisa, kMonth, kFacets };
  std::array<std::unordered_map<std::string_view, int>, kFacets> counts;
  int open_count = 0;
  const std::string month_from = q.start_month.empty() ? "" : q.start_month + "-01";
  const std::string month_to = q.start_month.empty() ? "" : q.start_month + "-32";
  for (size_t at = 0; at < offerings.size(); ++at) {
    const auto& o = offerings[at];
    if (text_scores && (at >= text_scores->size() || (*text_scores)[at] < 0)) continue;
    if (!q.type.empty() && o.type != q.type) continue;
    if (!q.specialty.empty() && o.specialty != q.specialty) continue;
    if (!q.state.empty() && o.state != q.state) continue;
    if (!q.country.empty() && o.country != q.country) continue;
    if (q.hands_on >= 0 && o.hands_on != (q.hands_on == 1)) continue;
    if (q.fee_max_cents >= 0 && o.fee_min_cents > q.fee_max_cents) continue;
    if (!q.visa.empty() && std::find(o.visas.begin(), o.visas.end(), q.visa) == o.visas.end()) continue;
    CatalogHit h{&o, "", "", 0};
    bool open = false, in_month = q.start_month.empty();
    for (const auto& b : o.blocks) {
      open = open || (b.opens_on <= today && b.deadline >= today);
      if (!in_month && b.start_date >= month_from && b.start_date < month_to) in_month = true;
      if (b.start_date >= today) {
        if (h.next_start.empty()) h.next_start = b.start_date;
        h.seats_left += b.seats_left;
      }
      if (b.deadline >= today && (h.next_deadline.empty() || b.deadline < h.next_deadline)) h.next_deadline = b.deadline;
    }
    if (q.open_now && !open) continue;
    if (!in_month) continue;
    hits.push_back(h);
    // Facets over the matching set.
    ++counts[kType][o.type];
    ++counts[kSpecialty][o.specialty];
    ++counts[kState][o.state];
    ++counts[kCountry][o.country];
    ++counts[kHandsOn][o.hands_on ? "1" : "0"];
    ++counts[kFee][FeeBucket(o.fee_min_cents)];
    for (const auto& v : o.visas) ++counts[kVisa][v];
    if (open) ++open_count;
    std::string_view last_month;
    for (const auto& b : o.blocks) {
      if (b.start_date < today) continue;
      std::string_view m = std::string_view(b.start_date).substr(0, 7);
      if (m != last_month) ++counts[kMonth][m];  // blocks are sorted: count each month once
      last_month = m;
    }
  }
  const char* names[kFacets] = {"type", "specialty", "state", "country", "hands_on", "fee", "visa", "start_month"};
  for (int f = 0; f < kFacets; ++f) {
    if (counts[f].empty()) continue;
    auto& out = page.facets[names[f]];
    for (const auto& [k, n] : counts[f]) out[std::string(k)] = n;
  }
  if (open_count) page.facets["open_now"]["true"] = open_count;
  page.total = static_cast<int>(hits.size());
  auto by_id = [](const CatalogHit& a, const CatalogHit& b) { return a.offering->id < b.offering->id; };
  auto empty_last = [](const std::string& a, const std::string& b) {
    if (a.empty() != b.empty()) return b.empty();
    return a < b;
  };
  std::function<bool(const CatalogHit&, const CatalogHit&)> less;
  if (q.sort == "deadline") {
    less = [&](const CatalogHit& a, const CatalogHit& b) {
      if (a.next_deadline != b.next_deadline) return empty_last(a.next_deadline, b.next_deadline);
      return by_id(a, b);
    };
  } else if (q.sort == "fee") {
    less = [&](const CatalogHit& a, const CatalogHit& b) {
      if (a.offering->fee_min_cents != b.offering->fee_min_cents) return a.offering->fee_min_cents < b.offering->fee_min_cents;
      return by_id(a, b);
    };
  } else if (q.sort == "relevance" && text_scores) {
    const IndexedOffering* first = offerings.data();
    less = [&, first](const CatalogHit& a, const CatalogHit& b) {
      double ra = (*text_scores)[a.offering - first], rb = (*text_scores)[b.offering - first];
      if (ra != rb) return ra > rb;
      return by_id(a, b);
    };
  } else {
    less = [&](const CatalogHit& a, const CatalogHit& b) {
      if (a.next_start != b.next_start) return empty_last(a.next_start, b.next_start);
      return by_id(a, b);
    };
  }
  size_t from = std::min(hits.size(), static_cast<size_t>(std::max(q.offset, 0)));
  size_t to = std::min(hits.size(), from + static_cast<size_t>(std::max(q.limit, 0)));
  // Only the requested page needs to be in order.
  std::partial_sort(hits.begin(), hits.begin() + static_cast<long>(to), hits.end(), less);
  page.hits.assign(hits.begin() + static_cast<long>(from), hits.begin() + static_cast<long>(to));
  return page;
}

}  // namespace clerkship::core
