#include "services/emails.h"

namespace clerkship::services {
namespace {

// One layout for every message: a greeting, paragraphs, an optional button.
EmailContent Compose(const std::string& subject, const std::string& greeting,
                     const std::string& paragraph, const std::string& action,
                     const std::string& link, const std::string& closing) {
  EmailContent e;
  e.subject = subject;
  e.text = greeting + "\n\n" + paragraph + "\n\n";
  if (!link.empty()) e.text += action + ":\n" + link + "\n\n";
  e.text += closing + "\n\n— Clerkship\n";
  e.html = "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\">"
           "<p>" + EscapeHtml(greeting) + "</p><p>" + EscapeHtml(paragraph) + "</p>";
  if (!link.empty()) {
    e.html += "<p><a href=\"" + EscapeHtml(link) +
              "\" style=\"background:#1c7ed6;color:#fff;padding:10px 16px;border-radius:4px;"
              "text-decoration:none\">" + EscapeHtml(action) + "</a></p><p style=\"font-size:12px\">"
              "Or paste this address into your browser: " + EscapeHtml(link) + "</p>";
  }
  e.html += "<p>" + EscapeHtml(closing) + "</p><p>— Clerkship</p></body></html>";
  return e;
}

std::string Hello(const std::string& name) { return name.empty() ? "Hello," : "Hello " + name + ","; }

}  // namespace

std::string EscapeHtml(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

EmailContent VerifyEmailMessage(const std::string& name, const std::string& link) {
  return Compose("Confirm your e-mail address for Clerkship", Hello(name),
                 "Please confirm that this is your e-mail address so you can log in and apply for "
                 "rotations. The link works once and expires in 48 hours.",
                 "Confirm my e-mail address", link,
                 "If you did not create a Clerkship account, ignore this message.");
}

EmailContent AlreadyRegisteredMessage(const std::string& login_link, const std::string& reset_link) {
  return Compose("Someone tried to register with your e-mail address", "Hello,",
                 "Someone (perhaps you) tried to create a Clerkship account with this e-mail "
                 "address, but you already have one. Log in at " + login_link +
                     ", or reset your password if you forgot it.",
                 "Reset my password", reset_link,
                 "If this was not you, no action is needed; your account is unchanged.");
}

EmailContent ResetPasswordMessage(const std::string& name, const std::string& link) {
  return Compose("Reset your Clerkship password", Hello(name),
                 "We received a request to reset your password. The link works once and expires "
                 "in one hour. Resetting logs you out everywhere.",
                 "Choose a new password", link,
                 "If you did not ask for this, ignore this message; your password is unchanged.");
}

EmailContent InvitationMessage(const std::string& institution, const std::string& role,
                               const std::string& link) {
  return Compose("You are invited to " + institution + " on Clerkship", "Hello,",
                 "You have been invited to join " + institution + " on Clerkship as " + role +
                     ". The invitation expires in 7 days.",
                 "Accept the invitation", link,
                 "If you were not expecting this invitation, ignore this message.");
}

EmailContent ChangeEmailMessage(const std::string& name, const std::string& link) {
  return Compose("Confirm your new e-mail address for Clerkship", Hello(name),
                 "Please confirm this new address for your Clerkship account. Until you do, we "
                 "keep using your old one. The link expires in 48 hours.",
                 "Confirm my new address", link, "If you did not ask for this, ignore this message.");
}

EmailContent PasswordChangedMessage(const std::string& name) {
  return Compose("Your Clerkship password was changed", Hello(name),
                 "Your password was just changed and your other sessions were logged out.", "", "",
                 "If this was not you, reset your password now and contact your coordinator.");
}

EmailContent DocumentReviewedMessage(const std::string& name, const std::string& document_title,
                                     const std::string& institution, bool verified, const std::string& reason,
                                     const std::string& link) {
  if (verified) {
    return Compose("Your document \"" + document_title + "\" was verified", Hello(name),
                   institution + " checked and verified your document \"" + document_title + "\".",
                   "See your documents", link, "Nothing else is needed for this document.");
  }
  return Compose("Your document \"" + document_title + "\" needs attention", Hello(name),
                 institution + " could not accept your document \"" + document_title + "\". Reason: " + reason,
                 "Upload a new version", link, "Upload a corrected version so your rotation can start on time.");
}

EmailContent ComplianceReminderMessage(const std::string& name, const std::string& rotation, int days,
                                       const std::string& what, const std::string& link) {
  return Compose("Action needed in " + std::to_string(days) + " days: " + rotation, Hello(name),
                 "In " + std::to_string(days) + " days: your rotation \"" + rotation + "\" needs attention: " + what, "Open your checklist", link,
                 "Please sort this out before the date so you are cleared to start.");
}

EmailContent OnboardingReminderMessage(const std::string& name, const std::string& rotation, int days,
                                       const std::vector<std::string>& missing, const std::string& link) {
  std::string when = days == 1 ? "1 day" : std::to_string(days) + " days";
  EmailContent e;
  e.subject = "Your rotation starts in " + when + ": " + std::to_string(missing.size()) + " onboarding " +
              (missing.size() == 1 ? "item" : "items") + " left";
  std::string intro = "Your rotation \"" + rotation + "\" starts in " + when +
                      ". To be cleared to start, finish these onboarding items:";
  e.text = Hello(name) + "\n\n" + intro + "\n\n";
  e.html = "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\"><p>" + EscapeHtml(Hello(name)) +
           "</p><p>" + EscapeHtml(intro) + "</p><ul>";
  for (const auto& m : missing) {
    e.text += "- " + m + "\n";
    e.html += "<li>" + EscapeHtml(m) + "</li>";
  }
  e.text += "\nOpen your onboarding checklist: " + link + "\n";
  e.html += "</ul><p><a href=\"" + EscapeHtml(link) + "\">Open your onboarding checklist</a></p></body></html>";
  return e;
}

EmailContent SavedSearchAlertMessage(const std::string& name, const std::string& search_name,
                                     const std::vector<AlertBlock>& blocks, const std::string& search_link,
                                     const std::string& manage_link) {
  EmailContent e;
  const size_t n = blocks.size();
  e.subject = std::to_string(n) + (n == 1 ? " new rotation block" : " new rotation blocks") +
              " for your saved search \"" + search_name + "\"";
  std::string intro = (n == 1 ? std::string("A new block matches") : std::string("New blocks match")) +
                      " your saved search \"" + search_name + "\":";
  e.text = Hello(name) + "\n\n" + intro + "\n\n";
  e.html = "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\"><p>" + EscapeHtml(Hello(name)) +
           "</p><p>" + EscapeHtml(intro) + "</p><ul>";
  for (const auto& b : blocks) {
    std::string line = b.title + " — " + b.institution + (b.place.empty() ? "" : " (" + b.place + ")") + ": " +
                       b.start_date + " to " + b.end_date + ", apply by " + b.deadline;
    e.text += "- " + line + "\n  " + b.link + "\n";
    e.html += "<li><a href=\"" + EscapeHtml(b.link) + "\">" + EscapeHtml(b.title) + "</a> — " +
              EscapeHtml(b.institution) + (b.place.empty() ? "" : " (" + EscapeHtml(b.place) + ")") + ": " +
              EscapeHtml(b.start_date) + " to " + EscapeHtml(b.end_date) + ", apply by " + EscapeHtml(b.deadline) +
              "</li>";
  }
  e.text += "\nSee every result of this search:\n" + search_link +
            "\n\nYou get this e-mail because you saved this search. Manage or delete your saved searches:\n" +
            manage_link + "\n\n— Clerkship\n";
  e.html += "</ul><p><a href=\"" + EscapeHtml(search_link) + "\">See every result of this search</a></p>"
            "<p style=\"font-size:12px\">You get this e-mail because you saved this search. <a href=\"" +
            EscapeHtml(manage_link) + "\">Manage or delete your saved searches</a>.</p><p>— Clerkship</p></body></html>";
  return e;
}

EmailContent LetterRequestMessage(const std::string& referee, const std::string& applicant, bool waived,
                                  const std::string& link) {
  std::string waiver = waived ? applicant + " has waived the right to read your letter: it goes only to the programs "
                                            "they apply to."
                              : applicant + " has not waived the right to read your letter and may see it.";
  return Compose(applicant + " asks you for a letter of recommendation", Hello(referee),
                 applicant + " is applying for clinical rotations through Clerkship and asks you for a letter of "
                             "recommendation. " + waiver +
                     " Upload your letter as a PDF on the page below; no account is needed. You can replace it "
                     "until it is first sent to a program. The link is private to you and works for 60 days.",
                 "Upload the letter", link, "If you do not know " + applicant + ", ignore this message.");
}

EmailContent LetterReminderMessage(const std::string& referee, const std::string& applicant, int days,
                                   const std::string& link) {
  return Compose("Reminder: letter of recommendation for " + applicant, Hello(referee),
                 applicant + " asked you " + std::to_string(days) +
                     " days ago for a letter of recommendation, and it has not arrived yet. Upload it as a PDF "
                     "on the page below; no account is needed. The link is private to you and works for 60 days.",
                 "Upload the letter", link, "If you cannot write this letter, please tell " + applicant + ".");
}

EmailContent LetterReceivedMessage(const std::string& name, const std::string& referee, const std::string& link) {
  return Compose("Your letter of recommendation from " + referee + " arrived", Hello(name),
                 referee + " uploaded your letter of recommendation. Assign it to your applications so the "
                           "programs receive it.",
                 "See your letters", link, "Thank your referee!");
}

EmailContent InterviewMessage(const std::string& kind, const std::string& name, const std::string& rotation,
                              const std::string& institution, const std::string& when, const std::string& where,
                              const std::string& link) {
  std::string place = where.empty() ? "" : " Where: " + where + ".";
  if (kind == "nudge") {  // `when` carries what to do and by when
    return Compose("Please book your interview: " + rotation, Hello(name),
                   institution + " invited you to interview for \"" + rotation + "\" and is waiting for you. " + when,
                   "Open your interview", link, "If you no longer wish to interview, write to the program.");
  }
  if (kind == "cancelled") {
    return Compose("Interview cancelled: " + rotation, Hello(name),
                   "Your interview with " + institution + " for \"" + rotation + "\" on " + when +
                       " is cancelled. You can book another time while your invitation stands.",
                   "See your application", link, "The attached calendar file removes it from your calendar.");
  }
  if (kind == "reminder") {
    return Compose("Reminder: interview tomorrow for " + rotation, Hello(name),
                   "Your interview with " + institution + " for \"" + rotation + "\" is on " + when + "." + place,
                   "See your interview", link, "Good luck!");
  }
  std::string verb = kind == "rescheduled" ? "moved to" : "booked for";
  return Compose("Interview " + std::string(kind == "rescheduled" ? "moved" : "booked") + ": " + rotation, Hello(name),
                 "Your interview with " + institution + " for \"" + rotation + "\" is " + verb + " " + when + "." +
                     place,
                 "See your interview", link,
                 "The attached invitation (.ics) adds it to your calendar; changes close 24 hours before the start.");
}

EmailContent ApplicationDecisionMessage(const std::string& name, const std::string& rotation,
                                        const std::string& institution, const std::string& event,
                                        const std::string& reason, const std::string& link) {
  std::string why = reason.empty() ? "" : " Reason: " + reason;
  if (event == "reject") {
    return Compose("Your application for " + rotation, Hello(name),
                   institution + " has decided not to offer you a place in \"" + rotation + "\"." + why,
                   "See your application", link,
                   "We know this is disappointing. Other programs are still open to you.");
  }
  if (event == "waitlist") {
    return Compose("You are on the waitlist for " + rotation, Hello(name),
                   institution + " placed your application for \"" + rotation + "\" on its waitlist." + why,
                   "See your application", link, "We will write to you if a place opens.");
  }
  if (event == "invite_interview") {
    return Compose("Interview invitation: " + rotation, Hello(name),
                   institution + " invites you to interview for \"" + rotation + "\"." + why,
                   "See your application", link, "You will receive the interview details separately.");
  }
  return Compose("News about your application for " + rotation, Hello(name),
                 "Your application for \"" + rotation + "\" at " + institution + " has changed." + why,
                 "See your application", link, "Open the application to see what happens next.");
}

EmailContent InfoRequestedMessage(const std::string& name, const std::string& rotation,
                                  const std::string& institution, const std::string& question,
                                  const std::string& link) {
  return Compose(institution + " needs more information", Hello(name),
                 institution + " asks about your application for \"" + rotation + "\": " + question,
                 "Answer the question", link, "Your application continues once you have answered.");
}

EmailContent NewMessageMessage(const std::string& name, const std::string& rotation, const std::string& from,
                               const std::string& link) {
  return Compose("New message about " + rotation, Hello(name),
                 from + " wrote a message about the application for \"" + rotation + "\".", "Read the message",
                 link, "Reply in Clerkship; replies to this e-mail are not read.");
}

EmailContent OfferMadeMessage(const std::string& name, const std::string& rotation, const std::string& institution,
                              const std::string& dates, const std::string& expires, bool from_waitlist,
                              const std::string& link) {
  std::string lead = from_waitlist ? "A seat became free and you were next on the waitlist: " : "";
  return Compose("Offer: " + rotation + " at " + institution, Hello(name),
                 lead + institution + " offers you a seat in " + rotation + " (" + dates +
                     "). Accept or decline it in Clerkship by " + expires +
                     " (the institution's time); after that the offer expires. Accepting takes the seat "
                     "only while one is free.",
                 "See the offer", link, "Congratulations!");
}

EmailContent OfferClosedMessage(const std::string& name, const std::string& rotation, const std::string& institution,
                                const std::string& how, const std::string& reason, const std::string& link) {
  std::string p;
  if (how == "rescinded") {
    p = institution + " withdrew its offer for " + rotation + ". Reason: " + reason;
  } else if (how == "expired") {
    p = "Your offer for " + rotation + " at " + institution + " expired before it was accepted.";
  } else {
    p = "The last seat of " + rotation + " at " + institution +
        " was taken before you accepted, so the offer could not be accepted. You are now first on the "
        "waitlist for it and will hear from the program if a seat becomes free.";
  }
  return Compose("Offer " + how + ": " + rotation, Hello(name), p, "See your application", link,
                 "You can reply to the program from your application page.");
}

EmailContent PlacementConfirmedMessage(const std::string& name, const std::string& rotation,
                                       const std::string& institution, const std::string& dates,
                                       const std::string& link) {
  return Compose("Placement confirmed: " + rotation, Hello(name),
                 "You accepted your seat in " + rotation + " at " + institution + " (" + dates +
                     "). Complete your onboarding items before the start.",
                 "See your placement", link, "We look forward to seeing you.");
}

EmailContent PlacementCancelledMessage(const std::string& name, const std::string& rotation,
                                       const std::string& institution, const std::string& reason,
                                       const std::string& link) {
  return Compose("Placement cancelled: " + rotation, Hello(name),
                 institution + " cancelled your placement in " + rotation + ". Reason: " + reason,
                 "See your application", link, "You can reply to the program from your application page.");
}

EmailContent SeatFreeMessage(const std::string& name, const std::string& rotation, const std::string& dates,
                             int free_seats, int waitlisted, const std::string& link) {
  return Compose("A seat is free: " + rotation + " (" + dates + ")", Hello(name),
                 std::to_string(free_seats) + " seat(s) of " + rotation + " (" + dates +
                     ") are free and not covered by a pending offer; " + std::to_string(waitlisted) +
                     " application(s) are on its waitlist. Offer the seat from the waitlist when you are ready.",
                 "Open the offers of this rotation", link, "This offering's waitlist promotion is set to notify.");
}

}  // namespace clerkship::services

namespace clerkship::services {

EmailContent MatchResultMessage(const std::string& name, const std::string& round, bool matched,
                                const std::string& rotation, const std::string& institution,
                                const std::string& dates, const std::string& link) {
  if (matched) {
    return Compose("You matched: " + rotation, Hello(name),
                   "The results of \"" + round + "\" are out. You matched to \"" + rotation + "\" at " +
                       institution + " (" + dates + "). Your seat is reserved; there is no offer to accept.",
                   "See your result", link, "Congratulations.");
  }
  return Compose("Results of " + round, Hello(name),
                 "The results of \"" + round + "\" are out. You were not matched this time. Blocks of the round "
                 "that still have seats are open to you now (the scramble).",
                 "See open blocks", link, "Apply through the scramble page soon: seats go quickly.");
}

EmailContent ScrambleOpenMessage(const std::string& name, const std::string& round, int unfilled, int may_apply,
                                 const std::string& ends, const std::string& link) {
  std::string blocks = std::to_string(unfilled) + (unfilled == 1 ? " unfilled block" : " unfilled blocks");
  return Compose("The scramble is open: " + blocks, Hello(name),
                 "The scramble of \"" + round + "\" is open: " + blocks + ", you may apply to up to " +
                     std::to_string(may_apply) + " until " + ends + ".",
                 "See open blocks", link, "Programs make offers during the round; offers expire when it ends.");
}

EmailContent CoupleInvitationMessage(const std::string& name, const std::string& partner, const std::string& round,
                                     const std::string& link) {
  return Compose(partner + " wants to rank as a couple", Hello(name),
                 partner + " invited you to rank \"" + round + "\" as a couple: you would submit one joint list of "
                 "block pairs instead of your own lists.",
                 "Confirm or ignore", link, "Nothing changes until you confirm.");
}

EmailContent FeeDecisionMessage(const std::string& name, const std::string& rotation, const std::string& institution,
                                const std::string& status, const std::string& amount, const std::string& note,
                                const std::string& link) {
  std::string what = status == "confirmed" ? "confirmed that your application fee of " + amount + " was received"
                     : status == "waived"  ? "waived your application fee of " + amount
                                           : "refunded your application fee of " + amount;
  return Compose("Application fee " + status + ": " + rotation, Hello(name),
                 institution + " " + what + " for " + rotation + "." + (note.empty() ? "" : " Note: " + note),
                 "See your application", link, "Good luck with your application!");
}

EmailContent SchoolVerificationRequestMessage(const std::string& office, const std::string& applicant,
                                              const std::string& school, const std::string& link) {
  return Compose(applicant + " asks " + school + " to confirm their enrollment or graduation", Hello(office),
                 applicant + " is applying for clinical rotations through Clerkship and names " + school +
                     " as their medical school. Please confirm on the page below whether they are enrolled or "
                     "have graduated (with the year) and are in good standing, by attesting or by uploading a "
                     "signed PDF letter; or decline if you cannot confirm it. No account is needed. The link is "
                     "private to your office, works once, and expires in 30 days.",
                 "Answer the request", link, "If " + applicant + " is not known to you, decline the request.");
}

EmailContent SchoolVerificationAnsweredMessage(const std::string& name, const std::string& school, bool verified,
                                               const std::string& reason, const std::string& link) {
  return Compose(verified ? school + " verified your enrollment" : school + " declined your verification request",
                 Hello(name),
                 verified ? school + " confirmed your enrollment or graduation and good standing. Programs you "
                                     "apply to now see that your school verified you."
                          : school + " could not confirm your enrollment or graduation." +
                                (reason.empty() ? "" : " Their reason: " + reason) +
                                " You can send a new request to the right office.",
                 "See your applications", link, "— your Clerkship team");
}

EmailContent ReviewDigestMessage(const std::string& name, const std::string& institution, int target_days,
                                 const std::vector<DigestLine>& lines) {
  EmailContent e;
  std::string count = std::to_string(lines.size());
  e.subject = count + (lines.size() == 1 ? " application waits" : " applications wait") + " longer than " +
              std::to_string(target_days) + " days at " + institution;
  std::string intro = std::string(lines.size() == 1 ? "This application has" : "These applications have") +
                      " waited longer than your target of " + std::to_string(target_days) +
                      " days for a first decision:";
  e.text = Hello(name) + "\n\n" + intro + "\n\n";
  e.html = "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\"><p>" + EscapeHtml(Hello(name)) +
           "</p><p>" + EscapeHtml(intro) + "</p><ul>";
  for (const auto& l : lines) {
    std::string who = (l.applicant.empty() ? "An applicant" : l.applicant) + " — " + l.rotation + " (" +
                      std::to_string(l.days) + " days)";
    e.text += "- " + who + "\n  " + l.link + "\n";
    e.html += "<li><a href=\"" + EscapeHtml(l.link) + "\">" + EscapeHtml(who) + "</a></li>";
  }
  std::string closing = "Applicants see how long programs take to answer. You receive this digest once a day "
                        "while applications wait; change the target in the review settings.";
  e.text += "\n" + closing + "\n\n— Clerkship\n";
  e.html += "</ul><p>" + EscapeHtml(closing) + "</p><p>— Clerkship</p></body></html>";
  return e;
}

}  // namespace clerkship::services
