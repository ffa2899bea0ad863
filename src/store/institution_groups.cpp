#include "store/institution_groups.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

std::vector<std::string> Column(Tx& tx, const std::string& sql, const std::string& param) {
  soci::rowset<soci::row> rows = (tx.sql().prepare << sql, soci::use(param));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.get<std::string>(0));
  return out;
}

void Fill(Tx& tx, InstitutionGroupRow& g) {
  g.institution_ids.clear();
  g.institution_names.clear();
  g.manager_ids.clear();
  g.manager_emails.clear();
  soci::rowset<soci::row> members =
      (tx.sql().prepare << "SELECT m.institution_id, COALESCE(i.name, '') FROM institution_group_members m "
                           "LEFT JOIN institutions i ON i.id = m.institution_id WHERE m.group_id = :g "
                           "ORDER BY m.institution_id",
       soci::use(g.id));
  for (const auto& r : members) {
    g.institution_ids.push_back(r.get<std::string>(0));
    g.institution_names.push_back(r.get<std::string>(1));
  }
  soci::rowset<soci::row> managers =
      (tx.sql().prepare << "SELECT m.user_id, COALESCE(u.email, '') FROM institution_group_managers m "
                           "LEFT JOIN users u ON u.id = m.user_id WHERE m.group_id = :g ORDER BY m.user_id",
       soci::use(g.id));
  for (const auto& r : managers) {
    g.manager_ids.push_back(r.get<std::string>(0));
    g.manager_emails.push_back(r.get<std::string>(1));
  }
}

void InsertMembers(Tx& tx, const InstitutionGroupRow& g) {
  for (const auto& i : g.institution_ids) {
    tx.sql() << "INSERT INTO institution_group_members (group_id, institution_id) VALUES (:g, :i)", soci::use(g.id),
        soci::use(i);
  }
  for (const auto& u : g.manager_ids) {
    tx.sql() << "INSERT INTO institution_group_managers (group_id, user_id) VALUES (:g, :u)", soci::use(g.id),
        soci::use(u);
  }
}

}  // namespace

void InsertInstitutionGroup(Tx& tx, const InstitutionGroupRow& g) {
  tx.sql() << "INSERT INTO institution_groups (id, name, created_by, created_at) VALUES (:i, :n, :b, :c)",
      soci::use(g.id), soci::use(g.name), soci::use(g.created_by), soci::use(g.created_at);
  InsertMembers(tx, g);
}

void ReplaceInstitutionGroup(Tx& tx, const InstitutionGroupRow& g) {
  tx.sql() << "UPDATE institution_groups SET name = :n WHERE id = :i", soci::use(g.name), soci::use(g.id);
  tx.sql() << "DELETE FROM institution_group_members WHERE group_id = :g", soci::use(g.id);
  tx.sql() << "DELETE FROM institution_group_managers WHERE group_id = :g", soci::use(g.id);
  InsertMembers(tx, g);
}

std::optional<InstitutionGroupRow> FindInstitutionGroup(Tx& tx, const std::string& id) {
  soci::rowset<soci::row> rows = (tx.sql().prepare << "SELECT id, name, created_by, created_at FROM "
                                                      "institution_groups WHERE id = :i",
                                  soci::use(id));
  std::optional<InstitutionGroupRow> out;
  for (const auto& r : rows) {
    out = InstitutionGroupRow{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                              r.get<std::string>(3), {}, {}, {}, {}};
  }
  if (out) Fill(tx, *out);
  return out;
}

std::vector<InstitutionGroupRow> ListInstitutionGroups(Tx& tx, const std::string& manager_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, name, created_by, created_at FROM institution_groups g WHERE :m1 = '' OR "
                           "EXISTS (SELECT 1 FROM institution_group_managers m WHERE m.group_id = g.id AND "
                           "m.user_id = :m2) ORDER BY name, id",
       soci::use(manager_id), soci::use(manager_id));
  std::vector<InstitutionGroupRow> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3), {}, {}, {}, {}});
  }
  for (auto& g : out) Fill(tx, g);
  return out;
}

bool IsGroupManager(Tx& tx, const std::string& group_id, const std::string& user_id) {
  long long n = 0;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT COUNT(*) FROM institution_group_managers WHERE group_id = :g AND user_id = :u",
       soci::use(group_id), soci::use(user_id));
  for (const auto& r : rows) n = AsInt(r, 0);
  return n > 0;
}

void SetRoundGroup(Tx& tx, const std::string& round_id, const std::string& group_id) {
  tx.sql() << "INSERT INTO match_round_groups (round_id, group_id) VALUES (:r, :g)", soci::use(round_id),
      soci::use(group_id);
}

std::string GroupOfRound(Tx& tx, const std::string& round_id) {
  auto ids = Column(tx, "SELECT group_id FROM match_round_groups WHERE round_id = :r", round_id);
  return ids.empty() ? "" : ids.front();
}

std::vector<std::string> RoundsOfGroup(Tx& tx, const std::string& group_id) {
  return Column(tx, "SELECT round_id FROM match_round_groups WHERE group_id = :g ORDER BY round_id", group_id);
}

}  // namespace clerkship::store
