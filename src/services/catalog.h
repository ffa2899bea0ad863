// Catalog use cases: specialties, offerings and blocks (coordinators of the
// owning institution), and public search. Each function is one transaction.
#pragma once

#include <map>
#include <memory>
#include <atomic>
#include <mutex>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/catalog_index.h"
#include "core/text_index.h"
#include "core/result.h"
#include "services/context.h"
#include "store/catalog.h"

namespace clerkship::services {

struct OfferingView {
  long long catalog_version = -1;  // of the snapshot it was read with (published pages)
  core::Offering offering;
  std::vector<core::Block> blocks;
  int64_t all_in_student_cents = 0;
  int64_t all_in_graduate_cents = 0;
};

core::Result<std::vector<store::SpecialtyRow>> ListSpecialties(Context& ctx);
// Admins extend the list. kInvalidArgument for code/name; kConflict if taken.
core::Result<store::SpecialtyRow> AddSpecialty(Context& ctx, const Actor& actor, const std::string& code,
                                               const std::string& name);

// New offerings start as drafts.
core::Result<OfferingView> CreateOffering(Context& ctx, const Actor& actor, const std::string& institution_id,
                                          core::OfferingDraft draft);
core::Result<OfferingView> UpdateOffering(Context& ctx, const Actor& actor, const std::string& institution_id,
                                          const std::string& offering_id, core::OfferingDraft draft);
// "published" needs at least one block; "archived" hides it from search; "draft" unpublishes.
core::Result<OfferingView> SetOfferingStatus(Context& ctx, const Actor& actor, const std::string& institution_id,
                                             const std::string& offering_id, const std::string& status);
// A draft copy ("… (copy)") without blocks.
core::Result<OfferingView> DuplicateOffering(Context& ctx, const Actor& actor, const std::string& institution_id,
                                             const std::string& offering_id);
core::Result<std::vector<OfferingView>> ListInstitutionOfferings(Context& ctx, const std::string& institution_id);

// Published offerings for anyone; drafts and archived ones only for staff of
// the institution and admins (others get kNotFound).
core::Result<OfferingView> GetOffering(Context& ctx, const Actor& actor, const std::string& offering_id);

core::Result<core::Block> AddBlock(Context& ctx, const Actor& actor, const std::string& institution_id,
                                   const std::string& offering_id, core::BlockDraft draft);
core::Result<core::Block> UpdateBlock(Context& ctx, const Actor& actor, const std::string& institution_id,
                                      const std::string& offering_id, const std::string& block_id,
                                      core::BlockDraft draft);
// Refused (kConflict) once the block has applications.
core::Status DeleteBlock(Context& ctx, const Actor& actor, const std::string& institution_id,
                         const std::string& offering_id, const std::string& block_id);

// A snapshot of the published catalog, shared by concurrent searches.
struct CatalogSnapshot {
  long long version = -1;
  std::vector<core::IndexedOffering> offerings;
  core::TextIndex text;  // over offerings[i].search_text (then cleared)
};

// Holds the current snapshot and published offering pages; thread-safe.
// The catalog version is read from the database at most once per second
// (public catalog answers may be up to 30 s old by their Cache-Control);
// writes made by this process invalidate at once.
class CatalogCache {
 public:
  // The current snapshot; reads the version (and rebuilds) only when the
  // last check is older than a second or Invalidate() was called.
  std::shared_ptr<const CatalogSnapshot> Current(store::Tx& tx);
  // A published offering page from the cache, or nullptr.
  std::shared_ptr<const OfferingView> Page(const std::string& offering_id, long long version);
  void PutPage(long long version, std::shared_ptr<const OfferingView> view);
  void Invalidate() { checked_at_ms_ = 0; }

  // A public answer already serialised (JSON text and its ETag), keyed by
  // the caller ("offering:<id>"). FreshBody returns it only while the version
  // check is less than a second old and the body belongs to that version, so
  // it is exactly as fresh as a page built from the database; no database
  // access, so the HTTP layer may answer from it without leaving its thread.
  struct Body {
    std::string json;
    std::string etag;
  };
  std::shared_ptr<const Body> FreshBody(const std::string& key);
  void PutBody(const std::string& key, long long version, Body body);

 private:
  std::mutex mu_;
  std::shared_ptr<const CatalogSnapshot> snapshot_;
  std::atomic<int64_t> checked_at_ms_{0};
  long long pages_version_ = -1;
  std::unordered_map<std::string, std::shared_ptr<const OfferingView>> pages_;
  long long bodies_version_ = -1;
  std::unordered_map<std::string, std::shared_ptr<const Body>> bodies_;
};

struct SearchResult {
  std::shared_ptr<const CatalogSnapshot> snapshot;  // keeps page.hits' pointers alive
  core::CatalogPage page;
  int page_number = 1;
  int per_page = 20;
};

// A validated search: the index query, the text reduced to words (FTS5
// quoted on SQLite), and the page asked for.
struct SearchRequest {
  core::CatalogQuery query;
  std::string words;
  bool has_text = false;  // q was given (text that reduces to no words matches nothing)
  int page = 1;
};
// Validates search parameters exactly as SearchCatalog does.
core::Result<SearchRequest> ParseSearchParams(const std::map<std::string, std::string>& params, bool fts5_quoted);

// Validates the query parameters (q, type, specialty, state, country,
// hands_on, fee_max, open_now, start_month, visa, sort, page, per_page);
// unknown parameters and bad values are kInvalidArgument naming them.
core::Result<SearchResult> SearchCatalog(Context& ctx, const std::map<std::string, std::string>& params);

// The stored row of a validated draft: searchable columns, the lowest all-in
// cost over the eligible applicant categories, and the details JSON.
store::OfferingRow OfferingRowFrom(const core::OfferingDraft& draft, const std::string& id,
                                   const std::string& institution_id, const std::string& status,
                                   const std::string& now);

// The draft stored in an offering row (its details JSON merged with the columns).
core::OfferingDraft OfferingDraftOf(const store::OfferingRow& row);


}  // namespace clerkship::services
