// Letter requests (a referee's letter for an applicant) and the letters an
// application carries: named statements over a Tx. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct LetterRow {
  std::string id;
  std::string applicant_id;
  std::string referee_name;
  std::string referee_email;
  std::string referee_title;
  std::string referee_institution;
  std::string relationship;
  bool waived = false;
  std::string status;  // requested | received | cancelled
  std::string blob;
  std::string mime;
  int64_t size = 0;
  int pages = 0;
  std::string uploaded_at;
  std::string first_sent_at;
  std::string last_link_at;
  int reminders = 0;
  std::string created_at;
  std::string updated_at;
};

void InsertLetter(Tx& tx, const LetterRow& l);
// Writes every mutable column (status, file, dates, reminders).
void UpdateLetter(Tx& tx, const LetterRow& l);
std::optional<LetterRow> FindLetter(Tx& tx, const std::string& id);
// A user's letters, newest first.
std::vector<LetterRow> ListLetters(Tx& tx, const std::string& applicant_id);
// Requests still waiting for the referee, created at or before `before`.
std::vector<LetterRow> WaitingLetters(Tx& tx, const std::string& before, int limit);

void AssignLetter(Tx& tx, const std::string& application_id, const std::string& letter_id, const std::string& now);
// False when the letter was not assigned.
bool UnassignLetter(Tx& tx, const std::string& application_id, const std::string& letter_id);
// The letters an application carries, in assignment order.
std::vector<LetterRow> LettersOfApplication(Tx& tx, const std::string& application_id);
int CountApplicationLetters(Tx& tx, const std::string& application_id);
// Sets first_sent_at on the application's received letters that were never
// sent: from now on their referees cannot replace them.
void MarkLettersSent(Tx& tx, const std::string& application_id, const std::string& now);
// Application ids a letter is assigned to.
std::vector<std::string> ApplicationsOfLetter(Tx& tx, const std::string& letter_id);

}  // namespace clerkship::store
