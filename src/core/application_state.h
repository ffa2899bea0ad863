// The application lifecycle as one table of allowed transitions. Pure.
//
// Every status change of an application goes through Transition(): an event
// (what someone did) from a status, by a kind of actor. Anything not in the
// table is refused with a sentence saying why (HTTP 409).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace clerkship::core {

// Statuses (wire names): draft, submitted, under_review, info_requested,
// interview, waitlisted, offer, accepted, declined, rejected, withdrawn,
// completed, cancelled (an accepted placement the coordinator cancelled).
extern const std::vector<std::string> kApplicationStatuses;

// Who acts: the applicant, institution staff (reviewers and coordinators;
// decisions need a coordinator, checked by the caller), or the system
// (expiry, scheduler).
enum class Actor { kApplicant, kReviewer, kCoordinator, kSystem };

struct TransitionRule {
  const char* event;   // submit, start_review, request_info, answer_info, invite_interview,
                       // waitlist, reject, offer, accept, decline, rescind_offer,
                       // expire_offer, seat_gone, cancel_placement, withdraw, complete, match
  const char* from;    // a status
  const char* to;      // the status after
  Actor who;
};

// The whole table (docs/applications.md prints it).
const std::vector<TransitionRule>& TransitionTable();

// The status after `event` from `from` by `who`, or kConflict naming what is
// allowed instead ("an application that is rejected cannot be offered a seat").
// kInvalidArgument for an unknown event (field "event").
Result<std::string> Transition(const std::string& from, const std::string& event, Actor who);

// Events `who` may apply from `from` (for buttons in the web app).
std::vector<std::string> AllowedEvents(const std::string& from, Actor who);

// Terminal statuses: nothing but (for accepted) completion follows.
bool IsClosed(const std::string& status);

}  // namespace clerkship::core
