#include "services/catalog.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "adapters/random.h"
#include "core/text.h"
#include "services/catalog_json.h"
#include "services/internal.h"
#include "store/institutions.h"

namespace clerkship::services {
std::vector<std::string> SpecialtyCodes(store::Tx& tx) {
  std::vector<std::string> out;
  for (const auto& s : store::ListSpecialties(tx)) out.push_back(s.code);
  return out;
}

namespace {

std::string SpecialtyName(store::Tx& tx, const std::string& code) {
  for (const auto& s : store::ListSpecialties(tx)) {
    if (s.code == code) return s.name;
  }
  return code;
}

int64_t FeeMin(const core::OfferingDraft& d) {
  int64_t best = -1;
  if (d.eligibility.students) best = core::AllInCost(d.fees, "student");
  if (d.eligibility.graduates) {
    int64_t g = core::AllInCost(d.fees, "graduate");
    best = best < 0 ? g : std::min(best, g);
  }
  return std::max<int64_t>(best, 0);
}

}  // namespace

store::OfferingRow OfferingRowFrom(const core::OfferingDraft& d, const std::string& id,
                                   const std::string& institution_id, const std::string& status,
                                   const std::string& now) {
  store::OfferingRow o;
  o.id = id;
  o.institution_id = institution_id;
  o.status = status;
  o.title = d.title;
  o.specialty = d.specialty;
  o.type = d.type;
  o.hands_on = d.hands_on;
  o.description = d.description;
  o.city = d.city;
  o.state = d.state;
  o.country = d.country;
  o.duration_weeks = d.duration_weeks;
  o.currency = d.currency;
  o.fee_min_cents = FeeMin(d);
  o.visas = " ";
  for (const auto& v : d.eligibility.visas_accepted) o.visas += v + " ";
  o.details = DetailsJson(d);
  o.created_at = now;
  o.updated_at = now;
  return o;
}

namespace {

core::OfferingDraft DraftFrom(const store::OfferingRow& o) {
  Json j = Json::parse(o.details, nullptr, false);
  if (!j.is_object()) j = Json::object();
  j["title"] = o.title;
  j["specialty"] = o.specialty;
  j["type"] = o.type;
  j["hands_on"] = o.hands_on;
  j["description"] = o.description;
  j["city"] = o.city;
  j["state"] = o.state;
  j["country"] = o.country;
  j["duration_weeks"] = o.duration_weeks;
  j["currency"] = o.currency;
  auto d = OfferingDraftFromJson(j);
  return d ? *d : core::OfferingDraft{};
}

OfferingView ViewOf(store::Tx& tx, const store::OfferingRow& o) {
  OfferingView v;
  v.offering = {o.id, o.institution_id, o.institution_name, o.time_zone, o.status, DraftFrom(o),
                o.created_at, o.updated_at};
  v.blocks = store::ListBlocks(tx, o.id);
  v.all_in_student_cents = core::AllInCost(v.offering.draft.fees, "student");
  v.all_in_graduate_cents = core::AllInCost(v.offering.draft.fees, "graduate");
  return v;
}

// The offering if it belongs to the institution, else kNotFound.
core::Result<store::OfferingRow> OwnedOffering(store::Tx& tx, const std::string& institution_id,
                                               const std::string& offering_id) {
  auto o = store::FindOffering(tx, offering_id);
  if (!o || o->institution_id != institution_id) return core::NotFound("no such offering");
  return *o;
}

std::string Today(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()).substr(0, 10); }

}  // namespace

std::shared_ptr<CatalogCache> Context::MakeCatalogCache() { return std::make_shared<CatalogCache>(); }

std::shared_ptr<const CatalogSnapshot> CatalogCache::Current(store::Tx& tx) {
  auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now().time_since_epoch()).count();
  {
    std::lock_guard lock(mu_);
    if (snapshot_ && now_ms - checked_at_ms_.load() < 1000) return snapshot_;
  }
  long long version = store::CatalogVersion(tx);
  std::lock_guard lock(mu_);
  if (!snapshot_ || snapshot_->version != version) {
    auto fresh = std::make_shared<CatalogSnapshot>();
    fresh->version = version;
    fresh->offerings = store::LoadCatalogIndex(tx);
    std::vector<std::string> texts;
    texts.reserve(fresh->offerings.size());
    for (auto& o : fresh->offerings) texts.push_back(std::exchange(o.search_text, {}));
    fresh->text = core::BuildTextIndex(texts);
    snapshot_ = std::move(fresh);
  }
  checked_at_ms_ = now_ms;
  return snapshot_;
}

