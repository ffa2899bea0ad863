// The JSON API: every route of the product, registered on a Router through
// ApiBuilder, which wraps each handler with the guard (session, CSRF, access).
#pragma once

#include <string>

#include "http/json_io.h"
#include "http/router.h"
#include "core/eligibility.h"
#include "services/context.h"
#include "services/interviews_more.h"
#include "services/vault.h"
#include "store/review.h"

namespace clerkship::http {

struct ApiInfo {
  std::string version;
  bool secure_cookies = false;  // `Secure` cookies (TLS or a TLS proxy)
};

class ApiBuilder {
 public:
  ApiBuilder(Router& router, services::Context& ctx, ApiInfo info)
      : router_(router), ctx_(ctx), info_(std::move(info)) {}
  // Registers a guarded route.
  void Add(std::string method, std::string pattern, Access access, Handler handler);
  // A public GET whose answer may come from memory without a database
  // round trip (`fast`), else from `handler`.
  void AddCached(std::string pattern, std::function<std::optional<Response>(const Request&)> fast, Handler handler);
  // A route whose raw body (at most `limit` bytes) is streamed to a file.
  void AddUpload(std::string method, std::string pattern, Access access, size_t limit, Handler handler);
  services::Context& ctx() { return ctx_; }
  const ApiInfo& info() const { return info_; }

 private:
  Router& router_;
  services::Context& ctx_;
  ApiInfo info_;
};

// Registers all /api routes. `ctx` must outlive the router.
void RegisterApi(Router& router, services::Context& ctx, const ApiInfo& info);

// Feature route groups (one file each).
void RegisterInstitutionApi(ApiBuilder& api);
void RegisterAccountApi(ApiBuilder& api);
void RegisterCatalogApi(ApiBuilder& api);
void RegisterVaultApi(ApiBuilder& api);
// CSV import/export of a catalog, and saved searches.
void RegisterCatalogIoApi(ApiBuilder& api);
void RegisterLetterApi(ApiBuilder& api);
void RegisterReviewApi(ApiBuilder& api);
void RegisterOfferApi(ApiBuilder& api);
void RegisterInterviewApi(ApiBuilder& api);
// Fair release and interview scorecards (api_interviews_more.cpp).
void RegisterInterviewMoreApi(ApiBuilder& api);
// Match rounds (issue 9).
void RegisterMatchRoundApi(ApiBuilder& api);
// Onboarding after acceptance (issue 7).
void RegisterOnboardingApi(ApiBuilder& api);
// Rotation completion (issue 8).
void RegisterCompletionApi(ApiBuilder& api);
// The timed scramble after a match round.
void RegisterScrambleApi(ApiBuilder& api);
// The scheduled match day.
void RegisterMatchDayApi(ApiBuilder& api);
// Institution groups and their match rounds.
void RegisterInstitutionGroupApi(ApiBuilder& api);

// The OpenAPI 3.1 document served at /api/openapi.json (embedded at build).
const std::string& OpenApiDocument();

// Shared JSON shapes.
Json PrincipalJson(const core::Principal& p);
// An application's timeline (api_review.cpp).
Json ApplicantTimelineJson(const std::vector<store::EventRow>& list);
// An application as its applicant sees it (api_vault.cpp); the checklist,
// readiness, fee and warnings with `with_checklist`.
Json ApplicationJson(const services::ApplicationView& v, bool with_checklist);
// A fee record, or null when the offering charges no application fee.
Json FeeJson(const services::FeeView& f);
// The routes of docs/decisions/015-applications-rest.md (api_applications_rest.cpp).
void RegisterApplicationsRestApi(ApiBuilder& api);
// Eligibility checks, for the applicant and as reviewers' flags (api_vault.cpp).
Json EligibilityJson(const std::vector<core::EligibilityCheck>& checks);
// One interview scorecard; the booked interview with its scorecards and
// their average, for the staff application view (api_interviews_more.cpp).
Json ScorecardJson(const store::ScorecardRow& c);
Json InterviewScorecardsJson(const services::ScorecardsView& v);
// The applicant's fair-release state (api_interviews_more.cpp).
Json ApplicantReleaseJson(const services::ApplicantRelease& r);

}  // namespace clerkship::http
