#include "store/saved_searches.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {

void InsertSavedSearch(Tx& tx, const SavedSearchRow& s) {
  tx.sql() << "INSERT INTO saved_searches (id, user_id, name, query, watermark, created_at) "
              "VALUES (:id, :u, :n, :q, :w, :c)",
      soci::use(s.id), soci::use(s.user_id), soci::use(s.name), soci::use(s.query),
      soci::use(s.watermark), soci::use(s.created_at);
}

namespace {

SavedSearchRow FromRow(const soci::row& r, bool with_user) {
  SavedSearchRow s;
  s.id = r.get<std::string>(0);
  s.user_id = r.get<std::string>(1);
  s.name = r.get<std::string>(2);
  s.query = r.get<std::string>(3);
  s.watermark = AsInt(r, 4);
  s.created_at = r.get<std::string>(5);
  s.last_alert_at = r.get<std::string>(6);
  if (with_user) {
    s.email = r.get<std::string>(7);
    s.display_name = r.get<std::string>(8);
  }
  return s;
}

}  // namespace

std::vector<SavedSearchRow> ListSavedSearches(Tx& tx, const std::string& user_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, user_id, name, query, watermark, created_at, last_alert_at "
                           "FROM saved_searches WHERE user_id = :u ORDER BY created_at, id",
       soci::use(user_id));
  std::vector<SavedSearchRow> out;
  for (const auto& r : rows) out.push_back(FromRow(r, false));
  return out;
}

int CountSavedSearches(Tx& tx, const std::string& user_id) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM saved_searches WHERE user_id = :u", soci::use(user_id),
      soci::into(n);
  return n;
}

bool DeleteSavedSearch(Tx& tx, const std::string& user_id, const std::string& id) {
  soci::statement st =
      (tx.sql().prepare << "DELETE FROM saved_searches WHERE id = :id AND user_id = :u",
       soci::use(id), soci::use(user_id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

long long MaxPublishedSeq(Tx& tx) {
  long long v = 0;
  soci::indicator ind = soci::i_ok;
  tx.sql() << "SELECT MAX(published_seq) FROM blocks", soci::into(v, ind);
  return ind == soci::i_ok ? v : 0;
}

std::vector<SavedSearchRow> SavedSearchesBehind(Tx& tx, long long seq, int limit) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare
           << "SELECT s.id, s.user_id, s.name, s.query, s.watermark, s.created_at, "
              "s.last_alert_at, "
              "u.email, u.display_name FROM saved_searches s JOIN users u ON u.id = s.user_id "
              "WHERE s.watermark < :seq ORDER BY s.watermark, s.id LIMIT :lim",
       soci::use(seq), soci::use(limit));
  std::vector<SavedSearchRow> out;
  for (const auto& r : rows) out.push_back(FromRow(r, true));
  return out;
}

bool AdvanceWatermark(Tx& tx, const std::string& id, long long from, long long to,
                      const std::string& alert_at) {
  soci::statement st =
      (tx.sql().prepare
           << "UPDATE saved_searches SET watermark = :to, last_alert_at = CASE WHEN :at = '' "
              "THEN last_alert_at ELSE :at2 END WHERE id = :id AND watermark = :from",
       soci::use(to), soci::use(alert_at), soci::use(alert_at), soci::use(id), soci::use(from));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<PublishedBlock> BlocksPublishedBetween(Tx& tx, long long after, long long upto) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare
           << "SELECT b.id, b.offering_id, b.start_date, b.end_date, b.seats, b.opens_on, "
              "b.deadline, "
              "b.applications, b.filled, b.published_seq FROM blocks b JOIN offerings o ON "
              "o.id = b.offering_id WHERE o.status = 'published' AND b.published_seq > :a AND "
              "b.published_seq <= :u ORDER BY b.published_seq, b.start_date, b.id",
       soci::use(after), soci::use(upto));
  std::vector<PublishedBlock> out;
  for (const auto& r : rows) {
    PublishedBlock p;
    p.block.id = r.get<std::string>(0);
    p.block.offering_id = r.get<std::string>(1);
    p.block.draft = {r.get<std::string>(2), r.get<std::string>(3), static_cast<int>(AsInt(r, 4)),
                     r.get<std::string>(5), r.get<std::string>(6)};
    p.block.applications = static_cast<int>(AsInt(r, 7));
    p.block.filled = static_cast<int>(AsInt(r, 8));
    p.offering_id = p.block.offering_id;
    p.seq = AsInt(r, 9);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace clerkship::store
