// Interview slots, bookings and calendar-feed tokens: named statements over a
// Tx, valid on SQLite and PostgreSQL. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

// A staff account named as a slot's interviewer (migration 020).
struct SlotInterviewer {
  std::string slot_id, user_id, display_name, email;
};

struct SlotRow {
  std::string id;
  std::string institution_id;
  std::string offering_id;
  std::string starts_at;  // UTC
  std::string local_date, local_time, time_zone;
  int minutes = 30;
  std::string format, location, interviewers;
  int capacity = 1;
  int booked = 0;
  int version = 1;
  std::string created_by, created_at, updated_at;
  // Not a column: filled by the services from interview_slot_interviewers.
  std::vector<SlotInterviewer> interviewer_accounts;
};

struct BookingRow {
  std::string id;
  std::string slot_id;
  std::string application_id;
  std::string applicant_id;
  std::string institution_id;
  std::string offering_id;
  std::string status;  // booked | cancelled
  int sequence = 0;
  std::string created_at, updated_at;
};

void InsertSlot(Tx& tx, const SlotRow& s);
std::optional<SlotRow> FindSlot(Tx& tx, const std::string& id);
// Slots of an offering, soonest first.
std::vector<SlotRow> SlotsOfOffering(Tx& tx, const std::string& offering_id);
// Rewrites start, length, format, location, interviewers and capacity while
// nobody has booked the slot. False when it has bookings (or is gone).
bool UpdateUnbookedSlot(Tx& tx, const SlotRow& s);
// Deletes the slot (and its interviewer links) while nobody has booked it; false otherwise.
bool DeleteUnbookedSlot(Tx& tx, const std::string& id);

// Takes one place of the slot when one is free: a single conditional UPDATE
// (booked < capacity), so concurrent transactions, also from several
// processes on one PostgreSQL, never exceed the capacity. False when full.
bool TakeSlotPlace(Tx& tx, const std::string& slot_id);
// Gives one place back (never below zero).
void ReleaseSlotPlace(Tx& tx, const std::string& slot_id);

void InsertBooking(Tx& tx, const BookingRow& b);
// Writes slot_id, status, sequence and updated_at.
void UpdateBooking(Tx& tx, const BookingRow& b);
// The application's live booking, if any.
std::optional<BookingRow> LiveBookingOf(Tx& tx, const std::string& application_id);
// The application's newest booking in any status.
std::optional<BookingRow> LatestBookingOf(Tx& tx, const std::string& application_id);
// Live bookings of a slot / of an offering / of an applicant / of an institution.
std::vector<BookingRow> LiveBookingsOfSlot(Tx& tx, const std::string& slot_id);
std::vector<BookingRow> LiveBookingsOfOffering(Tx& tx, const std::string& offering_id);
std::vector<BookingRow> LiveBookingsOfApplicant(Tx& tx, const std::string& applicant_id);
std::vector<BookingRow> LiveBookingsOfInstitution(Tx& tx, const std::string& institution_id);
// Live bookings of slots that name `user_id` as an interviewer and start at
// or after `from` (UTC), soonest first.
std::vector<BookingRow> LiveBookingsOfInterviewer(Tx& tx, const std::string& user_id, const std::string& from);
// Live bookings whose slot starts in [from, to) (UTC ISO 8601).
std::vector<BookingRow> LiveBookingsStartingBetween(Tx& tx, const std::string& from, const std::string& to);

// Calendar feeds: the one token hash of a user (replaced on regenerate).
void SetFeedToken(Tx& tx, const std::string& user_id, const std::string& token_hash, const std::string& now);
std::optional<std::string> FeedUserOf(Tx& tx, const std::string& token_hash);
bool HasFeed(Tx& tx, const std::string& user_id);

}  // namespace clerkship::store
