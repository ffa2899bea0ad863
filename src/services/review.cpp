#include "services/review.h"

#include "services/applications_rest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <mutex>
#include <set>

#include "adapters/random.h"
#include "core/application_state.h"
#include "core/compliance.h"
#include "services/catalog.h"
#include "services/internal.h"
#include "services/materials.h"
#include "services/profile_json.h"
#include "store/accounts.h"
#include "store/catalog.h"

namespace clerkship::services {
namespace {

using Json = nlohmann::json;

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }

bool IsCoordinator(const Actor& actor, const std::string& institution_id) {
  return actor.principal.is_admin || actor.principal.HasRole(institution_id, core::Role::kCoordinator);
}

core::Actor StaffKind(const Actor& actor, const std::string& institution_id) {
  return IsCoordinator(actor, institution_id) ? core::Actor::kCoordinator : core::Actor::kReviewer;
}

const char* KindName(core::Actor a) {
  switch (a) {
    case core::Actor::kApplicant: return "applicant";
    case core::Actor::kReviewer: return "reviewer";
    case core::Actor::kCoordinator: return "coordinator";
    case core::Actor::kSystem: return "system";
  }
  return "system";
}

std::vector<Criterion> RubricOf(store::Tx& tx, const std::string& institution_id) {
  auto s = store::FindReviewSettings(tx, institution_id);
  if (!s) return DefaultRubric();
  auto j = Json::parse(s->rubric, nullptr, false);
  if (!j.is_array() || j.empty()) return DefaultRubric();
  std::vector<Criterion> out;
  for (const auto& c : j) out.push_back({c.value("key", ""), c.value("label", ""), c.value("weight", 0)});
  return out;
}

// An application of the institution that its staff may see (not a draft).
core::Result<store::ApplicationRow> StaffApplicationRow(store::Tx& tx, const std::string& institution_id,
                                                        const std::string& id) {
  auto a = store::FindApplication(tx, id);
  if (!a || a->institution_id != institution_id || a->status == "draft") {
    return core::NotFound("no such application");
  }
  return *a;
}

core::Result<store::ApplicationRow> OwnApplicationRow(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto a = store::FindApplication(tx, id);
  if (!a || a->applicant_id != actor.user_id) return core::NotFound("no such application");
  return *a;
}

// Cleared for every chosen block.
bool ComplianceCleared(store::Tx& tx, const std::vector<core::Requirement>& requirements,
                       const std::vector<core::Block>& blocks, const std::string& application_id,
                       const std::string& applicant_id) {
  auto app = store::FindApplication(tx, application_id);
  if (!app) return false;
  auto vault = VaultOf(store::ListDocuments(tx, applicant_id));
  for (const auto& id : app->block_ids) {
    auto b = std::find_if(blocks.begin(), blocks.end(), [&](const core::Block& x) { return x.id == id; });
    if (b == blocks.end()) return false;
    auto items = core::EvaluateCompliance(requirements, core::BlockDates{b->draft.start_date, b->draft.end_date}, vault);
    if (!core::Cleared(items)) return false;
  }
  return true;
}

std::string ApplicationLink(Context& ctx, const std::string& id) { return ctx.public_url + "/applications/" + id; }

// The offering's rules against the profile that was sent, as of the
// submission date; 0 without a snapshot.
std::vector<core::EligibilityCheck> SentEligibility(const core::Eligibility& rules, const store::SnapshotRow& snap) {
  auto j = Json::parse(snap.profile, nullptr, false);
  auto profile = j.is_object() ? ProfileFromJson(j) : core::Result<core::Profile>(core::Profile{});
  return core::EvaluateEligibility(rules, profile ? *profile : core::Profile{}, snap.created_at.substr(0, 10));
}

int EligibilityFlags(store::Tx& tx, const core::Eligibility& rules, const std::string& application_id) {
  auto snap = store::FindSnapshot(tx, application_id);
  if (!snap) return 0;
  int flags = 0;
  for (const auto& c : SentEligibility(rules, *snap)) flags += c.met ? 0 : 1;
  return flags;
}

void AddEvent(store::Tx& tx, Context& ctx, const std::string& application_id, const std::string& kind,
              const std::string& event, const std::string& from, const std::string& to, const std::string& actor_id,
              const std::string& actor_kind, const std::string& detail) {
  store::InsertEvent(tx, {adapters::NewId(), application_id, kind, event, from, to, actor_id, actor_kind, detail,
                          Now(ctx)});
}

// Events with seats or offer rows behind them: services/offers.h.
bool HasOwnEndpoint(const std::string& event) {
  return event == "offer" || event == "rescind_offer" || event == "cancel_placement";
}

bool IsDecision(const std::string& event) {
  return event == "request_info" || event == "invite_interview" || event == "waitlist" || event == "reject" ||
         event == "offer";
}

core::Result<store::ApplicationRow> TransitionIn(store::Tx& tx, Context& ctx, const Actor& actor,
                                                 const std::string& institution_id, const std::string& application_id,
                                                 const std::string& event, const std::string& reason,
                                                 std::optional<int> version) {
  auto a = StaffApplicationRow(tx, institution_id, application_id);
  if (!a) return std::unexpected(a.error());
  core::Actor kind = StaffKind(actor, institution_id);
  auto next = core::Transition(a->status, event, kind);
  if (!next) return std::unexpected(next.error());
  if (HasOwnEndpoint(event)) {
    return core::Conflict(event == "offer"
                              ? "offers are made with POST /api/institutions/{id}/applications/{application_id}/offers "
                                "(they name a block and an expiry)"
                              : "use the offer endpoints for this (docs/offers.md)");
  }
  if (version && *version != a->version) return core::Conflict("changed by someone else; reload");
  if (event == "request_info" && reason.empty()) {
    return core::InvalidArgument("reason", "write the question the applicant should answer");
  }
  std::string from = a->status;
  std::string now = Now(ctx);
  a->status = *next;
  a->status_reason = reason;
  a->version += 1;
  a->updated_at = now;
  if (!store::UpdateApplicationStatus(tx, *a)) return core::Conflict("changed by someone else; reload");
  if (event == "waitlist") store::SetWaitlistRank(tx, a->id, store::MaxWaitlistRank(tx, a->offering_id) + 1);
  if (IsDecision(event)) store::SetFirstDecision(tx, a->id, now);
  AddEvent(tx, ctx, a->id, "status", event, from, a->status, actor.user_id, KindName(kind), reason);
  Audit(tx, ctx, actor, "application." + event, "application", a->id, institution_id, from + " -> " + a->status);
  if (IsDecision(event)) {
    auto user = store::FindUserById(tx, a->applicant_id);
    auto offering = store::FindOffering(tx, a->offering_id);
    if (user && offering) {
      std::string link = ApplicationLink(ctx, a->id);
      if (event == "request_info") {
        SendEmail(tx, ctx, user->email,
                  InfoRequestedMessage(user->display_name, offering->title, offering->institution_name, reason, link));
      } else {
        SendEmail(tx, ctx, user->email,
                  ApplicationDecisionMessage(user->display_name, offering->title, offering->institution_name, event,
                                             reason, link));
      }
    }
  }
  return *a;
}

}  // namespace