std::shared_ptr<const OfferingView> CatalogCache::Page(const std::string& offering_id, long long version) {
  std::lock_guard lock(mu_);
  if (pages_version_ != version) return nullptr;
  auto it = pages_.find(offering_id);
  return it == pages_.end() ? nullptr : it->second;
}

void CatalogCache::PutPage(long long version, std::shared_ptr<const OfferingView> view) {
  std::lock_guard lock(mu_);
  if (pages_version_ != version) {
    pages_.clear();
    pages_version_ = version;
  }
  if (pages_.size() < 50000) pages_[view->offering.id] = std::move(view);
}

std::shared_ptr<const CatalogCache::Body> CatalogCache::FreshBody(const std::string& key) {
  auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now().time_since_epoch()).count();
  std::lock_guard lock(mu_);
  if (!snapshot_ || now_ms - checked_at_ms_.load() >= 1000 || bodies_version_ != snapshot_->version) return nullptr;
  auto it = bodies_.find(key);
  return it == bodies_.end() ? nullptr : it->second;
}

void CatalogCache::PutBody(const std::string& key, long long version, Body body) {
  std::lock_guard lock(mu_);
  if (bodies_version_ != version) {
    bodies_.clear();
    bodies_version_ = version;
  }
  if (bodies_.size() < 50000) bodies_[key] = std::make_shared<const Body>(std::move(body));
}

core::Result<std::vector<store::SpecialtyRow>> ListSpecialties(Context& ctx) {
  return ctx.db.Run<std::vector<store::SpecialtyRow>>(
      [](store::Tx& tx) -> core::Result<std::vector<store::SpecialtyRow>> { return store::ListSpecialties(tx); });
}

core::Result<store::SpecialtyRow> AddSpecialty(Context& ctx, const Actor& actor, const std::string& code_in,
                                               const std::string& name_in) {
  std::string code = core::Trim(code_in);
  std::string name = core::Trim(name_in);
  if (code.empty() || code.size() > 40 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; })) {
    return core::InvalidArgument("code", "code must be 1–40 lower-case letters or underscores");
  }
  if (name.empty() || !core::IsValidUtf8(name) || core::CodePointCount(name) > 100) {
    return core::InvalidArgument("name", "name must be 1–100 characters");
  }
  auto r = ctx.db.Run<store::SpecialtyRow>([&](store::Tx& tx) -> core::Result<store::SpecialtyRow> {
    store::SpecialtyRow s{code, name};
    store::InsertSpecialty(tx, s, core::FormatIso8601(ctx.clock.Now()));
    Audit(tx, ctx, actor, "specialty.create", "specialty", code, "", "");
    return s;
  });
  if (!r && r.error().code == core::ErrorCode::kConflict) r.error().field = "code";
  return r;
}

core::Result<OfferingView> CreateOffering(Context& ctx, const Actor& actor, const std::string& institution_id,
                                          core::OfferingDraft draft) {
  auto result = ctx.db.Run<OfferingView>([&](store::Tx& tx) -> core::Result<OfferingView> {
    auto valid = core::ValidateOffering(draft, SpecialtyCodes(tx));
    if (!valid) return std::unexpected(valid.error());
    if (!store::FindInstitution(tx, institution_id)) return core::NotFound("no such institution");
    std::string now = core::FormatIso8601(ctx.clock.Now());
    auto row = OfferingRowFrom(*valid, adapters::NewId(), institution_id, "draft", now);
    store::InsertOffering(tx, row);
    auto stored = store::FindOffering(tx, row.id);
    store::IndexOffering(tx, *stored, SpecialtyName(tx, row.specialty));
    store::BumpCatalogVersion(tx);
    Audit(tx, ctx, actor, "offering.create", "offering", row.id, institution_id, "");
    return ViewOf(tx, *stored);
  });
  // After the commit: the next search re-reads the version.
  ctx.catalog_cache->Invalidate();
  return result;
}

