// Helpers shared by the service implementations (not part of the services API).
#pragma once

#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "services/accounts.h"
#include "services/emails.h"
#include "core/compliance.h"
#include "store/accounts.h"
#include "store/vault.h"

namespace clerkship::services {

using core::ParseIso8601;

// Starts a session for `user` (new random token, hashed in the table).
NewSession StartSession(store::Tx& tx, Context& ctx, const Actor& actor, const store::UserRow& user);

// A one-use link token; returns the token (only its hash is stored).
std::string IssueToken(store::Tx& tx, Context& ctx, const std::string& purpose,
                       const std::string& user_id, const std::string& email,
                       std::chrono::seconds ttl, const std::string& institution_id,
                       const std::string& role);

// Finds a live token of one of `purposes`; with `consume`, marks it used
// atomically. kInvalidArgument field "token" otherwise.
core::Result<store::TokenRow> TakeToken(store::Tx& tx, Context& ctx, const std::string& token,
                                        std::initializer_list<const char*> purposes, bool consume);

// Queues an e-mail in the outbox, in the caller's transaction.
void SendEmail(store::Tx& tx, Context& ctx, const std::string& to, const EmailContent& content);

// Appends an audit entry in the caller's transaction.
void Audit(store::Tx& tx, Context& ctx, const Actor& actor, const std::string& action,
           const std::string& record_type, const std::string& record_id,
           const std::string& institution_id, const std::string& detail);

// Codes of the controlled specialty list (for validating offerings and profiles).
std::vector<std::string> SpecialtyCodes(store::Tx& tx);

// public_url + path + "?token=" + token.
std::string Link(Context& ctx, const std::string& path, const std::string& token);

// The compliance engine's view of an applicant's vault: current versions only.
std::vector<core::VaultDocument> VaultOf(const std::vector<store::DocumentRow>& docs);

}  // namespace clerkship::services