core::Result<ReviewSettings> GetReviewSettings(Context& ctx, const std::string& institution_id) {
  return ctx.db.Run<ReviewSettings>([&](store::Tx& tx) -> core::Result<ReviewSettings> {
    ReviewSettings out;
    out.rubric = RubricOf(tx, institution_id);
    if (auto s = store::FindReviewSettings(tx, institution_id)) {
      out.target_days = s->target_days;
      out.is_default = false;
      out.updated_at = s->updated_at;
    }
    return out;
  });
}

core::Result<ReviewSettings> SaveReviewSettings(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                std::vector<Criterion> rubric, int target_days) {
  if (auto v = core::ValidateRubric(rubric); !v) return std::unexpected(v.error());
  if (auto v = core::ValidateTargetDays(target_days); !v) return std::unexpected(v.error());
  return ctx.db.Run<ReviewSettings>([&](store::Tx& tx) -> core::Result<ReviewSettings> {
    Json j = Json::array();
    std::string summary;
    for (const auto& c : rubric) {
      j.push_back(Json{{"key", c.key}, {"label", c.label}, {"weight", c.weight}});
      summary += (summary.empty() ? "" : ", ") + c.key + " " + std::to_string(c.weight);
    }
    ReviewSettings out{rubric, target_days, false, Now(ctx)};
    store::SaveReviewSettings(tx, {institution_id, j.dump(), target_days, out.updated_at});
    Audit(tx, ctx, actor, "review_settings.update", "institution", institution_id, institution_id,
          summary + "; target " + std::to_string(target_days) + " days");
    return out;
  });
}

