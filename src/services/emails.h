// The transactional e-mails: subject, plain text and HTML from one template
// each. Pure functions of their inputs.
#pragma once

#include <string>

namespace clerkship::services {

struct EmailContent {
  std::string subject;
  std::string text;
  std::string html;
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

// HTML-escapes text for the HTML bodies.
std::string EscapeHtml(const std::string& s);

}  // namespace clerkship::services
