#include "store/outbox.h"

#include <soci/soci.h>

namespace clerkship::store {

void EnqueueEmail(Tx& tx, const OutboxRow& r, const std::string& now) {
  tx.sql() << "INSERT INTO outbox (id, seq, to_addr, subject, body_text, body_html, created_at, "
              "next_attempt_at, attachment_name, attachment_type, attachment) VALUES (:id, "
              "(SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), :to, :s, :t, :h, :c, :n, :an, :at, :a)",
      soci::use(r.id), soci::use(r.to), soci::use(r.subject), soci::use(r.text), soci::use(r.html),
      soci::use(now), soci::use(now), soci::use(r.attachment_name), soci::use(r.attachment_type),
      soci::use(r.attachment);
}

std::vector<OutboxRow> ClaimDueEmails(Tx& tx, const std::string& now, const std::string& lease_until,
                                      int limit) {
  std::string select =
      "SELECT id, to_addr, subject, body_text, body_html, attempts, attachment_name, attachment_type, "
      "attachment FROM outbox WHERE sent_at = '' "
      "AND next_attempt_at <= :now AND claimed_until <= :now2 AND attempts < 8 "
      "ORDER BY next_attempt_at, seq LIMIT :lim";
  if (tx.backend() == Backend::kPostgres) select += " FOR UPDATE SKIP LOCKED";
  soci::rowset<soci::row> rows = (tx.sql().prepare << select, soci::use(now), soci::use(now), soci::use(limit));
  std::vector<OutboxRow> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                   r.get<std::string>(3), r.get<std::string>(4), r.get<int>(5), r.get<std::string>(6),
                   r.get<std::string>(7), r.get<std::string>(8)});
  }
  for (const auto& r : out) {
    tx.sql() << "UPDATE outbox SET claimed_until = :lease WHERE id = :id", soci::use(lease_until),
        soci::use(r.id);
  }
  return out;
}

void MarkEmailSent(Tx& tx, const std::string& id, const std::string& now) {
  tx.sql() << "UPDATE outbox SET sent_at = :now, claimed_until = '' WHERE id = :id", soci::use(now), soci::use(id);
}

void MarkEmailFailed(Tx& tx, const std::string& id, int attempts, const std::string& next_attempt_at,
                     const std::string& error) {
  std::string e = error.substr(0, 500);
  tx.sql() << "UPDATE outbox SET attempts = :a, next_attempt_at = :n, claimed_until = '', last_error = :e "
              "WHERE id = :id",
      soci::use(attempts), soci::use(next_attempt_at), soci::use(e), soci::use(id);
}

}  // namespace clerkship::store
