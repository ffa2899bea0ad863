#include "services/saved_searches.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "adapters/random.h"
#include "core/catalog_index.h"
#include "core/text_index.h"
#include "core/text.h"
#include "services/catalog.h"
#include "services/internal.h"
#include "store/catalog.h"
#include "store/saved_searches.h"

namespace clerkship::services {
namespace {

using Json = nlohmann::json;

std::map<std::string, std::string> ParamsOf(const std::string& json_text) {
  std::map<std::string, std::string> out;
  Json j = Json::parse(json_text, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items()) {
    if (v.is_string()) out[k] = v.get<std::string>();
  }
  return out;
}

SavedSearch ViewOf(const store::SavedSearchRow& row) {
  SavedSearch s;
  s.id = row.id;
  s.name = row.name;
  s.params = ParamsOf(row.query);
  s.query_string = EncodeQuery(s.params);
  s.created_at = row.created_at;
  s.last_alert_at = row.last_alert_at;
  return s;
}

std::string Today(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()).substr(0, 10); }

}  // namespace

std::string EncodeQuery(const std::map<std::string, std::string>& params) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out.push_back('&');
    for (const std::string* part : {&k, &v}) {
      for (unsigned char c : *part) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
          out.push_back(static_cast<char>(c));
        } else {
          out.push_back('%');
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        }
      }
      if (part == &k) out.push_back('=');
    }
  }
  return out;
}

core::Result<SavedSearch> SaveSearch(Context& ctx, const Actor& actor, const std::string& name_in,
                                     const std::map<std::string, std::string>& params_in) {
  std::string name = core::Trim(name_in);
  if (name.empty() || !core::IsValidUtf8(name) || core::CodePointCount(name) > 100) {
    return core::InvalidArgument("name", "give the search a name of 1–100 characters");
  }
  // Exactly the search page's validation; the page number means nothing for alerts.
  std::map<std::string, std::string> params;
  for (const auto& [k, v] : params_in) {
    if (k != "page" && k != "per_page" && !v.empty()) params[k] = v;
  }
  auto parsed = ParseSearchParams(params, true);
  if (!parsed) {
    auto e = parsed.error();
    e.field = "query." + e.field;
    return std::unexpected(e);
  }
  Json j = Json::object();
  for (const auto& [k, v] : params) j[k] = v;
  auto r = ctx.db.Run<SavedSearch>([&](store::Tx& tx) -> core::Result<SavedSearch> {
    if (store::CountSavedSearches(tx, actor.user_id) >= kMaxSavedSearches) {
      return std::unexpected(core::Error{core::ErrorCode::kFailedPrecondition,
                                         "you have " + std::to_string(kMaxSavedSearches) +
                                             " saved searches; delete one to save another",
                                         "name", ""});
    }
    store::SavedSearchRow row;
    row.id = adapters::NewId();
    row.user_id = actor.user_id;
    row.name = name;
    row.query = j.dump();
    // Alerts start from here: what is public now the applicant has just seen.
    row.watermark = store::CatalogVersion(tx);
    row.created_at = core::FormatIso8601(ctx.clock.Now());
    store::InsertSavedSearch(tx, row);
    Audit(tx, ctx, actor, "saved_search.create", "saved_search", row.id, "", "");
    return ViewOf(row);
  });
  if (!r && r.error().code == core::ErrorCode::kConflict) {
    r.error().field = "name";
    r.error().message = "you already have a saved search with this name";
  }
  return r;
}

core::Result<std::vector<SavedSearch>> ListSavedSearches(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<std::vector<SavedSearch>>(
      [&](store::Tx& tx) -> core::Result<std::vector<SavedSearch>> {
        std::vector<SavedSearch> out;
        for (const auto& row : store::ListSavedSearches(tx, actor.user_id))
          out.push_back(ViewOf(row));
        return out;
      });
}

core::Status DeleteSavedSearch(Context& ctx, const Actor& actor, const std::string& id) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    if (!store::DeleteSavedSearch(tx, actor.user_id, id))
      return core::NotFound("no such saved search");
    Audit(tx, ctx, actor, "saved_search.delete", "saved_search", id, "", "");
    return {};
  });
}

