// Onboarding after acceptance (issue 7; docs/onboarding.md, decision 013):
// the coordinator's items per offering, the applicant's checklist per
// placement (the block's compliance items from core/compliance + the items),
// acknowledgements and policy signatures, the "cleared to start" board with
// CSV, the institution's letterhead, the visitor-visa invitation letter PDF,
// and the 14/7/2-day reminders. One transaction per use case; thread-safe
// like Context.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/onboarding.h"
#include "core/result.h"
#include "services/context.h"
#include "store/onboarding.h"
#include "store/placements.h"

namespace clerkship::services {

struct OfferingOnboarding {
  std::string offering_id;
  std::string offering_title;
  std::string time_zone;  // the institution's
  bool visa_letter = false;
  std::vector<store::OnboardingItemRow> items;
};
// Staff of `institution_id`: the offering's items; kNotFound for another
// institution's offering.
core::Result<OfferingOnboarding> GetOfferingOnboarding(Context& ctx, const Actor& actor,
                                                       const std::string& institution_id,
                                                       const std::string& offering_id);
// Coordinator: replaces the offering's items by `items` (validated; an item
// with the id of an existing one updates it, and a changed policy text gets
// a new version and hash, so earlier signatures no longer count). Items left
// out are removed with their records. kInvalidArgument names "items[i].…";
// an unknown id is kInvalidArgument "items[i].id". Audited.
core::Result<OfferingOnboarding> SaveOfferingOnboarding(Context& ctx, const Actor& actor,
                                                        const std::string& institution_id,
                                                        const std::string& offering_id,
                                                        std::vector<core::OnboardingItemDraft> items);

struct PlacementOnboarding {
  store::PlacementRow placement;
  std::string offering_title;
  std::string institution_name;
  std::string time_zone;
  bool visa_letter = false;
  std::vector<store::OnboardingItemRow> items;
  core::OnboardingChecklist checklist;
  // Board only.
  std::string applicant_name;
  std::string applicant_email;
  std::vector<std::pair<int, std::string>> reminders;  // days before start, sent at (UTC)
};
// The caller's placements that are not cancelled, soonest first, with checklists.
core::Result<std::vector<PlacementOnboarding>> MyOnboarding(Context& ctx, const Actor& actor);
// The applicant acknowledges an orientation/information item ("acknowledge")
// or signs a policy ("sign", with the text_hash of the text they read:
// kConflict when the policy changed since). kNotFound for a placement that is
// not theirs or cancelled, or an item not of its offering; kInvalidArgument
// "action" when the item takes another action. Audited.
core::Result<PlacementOnboarding> RecordOnboarding(Context& ctx, const Actor& actor, const std::string& placement_id,
                                                   const std::string& item_id, const std::string& action,
                                                   const std::string& text_hash);

struct BoardFilter {
  std::string offering_id;
  std::string block_id;
  std::string start_from;  // YYYY-MM-DD, inclusive
  std::string start_to;
};
// Staff of `institution_id`: its accepted (scheduled / in progress)
// placements, soonest start first, each with its checklist and reminders.
core::Result<std::vector<PlacementOnboarding>> OnboardingBoard(Context& ctx, const Actor& actor,
                                                               const std::string& institution_id,
                                                               const BoardFilter& filter);
// The board as CSV (RFC 4180, formulas guarded).
std::string OnboardingBoardCsv(const std::vector<PlacementOnboarding>& rows);

// Staff: the letterhead (empty fields when never saved). Coordinator: saves
// it (kInvalidArgument naming the field). Audited.
core::Result<store::LetterheadRow> GetLetterhead(Context& ctx, const Actor& actor, const std::string& institution_id);
core::Result<store::LetterheadRow> SaveLetterhead(Context& ctx, const Actor& actor, store::LetterheadRow letterhead);

struct LetterPdf {
  std::string bytes;
  std::string filename;
};
// The applicant's visitor-visa invitation letter for their placement.
// kNotFound when the placement is not theirs (or cancelled); kConflict naming
// the reason: the offering offers no visa letters, the profile has no
// passport name (field "passport_name"), the institution's letterhead is
// incomplete (field "letterhead"). Audited.
core::Result<LetterPdf> VisaInvitationLetter(Context& ctx, const Actor& actor, const std::string& placement_id);

// The reminder job: e-mails each applicant whose placement starts in 14, 7
// or 2 days (catch-up: the tightest threshold not yet passed) with
// unfinished items; each threshold once per placement, also with several
// processes (reminders_sent claim, one transaction per placement). Returns
// how many it sent.
core::Result<int> SendOnboardingReminders(Context& ctx);

}  // namespace clerkship::services
