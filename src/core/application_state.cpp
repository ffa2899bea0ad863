#include "core/application_state.h"

#include <algorithm>

namespace clerkship::core {

const std::vector<std::string> kApplicationStatuses = {
    "draft",      "submitted", "under_review", "info_requested", "interview", "waitlisted",
    "offer",      "accepted",  "declined",     "rejected",       "withdrawn", "completed",
    "cancelled"};

namespace {

using A = Actor;

// Reviewers may move an application into review; every decision is a
// coordinator's. Withdrawing is the applicant's right at any open stage.
const std::vector<TransitionRule> kTable = {
    {"submit", "draft", "submitted", A::kApplicant},
    {"withdraw", "draft", "withdrawn", A::kApplicant},

    {"start_review", "submitted", "under_review", A::kReviewer},
    {"start_review", "submitted", "under_review", A::kCoordinator},

    {"request_info", "submitted", "info_requested", A::kCoordinator},
    {"request_info", "under_review", "info_requested", A::kCoordinator},
    {"answer_info", "info_requested", "under_review", A::kApplicant},

    {"invite_interview", "submitted", "interview", A::kCoordinator},
    {"invite_interview", "under_review", "interview", A::kCoordinator},
    {"invite_interview", "waitlisted", "interview", A::kCoordinator},

    {"waitlist", "submitted", "waitlisted", A::kCoordinator},
    {"waitlist", "under_review", "waitlisted", A::kCoordinator},
    {"waitlist", "interview", "waitlisted", A::kCoordinator},

    {"reject", "submitted", "rejected", A::kCoordinator},
    {"reject", "under_review", "rejected", A::kCoordinator},
    {"reject", "info_requested", "rejected", A::kCoordinator},
    {"reject", "interview", "rejected", A::kCoordinator},
    {"reject", "waitlisted", "rejected", A::kCoordinator},

    {"offer", "submitted", "offer", A::kCoordinator},
    {"offer", "under_review", "offer", A::kCoordinator},
    {"offer", "interview", "offer", A::kCoordinator},
    {"offer", "waitlisted", "offer", A::kCoordinator},
    {"offer", "waitlisted", "offer", A::kSystem},  // automatic waitlist promotion

    // A published match round places the applicant directly (no offer step).
    {"match", "submitted", "accepted", A::kSystem},
    {"match", "under_review", "accepted", A::kSystem},
    {"match", "interview", "accepted", A::kSystem},
    {"match", "waitlisted", "accepted", A::kSystem},

    {"accept", "offer", "accepted", A::kApplicant},
    {"decline", "offer", "declined", A::kApplicant},
    {"rescind_offer", "offer", "under_review", A::kCoordinator},
    {"expire_offer", "offer", "declined", A::kSystem},
    // The block filled before the applicant accepted: back to the waitlist.
    {"seat_gone", "offer", "waitlisted", A::kSystem},
    // The coordinator cancels an accepted placement; the seat returns.
    {"cancel_placement", "accepted", "cancelled", A::kCoordinator},

    {"withdraw", "submitted", "withdrawn", A::kApplicant},
    {"withdraw", "under_review", "withdrawn", A::kApplicant},
    {"withdraw", "info_requested", "withdrawn", A::kApplicant},
    {"withdraw", "interview", "withdrawn", A::kApplicant},
    {"withdraw", "waitlisted", "withdrawn", A::kApplicant},
    {"withdraw", "offer", "withdrawn", A::kApplicant},
    {"withdraw", "accepted", "withdrawn", A::kApplicant},

    {"complete", "accepted", "completed", A::kCoordinator},
    {"complete", "accepted", "completed", A::kSystem},
};

const char* Words(const std::string& status) {
  if (status == "under_review") return "under review";
  if (status == "info_requested") return "waiting for more information";
  if (status == "interview") return "invited to interview";
  if (status == "offer") return "holding an offer";
  return nullptr;
}

std::string Describe(const std::string& status) {
  const char* w = Words(status);
  return w ? w : status;
}

std::string EventWords(const std::string& event) {
  if (event == "submit") return "be submitted";
  if (event == "start_review") return "be moved to review";
  if (event == "request_info") return "get a request for more information";
  if (event == "answer_info") return "answer a request for information";
  if (event == "invite_interview") return "be invited to interview";
  if (event == "waitlist") return "be waitlisted";
  if (event == "reject") return "be rejected";
  if (event == "offer") return "be offered a seat";
  if (event == "accept") return "accept an offer";
  if (event == "match") return "be placed by a match round";
  if (event == "decline") return "decline an offer";
  if (event == "rescind_offer") return "have an offer rescinded";
  if (event == "expire_offer") return "have an offer expire";
  if (event == "withdraw") return "be withdrawn";
  if (event == "complete") return "be completed";
  if (event == "seat_gone") return "lose an offer to a full block";
  if (event == "cancel_placement") return "have its placement cancelled";
  return event;
}

bool KnownEvent(const std::string& event) {
  return std::any_of(kTable.begin(), kTable.end(), [&](const TransitionRule& r) { return event == r.event; });
}

}  // namespace

const std::vector<TransitionRule>& TransitionTable() { return kTable; }

Result<std::string> Transition(const std::string& from, const std::string& event, Actor who) {
  if (!KnownEvent(event)) return InvalidArgument("event", "unknown action: " + event);
  const TransitionRule* other = nullptr;
  for (const auto& r : kTable) {
    if (event != r.event || from != r.from) continue;
    if (r.who == who) return std::string(r.to);
    if (!other && r.who != Actor::kSystem) other = &r;
  }
  if (other) {
    const char* by = other->who == Actor::kApplicant ? "the applicant" : "a coordinator";
    return Forbidden("only " + std::string(by) + " can do this (" + event + ")");
  }
  auto allowed = AllowedEvents(from, who);
  std::string msg = "an application that is " + Describe(from) + " cannot " + EventWords(event);
  if (!allowed.empty()) {
    msg += " (possible now: ";
    for (size_t i = 0; i < allowed.size(); ++i) msg += (i ? ", " : "") + allowed[i];
    msg += ")";
  }
  return Conflict(msg);
}

std::vector<std::string> AllowedEvents(const std::string& from, Actor who) {
  std::vector<std::string> out;
  for (const auto& r : kTable) {
    if (from == r.from && r.who == who && std::find(out.begin(), out.end(), r.event) == out.end()) {
      out.push_back(r.event);
    }
  }
  return out;
}

bool IsClosed(const std::string& status) {
  return status == "declined" || status == "rejected" || status == "withdrawn" || status == "completed" ||
         status == "cancelled";
}

}  // namespace clerkship::core