std::string NextStep(const std::string& status) {
  if (status == "draft") return "Complete and submit your application";
  if (status == "submitted") return "Wait for the program to review it";
  if (status == "under_review") return "The program is reviewing your application";
  if (status == "info_requested") return "Answer the program's question";
  if (status == "interview") return "Prepare for your interview";
  if (status == "waitlisted") return "You are on the waitlist";
  if (status == "offer") return "Accept or decline the offer";
  if (status == "accepted") return "Get ready for your rotation";
  return "";
}

void RecordSubmission(store::Tx& tx, Context& ctx, const Actor& actor, const store::ApplicationRow& a,
                      const std::string& from_status) {
  store::SnapshotRow s;
  s.application_id = a.id;
  s.created_at = Now(ctx);
  if (auto p = store::FindProfile(tx, a.applicant_id)) {
    s.profile = p->data;
    s.applicant_name = p->legal_name;
    auto j = Json::parse(p->data, nullptr, false);
    if (j.is_object()) {
      if (j.contains("school") && j["school"].is_object()) {
        s.school_name = j["school"].value("name", "");
        s.school_country = j["school"].value("country", "");
      }
      s.exams_passed = ",";
      if (j.contains("exams") && j["exams"].is_array()) {
        for (const auto& e : j["exams"]) {
          if (!e.is_object()) continue;
          std::string exam = e.value("exam", ""), result = e.value("result", "");
          if (!s.exams_summary.empty()) s.exams_summary += ", ";
          s.exams_summary += exam + ": " + result;
          if (result == "pass") s.exams_passed += exam + ",";
        }
      }
    }
  } else {
    s.profile = "{}";
  }
  if (s.applicant_name.empty()) {
    if (auto u = store::FindUserById(tx, a.applicant_id)) s.applicant_name = u->display_name;
  }
  store::SaveSnapshot(tx, s);
  RecordApplicantEvent(tx, ctx, actor, a, "submit", from_status, "");
}

void RecordApplicantEvent(store::Tx& tx, Context& ctx, const Actor& actor, const store::ApplicationRow& a,
                          const std::string& event, const std::string& from_status, const std::string& detail) {
  AddEvent(tx, ctx, a.id, "status", event, from_status, a.status, actor.user_id, "applicant", detail);
}

