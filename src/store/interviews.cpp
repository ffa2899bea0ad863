#include "store/interviews.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

constexpr const char* kSlotColumns =
    "id, institution_id, offering_id, starts_at, local_date, local_time, time_zone, minutes, format, location, "
    "interviewers, capacity, booked, version, created_by, created_at, updated_at";

constexpr const char* kBookingColumns =
    "b.id, b.slot_id, b.application_id, b.applicant_id, b.institution_id, b.offering_id, b.status, b.sequence, "
    "b.created_at, b.updated_at";

SlotRow SlotFrom(const soci::row& r) {
  SlotRow s;
  s.id = r.get<std::string>(0);
  s.institution_id = r.get<std::string>(1);
  s.offering_id = r.get<std::string>(2);
  s.starts_at = r.get<std::string>(3);
  s.local_date = r.get<std::string>(4);
  s.local_time = r.get<std::string>(5);
  s.time_zone = r.get<std::string>(6);
  s.minutes = static_cast<int>(AsInt(r, 7));
  s.format = r.get<std::string>(8);
  s.location = r.get<std::string>(9);
  s.interviewers = r.get<std::string>(10);
  s.capacity = static_cast<int>(AsInt(r, 11));
  s.booked = static_cast<int>(AsInt(r, 12));
  s.version = static_cast<int>(AsInt(r, 13));
  s.created_by = r.get<std::string>(14);
  s.created_at = r.get<std::string>(15);
  s.updated_at = r.get<std::string>(16);
  return s;
}

BookingRow BookingFrom(const soci::row& r) {
  BookingRow b;
  b.id = r.get<std::string>(0);
  b.slot_id = r.get<std::string>(1);
  b.application_id = r.get<std::string>(2);
  b.applicant_id = r.get<std::string>(3);
  b.institution_id = r.get<std::string>(4);
  b.offering_id = r.get<std::string>(5);
  b.status = r.get<std::string>(6);
  b.sequence = static_cast<int>(AsInt(r, 7));
  b.created_at = r.get<std::string>(8);
  b.updated_at = r.get<std::string>(9);
  return b;
}

std::vector<SlotRow> Slots(Tx& tx, const std::string& where, const std::string& param) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kSlotColumns << " FROM interview_slots WHERE " << where, soci::use(param));
  std::vector<SlotRow> out;
  for (const auto& r : rows) out.push_back(SlotFrom(r));
  return out;
}

// Bookings joined with their slot (ordered by the slot's start).
std::vector<BookingRow> Bookings(Tx& tx, const std::string& where, const std::string& param) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kBookingColumns
                        << " FROM interview_bookings b JOIN interview_slots s ON s.id = b.slot_id WHERE " << where
                        << " ORDER BY s.starts_at, b.id",
       soci::use(param));
  std::vector<BookingRow> out;
  for (const auto& r : rows) out.push_back(BookingFrom(r));
  return out;
}

}  // namespace

void InsertSlot(Tx& tx, const SlotRow& s) {
  tx.sql() << "INSERT INTO interview_slots (" << kSlotColumns
           << ") VALUES (:id, :i, :o, :st, :ld, :lt, :tz, :m, :f, :l, :iv, :c, :b, :v, :cb, :ca, :ua)",
      soci::use(s.id), soci::use(s.institution_id), soci::use(s.offering_id), soci::use(s.starts_at),
      soci::use(s.local_date), soci::use(s.local_time), soci::use(s.time_zone), soci::use(s.minutes),
      soci::use(s.format), soci::use(s.location), soci::use(s.interviewers), soci::use(s.capacity),
      soci::use(s.booked), soci::use(s.version), soci::use(s.created_by), soci::use(s.created_at),
      soci::use(s.updated_at);
}

std::optional<SlotRow> FindSlot(Tx& tx, const std::string& id) {
  auto rows = Slots(tx, "id = :id", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<SlotRow> SlotsOfOffering(Tx& tx, const std::string& offering_id) {
  return Slots(tx, "offering_id = :o ORDER BY starts_at, id", offering_id);
}

bool UpdateUnbookedSlot(Tx& tx, const SlotRow& s) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE interview_slots SET starts_at = :st, local_date = :ld, local_time = :lt, "
                           "time_zone = :tz, minutes = :m, format = :f, location = :l, interviewers = :iv, "
                           "capacity = :c, version = version + 1, updated_at = :u WHERE id = :id AND booked = 0",
       soci::use(s.starts_at), soci::use(s.local_date), soci::use(s.local_time), soci::use(s.time_zone),
       soci::use(s.minutes), soci::use(s.format), soci::use(s.location), soci::use(s.interviewers),
       soci::use(s.capacity), soci::use(s.updated_at), soci::use(s.id));
  return Execute(st) == 1;
}

bool DeleteUnbookedSlot(Tx& tx, const std::string& id) {
  // Cancelled bookings keep their slot id for the record; a slot that ever had
  // one is kept too (booked is 0 again, but the row is history).
  int history = 0;
  tx.sql() << "SELECT COUNT(*) FROM interview_bookings WHERE slot_id = :id", soci::use(id), soci::into(history);
  if (history > 0) return false;
  // The caller's transaction rolls back when the slot itself is not deleted.
  tx.sql() << "DELETE FROM interview_slot_interviewers WHERE slot_id = :id", soci::use(id);
  soci::statement st =
      (tx.sql().prepare << "DELETE FROM interview_slots WHERE id = :id AND booked = 0", soci::use(id));
  return Execute(st) == 1;
}

