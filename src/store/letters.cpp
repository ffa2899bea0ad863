#include "store/letters.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

constexpr const char* kLetterColumns =
    "id, applicant_id, referee_name, referee_email, referee_title, referee_institution, relationship, waived, "
    "status, blob, mime, size, pages, uploaded_at, first_sent_at, last_link_at, reminders, created_at, "
    "updated_at";

LetterRow LetterFromRow(const soci::row& r) {
  LetterRow l;
  l.id = r.get<std::string>(0);
  l.applicant_id = r.get<std::string>(1);
  l.referee_name = r.get<std::string>(2);
  l.referee_email = r.get<std::string>(3);
  l.referee_title = r.get<std::string>(4);
  l.referee_institution = r.get<std::string>(5);
  l.relationship = r.get<std::string>(6);
  l.waived = AsInt(r, 7) != 0;
  l.status = r.get<std::string>(8);
  l.blob = r.get<std::string>(9);
  l.mime = r.get<std::string>(10);
  l.size = AsInt(r, 11);
  l.pages = static_cast<int>(AsInt(r, 12));
  l.uploaded_at = r.get<std::string>(13);
  l.first_sent_at = r.get<std::string>(14);
  l.last_link_at = r.get<std::string>(15);
  l.reminders = static_cast<int>(AsInt(r, 16));
  l.created_at = r.get<std::string>(17);
  l.updated_at = r.get<std::string>(18);
  return l;
}

std::vector<LetterRow> Letters(soci::rowset<soci::row>& rows) {
  std::vector<LetterRow> out;
  for (const auto& r : rows) out.push_back(LetterFromRow(r));
  return out;
}

}  // namespace

void InsertLetter(Tx& tx, const LetterRow& l) {
  int waived = l.waived ? 1 : 0;
  long long size = l.size;
  tx.sql() << "INSERT INTO letter_requests (" << kLetterColumns
           << ") VALUES (:id, :ap, :rn, :re, :rt, :ri, :rel, :w, :s, :b, :m, :sz, :p, :up, :fs, :ll, :rem, "
              ":c, :u)",
      soci::use(l.id), soci::use(l.applicant_id), soci::use(l.referee_name), soci::use(l.referee_email),
      soci::use(l.referee_title), soci::use(l.referee_institution), soci::use(l.relationship), soci::use(waived),
      soci::use(l.status), soci::use(l.blob), soci::use(l.mime), soci::use(size),
      soci::use(l.pages), soci::use(l.uploaded_at), soci::use(l.first_sent_at), soci::use(l.last_link_at),
      soci::use(l.reminders), soci::use(l.created_at), soci::use(l.updated_at);
}

void UpdateLetter(Tx& tx, const LetterRow& l) {
  long long size = l.size;
  tx.sql() << "UPDATE letter_requests SET status = :s, blob = :b, mime = :m, size = :sz, "
              "pages = :p, uploaded_at = :up, first_sent_at = :fs, last_link_at = :ll, reminders = :rem, "
              "updated_at = :u WHERE id = :id",
      soci::use(l.status), soci::use(l.blob), soci::use(l.mime), soci::use(size),
      soci::use(l.pages), soci::use(l.uploaded_at), soci::use(l.first_sent_at), soci::use(l.last_link_at),
      soci::use(l.reminders), soci::use(l.updated_at), soci::use(l.id);
}

std::optional<LetterRow> FindLetter(Tx& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kLetterColumns << " FROM letter_requests WHERE id = :id", soci::use(id));
  for (const auto& r : rows) return LetterFromRow(r);
  return std::nullopt;
}

std::vector<LetterRow> ListLetters(Tx& tx, const std::string& applicant_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kLetterColumns
                        << " FROM letter_requests WHERE applicant_id = :a ORDER BY created_at DESC, id",
       soci::use(applicant_id));
  return Letters(rows);
}

std::vector<LetterRow> WaitingLetters(Tx& tx, const std::string& before, int limit) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kLetterColumns
                        << " FROM letter_requests WHERE status = 'requested' AND created_at <= :b "
                           "ORDER BY created_at, id LIMIT :lim",
       soci::use(before), soci::use(limit));
  return Letters(rows);
}

void AssignLetter(Tx& tx, const std::string& application_id, const std::string& letter_id, const std::string& now) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM application_letters WHERE application_id = :a AND letter_id = :l",
      soci::use(application_id), soci::use(letter_id), soci::into(n);
  if (n > 0) return;
  tx.sql() << "INSERT INTO application_letters (application_id, letter_id, created_at) VALUES (:a, :l, :c)",
      soci::use(application_id), soci::use(letter_id), soci::use(now);
}

bool UnassignLetter(Tx& tx, const std::string& application_id, const std::string& letter_id) {
  soci::statement st = (tx.sql().prepare << "DELETE FROM application_letters WHERE application_id = :a AND "
                                            "letter_id = :l",
                        soci::use(application_id), soci::use(letter_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

std::vector<LetterRow> LettersOfApplication(Tx& tx, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT l.id, l.applicant_id, l.referee_name, l.referee_email, l.referee_title, "
                           "l.referee_institution, l.relationship, l.waived, l.status, l.blob, l.mime, "
                           "l.size, l.pages, l.uploaded_at, l.first_sent_at, l.last_link_at, l.reminders, "
                           "l.created_at, l.updated_at FROM application_letters al "
                           "JOIN letter_requests l ON l.id = al.letter_id WHERE al.application_id = :a "
                           "ORDER BY al.created_at, l.id",
       soci::use(application_id));
  return Letters(rows);
}

int CountApplicationLetters(Tx& tx, const std::string& application_id) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM application_letters al JOIN letter_requests l ON l.id = al.letter_id "
              "WHERE al.application_id = :a AND l.status = 'received'",
      soci::use(application_id), soci::into(n);
  return n;
}

void MarkLettersSent(Tx& tx, const std::string& application_id, const std::string& now) {
  tx.sql() << "UPDATE letter_requests SET first_sent_at = :now, updated_at = :now2 WHERE first_sent_at = '' AND "
              "status = 'received' AND id IN (SELECT letter_id FROM application_letters WHERE application_id = :a)",
      soci::use(now), soci::use(now), soci::use(application_id);
}

std::vector<std::string> ApplicationsOfLetter(Tx& tx, const std::string& letter_id) {
  soci::rowset<std::string> rows =
      (tx.sql().prepare << "SELECT application_id FROM application_letters WHERE letter_id = :l ORDER BY "
                           "application_id",
       soci::use(letter_id));
  return {rows.begin(), rows.end()};
}

}  // namespace clerkship::store