core::Result<QueueResult> ReviewQueue(Context& ctx, const Actor& actor, const std::string& institution_id,
                                      const std::string& offering_id, const QueueQuery& q) {
  if (!q.status.empty() &&
      std::find(core::kApplicationStatuses.begin(), core::kApplicationStatuses.end(), q.status) ==
          core::kApplicationStatuses.end()) {
    return core::InvalidArgument("status", "unknown status: " + q.status);
  }
  if (q.min_score > 100) return core::InvalidArgument("min_score", "min_score is between 0 and 100");
  if (q.limit < 1 || q.limit > 200) return core::InvalidArgument("limit", "limit is between 1 and 200");
  if (q.offset < 0) return core::InvalidArgument("offset", "offset cannot be negative");
  if (q.sort != "submitted" && q.sort != "-submitted" && q.sort != "score" && q.sort != "-score" &&
      q.sort != "waitlist") {
    return core::InvalidArgument("sort", "sort is submitted, -submitted, score, -score or waitlist");
  }
  if (q.search.size() > 100) return core::InvalidArgument("q", "search at most 100 characters");
  return ctx.db.RunRead<QueueResult>([&](store::Tx& tx) -> core::Result<QueueResult> {
    auto offering = store::FindOffering(tx, offering_id);
    if (!offering || offering->institution_id != institution_id) return core::NotFound("no such offering");
    store::QueueFilter f;
    f.offering_id = offering_id;
    f.viewer_id = actor.user_id;
    f.status = q.status;
    f.block_id = q.block_id;
    f.min_score = q.min_score < 0 ? -1 : q.min_score * 100;
    f.country = q.country;
    f.exam = q.exam;
    for (char c : q.search) f.search.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    f.sort = q.sort;
    // The compliance, eligibility and school flags are computed, not stored:
    // with one of those filters the page is cut after computing them.
    bool post_filter = q.compliance_cleared.has_value() || q.eligible.has_value() || q.school_verified.has_value();
    f.limit = post_filter ? 0 : q.limit;
    f.offset = post_filter ? 0 : q.offset;
    auto page = store::QueryQueue(tx, f);
    std::vector<core::Requirement> requirements;
    for (const auto& r : OfferingDraftOf(*offering).required_documents) {
      requirements.push_back(core::Requirement{r.type, r.count});
    }
    auto blocks = store::ListBlocks(tx, offering_id);
    QueueResult out;
    out.rubric = RubricOf(tx, institution_id);
    std::vector<QueueItem> all;
    std::vector<std::string> applicant_ids;
    for (const auto& r : page.rows) applicant_ids.push_back(r.applicant_id);
    auto verified_list = store::SchoolVerifiedAmong(tx, applicant_ids);
    std::set<std::string> verified(verified_list.begin(), verified_list.end());
    core::Eligibility rules = OfferingDraftOf(*offering).eligibility;
    for (auto& r : page.rows) {
      QueueItem item;
      item.compliance_cleared = ComplianceCleared(tx, requirements, blocks, r.application_id, r.applicant_id);
      item.eligibility_flags = EligibilityFlags(tx, rules, r.application_id);
      item.school_verified = verified.contains(r.applicant_id);
      item.row = std::move(r);
      if (q.compliance_cleared && item.compliance_cleared != *q.compliance_cleared) continue;
      if (q.eligible && (item.eligibility_flags == 0) != *q.eligible) continue;
      if (q.school_verified && item.school_verified != *q.school_verified) continue;
      all.push_back(std::move(item));
    }
    if (post_filter) {
      out.total = static_cast<int>(all.size());
      size_t from = std::min<size_t>(q.offset, all.size());
      size_t to = std::min<size_t>(from + q.limit, all.size());
      out.items.assign(std::make_move_iterator(all.begin() + from), std::make_move_iterator(all.begin() + to));
    } else {
      out.total = page.total;
      out.items = std::move(all);
    }
    return out;
  });
}

core::Result<StaffApplication> GetStaffApplication(Context& ctx, const Actor& actor,
                                                   const std::string& institution_id,
                                                   const std::string& application_id) {
  return ctx.db.Run<StaffApplication>([&](store::Tx& tx) -> core::Result<StaffApplication> {
    auto a = StaffApplicationRow(tx, institution_id, application_id);
    if (!a) return std::unexpected(a.error());
    StaffApplication v;
    if (auto o = store::FindOffering(tx, a->offering_id)) v.offering_title = o->title;
    v.snapshot = store::FindSnapshot(tx, a->id);
    if (v.snapshot) {
      if (auto o = store::FindOffering(tx, a->offering_id)) {
        v.eligibility = SentEligibility(OfferingDraftOf(*o).eligibility, *v.snapshot);
      }
    }
    if (store::HasApplicationAt(tx, a->applicant_id, institution_id)) {
      v.documents = store::ListDocuments(tx, a->applicant_id);
      Audit(tx, ctx, actor, "applicant.documents.list", "user", a->applicant_id, institution_id, a->id);
    }
    v.materials = MaterialsOf(tx, a->id);
    if (auto o = store::FindOffering(tx, a->offering_id)) {
      std::string category;
      if (v.snapshot) {
        auto j = Json::parse(v.snapshot->profile, nullptr, false);
        if (j.is_object() && j.contains("status") && j["status"].is_string()) category = j["status"].get<std::string>();
      }
      v.fee = FeeOf(tx, *a, OfferingDraftOf(*o), category);
    }
    v.school = SchoolStatusOf(tx, a->applicant_id);
    v.scores = store::ListScores(tx, a->id);
    v.interview = ScorecardsFor(tx, actor, a->id);
    v.facts = store::FindReviewFacts(tx, a->id);
    v.timeline = store::ListEvents(tx, a->id);
    v.rubric = RubricOf(tx, institution_id);
    for (auto& e : core::AllowedEvents(a->status, StaffKind(actor, institution_id))) {
      if (!HasOwnEndpoint(e)) v.allowed_events.push_back(std::move(e));
    }
    v.unread = store::CountMessagesFrom(tx, a->id, "applicant") - store::SeenCount(tx, a->id, actor.user_id);
    v.row = std::move(*a);
    return v;
  });
}