core::Result<OfferingView> UpdateOffering(Context& ctx, const Actor& actor, const std::string& institution_id,
                                          const std::string& offering_id, core::OfferingDraft draft) {
  auto result = ctx.db.Run<OfferingView>([&](store::Tx& tx) -> core::Result<OfferingView> {
    auto existing = OwnedOffering(tx, institution_id, offering_id);
    if (!existing) return std::unexpected(existing.error());
    auto valid = core::ValidateOffering(draft, SpecialtyCodes(tx));
    if (!valid) return std::unexpected(valid.error());
    std::string now = core::FormatIso8601(ctx.clock.Now());
    auto row = OfferingRowFrom(*valid, offering_id, institution_id, existing->status, existing->created_at);
    row.updated_at = now;
    store::UpdateOffering(tx, row);
    auto stored = store::FindOffering(tx, offering_id);
    store::IndexOffering(tx, *stored, SpecialtyName(tx, row.specialty));
    store::BumpCatalogVersion(tx);
    Audit(tx, ctx, actor, "offering.update", "offering", offering_id, institution_id, "");
    return ViewOf(tx, *stored);
  });
  // After the commit: the next search re-reads the version.
  ctx.catalog_cache->Invalidate();
  return result;
}

core::Result<OfferingView> SetOfferingStatus(Context& ctx, const Actor& actor, const std::string& institution_id,
                                             const std::string& offering_id, const std::string& status) {
  if (status != "draft" && status != "published" && status != "archived") {
    return core::InvalidArgument("status", "status must be draft, published or archived");
  }
  auto result = ctx.db.Run<OfferingView>([&](store::Tx& tx) -> core::Result<OfferingView> {
    auto existing = OwnedOffering(tx, institution_id, offering_id);
    if (!existing) return std::unexpected(existing.error());
    if (status == "published" && store::ListBlocks(tx, offering_id).empty()) {
      return std::unexpected(core::Error{core::ErrorCode::kFailedPrecondition,
                                         "add at least one block (dates and seats) before publishing", "status", ""});
    }
    store::SetOfferingStatus(tx, offering_id, status, core::FormatIso8601(ctx.clock.Now()));
    store::BumpCatalogVersion(tx);
    store::MarkBlocksVisible(tx, offering_id);
    Audit(tx, ctx, actor, "offering." + status, "offering", offering_id, institution_id,
          "{\"from\":\"" + existing->status + "\"}");
    return ViewOf(tx, *store::FindOffering(tx, offering_id));
  });
  // After the commit: the next search re-reads the version.
  ctx.catalog_cache->Invalidate();
  return result;
}

core::Result<OfferingView> DuplicateOffering(Context& ctx, const Actor& actor, const std::string& institution_id,
                                             const std::string& offering_id) {
  return ctx.db.Run<OfferingView>([&](store::Tx& tx) -> core::Result<OfferingView> {
    auto existing = OwnedOffering(tx, institution_id, offering_id);
    if (!existing) return std::unexpected(existing.error());
    auto draft = DraftFrom(*existing);
    std::string suffix = " (copy)";
    if (core::CodePointCount(draft.title) + suffix.size() <= 200) draft.title += suffix;
    std::string now = core::FormatIso8601(ctx.clock.Now());
    auto row = OfferingRowFrom(draft, adapters::NewId(), institution_id, "draft", now);
    store::InsertOffering(tx, row);
    auto stored = store::FindOffering(tx, row.id);
    store::IndexOffering(tx, *stored, SpecialtyName(tx, row.specialty));
    Audit(tx, ctx, actor, "offering.duplicate", "offering", row.id, institution_id,
          "{\"from\":\"" + offering_id + "\"}");
    return ViewOf(tx, *stored);
  });
}

core::Result<std::vector<OfferingView>> ListInstitutionOfferings(Context& ctx, const std::string& institution_id) {
  return ctx.db.Run<std::vector<OfferingView>>([&](store::Tx& tx) -> core::Result<std::vector<OfferingView>> {
    std::vector<OfferingView> out;
    for (const auto& o : store::ListOfferings(tx, institution_id)) out.push_back(ViewOf(tx, o));
    return out;
  });
}

core::OfferingDraft OfferingDraftOf(const store::OfferingRow& row) { return DraftFrom(row); }

