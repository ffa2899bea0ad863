// Letters of recommendation (issue 6, docs/letters.md): the applicant asks a
// referee, the referee uploads a PDF through a private link (no account), the
// applicant assigns received letters to applications, and only the programs
// of those applications see them. One transaction per use case; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/letters.h"
#include "core/result.h"
#include "services/context.h"
#include "services/vault.h"
#include "store/letters.h"

namespace clerkship::services {

struct LetterView {
  store::LetterRow row;
  std::vector<std::string> application_ids;  // where it is assigned
};

// ---- Applicant (own letters only; someone else's letter is kNotFound)
// Records the request and e-mails the referee a private link (60 days).
core::Result<LetterView> RequestLetter(Context& ctx, const Actor& actor, core::LetterRequestDraft draft);
core::Result<std::vector<LetterView>> ListMyLetters(Context& ctx, const Actor& actor);
// Cancels a request; its links stop working and drafts lose it. kConflict
// once the letter went out with a submitted application.
core::Result<LetterView> CancelLetter(Context& ctx, const Actor& actor, const std::string& letter_id);
// E-mails the referee a fresh link (at most every 10 minutes: kConflict).
// kConflict when cancelled or already sent to a program.
core::Result<LetterView> ResendLetterLink(Context& ctx, const Actor& actor, const std::string& letter_id);
// The letter's PDF; kForbidden when the applicant waived reading it,
// kNotFound before it arrived.
core::Result<FileDownload> ReadMyLetter(Context& ctx, const Actor& actor, const std::string& letter_id);
// Assigns a received letter to one of the caller's draft or submitted
// applications (submitted: it is sent at once, so the referee can no longer
// replace it). Idempotent.
core::Result<LetterView> AssignLetter(Context& ctx, const Actor& actor, const std::string& application_id,
                                      const std::string& letter_id);
// Only from a draft (a sent letter stays with the program): kConflict else.
core::Result<LetterView> UnassignLetter(Context& ctx, const Actor& actor, const std::string& application_id,
                                        const std::string& letter_id);

// ---- Referee (anonymous; the link token is the authorization)
struct RefereeView {
  store::LetterRow row;
  std::string applicant_name;
  std::string applicant_school;
  bool can_replace = false;  // received but never sent
};
// kInvalidArgument field "token" when the token is unknown, expired, used or
// for another purpose; kNotFound when the request was cancelled.
core::Result<RefereeView> GetLetterByToken(Context& ctx, const std::string& token);
// Checks the file streamed to `path` (PDF only, same checks as the vault),
// encrypts it and records it as the letter (replacing an unsent one).
// kConflict once sent to a program or cancelled.
core::Result<RefereeView> UploadLetter(Context& ctx, const Actor& actor, const std::string& token,
                                       const std::string& path);

// ---- Institution staff (route checks membership of `institution_id`)
// The letters assigned to a submitted application at the institution
// (kNotFound when it is not theirs, a draft or withdrawn). Audited.
core::Result<std::vector<store::LetterRow>> ListApplicationLetters(Context& ctx, const Actor& actor,
                                                                   const std::string& institution_id,
                                                                   const std::string& application_id);
core::Result<FileDownload> ReadApplicationLetter(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                 const std::string& application_id, const std::string& letter_id);

// ---- Job: reminders to referees 7 and 14 days after the request while no
// letter arrived. Idempotent (reminders_sent); returns e-mails queued.
core::Result<int> SendLetterReminders(Context& ctx);

}  // namespace clerkship::services
