// E-mail outbox rows: written in the transaction of the change that caused
// them, claimed and delivered by the worker. Thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct OutboxRow {
  std::string id;
  std::string to;
  std::string subject;
  std::string text;
  std::string html;
  int attempts = 0;
  // One optional attachment (e.g. "interview.ics", "text/calendar; method=REQUEST").
  std::string attachment_name;
  std::string attachment_type;
  std::string attachment;
};

void EnqueueEmail(Tx& tx, const OutboxRow& row, const std::string& now);
// Claims up to `limit` due, unsent, unclaimed rows until `lease_until`. On
// PostgreSQL rows locked by another process are skipped (SKIP LOCKED).
std::vector<OutboxRow> ClaimDueEmails(Tx& tx, const std::string& now, const std::string& lease_until, int limit);
void MarkEmailSent(Tx& tx, const std::string& id, const std::string& now);
void MarkEmailFailed(Tx& tx, const std::string& id, int attempts, const std::string& next_attempt_at,
                     const std::string& error);

}  // namespace clerkship::store