core::Result<store::ScoreRow> ScoreApplication(Context& ctx, const Actor& actor, const std::string& institution_id,
                                               const std::string& application_id,
                                               const std::map<std::string, int>& scores, const std::string& note,
                                               int version) {
  if (note.size() > 5000) return core::InvalidArgument("note", "the note is at most 5000 characters");
  if (version < 0) return core::InvalidArgument("version", "version must be the number you read (0 for a new score)");
  return ctx.db.Run<store::ScoreRow>([&](store::Tx& tx) -> core::Result<store::ScoreRow> {
    auto a = StaffApplicationRow(tx, institution_id, application_id);
    if (!a) return std::unexpected(a.error());
    if (core::IsClosed(a->status) || a->status == "withdrawn") {
      return core::Conflict("an application that is " + a->status + " cannot be scored");
    }
    auto rubric = RubricOf(tx, institution_id);
    Json stored = Json::object();
    int total = 0;
    for (const auto& c : rubric) {
      auto it = scores.find(c.key);
      if (it == scores.end()) return core::InvalidArgument("scores." + c.key, "score " + c.label + " from 1 to 5");
      if (it->second < 1 || it->second > 5) {
        return core::InvalidArgument("scores." + c.key, c.label + " is scored from 1 to 5");
      }
      stored[c.key] = it->second;
      total += c.weight * it->second * 20;  // hundredths of a point out of 100
    }
    for (const auto& [key, value] : scores) {
      if (!stored.contains(key)) return core::InvalidArgument("scores." + key, "not a criterion of the rubric");
    }
    store::ScoreRow row{a->id, actor.user_id, "", stored.dump(), total, note, version + 1, Now(ctx)};
    if (!store::SaveScore(tx, row, version)) return core::Conflict("changed by someone else; reload");
    store::RefreshScoreAggregates(tx, a->id);
    Audit(tx, ctx, actor, "application.score", "application", a->id, institution_id, std::to_string(total));
    return row;
  });
}

core::Result<store::ApplicationRow> TransitionApplication(Context& ctx, const Actor& actor,
                                                          const std::string& institution_id,
                                                          const std::string& application_id,
                                                          const std::string& event, const std::string& reason,
                                                          int version) {
  if (reason.size() > 2000) return core::InvalidArgument("reason", "the reason is at most 2000 characters");
  return ctx.db.Run<store::ApplicationRow>([&](store::Tx& tx) {
    return TransitionIn(tx, ctx, actor, institution_id, application_id, event, reason, version);
  });
}

std::vector<BulkResult> BulkTransition(Context& ctx, const Actor& actor, const std::string& institution_id,
                                       const std::vector<std::string>& application_ids, const std::string& event,
                                       const std::string& reason) {
  std::vector<BulkResult> out;
  for (const auto& id : application_ids) {
    BulkResult r;
    r.application_id = id;
    auto row = reason.size() > 2000
                   ? core::Result<store::ApplicationRow>(core::InvalidArgument("reason", "the reason is at most 2000 characters"))
                   : ctx.db.Run<store::ApplicationRow>([&](store::Tx& tx) {
                       return TransitionIn(tx, ctx, actor, institution_id, id, event, reason, std::nullopt);
                     });
    if (row) {
      r.row = std::move(*row);
    } else {
      r.error = row.error();
    }
    out.push_back(std::move(r));
  }
  return out;
}

