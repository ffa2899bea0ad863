// Institution groups (migration 019): a named set of institutions with group
// managers (coordinators of member institutions) who may create and run
// match rounds over the group's offerings; and which group owns a round.
// Named statements over a Tx, valid on SQLite and PostgreSQL. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct InstitutionGroupRow {
  std::string id, name, created_by, created_at;
  std::vector<std::string> institution_ids, manager_ids;  // read with the group
  // Read with the group, parallel to the ids: institutions' names, managers' e-mails.
  std::vector<std::string> institution_names, manager_emails;
};
void InsertInstitutionGroup(Tx& tx, const InstitutionGroupRow& g);  // with members and managers
// Renames the group and replaces its members and managers (rounds stay).
void ReplaceInstitutionGroup(Tx& tx, const InstitutionGroupRow& g);
std::optional<InstitutionGroupRow> FindInstitutionGroup(Tx& tx, const std::string& id);
// Every group (empty user_id) or the groups the user manages, by name.
std::vector<InstitutionGroupRow> ListInstitutionGroups(Tx& tx, const std::string& manager_id);
bool IsGroupManager(Tx& tx, const std::string& group_id, const std::string& user_id);

void SetRoundGroup(Tx& tx, const std::string& round_id, const std::string& group_id);
// The group that owns the round, or '' (an admin's round).
std::string GroupOfRound(Tx& tx, const std::string& round_id);
std::vector<std::string> RoundsOfGroup(Tx& tx, const std::string& group_id);

}  // namespace clerkship::store
