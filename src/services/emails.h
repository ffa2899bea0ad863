// The transactional e-mails: subject, plain text and HTML from one template
// each. Pure functions of their inputs.
#pragma once

#include <string>
#include <vector>

namespace clerkship::services {

struct EmailContent {
  std::string subject;
  std::string text;
  std::string html;
  // One optional attachment (the .ics of an interview).
  std::string attachment_name;
  std::string attachment_type;
  std::string attachment;
};

EmailContent VerifyEmailMessage(const std::string& name, const std::string& link);
EmailContent AlreadyRegisteredMessage(const std::string& login_link, const std::string& reset_link);
EmailContent ResetPasswordMessage(const std::string& name, const std::string& link);
EmailContent InvitationMessage(const std::string& institution, const std::string& role,
                               const std::string& link);
EmailContent ChangeEmailMessage(const std::string& name, const std::string& link);
EmailContent PasswordChangedMessage(const std::string& name);
// A coordinator verified or rejected a vault document.
EmailContent DocumentReviewedMessage(const std::string& name, const std::string& document_title,
                                     const std::string& institution, bool verified, const std::string& reason,
                                     const std::string& link);
// 30/14/3 days before a document a rotation needs expires, or before a block
// starts with items still missing.
EmailContent ComplianceReminderMessage(const std::string& name, const std::string& rotation, int days,
                                       const std::string& what, const std::string& link);

// 14/7/2 days before a placement starts while onboarding items are
// unfinished (decision 013): lists them.
EmailContent OnboardingReminderMessage(const std::string& name, const std::string& rotation, int days,
                                       const std::vector<std::string>& missing, const std::string& link);

// One line of a saved-search alert: a new block of an offering.
struct AlertBlock {
  std::string title;        // offering title
  std::string institution;  // and where
  std::string place;        // "Chicago, IL"
  std::string start_date, end_date, deadline;
  std::string link;         // the offering page
};
// New blocks matching a saved search (one message per search per run).
EmailContent SavedSearchAlertMessage(const std::string& name, const std::string& search_name,
                                     const std::vector<AlertBlock>& blocks, const std::string& search_link,
                                     const std::string& manage_link);
// To a referee: `applicant` asks for a letter; the private upload link.
EmailContent LetterRequestMessage(const std::string& referee, const std::string& applicant, bool waived,
                                  const std::string& link);
// To a referee, 7 and 14 days after the request while no letter arrived.
EmailContent LetterReminderMessage(const std::string& referee, const std::string& applicant, int days,
                                   const std::string& link);
// To the applicant: the referee uploaded (or replaced) the letter.
EmailContent LetterReceivedMessage(const std::string& name, const std::string& referee, const std::string& link);
// A coordinator decided on an application (reject, waitlist, interview, offer).
EmailContent ApplicationDecisionMessage(const std::string& name, const std::string& rotation,
                                        const std::string& institution, const std::string& event,
                                        const std::string& reason, const std::string& link);
// A coordinator asks the applicant a question (request_info).
EmailContent InfoRequestedMessage(const std::string& name, const std::string& rotation,
                                  const std::string& institution, const std::string& question,
                                  const std::string& link);
// A new message in an application's thread (the body is not copied into the e-mail).
EmailContent NewMessageMessage(const std::string& name, const std::string& rotation, const std::string& from,
                               const std::string& link);

// Offers (issue 7). `expires` is already written in the institution's zone.
EmailContent OfferMadeMessage(const std::string& name, const std::string& rotation, const std::string& institution,
                              const std::string& dates, const std::string& expires, bool from_waitlist,
                              const std::string& link);
// The offer ended without a placement: rescinded (with the reason), expired,
// or lapsed (the block filled first; the applicant is back on the waitlist).
EmailContent OfferClosedMessage(const std::string& name, const std::string& rotation, const std::string& institution,
                                const std::string& how, const std::string& reason, const std::string& link);
// The applicant accepted: the placement is confirmed.
EmailContent PlacementConfirmedMessage(const std::string& name, const std::string& rotation,
                                       const std::string& institution, const std::string& dates,
                                       const std::string& link);
// The coordinator cancelled an accepted placement.
EmailContent PlacementCancelledMessage(const std::string& name, const std::string& rotation,
                                       const std::string& institution, const std::string& reason,
                                       const std::string& link);
// To coordinators (waitlist promotion "notify"): a seat of a block is free.
EmailContent SeatFreeMessage(const std::string& name, const std::string& rotation, const std::string& dates,
                             int free_seats, int waitlisted, const std::string& link);
// Interviews. `when` is the start in the institution's zone, e.g.
// "Mon 4 Jan 2027, 09:00 (America/Chicago)"; `where` the link, phone note or address.
// kind: booked | rescheduled | cancelled | reminder | nudge (then `when` is
// the sentence saying what to do, e.g. "Your turn to book opens at …").
EmailContent InterviewMessage(const std::string& kind, const std::string& name, const std::string& rotation,
                              const std::string& institution, const std::string& when, const std::string& where,
                              const std::string& link);

// A coordinator confirmed, waived or refunded an application fee (`status`
// is the new one; `amount` written as "USD 50.00").
EmailContent FeeDecisionMessage(const std::string& name, const std::string& rotation, const std::string& institution,
                                const std::string& status, const std::string& amount, const std::string& note,
                                const std::string& link);
// To a school's office: confirm the applicant's enrollment or graduation
// and good standing through the private link.
EmailContent SchoolVerificationRequestMessage(const std::string& office, const std::string& applicant,
                                              const std::string& school, const std::string& link);
// To the applicant: the school verified (or declined, with the reason).
EmailContent SchoolVerificationAnsweredMessage(const std::string& name, const std::string& school, bool verified,
                                               const std::string& reason, const std::string& link);
// One application waiting for a first decision, in the coordinators' digest.
struct DigestLine {
  std::string applicant;
  std::string rotation;
  int days = 0;  // whole days since submission
  std::string link;
};
// The daily digest to a coordinator: applications waiting longer than the
// institution's target.
EmailContent ReviewDigestMessage(const std::string& name, const std::string& institution, int target_days,
                                 const std::vector<DigestLine>& lines);

// HTML-escapes text for the HTML bodies.
std::string EscapeHtml(const std::string& s);

// The result of a published match round (matched: the block; otherwise the scramble).
EmailContent MatchResultMessage(const std::string& name, const std::string& round, bool matched,
                                const std::string& rotation, const std::string& institution,
                                const std::string& dates, const std::string& link);
// A scramble round opened (to each unmatched applicant of the match round):
// `unfilled` blocks with seats left, `may_apply` applications left, until
// `ends` (already written with its zone).
EmailContent ScrambleOpenMessage(const std::string& name, const std::string& round, int unfilled, int may_apply,
                                 const std::string& ends, const std::string& link);
// An applicant invites a partner to rank a match round as a couple.
EmailContent CoupleInvitationMessage(const std::string& name, const std::string& partner, const std::string& round,
                                     const std::string& link);

}  // namespace clerkship::services