core::Result<AlertRun> RunSavedSearchAlerts(Context& ctx) {
  AlertRun run;
  struct Work {
    long long version = -1;
    std::vector<store::SavedSearchRow> searches;
    std::shared_ptr<const CatalogSnapshot> snapshot;
    std::vector<store::PublishedBlock> blocks;
  };
  const bool fts5 = ctx.db.backend() == store::Backend::kSqlite;
  auto work = ctx.db.RunRead<Work>([&](store::Tx& tx) -> core::Result<Work> {
    Work w;
    long long newest = store::MaxPublishedSeq(tx);
    if (newest == 0) return w;
    w.searches = store::SavedSearchesBehind(tx, newest, 500);
    if (w.searches.empty()) return w;
    // A snapshot at least as new as every block up to its version.
    ctx.catalog_cache->Invalidate();
    w.snapshot = ctx.catalog_cache->Current(tx);
    w.version = w.snapshot->version;
    long long lowest = w.searches.front().watermark;
    for (const auto& s : w.searches) lowest = std::min(lowest, s.watermark);
    w.blocks = store::BlocksPublishedBetween(tx, lowest, w.version);
    return w;
  });
  if (!work) return std::unexpected(work.error());
  if (work->searches.empty() || work->version < 0) return run;

  std::unordered_map<std::string, const core::IndexedOffering*> offerings;
  for (const auto& o : work->snapshot->offerings) offerings[o.id] = &o;
  const std::string today = Today(ctx);
  for (const auto& s : work->searches) {
    if (s.watermark >= work->version) continue;
    std::vector<AlertBlock> lines;
    auto parsed = ParseSearchParams(ParamsOf(s.query), fts5);
    if (parsed) {
      // One candidate per new block: its offering with only that block, so
      // block filters (start month, open now) judge the new block itself.
      std::vector<core::IndexedOffering> candidates;
      std::vector<const store::PublishedBlock*> source;
      std::vector<double> all_scores, scores;  // text relevance per snapshot offering, per candidate
      if (parsed->has_text) {
        auto words = core::TextWords(parsed->words);
        if (words.size() > 10) words.resize(10);
        all_scores = core::MatchText(work->snapshot->text, words);
      }
      for (const auto& b : work->blocks) {
        if (b.seq <= s.watermark || b.block.draft.start_date < today) continue;
        auto it = offerings.find(b.offering_id);
        if (it == offerings.end()) continue;
        core::IndexedOffering c = *it->second;
        c.blocks = {{b.block.draft.start_date, b.block.draft.opens_on, b.block.draft.deadline,
                     std::max(0, b.block.draft.seats - b.block.filled)}};
        candidates.push_back(std::move(c));
        source.push_back(&b);
        if (parsed->has_text) {
          scores.push_back(all_scores[static_cast<size_t>(it->second - work->snapshot->offerings.data())]);
        }
      }
      if (!candidates.empty()) {
        core::CatalogQuery q = parsed->query;
        q.offset = 0;
        q.limit = static_cast<int>(candidates.size());
        q.sort = "start";
        auto page = core::SearchCatalogIndex(candidates, q, parsed->has_text ? &scores : nullptr, today);
        for (const auto& hit : page.hits) {
          const auto& c = *hit.offering;
          const auto& b = *source[static_cast<size_t>(hit.offering - candidates.data())];
          std::string place = c.city + (c.state.empty() ? "" : ", " + c.state);
          lines.push_back({c.title, c.institution_name, place, b.block.draft.start_date,
                           b.block.draft.end_date, b.block.draft.deadline,
                           ctx.public_url + "/rotations/" + c.id});
        }
      }
    }
    std::string now = core::FormatIso8601(ctx.clock.Now());
    auto st = ctx.db.Transact([&](store::Tx& tx) -> core::Status {
      // Another process got here first: it sends (or sent) this alert.
      if (!store::AdvanceWatermark(tx, s.id, s.watermark, work->version, lines.empty() ? "" : now))
        return {};
      ++run.searches;
      if (lines.empty()) return {};
      SendEmail(tx, ctx, s.email,
                SavedSearchAlertMessage(
                    s.display_name, s.name, lines,
                    ctx.public_url + "/rotations" +
                        (parsed && !ParamsOf(s.query).empty() ? "?" + EncodeQuery(ParamsOf(s.query))
                                                              : ""),
                    ctx.public_url + "/saved-searches"));
      ++run.emails;
      return {};
    });
    if (!st) spdlog::error("saved-search alert {}: {}", s.id, st.error().detail);
  }
  return run;
}

}  // namespace clerkship::services
