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

// HTML-escapes text for the HTML bodies.
std::string EscapeHtml(const std::string& s);

}  // namespace clerkship::services
