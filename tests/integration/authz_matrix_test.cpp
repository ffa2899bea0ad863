// The authorization matrix: every route × every kind of actor, with the
// expected answer written out here (independently of core::Authorize). A
// route missing from the table fails the test, so new routes must be added.
#include <set>

#include "integration/http_harness.h"

namespace clerkship::testing {
namespace {

enum Who { kAnon, kApplicant, kReviewerA, kCoordinatorA, kCoordinatorB, kAdmin, kWhoCount };
const char* kWhoNames[] = {"anonymous", "applicant", "reviewer-A", "coordinator-A", "coordinator-B", "admin"};

// What the guard does: allowed (the handler ran), or the denial status.
enum Expect { kOk = 0, k401 = 401, k403 = 403, k404 = 404 };

struct Row {
  const char* method;
  const char* pattern;   // as registered
  const char* path;      // with {id} → institution A
  const char* body;
  Expect want[kWhoCount];  // anon, applicant, reviewerA, coordA, coordB, admin
};

// Access kinds spelled out per actor.
#define PUBLIC {kOk, kOk, kOk, kOk, kOk, kOk}
#define SESSION {k401, kOk, kOk, kOk, kOk, kOk}
#define ADMIN {k401, k403, k403, k403, k403, kOk}
#define STAFF_A {k401, k404, kOk, kOk, k404, kOk}
#define COORD_A {k401, k404, k403, kOk, k404, kOk}
#define APPLICANT {k401, kOk, k403, k403, k403, k403}
// A session route whose service allows only admins and the group's managers.
#define GROUP {k401, k403, k403, k403, k403, kOk}

const Row kRows[] = {
    {"GET", "/api/health", "/api/health", "", PUBLIC},
    {"GET", "/api/openapi.json", "/api/openapi.json", "", PUBLIC},
    {"GET", "/api/session", "/api/session", "", PUBLIC},
    {"GET", "/api/institutions", "/api/institutions", "", PUBLIC},
    {"POST", "/api/institutions", "/api/institutions", R"({"name":""})", ADMIN},
    {"GET", "/api/institutions/{id}", "/api/institutions/{A}", "", PUBLIC},
    {"POST", "/api/institutions/{id}/invitations", "/api/institutions/{A}/invitations", R"({"email":"","role":""})", COORD_A},
    {"GET", "/api/institutions/{id}/staff", "/api/institutions/{A}/staff", "", STAFF_A},
    {"DELETE", "/api/institutions/{id}/staff/{membership_id}", "/api/institutions/{A}/staff/nope", "", COORD_A},
    // Any session reaches the handler; the service then allows only admins and A's coordinator.
    {"GET", "/api/audit", "/api/audit?institution_id={A}", "", {k401, k403, k403, kOk, k403, kOk}},
    {"POST", "/api/auth/register", "/api/auth/register", "{}", PUBLIC},
    {"POST", "/api/auth/verify-email", "/api/auth/verify-email", "{}", PUBLIC},
    {"POST", "/api/auth/login", "/api/auth/login", "{}", PUBLIC},
    {"POST", "/api/auth/logout", "/api/auth/logout", "{}", SESSION},
    {"POST", "/api/auth/logout-all", "/api/auth/logout-all", "{}", SESSION},
    {"POST", "/api/auth/password-reset", "/api/auth/password-reset", "{}", PUBLIC},
    {"POST", "/api/auth/password-reset/confirm", "/api/auth/password-reset/confirm", "{}", PUBLIC},
    {"POST", "/api/account/password", "/api/account/password", "{}", SESSION},
    {"POST", "/api/account/email", "/api/account/email", "{}", SESSION},
    {"GET", "/api/invitations/{token}", "/api/invitations/x", "", PUBLIC},
    {"POST", "/api/invitations/accept", "/api/invitations/accept", "{}", PUBLIC},
    {"GET", "/api/catalog/vocabulary", "/api/catalog/vocabulary", "", PUBLIC},
    {"POST", "/api/specialties", "/api/specialties", "{}", ADMIN},
    {"GET", "/api/search/offerings", "/api/search/offerings?q=cardiology", "", PUBLIC},
    {"GET", "/api/offerings/{offering_id}", "/api/offerings/{O}", "", PUBLIC},
    {"GET", "/api/institutions/{id}/offerings", "/api/institutions/{A}/offerings", "", STAFF_A},
    {"POST", "/api/institutions/{id}/offerings", "/api/institutions/{A}/offerings", "{}", COORD_A},
    {"PUT", "/api/institutions/{id}/offerings/{offering_id}", "/api/institutions/{A}/offerings/{O}", "{}", COORD_A},
    {"POST", "/api/institutions/{id}/offerings/{offering_id}/status", "/api/institutions/{A}/offerings/{O}/status", R"({"status":"draft"})", COORD_A},
    {"POST", "/api/institutions/{id}/offerings/{offering_id}/duplicate", "/api/institutions/{A}/offerings/{O}/duplicate", "", COORD_A},
    {"POST", "/api/institutions/{id}/offerings/{offering_id}/blocks", "/api/institutions/{A}/offerings/{O}/blocks", "{}", COORD_A},
    {"PUT", "/api/institutions/{id}/offerings/{offering_id}/blocks/{block_id}", "/api/institutions/{A}/offerings/{O}/blocks/nope", "{}", COORD_A},
    {"DELETE", "/api/institutions/{id}/offerings/{offering_id}/blocks/{block_id}", "/api/institutions/{A}/offerings/{O}/blocks/nope", "", COORD_A},
    {"GET", "/api/me/profile", "/api/me/profile", "", APPLICANT},
    {"PUT", "/api/me/profile", "/api/me/profile", "{}", APPLICANT},
    {"GET", "/api/me/profile/cv.pdf", "/api/me/profile/cv.pdf", "", APPLICANT},
    {"PUT", "/api/me/uploads", "/api/me/uploads", "", APPLICANT},
    {"GET", "/api/me/documents", "/api/me/documents", "", APPLICANT},
    {"POST", "/api/me/documents", "/api/me/documents", "{}", APPLICANT},
    {"POST", "/api/me/documents/{document_id}/versions", "/api/me/documents/nope/versions", "{}", APPLICANT},
    {"GET", "/api/me/documents/{document_id}/file", "/api/me/documents/nope/file", "", APPLICANT},
    {"DELETE", "/api/me/documents/{document_id}", "/api/me/documents/nope", "", APPLICANT},
    {"POST", "/api/applications", "/api/applications", "{}", APPLICANT},
    {"GET", "/api/me/applications", "/api/me/applications", "", APPLICANT},
    {"GET", "/api/applications/{application_id}", "/api/applications/nope", "", APPLICANT},
    {"POST", "/api/applications/{application_id}/submit", "/api/applications/nope/submit", "{}", APPLICANT},
    {"POST", "/api/applications/{application_id}/withdraw", "/api/applications/nope/withdraw", "{}", APPLICANT},
    {"PUT", "/api/applications/{application_id}/cover-letter", "/api/applications/nope/cover-letter", R"({"text":"x"})", APPLICANT},
    {"GET", "/api/applications/{application_id}/cover-letter.pdf", "/api/applications/nope/cover-letter.pdf", "", APPLICANT},
    {"PUT", "/api/applications/{application_id}/cv", "/api/applications/nope/cv", R"({"kind":"generated"})", APPLICANT},
    {"GET", "/api/institutions/{id}/applications/{application_id}/cover-letter.pdf", "/api/institutions/{A}/applications/nope/cover-letter.pdf", "", STAFF_A},
    {"GET", "/api/institutions/{id}/applications/{application_id}/cv.pdf", "/api/institutions/{A}/applications/nope/cv.pdf", "", STAFF_A},
    {"GET", "/api/institutions/{id}/offerings/{offering_id}/compliance", "/api/institutions/{A}/offerings/{O}/compliance", "", STAFF_A},
    {"GET", "/api/institutions/{id}/applicants/{user_id}/documents", "/api/institutions/{A}/applicants/nope/documents", "", STAFF_A},
    {"GET", "/api/institutions/{id}/applicants/{user_id}/documents/{document_id}/file", "/api/institutions/{A}/applicants/nope/documents/nope/file", "", STAFF_A},
    {"POST", "/api/institutions/{id}/applicants/{user_id}/documents/{document_id}/review", "/api/institutions/{A}/applicants/nope/documents/nope/review", R"({"decision":"verify"})", COORD_A},
    {"GET", "/api/institutions/{id}/catalog.csv", "/api/institutions/{A}/catalog.csv", "", COORD_A},
    {"POST", "/api/institutions/{id}/catalog.csv", "/api/institutions/{A}/catalog.csv?dry_run=1", "", COORD_A},
    {"GET", "/api/saved-searches", "/api/saved-searches", "", APPLICANT},
    {"POST", "/api/saved-searches", "/api/saved-searches", "{}", APPLICANT},
    {"DELETE", "/api/saved-searches/{saved_search_id}", "/api/saved-searches/nope", "", APPLICANT},
    {"GET", "/api/institutions/{id}/review-settings", "/api/institutions/{A}/review-settings", "", STAFF_A},
    {"PUT", "/api/institutions/{id}/review-settings", "/api/institutions/{A}/review-settings", R"({"rubric":[{"key":"fit","label":"Fit","weight":100}],"target_days":14})", COORD_A},
    {"GET", "/api/me/letters", "/api/me/letters", "", APPLICANT},
    {"POST", "/api/me/letters", "/api/me/letters", "{}", APPLICANT},
    {"POST", "/api/me/letters/{letter_id}/cancel", "/api/me/letters/nope/cancel", "{}", APPLICANT},
    {"POST", "/api/me/letters/{letter_id}/resend", "/api/me/letters/nope/resend", "{}", APPLICANT},
    {"GET", "/api/me/letters/{letter_id}/file", "/api/me/letters/nope/file", "", APPLICANT},
    {"PUT", "/api/applications/{application_id}/letters/{letter_id}", "/api/applications/nope/letters/nope", "", APPLICANT},
    {"DELETE", "/api/applications/{application_id}/letters/{letter_id}", "/api/applications/nope/letters/nope", "", APPLICANT},
    // The referee has no account: the token in the query authorizes (400 here).
    {"GET", "/api/referee/letter", "/api/referee/letter?token=nope", "", PUBLIC},
    {"PUT", "/api/referee/letter/file", "/api/referee/letter/file?token=nope", "", PUBLIC},
    {"GET", "/api/institutions/{id}/applications/{application_id}/letters", "/api/institutions/{A}/applications/nope/letters", "", STAFF_A},
    {"GET", "/api/institutions/{id}/applications/{application_id}/letters/{letter_id}/file", "/api/institutions/{A}/applications/nope/letters/nope/file", "", STAFF_A},
    // Fees, block choice, apply to similar, school verification (applications_rest_test).
    {"PUT", "/api/applications/{application_id}/fee", "/api/applications/nope/fee", R"({"method":"card","reference":"x"})", APPLICANT},
    {"POST", "/api/institutions/{id}/applications/{application_id}/fee", "/api/institutions/{A}/applications/nope/fee", R"({"action":"confirm"})", COORD_A},
    {"PUT", "/api/applications/{application_id}/blocks", "/api/applications/nope/blocks", R"({"block_ids":["x"]})", APPLICANT},
    {"GET", "/api/applications/{application_id}/similar", "/api/applications/nope/similar", "", APPLICANT},
    {"POST", "/api/applications/{application_id}/similar", "/api/applications/nope/similar", R"({"offering_id":"x","block_ids":["x"]})", APPLICANT},
    {"GET", "/api/me/school-verifications", "/api/me/school-verifications", "", APPLICANT},
    {"POST", "/api/me/school-verifications", "/api/me/school-verifications", "{}", APPLICANT},
    {"POST", "/api/me/school-verifications/{verification_id}/cancel", "/api/me/school-verifications/nope/cancel", "", APPLICANT},
    // The school's office has no account: the token in the query authorizes (400 here).
    {"GET", "/api/school-verification", "/api/school-verification?token=nope", "", PUBLIC},
    {"PUT", "/api/school-verification/file", "/api/school-verification/file?token=nope", "", PUBLIC},
    {"POST", "/api/school-verification", "/api/school-verification?token=nope", R"({"decision":"verify"})", PUBLIC},
    {"GET", "/api/institutions/{id}/applications/{application_id}/school-letter.pdf", "/api/institutions/{A}/applications/nope/school-letter.pdf", "", STAFF_A},
    {"GET", "/api/institutions/{id}/offerings/{offering_id}/review", "/api/institutions/{A}/offerings/{O}/review", "", STAFF_A},
    {"GET", "/api/institutions/{id}/applications/{application_id}", "/api/institutions/{A}/applications/nope", "", STAFF_A},
    {"PUT", "/api/institutions/{id}/applications/{application_id}/score", "/api/institutions/{A}/applications/nope/score", R"({"scores":{},"version":0})", STAFF_A},
    {"POST", "/api/institutions/{id}/applications/{application_id}/transition", "/api/institutions/{A}/applications/nope/transition", R"({"event":"reject","version":1})", STAFF_A},
    {"POST", "/api/institutions/{id}/bulk-transition", "/api/institutions/{A}/bulk-transition", R"({"event":"reject","application_ids":["nope"]})", STAFF_A},
    {"PUT", "/api/institutions/{id}/offerings/{offering_id}/waitlist", "/api/institutions/{A}/offerings/{O}/waitlist", R"({"application_ids":[]})", COORD_A},
    {"GET", "/api/institutions/{id}/applications/{application_id}/messages", "/api/institutions/{A}/applications/nope/messages", "", STAFF_A},
    {"POST", "/api/institutions/{id}/applications/{application_id}/messages", "/api/institutions/{A}/applications/nope/messages", R"({"body":"hi"})", STAFF_A},
    {"POST", "/api/applications/{application_id}/answer", "/api/applications/nope/answer", R"({"answer":"x"})", APPLICANT},
    {"GET", "/api/applications/{application_id}/messages", "/api/applications/nope/messages", "", APPLICANT},
    {"POST", "/api/applications/{application_id}/messages", "/api/applications/nope/messages", R"({"body":"hi"})", APPLICANT},
    {"POST", "/api/institutions/{id}/applications/{application_id}/offers", "/api/institutions/{A}/applications/nope/offers", R"({"block_id":"nope"})", COORD_A},
    {"GET", "/api/institutions/{id}/applications/{application_id}/offers", "/api/institutions/{A}/applications/nope/offers", "", STAFF_A},
    {"POST", "/api/institutions/{id}/offers/{offer_id}/rescind", "/api/institutions/{A}/offers/nope/rescind", R"({"reason":"x"})", COORD_A},
    {"POST", "/api/institutions/{id}/placements/{placement_id}/cancel", "/api/institutions/{A}/placements/nope/cancel", R"({"reason":"x"})", COORD_A},
    {"GET", "/api/institutions/{id}/offerings/{offering_id}/offers", "/api/institutions/{A}/offerings/{O}/offers", "", STAFF_A},
    {"PUT", "/api/institutions/{id}/offerings/{offering_id}/offer-settings", "/api/institutions/{A}/offerings/{O}/offer-settings", R"({"expiry_days":7,"waitlist_promotion":"auto"})", COORD_A},
    {"GET", "/api/me/offers", "/api/me/offers", "", APPLICANT},
    {"GET", "/api/applications/{application_id}/offers", "/api/applications/nope/offers", "", APPLICANT},
    {"POST", "/api/offers/{offer_id}/accept", "/api/offers/nope/accept", "{}", APPLICANT},
    {"POST", "/api/offers/{offer_id}/decline", "/api/offers/nope/decline", "{}", APPLICANT},
    {"GET", "/api/institutions/{id}/offerings/{offering_id}/interview-slots", "/api/institutions/{A}/offerings/{O}/interview-slots", "", STAFF_A},
    {"POST", "/api/institutions/{id}/offerings/{offering_id}/interview-slots", "/api/institutions/{A}/offerings/{O}/interview-slots", R"({"format":"phone"})", COORD_A},
    {"PUT", "/api/institutions/{id}/interview-slots/{slot_id}", "/api/institutions/{A}/interview-slots/nope", R"({"date":"2027-02-01","time":"09:00","format":"phone"})", COORD_A},
    {"DELETE", "/api/institutions/{id}/interview-slots/{slot_id}", "/api/institutions/{A}/interview-slots/nope", "", COORD_A},
    {"GET", "/api/applications/{application_id}/interview", "/api/applications/nope/interview", "", APPLICANT},
    {"POST", "/api/applications/{application_id}/interview", "/api/applications/nope/interview", R"({"slot_id":"nope"})", APPLICANT},
    {"PUT", "/api/applications/{application_id}/interview", "/api/applications/nope/interview", R"({"slot_id":"nope"})", APPLICANT},
    {"DELETE", "/api/applications/{application_id}/interview", "/api/applications/nope/interview", "", APPLICANT},
    {"GET", "/api/applications/{application_id}/interview.ics", "/api/applications/nope/interview.ics", "", APPLICANT},
    // Fair release and scorecards (issue 7, docs/interviews.md).
    {"PUT", "/api/institutions/{id}/offerings/{offering_id}/interview-release", "/api/institutions/{A}/offerings/{O}/interview-release", R"({"mode":"first_come","version":0})", COORD_A},
    {"POST", "/api/institutions/{id}/offerings/{offering_id}/interview-assignment", "/api/institutions/{A}/offerings/{O}/interview-assignment", "{}", COORD_A},
    {"POST", "/api/institutions/{id}/offerings/{offering_id}/interview-nudges", "/api/institutions/{A}/offerings/{O}/interview-nudges", "{}", COORD_A},
    {"PUT", "/api/applications/{application_id}/interview/preferences", "/api/applications/nope/interview/preferences", R"({"slot_ids":["nope"]})", APPLICANT},
    {"PUT", "/api/institutions/{id}/applications/{application_id}/scorecard", "/api/institutions/{A}/applications/nope/scorecard", R"({"version":0})", STAFF_A},
    // Interviewers as accounts: any session reaches the handler; the service refuses accounts with no staff role.
    {"GET", "/api/me/interviews", "/api/me/interviews", "", {k401, k403, kOk, kOk, kOk, kOk}},
    {"GET", "/api/me/calendar-feed", "/api/me/calendar-feed", "", SESSION},
    {"POST", "/api/me/calendar-feed", "/api/me/calendar-feed", "{}", SESSION},
    // No session: the secret token in the path authorizes (404 for an unknown one).
    {"GET", "/api/calendar/{file}", "/api/calendar/nope.ics", "", PUBLIC},
    // Match rounds (issue 9).
    {"GET", "/api/match-rounds", "/api/match-rounds", "", SESSION},
    {"POST", "/api/match-rounds", "/api/match-rounds", "{}", ADMIN},
    {"GET", "/api/match-rounds/{round_id}", "/api/match-rounds/nope", "", ADMIN},
    {"POST", "/api/match-rounds/{round_id}/status", "/api/match-rounds/nope/status", R"({"action":"open"})", ADMIN},
    {"POST", "/api/match-rounds/{round_id}/run", "/api/match-rounds/nope/run", "", ADMIN},
    {"POST", "/api/match-rounds/{round_id}/publish", "/api/match-rounds/nope/publish", "", ADMIN},
    {"GET", "/api/match-rounds/{round_id}/me", "/api/match-rounds/nope/me", "", APPLICANT},
    {"PUT", "/api/match-rounds/{round_id}/me/rank-list", "/api/match-rounds/nope/me/rank-list", R"({"block_ids":[]})", APPLICANT},
    {"POST", "/api/match-rounds/{round_id}/me/certify", "/api/match-rounds/nope/me/certify", "", APPLICANT},
    {"POST", "/api/match-rounds/{round_id}/me/couple", "/api/match-rounds/nope/me/couple", R"({"email":"x@example.org"})", APPLICANT},
    {"POST", "/api/match-rounds/{round_id}/me/couple/confirm", "/api/match-rounds/nope/me/couple/confirm", "", APPLICANT},
    {"PUT", "/api/match-rounds/{round_id}/me/couple/rank-list", "/api/match-rounds/nope/me/couple/rank-list", R"({"pairs":[]})", APPLICANT},
    {"GET", "/api/match-rounds/{round_id}/scramble", "/api/match-rounds/nope/scramble", "", APPLICANT},
    // The timed scramble (issue 9, migration 019).
    {"PUT", "/api/match-rounds/{round_id}/scramble/schedule", "/api/match-rounds/nope/scramble/schedule", R"({"rounds":[{"starts_at":"2030-01-01T00:00:00Z","ends_at":"2030-01-02T00:00:00Z"}]})", ADMIN},
    {"GET", "/api/match-rounds/{round_id}/scramble/schedule", "/api/match-rounds/nope/scramble/schedule", "", SESSION},
    {"GET", "/api/match-rounds/{round_id}/scramble/me", "/api/match-rounds/nope/scramble/me", "", APPLICANT},
    {"POST", "/api/match-rounds/{round_id}/scramble/applications", "/api/match-rounds/nope/scramble/applications", R"({"block_id":"nope"})", APPLICANT},
    {"GET", "/api/institutions/{id}/match-rounds/{round_id}/scramble", "/api/institutions/{A}/match-rounds/nope/scramble", "", COORD_A},
    {"POST", "/api/institutions/{id}/match-rounds/{round_id}/scramble/offers", "/api/institutions/{A}/match-rounds/nope/scramble/offers", R"({"scramble_application_id":"nope"})", COORD_A},
    // Institution groups: any session reaches the handler; the service allows only
    // admins and the group's managers (nobody manages "nope": 403; the admin: 404).
    {"POST", "/api/institution-groups", "/api/institution-groups", R"({"name":"x","institution_ids":["nope"]})", ADMIN},
    {"GET", "/api/institution-groups", "/api/institution-groups", "", SESSION},
    {"GET", "/api/institution-groups/{group_id}", "/api/institution-groups/nope", "", GROUP},
    {"PUT", "/api/institution-groups/{group_id}", "/api/institution-groups/nope", R"({"name":"x","institution_ids":["nope"]})", ADMIN},
    {"POST", "/api/institution-groups/{group_id}/match-rounds", "/api/institution-groups/nope/match-rounds", R"({"name":"x","applications_close":"2027-01-01T00:00:00Z","rank_lists_due":"2027-01-02T00:00:00Z","match_day":"2027-01-03T00:00:00Z","blocks":[{"block_id":"nope"}]})", GROUP},
    {"GET", "/api/institution-groups/{group_id}/match-rounds", "/api/institution-groups/nope/match-rounds", "", GROUP},
    {"POST", "/api/institution-groups/{group_id}/match-rounds/{round_id}/status", "/api/institution-groups/nope/match-rounds/nope/status", R"({"action":"open"})", GROUP},
    {"POST", "/api/institution-groups/{group_id}/match-rounds/{round_id}/run", "/api/institution-groups/nope/match-rounds/nope/run", "", GROUP},
    {"POST", "/api/institution-groups/{group_id}/match-rounds/{round_id}/publish", "/api/institution-groups/nope/match-rounds/nope/publish", "", GROUP},
    // The scheduled match day.
    {"GET", "/api/match-rounds/{round_id}/match-day", "/api/match-rounds/nope/match-day", "", ADMIN},
    {"PUT", "/api/match-rounds/{round_id}/match-day", "/api/match-rounds/nope/match-day", R"({"scheduled":true})", ADMIN},
    {"GET", "/api/institutions/{id}/match-rounds", "/api/institutions/{A}/match-rounds", "", COORD_A},
    {"GET", "/api/institutions/{id}/match-rounds/{round_id}", "/api/institutions/{A}/match-rounds/nope", "", COORD_A},
    {"PUT", "/api/institutions/{id}/match-rounds/{round_id}/blocks/{block_id}/rank-list", "/api/institutions/{A}/match-rounds/nope/blocks/nope/rank-list", R"({"applicant_ids":[]})", COORD_A},
    {"POST", "/api/institutions/{id}/match-rounds/{round_id}/blocks/{block_id}/certify", "/api/institutions/{A}/match-rounds/nope/blocks/nope/certify", "", COORD_A},
    // Onboarding (issue 7).
    {"GET", "/api/institutions/{id}/offerings/{offering_id}/onboarding", "/api/institutions/{A}/offerings/{O}/onboarding", "", STAFF_A},
    {"PUT", "/api/institutions/{id}/offerings/{offering_id}/onboarding", "/api/institutions/{A}/offerings/{O}/onboarding", R"({"items":[]})", COORD_A},
    {"GET", "/api/institutions/{id}/onboarding-board", "/api/institutions/{A}/onboarding-board", "", STAFF_A},
    {"GET", "/api/institutions/{id}/onboarding-board.csv", "/api/institutions/{A}/onboarding-board.csv", "", STAFF_A},
    {"GET", "/api/institutions/{id}/letterhead", "/api/institutions/{A}/letterhead", "", STAFF_A},
    {"PUT", "/api/institutions/{id}/letterhead", "/api/institutions/{A}/letterhead", R"({"address":"1 Lake St","phone":"+1 312 555 0100","signatory_name":"Dr. A","signatory_title":"Dean"})", COORD_A},
    {"GET", "/api/me/onboarding", "/api/me/onboarding", "", APPLICANT},
    {"POST", "/api/placements/{placement_id}/onboarding/{item_id}", "/api/placements/nope/onboarding/nope", R"({"action":"acknowledge"})", APPLICANT},
    {"GET", "/api/placements/{placement_id}/visa-letter.pdf", "/api/placements/nope/visa-letter.pdf", "", APPLICANT},
    // Rotation completion (issue 8). Preceptor routes take any session; the
    // service finds only placements the caller precepts (404 otherwise).
    {"GET", "/api/institutions/{id}/placements", "/api/institutions/{A}/placements", "", STAFF_A},
    {"GET", "/api/institutions/{id}/placements/{placement_id}", "/api/institutions/{A}/placements/nope", "", STAFF_A},
    {"PUT", "/api/institutions/{id}/placements/{placement_id}/preceptor", "/api/institutions/{A}/placements/nope/preceptor", R"({"preceptor_id":"nope"})", COORD_A},
    {"POST", "/api/institutions/{id}/placements/{placement_id}/status", "/api/institutions/{A}/placements/nope/status", R"({"status":"in_progress"})", COORD_A},
    {"POST", "/api/institutions/{id}/placements/{placement_id}/evaluation/release", "/api/institutions/{A}/placements/nope/evaluation/release", "", COORD_A},
    {"POST", "/api/institutions/{id}/placements/{placement_id}/certificate/revoke", "/api/institutions/{A}/placements/nope/certificate/revoke", R"({"reason":"x"})", COORD_A},
    {"GET", "/api/institutions/{id}/completions.csv", "/api/institutions/{A}/completions.csv", "", COORD_A},
    {"GET", "/api/institutions/{id}/evaluations.csv", "/api/institutions/{A}/evaluations.csv", "", COORD_A},
    {"GET", "/api/me/students", "/api/me/students", "", SESSION},
    {"GET", "/api/me/students/{placement_id}", "/api/me/students/nope", "", SESSION},
    {"PUT", "/api/me/students/{placement_id}/attendance", "/api/me/students/nope/attendance", R"({"days":[]})", SESSION},
    {"PUT", "/api/me/students/{placement_id}/evaluation", "/api/me/students/nope/evaluation", R"({"comments":"x"})", SESSION},
    {"GET", "/api/me/placements", "/api/me/placements", "", APPLICANT},
    {"GET", "/api/me/placements/{placement_id}", "/api/me/placements/nope", "", APPLICANT},
    {"GET", "/api/me/placements/{placement_id}/certificate.pdf", "/api/me/placements/nope/certificate.pdf", "", APPLICANT},
    {"POST", "/api/me/placements/{placement_id}/feedback", "/api/me/placements/nope/feedback", R"({"ratings":{}})", APPLICANT},
    {"POST", "/api/me/placements/{placement_id}/letter-request", "/api/me/placements/nope/letter-request", R"({"waived":true})", APPLICANT},
    {"GET", "/api/me/record/transcript.pdf", "/api/me/record/transcript.pdf", "", APPLICANT},
    {"GET", "/api/me/record/eras.csv", "/api/me/record/eras.csv", "", APPLICANT},
    {"GET", "/api/me/record/eras.json", "/api/me/record/eras.json", "", APPLICANT},
    {"POST", "/api/me/record/packet.pdf", "/api/me/record/packet.pdf", R"({"program":"x","include_cv":false})", APPLICANT},
    // No session: anyone can verify a certificate (400 here: not a code).
    {"GET", "/api/verify/{code}", "/api/verify/nope", "", PUBLIC},
};

class AuthzMatrixTest : public ServerFixture {};

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, from.size(), to);
  return s;
}