core::Result<OfferingView> GetOffering(Context& ctx, const Actor& actor, const std::string& offering_id) {
  return ctx.db.RunRead<OfferingView>([&](store::Tx& tx) -> core::Result<OfferingView> {
    // Published pages come from the process cache while the catalog is unchanged.
    auto snapshot = ctx.catalog_cache->Current(tx);
    if (auto cached = ctx.catalog_cache->Page(offering_id, snapshot->version)) return *cached;
    auto o = store::FindOffering(tx, offering_id);
    if (!o) return core::NotFound("no such offering");
    bool staff = actor.principal.is_admin || actor.principal.IsStaffOf(o->institution_id);
    if (o->status != "published" && !staff) return core::NotFound("no such offering");
    auto view = ViewOf(tx, *o);
    view.catalog_version = snapshot->version;
    if (o->status == "published") ctx.catalog_cache->PutPage(snapshot->version, std::make_shared<OfferingView>(view));
    return view;
  });
}

core::Result<core::Block> AddBlock(Context& ctx, const Actor& actor, const std::string& institution_id,
                                   const std::string& offering_id, core::BlockDraft draft) {
  auto valid = core::ValidateBlock(std::move(draft));
  if (!valid) return std::unexpected(valid.error());
  auto result = ctx.db.Run<core::Block>([&](store::Tx& tx) -> core::Result<core::Block> {
    auto existing = OwnedOffering(tx, institution_id, offering_id);
    if (!existing) return std::unexpected(existing.error());
    if (existing->status == "archived") return core::Conflict("this offering is archived; restore it to add blocks");
    core::Block b{adapters::NewId(), offering_id, *valid, 0, 0};
    store::InsertBlock(tx, b, core::FormatIso8601(ctx.clock.Now()));
    store::BumpCatalogVersion(tx);
    store::MarkBlocksVisible(tx, offering_id);
    Audit(tx, ctx, actor, "block.create", "block", b.id, institution_id, "");
    return b;
  });
  // After the commit: the next search re-reads the version.
  ctx.catalog_cache->Invalidate();
  return result;
}

core::Result<core::Block> UpdateBlock(Context& ctx, const Actor& actor, const std::string& institution_id,
                                      const std::string& offering_id, const std::string& block_id,
                                      core::BlockDraft draft) {
  auto valid = core::ValidateBlock(std::move(draft));
  if (!valid) return std::unexpected(valid.error());
  auto result = ctx.db.Run<core::Block>([&](store::Tx& tx) -> core::Result<core::Block> {
    auto existing = OwnedOffering(tx, institution_id, offering_id);
    if (!existing) return std::unexpected(existing.error());
    auto b = store::FindBlock(tx, offering_id, block_id);
    if (!b) return core::NotFound("no such block");
    if (valid->seats < b->filled) {
      return core::InvalidArgument("seats", std::to_string(b->filled) + " seats are already filled; seats cannot go below that");
    }
    b->draft = *valid;
    store::UpdateBlock(tx, *b);
    store::BumpCatalogVersion(tx);
    Audit(tx, ctx, actor, "block.update", "block", block_id, institution_id, "");
    return *b;
  });
  // After the commit: the next search re-reads the version.
  ctx.catalog_cache->Invalidate();
  return result;
}

core::Status DeleteBlock(Context& ctx, const Actor& actor, const std::string& institution_id,
                         const std::string& offering_id, const std::string& block_id) {
  auto result = ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto existing = OwnedOffering(tx, institution_id, offering_id);
    if (!existing) return std::unexpected(existing.error());
    auto b = store::FindBlock(tx, offering_id, block_id);
    if (!b) return core::NotFound("no such block");
    if (b->applications > 0) return core::Conflict("this block has applications; it cannot be deleted");
    store::DeleteBlock(tx, block_id);
    store::BumpCatalogVersion(tx);
    Audit(tx, ctx, actor, "block.delete", "block", block_id, institution_id, "");
    return {};
  });
  // After the commit: the next search re-reads the version.
  ctx.catalog_cache->Invalidate();
  return result;
}