bool TakeSlotPlace(Tx& tx, const std::string& slot_id) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE interview_slots SET booked = booked + 1 WHERE id = :id AND booked < capacity",
       soci::use(slot_id));
  return Execute(st) == 1;
}

void ReleaseSlotPlace(Tx& tx, const std::string& slot_id) {
  tx.sql() << "UPDATE interview_slots SET booked = booked - 1 WHERE id = :id AND booked > 0", soci::use(slot_id);
}

void InsertBooking(Tx& tx, const BookingRow& b) {
  tx.sql() << "INSERT INTO interview_bookings (id, slot_id, application_id, applicant_id, institution_id, "
              "offering_id, status, sequence, created_at, updated_at) VALUES (:id, :s, :a, :u, :i, :o, :st, :q, :c, :up)",
      soci::use(b.id), soci::use(b.slot_id), soci::use(b.application_id), soci::use(b.applicant_id),
      soci::use(b.institution_id), soci::use(b.offering_id), soci::use(b.status), soci::use(b.sequence),
      soci::use(b.created_at), soci::use(b.updated_at);
}

void UpdateBooking(Tx& tx, const BookingRow& b) {
  tx.sql() << "UPDATE interview_bookings SET slot_id = :s, status = :st, sequence = :q, updated_at = :u WHERE id = :id",
      soci::use(b.slot_id), soci::use(b.status), soci::use(b.sequence), soci::use(b.updated_at), soci::use(b.id);
}

std::optional<BookingRow> LiveBookingOf(Tx& tx, const std::string& application_id) {
  auto rows = Bookings(tx, "b.application_id = :a AND b.status = 'booked'", application_id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<BookingRow> LatestBookingOf(Tx& tx, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kBookingColumns
                        << " FROM interview_bookings b WHERE b.application_id = :a ORDER BY b.updated_at DESC, b.id",
       soci::use(application_id));
  for (const auto& r : rows) return BookingFrom(r);
  return std::nullopt;
}

std::vector<BookingRow> LiveBookingsOfSlot(Tx& tx, const std::string& slot_id) {
  return Bookings(tx, "b.slot_id = :s AND b.status = 'booked'", slot_id);
}

std::vector<BookingRow> LiveBookingsOfOffering(Tx& tx, const std::string& offering_id) {
  return Bookings(tx, "b.offering_id = :o AND b.status = 'booked'", offering_id);
}

std::vector<BookingRow> LiveBookingsOfApplicant(Tx& tx, const std::string& applicant_id) {
  return Bookings(tx, "b.applicant_id = :u AND b.status = 'booked'", applicant_id);
}

std::vector<BookingRow> LiveBookingsOfInstitution(Tx& tx, const std::string& institution_id) {
  return Bookings(tx, "b.institution_id = :i AND b.status = 'booked'", institution_id);
}

std::vector<BookingRow> LiveBookingsOfInterviewer(Tx& tx, const std::string& user_id, const std::string& from) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kBookingColumns
                        << " FROM interview_bookings b JOIN interview_slots s ON s.id = b.slot_id "
                           "JOIN interview_slot_interviewers i ON i.slot_id = s.id AND i.institution_id = s.institution_id "
                           "WHERE i.user_id = :u AND b.status = 'booked' AND s.starts_at >= :f ORDER BY s.starts_at, b.id",
       soci::use(user_id), soci::use(from));
  std::vector<BookingRow> out;
  for (const auto& r : rows) out.push_back(BookingFrom(r));
  return out;
}

std::vector<BookingRow> LiveBookingsStartingBetween(Tx& tx, const std::string& from, const std::string& to) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kBookingColumns
                        << " FROM interview_bookings b JOIN interview_slots s ON s.id = b.slot_id "
                           "WHERE b.status = 'booked' AND s.starts_at >= :f AND s.starts_at < :t ORDER BY s.starts_at, b.id",
       soci::use(from), soci::use(to));
  std::vector<BookingRow> out;
  for (const auto& r : rows) out.push_back(BookingFrom(r));
  return out;
}

void SetFeedToken(Tx& tx, const std::string& user_id, const std::string& token_hash, const std::string& now) {
  tx.sql() << "DELETE FROM calendar_feeds WHERE user_id = :u", soci::use(user_id);
  tx.sql() << "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (:u, :h, :c)", soci::use(user_id),
      soci::use(token_hash), soci::use(now);
}

std::optional<std::string> FeedUserOf(Tx& tx, const std::string& token_hash) {
  std::string user;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT user_id FROM calendar_feeds WHERE token_hash = :h", soci::use(token_hash),
      soci::into(user, ind);
  if (!tx.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return user;
}

bool HasFeed(Tx& tx, const std::string& user_id) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM calendar_feeds WHERE user_id = :u", soci::use(user_id), soci::into(n);
  return n > 0;
}

}  // namespace clerkship::store