TEST_P(AuthzMatrixTest, EveryRouteForEveryActor) {
  std::string a = MakeInstitution("Hospital A");
  std::string b = MakeInstitution("Hospital B");
  MakeUser("applicant@example.org", false);
  AddMembership(MakeUser("reviewer-a@example.org", false), a, "reviewer");
  AddMembership(MakeUser("coord-a@example.org", false), a, "coordinator");
  AddMembership(MakeUser("coord-b@example.org", false), b, "coordinator");
  MakeUser("admin@example.org", true);
  std::string offering_a = MakeOffering(a, "Cardiology elective");
  const char* emails[] = {nullptr, "applicant@example.org", "reviewer-a@example.org",
                          "coord-a@example.org", "coord-b@example.org", "admin@example.org"};

  // The table covers exactly the router's routes.
  std::set<std::string> routed, tabled;
  for (const auto& r : router_.routes()) routed.insert(r.method + " " + r.pattern);
  for (const auto& row : kRows) tabled.insert(std::string(row.method) + " " + row.pattern);
  for (const auto& r : routed) EXPECT_TRUE(tabled.contains(r)) << "add this route to the matrix: " << r;
  for (const auto& t : tabled) EXPECT_TRUE(routed.contains(t)) << "not a route: " << t;

  int checked = 0;
  for (int who = 0; who < kWhoCount; ++who) {
    for (const auto& row : kRows) {
      // A fresh login per row: some rows (logout) end the session.
      Client c = NewClient();
      if (emails[who]) {
        c.Login(emails[who], kPassword);
      } else {
        c.Get("/api/session");
      }
      auto reply = c.Call(row.method, Replace(Replace(row.path, "{A}", a), "{O}", offering_a), row.body);
      Expect want = row.want[who];
      std::string what = std::string(kWhoNames[who]) + " " + row.method + " " + row.path + " → " +
                         std::to_string(reply.status) + " " + reply.body;
      if (want == kOk) {
        // The handler ran: anything but the guard's denials (a 404 from a
        // handler for a missing record is fine, the guard says "no such record").
        EXPECT_NE(reply.status, 401) << what;
        EXPECT_NE(reply.status, 403) << what;
        if (reply.status == 404) EXPECT_EQ(reply.body.find("no such record"), std::string::npos) << what;
        EXPECT_NE(reply.status, 0) << what;
        EXPECT_LT(reply.status, 500) << what;
      } else {
        EXPECT_EQ(reply.status, want) << what;
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(std::size(kRows)) * kWhoCount);
  // Institution B's resources behave the same for coordinator A as A's for B.
  Client ca = NewClient();
  ca.Login("coord-a@example.org", kPassword);
  EXPECT_EQ(ca.Get("/api/institutions/" + b + "/staff").status, 404);
  EXPECT_EQ(ca.Post("/api/institutions/" + b + "/invitations", {{"email", "x@example.org"}, {"role", "reviewer"}}).status, 404);
  EXPECT_EQ(ca.Get("/api/audit?institution_id=" + b).status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthzMatrixTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