core::Result<SearchRequest> ParseSearchParams(const std::map<std::string, std::string>& params, bool /*unused*/) {
  static const std::set<std::string> kKnown = {"q", "type", "specialty", "state", "country", "hands_on",
                                               "fee_max", "open_now", "start_month", "visa", "sort",
                                               "page", "per_page"};
  for (const auto& [k, v] : params) {
    if (!kKnown.contains(k)) {
      std::string shown = k.substr(0, 40);
      return core::InvalidArgument(shown, "unknown search parameter " + shown);
    }
    if (v.size() > 500) return core::InvalidArgument(k, k + " is too long");
    if (!core::IsValidUtf8(v)) return core::InvalidArgument(k, k + " is not valid UTF-8 text");
  }
  auto get = [&](const char* k) {
    auto it = params.find(k);
    return it == params.end() ? std::string() : it->second;
  };
  auto integer = [&](const char* k, long long lo, long long hi, long long fallback) -> core::Result<long long> {
    std::string v = get(k);
    if (v.empty()) return fallback;
    long long n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || p != v.data() + v.size() || n < lo || n > hi) {
      return core::InvalidArgument(k, std::string(k) + " must be a whole number from " + std::to_string(lo) +
                                          " to " + std::to_string(hi));
    }
    return n;
  };
  core::CatalogQuery f;
  auto page = integer("page", 1, 1000, 1);
  if (!page) return std::unexpected(page.error());
  auto per_page = integer("per_page", 1, 100, 20);
  if (!per_page) return std::unexpected(per_page.error());
  auto fee_max = integer("fee_max", 0, 100'000'000, -1);
  if (!fee_max) return std::unexpected(fee_max.error());
  f.limit = static_cast<int>(*per_page);
  f.offset = static_cast<int>((*page - 1) * *per_page);
  f.fee_max_cents = *fee_max;
  const std::string text = get("q");
  f.type = get("type");
  if (!f.type.empty() && std::find(core::kOfferingTypes.begin(), core::kOfferingTypes.end(), f.type) == core::kOfferingTypes.end()) {
    return core::InvalidArgument("type", "type must be core, elective, sub_internship or observership");
  }
  f.specialty = get("specialty");
  f.state = get("state");
  f.country = get("country");
  for (auto& c : f.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string hands_on = get("hands_on");
  if (hands_on == "true") f.hands_on = 1;
  else if (hands_on == "false") f.hands_on = 0;
  else if (!hands_on.empty()) return core::InvalidArgument("hands_on", "hands_on must be true or false");
  std::string open_now = get("open_now");
  if (open_now == "true") f.open_now = true;
  else if (!open_now.empty() && open_now != "false") return core::InvalidArgument("open_now", "open_now must be true or false");
  f.start_month = get("start_month");
  if (!f.start_month.empty() && (f.start_month.size() != 7 || !core::IsIsoDate(f.start_month + "-01"))) {
    return core::InvalidArgument("start_month", "start_month must be a month such as 2027-03");
  }
  f.visa = get("visa");
  if (!f.visa.empty() && std::find(core::kVisaTypes.begin(), core::kVisaTypes.end(), f.visa) == core::kVisaTypes.end()) {
    return core::InvalidArgument("visa", "unknown visa type " + f.visa.substr(0, 40));
  }
  f.sort = get("sort").empty() ? (text.empty() ? "start" : "relevance") : get("sort");
  if (f.sort != "start" && f.sort != "deadline" && f.sort != "fee" && f.sort != "relevance") {
    return core::InvalidArgument("sort", "sort must be start, deadline, fee or relevance");
  }
  SearchRequest out;
  out.query = std::move(f);
  out.words = std::move(text);
  out.has_text = !get("q").empty();
  out.page = static_cast<int>(*page);
  return out;
}

core::Result<SearchResult> SearchCatalog(Context& ctx, const std::map<std::string, std::string>& params) {
  auto parsed = ParseSearchParams(params, ctx.db.backend() == store::Backend::kSqlite);
  if (!parsed) return std::unexpected(parsed.error());
  const core::CatalogQuery& f = parsed->query;
  const std::string& text = parsed->words;
  bool has_text = parsed->has_text;
  return ctx.db.RunRead<SearchResult>([&](store::Tx& tx) -> core::Result<SearchResult> {
    SearchResult r;
    r.snapshot = ctx.catalog_cache->Current(tx);
    // Text that reduces to no words (only punctuation) matches nothing rather than everything.
    std::vector<double> scores;
    if (has_text) {
      auto words = core::TextWords(text);
      if (words.size() > 10) words.resize(10);
      scores = core::MatchText(r.snapshot->text, words);
    }
    r.page = core::SearchCatalogIndex(r.snapshot->offerings, f, has_text ? &scores : nullptr, Today(ctx));
    r.page_number = parsed->page;
    r.per_page = f.limit;
    return r;
  });
}

}  // namespace clerkship::services