core::Status ReorderWaitlist(Context& ctx, const Actor& actor, const std::string& institution_id,
                             const std::string& offering_id, const std::vector<std::string>& application_ids) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto offering = store::FindOffering(tx, offering_id);
    if (!offering || offering->institution_id != institution_id) return core::NotFound("no such offering");
    auto current = store::WaitlistOf(tx, offering_id);
    std::set<std::string> have(current.begin(), current.end());
    std::set<std::string> given(application_ids.begin(), application_ids.end());
    if (given.size() != application_ids.size() || have != given) {
      return core::InvalidArgument("application_ids", "list every waitlisted application exactly once");
    }
    for (size_t i = 0; i < application_ids.size(); ++i) {
      store::SetWaitlistRank(tx, application_ids[i], static_cast<int>(i) + 1);
    }
    Audit(tx, ctx, actor, "offering.waitlist.reorder", "offering", offering_id, institution_id,
          std::to_string(application_ids.size()));
    return {};
  });
}

core::Result<store::ApplicationRow> AnswerInfo(Context& ctx, const Actor& actor, const std::string& application_id,
                                               const std::string& answer) {
  if (answer.empty()) return core::InvalidArgument("answer", "write your answer");
  if (answer.size() > 5000) return core::InvalidArgument("answer", "the answer is at most 5000 characters");
  return ctx.db.Run<store::ApplicationRow>([&](store::Tx& tx) -> core::Result<store::ApplicationRow> {
    auto a = OwnApplicationRow(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    auto next = core::Transition(a->status, "answer_info", core::Actor::kApplicant);
    if (!next) return std::unexpected(next.error());
    std::string from = a->status;
    a->status = *next;
    a->status_reason = "";
    a->version += 1;
    a->updated_at = Now(ctx);
    if (!store::UpdateApplicationStatus(tx, *a)) return core::Conflict("changed by someone else; reload");
    RecordApplicantEvent(tx, ctx, actor, *a, "answer_info", from, answer);
    Audit(tx, ctx, actor, "application.answer_info", "application", a->id, a->institution_id, "");
    return *a;
  });
}

core::Result<ApplicantExtras> GetApplicantExtras(Context& ctx, const Actor& actor, const std::string& application_id) {
  return ctx.db.RunRead<ApplicantExtras>([&](store::Tx& tx) -> core::Result<ApplicantExtras> {
    auto a = OwnApplicationRow(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    ApplicantExtras x;
    x.timeline = store::ListEvents(tx, a->id);
    x.unread = store::CountMessagesFrom(tx, a->id, "institution") - store::SeenCount(tx, a->id, actor.user_id);
    return x;
  });
}

core::Result<std::map<std::string, int>> ApplicantUnreadCounts(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<std::map<std::string, int>>([&](store::Tx& tx) -> core::Result<std::map<std::string, int>> {
    std::map<std::string, int> out;
    for (const auto& a : store::ListApplicationsOf(tx, actor.user_id)) {
      out[a.id] = store::CountMessagesFrom(tx, a.id, "institution") - store::SeenCount(tx, a.id, actor.user_id);
    }
    return out;
  });
}

core::Result<std::vector<store::MessageRow>> ReadThread(Context& ctx, const Actor& actor,
                                                        const std::string& institution_id,
                                                        const std::string& application_id) {
  return ctx.db.Run<std::vector<store::MessageRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::MessageRow>> {
        auto a = institution_id.empty() ? OwnApplicationRow(tx, actor, application_id)
                                        : StaffApplicationRow(tx, institution_id, application_id);
        if (!a) return std::unexpected(a.error());
        auto list = store::ListMessages(tx, a->id);
        std::string other = institution_id.empty() ? "institution" : "applicant";
        int seen = static_cast<int>(
            std::count_if(list.begin(), list.end(), [&](const store::MessageRow& m) { return m.sender_side == other; }));
        if (seen != store::SeenCount(tx, a->id, actor.user_id)) store::MarkSeen(tx, a->id, actor.user_id, seen);
        return list;
      });
}

core::Result<store::MessageRow> PostMessage(Context& ctx, const Actor& actor, const std::string& institution_id,
                                            const std::string& application_id, const std::string& body) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return core::InvalidArgument("body", "write a message");
  if (body.size() > 10000) return core::InvalidArgument("body", "a message is at most 10000 characters");
  return ctx.db.Run<store::MessageRow>([&](store::Tx& tx) -> core::Result<store::MessageRow> {
    bool staff = !institution_id.empty();
    auto a = staff ? StaffApplicationRow(tx, institution_id, application_id)
                   : OwnApplicationRow(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    if (!staff && a->status == "draft") return core::Conflict("submit the application before writing to the program");
    store::MessageRow m{adapters::NewId(), a->id, actor.user_id, actor.principal.display_name,
                        staff ? "institution" : "applicant", body, Now(ctx)};
    store::InsertMessage(tx, m);
    AddEvent(tx, ctx, a->id, "message", "", a->status, a->status, actor.user_id,
             staff ? KindName(StaffKind(actor, institution_id)) : "applicant", "");
    // Writing marks the other side's earlier messages as read for the writer.
    std::string other = staff ? "applicant" : "institution";
    store::MarkSeen(tx, a->id, actor.user_id, store::CountMessagesFrom(tx, a->id, other));
    Audit(tx, ctx, actor, "application.message", "application", a->id, a->institution_id, m.id);
    auto offering = store::FindOffering(tx, a->offering_id);
    std::string rotation = offering ? offering->title : "your application";
    if (staff) {
      if (auto u = store::FindUserById(tx, a->applicant_id)) {
        std::string from = offering ? offering->institution_name : "The program";
        SendEmail(tx, ctx, u->email, NewMessageMessage(u->display_name, rotation, from, ApplicationLink(ctx, a->id)));
      }
    } else {
      // The institution's coordinators hear about it.
      std::string link = ctx.public_url + "/institutions/" + a->institution_id + "/applications/" + a->id;
      for (const auto& s : store::ListStaff(tx, a->institution_id)) {
        if (s.role != "coordinator") continue;
        SendEmail(tx, ctx, s.email, NewMessageMessage(s.display_name, rotation, "The applicant", link));
      }
    }
    return m;
  });
}

core::Result<std::optional<int>> MedianResponseDays(Context& ctx, const std::string& institution_id) {
  static std::mutex mu;
  static std::map<std::string, std::pair<std::string, std::optional<int>>> cache;  // institution → (day, value)
  std::string now = Now(ctx);
  std::string day = now.substr(0, 10);
  {
    std::lock_guard lock(mu);
    auto it = cache.find(institution_id);
    if (it != cache.end() && it->second.first == day) return it->second.second;
  }
  std::string since = core::FormatIso8601(ctx.clock.Now() - std::chrono::hours(24 * 365));
  auto times = ctx.db.RunRead<std::vector<std::pair<std::string, std::string>>>(
      [&](store::Tx& tx) -> core::Result<std::vector<std::pair<std::string, std::string>>> {
        return store::DecisionTimes(tx, institution_id, since);
      });
  if (!times) return std::unexpected(times.error());
  std::optional<int> median;
  std::vector<long long> days;
  for (const auto& [sub, dec] : *times) {
    auto s = ParseIso8601(sub);
    auto d = ParseIso8601(dec);
    if (!s || !d) continue;
    days.push_back(std::chrono::duration_cast<std::chrono::hours>(*d - *s).count() / 24);
  }
  if (days.size() >= 5) {
    std::sort(days.begin(), days.end());
    median = static_cast<int>(days[days.size() / 2]);
  }
  std::lock_guard lock(mu);
  if (cache.size() > 10000) cache.clear();
  cache[institution_id] = {day, median};
  return median;
}

}  // namespace clerkship::services
