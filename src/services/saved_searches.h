// Applicants' saved searches and the e-mail alert job that announces new
// matching blocks. Each use case is one transaction; the job one per search.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "services/context.h"

namespace clerkship::services {

struct SavedSearch {
  std::string id;
  std::string name;
  std::map<std::string, std::string> params;  // search parameters (no page/per_page)
  std::string query_string;                   // the same, URL-encoded: "q=cardiology&type=elective"
  std::string created_at;
  std::string last_alert_at;
};

// At most this many per applicant.
constexpr int kMaxSavedSearches = 20;

// Saves `params` (validated as GET /api/search/offerings validates them;
// page and per_page are dropped) under `name` (1–100 characters, unique per
// applicant: kConflict field "name"). Alerts cover blocks published from now on.
core::Result<SavedSearch> SaveSearch(Context& ctx, const Actor& actor, const std::string& name,
                                     const std::map<std::string, std::string>& params);
core::Result<std::vector<SavedSearch>> ListSavedSearches(Context& ctx, const Actor& actor);
// kNotFound unless the search is the actor's.
core::Status DeleteSavedSearch(Context& ctx, const Actor& actor, const std::string& id);

struct AlertRun {
  int searches = 0;  // saved searches brought up to date
  int emails = 0;    // alerts queued
};

// The alert job: for every saved search behind the catalog, the blocks that
// became visible since its watermark and match it (upcoming ones only) go
// into one e-mail to its owner, and the watermark moves on in the same
// transaction — so no block is announced twice, even with several server
// processes running the job. Cheap when nothing is new (two indexed reads).
core::Result<AlertRun> RunSavedSearchAlerts(Context& ctx);

// "a=1&b=x%20y" for params (keys in order), RFC 3986 unreserved characters kept.
std::string EncodeQuery(const std::map<std::string, std::string>& params);

}  // namespace clerkship::services
