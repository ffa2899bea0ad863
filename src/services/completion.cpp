#include "services/completion.h"

#include <functional>
#include <nlohmann/json.hpp>

#include "adapters/documents.h"
#include "adapters/random.h"
#include "core/csv.h"
#include "core/dates.h"
#include "core/letters.h"
#include "services/catalog.h"
#include "services/internal.h"
#include "services/letters.h"
#include "services/offers.h"
#include "services/vault.h"
#include "store/accounts.h"
#include "store/catalog.h"
#include "store/institutions.h"
#include "store/vault.h"

namespace clerkship::services {
namespace {

using Json = nlohmann::json;

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }
std::string Today(Context& ctx) { return Now(ctx).substr(0, 10); }

bool IsCoordinator(const Actor& actor, const std::string& institution_id) {
  return actor.principal.is_admin || actor.principal.HasRole(institution_id, core::Role::kCoordinator);
}

std::map<std::string, int> RatingsFrom(const std::string& text) {
  std::map<std::string, int> out;
  auto j = Json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items()) {
    if (v.is_number_integer()) out[k] = v.get<int>();
  }
  return out;
}

std::string RatingsText(const std::map<std::string, int>& ratings) {
  Json j = Json::object();
  for (const auto& [k, v] : ratings) j[k] = v;
  return j.dump();
}

std::string NameOfUser(store::Tx& tx, const std::string& id) {
  if (id.empty()) return "";
  if (auto u = store::FindUserById(tx, id)) return u->display_name;
  return "";
}

// The applicant's legal name (any script), else their display name.
std::string LegalName(store::Tx& tx, const std::string& applicant_id) {
  if (auto p = store::FindProfile(tx, applicant_id); p && !p->legal_name.empty()) return p->legal_name;
  return NameOfUser(tx, applicant_id);
}

PlacementView ViewOf(store::Tx& tx, const store::PlacementRow& p, bool detail, bool applicant) {
  PlacementView v;
  v.row = p;
  v.dates = store::DatesOfPlacement(tx, p.id);
  if (auto o = store::FindOffering(tx, p.offering_id)) {
    v.offering_title = o->title;
    v.specialty = o->specialty;
    v.rotation_type = o->type;
    v.hands_on = o->hands_on;
    v.institution_name = o->institution_name;
  }
  if (auto i = store::FindInstitution(tx, p.institution_id)) {
    v.institution_name = i->name;
    v.institution_place = i->city + (i->state.empty() ? "" : ", " + i->state) + ", " + i->country;
  }
  v.applicant_name = LegalName(tx, p.applicant_id);
  if (!applicant) {
    if (auto u = store::FindUserById(tx, p.applicant_id)) v.applicant_email = u->email;
  }
  v.preceptor_name = NameOfUser(tx, p.preceptor_id);
  auto days = store::AttendanceOf(tx, p.id);
  for (const auto& d : days) {
    if (d.status == "present") ++v.attendance.present;
    if (d.status == "absent") ++v.attendance.absent;
  }
  if (detail) v.attendance_days = days;
  if (auto e = store::FindEvaluation(tx, p.id)) {
    if (!applicant || e->status == "released") {
      EvaluationView ev;
      ev.status = e->status;
      ev.hands_on = e->hands_on;
      ev.version = e->version;
      ev.submitted_at = e->submitted_at;
      ev.released_at = e->released_at;
      ev.updated_at = e->updated_at;
      if (detail || applicant) {
        ev.ratings = RatingsFrom(e->ratings);
        ev.comments = e->comments;
      }
      v.evaluation = ev;
    }
  }
  if (auto c = store::CertificateOfPlacement(tx, p.id)) {
    v.certificate_code = c->code;
    v.certificate_revoked = !c->revoked_at.empty();
  }
  v.feedback_given = store::HasFeedback(tx, p.id);
  return v;
}

core::Result<store::PlacementRow> InstitutionRow(store::Tx& tx, const std::string& institution_id,
                                                 const std::string& id) {
  auto p = store::FindPlacement(tx, id);
  if (!p || p->institution_id != institution_id) return core::NotFound("no such placement");
  return *p;
}

core::Result<store::PlacementRow> PreceptedRow(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto p = store::FindPlacement(tx, id);
  // Someone else's placement looks exactly like a missing one.
  if (!p || p->preceptor_id.empty() || p->preceptor_id != actor.user_id) return core::NotFound("no such placement");
  return *p;
}

core::Result<store::PlacementRow> OwnRow(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto p = store::FindPlacement(tx, id);
  if (!p || p->applicant_id != actor.user_id) return core::NotFound("no such placement");
  return *p;
}

adapters::RotationFacts FactsOf(Context& ctx, const PlacementView& v, const std::string& code,
                                const std::string& issued_on) {
  adapters::RotationFacts f;
  f.institution = v.institution_name;
  f.institution_place = v.institution_place;
  f.applicant_name = v.applicant_name;
  f.rotation_title = v.offering_title;
  f.specialty = v.specialty;
  f.rotation_type = v.rotation_type;
  f.hands_on = v.hands_on;
  f.start_date = v.dates.started_on.empty() ? v.row.start_date : v.dates.started_on;
  f.end_date = v.dates.finished_on.empty() ? v.row.end_date : v.dates.finished_on;
  f.weeks = core::RotationWeeks(f.start_date, f.end_date);
  f.preceptor = v.preceptor_name;
  f.verification_code = code;
  f.verification_url = ctx.public_url + "/verify/" + code;
  f.issued_on = issued_on;
  return f;
}

Json FactsJson(const adapters::RotationFacts& f) {
  return {{"institution", f.institution},         {"institution_place", f.institution_place},
          {"applicant_name", f.applicant_name},   {"rotation_title", f.rotation_title},
          {"specialty", f.specialty},             {"rotation_type", f.rotation_type},
          {"hands_on", f.hands_on},               {"start_date", f.start_date},
          {"end_date", f.end_date},               {"weeks", f.weeks},
          {"preceptor", f.preceptor},             {"verification_code", f.verification_code},
          {"verification_url", f.verification_url}, {"issued_on", f.issued_on}};
}

adapters::RotationFacts FactsFromJson(const std::string& text) {
  adapters::RotationFacts f;
  auto j = Json::parse(text, nullptr, false);
  if (!j.is_object()) return f;
  auto s = [&](const char* k) { return j.value(k, std::string()); };
  f.institution = s("institution");
  f.institution_place = s("institution_place");
  f.applicant_name = s("applicant_name");
  f.rotation_title = s("rotation_title");
  f.specialty = s("specialty");
  f.rotation_type = s("rotation_type");
  f.hands_on = j.value("hands_on", true);
  f.start_date = s("start_date");
  f.end_date = s("end_date");
  f.weeks = j.value("weeks", 0);
  f.preceptor = s("preceptor");
  f.verification_code = s("verification_code");
  f.verification_url = s("verification_url");
  f.issued_on = s("issued_on");
  return f;
}

// The placement's certificate, issued now when it has none (completed only).
core::Result<store::CertificateRow> EnsureCertificate(store::Tx& tx, Context& ctx, const Actor& actor,
                                                      const store::PlacementRow& p) {
  if (p.status != "completed") {
    return core::Conflict("a certificate is issued only for a completed placement; this one is " + p.status);
  }
  if (auto c = store::CertificateOfPlacement(tx, p.id)) return *c;
  auto v = ViewOf(tx, p, false, false);
  std::string code;
  for (int attempt = 0; attempt < 8; ++attempt) {
    code = core::CertificateCode(std::hash<std::string>{}(adapters::NewId()));
    if (!store::FindCertificateByCode(tx, code)) break;
    code.clear();
  }
  if (code.empty()) return core::Internal("no free certificate code");
  store::CertificateRow c;
  c.id = adapters::NewId();
  c.code = code;
  c.placement_id = p.id;
  c.applicant_id = p.applicant_id;
  c.institution_id = p.institution_id;
  c.issued_on = Today(ctx);
  c.facts = FactsJson(FactsOf(ctx, v, code, c.issued_on)).dump();
  c.created_at = Now(ctx);
  store::InsertCertificate(tx, c);
  Audit(tx, ctx, actor, "certificate.issue", "placement", p.id, p.institution_id, "code " + code);
  return c;
}

core::RotationRecord RecordOf(const adapters::RotationFacts& f, int days_present) {
  core::RotationRecord r;
  r.institution = f.institution;
  r.institution_place = f.institution_place;
  r.rotation_title = f.rotation_title;
  r.specialty = f.specialty;
  r.rotation_type = f.rotation_type;
  r.hands_on = f.hands_on;
  r.start_date = f.start_date;
  r.end_date = f.end_date;
  r.preceptor = f.preceptor;
  r.days_present = days_present;
  r.verification_code = f.verification_code;
  return r;
}

// Completed placements of the applicant with their (issued) certificates' facts.
std::vector<std::pair<adapters::RotationFacts, int>> CompletedFacts(store::Tx& tx, Context& ctx, const Actor& actor) {
  std::vector<std::pair<adapters::RotationFacts, int>> out;
  for (const auto& p : store::PlacementsOfApplicant(tx, actor.user_id)) {
    if (p.status != "completed") continue;
    auto c = EnsureCertificate(tx, ctx, actor, p);
    if (!c || !c->revoked_at.empty()) continue;  // a revoked certificate is not part of the record
    int present = 0;
    for (const auto& d : store::AttendanceOf(tx, p.id)) present += d.status == "present";
    out.emplace_back(FactsFromJson(c->facts), present);
  }
  return out;
}

}  // namespace

// ---- coordinator

core::Result<std::vector<PlacementView>> InstitutionPlacements(Context& ctx, const Actor&,
                                                               const std::string& institution_id) {
  return ctx.db.RunRead<std::vector<PlacementView>>([&](store::Tx& tx) -> core::Result<std::vector<PlacementView>> {
    std::vector<PlacementView> out;
    for (const auto& p : store::PlacementsOfInstitution(tx, institution_id)) out.push_back(ViewOf(tx, p, false, false));
    return out;
  });
}

core::Result<PlacementView> InstitutionPlacement(Context& ctx, const Actor&, const std::string& institution_id,
                                                 const std::string& placement_id) {
  return ctx.db.RunRead<PlacementView>([&](store::Tx& tx) -> core::Result<PlacementView> {
    auto p = InstitutionRow(tx, institution_id, placement_id);
    if (!p) return std::unexpected(p.error());
    return ViewOf(tx, *p, true, false);
  });
}

core::Result<PlacementView> AssignPreceptor(Context& ctx, const Actor& actor, const std::string& institution_id,
                                            const std::string& placement_id, const std::string& preceptor_id) {
  if (!IsCoordinator(actor, institution_id)) return core::Forbidden("only a coordinator can assign preceptors");
  if (preceptor_id.empty()) return core::InvalidArgument("preceptor_id", "choose a preceptor");
  return ctx.db.Run<PlacementView>([&](store::Tx& tx) -> core::Result<PlacementView> {
    auto p = InstitutionRow(tx, institution_id, placement_id);
    if (!p) return std::unexpected(p.error());
    if (p->status != "scheduled" && p->status != "in_progress") {
      return core::Conflict("a placement that is " + p->status + " keeps its preceptor");
    }
    bool is_preceptor = false;
    for (const auto& s : store::ListStaff(tx, institution_id)) {
      is_preceptor = is_preceptor || (s.user_id == preceptor_id && s.role == "preceptor");
    }
    if (!is_preceptor) {
      return core::InvalidArgument("preceptor_id", "not a preceptor of this institution (invite them with the preceptor role)");
    }
    if (auto e = store::FindEvaluation(tx, p->id); e && e->status != "draft") {
      return core::Conflict("the evaluation was already submitted; the preceptor cannot change");
    }
    std::string from = p->preceptor_id;
    p->preceptor_id = preceptor_id;
    p->updated_at = Now(ctx);
    if (!store::UpdatePlacement(tx, *p)) return core::Conflict("this placement changed; reload it");
    p->version += 1;
    Audit(tx, ctx, actor, "placement.preceptor", "placement", p->id, institution_id,
          (from.empty() ? std::string("none") : from) + " -> " + preceptor_id);
    return ViewOf(tx, *p, true, false);
  });
}

core::Result<PlacementView> MovePlacement(Context& ctx, const Actor& actor, const std::string& institution_id,
                                          const std::string& placement_id, const std::string& status,
                                          const std::string& date, const std::string& reason) {
  if (!IsCoordinator(actor, institution_id)) return core::Forbidden("only a coordinator can move placements");
  if (!core::IsPlacementStatus(status) || status == "scheduled") {
    return core::InvalidArgument("status", "status is one of in_progress, completed, incomplete, cancelled");
  }
  if (!date.empty() && !core::IsCalendarDate(date)) return core::InvalidArgument("date", "a date is written YYYY-MM-DD");
  if ((status == "incomplete" || status == "cancelled") && reason.empty()) {
    return core::InvalidArgument("reason", "say why the placement is " + status);
  }
  if (reason.size() > 2000) return core::InvalidArgument("reason", "at most 2000 characters");
  if (status == "cancelled") {
    // The seat goes back and the application is cancelled (services/offers).
    auto check = ctx.db.RunRead<store::PlacementRow>([&](store::Tx& tx) { return InstitutionRow(tx, institution_id, placement_id); });
    if (!check) return std::unexpected(check.error());
    if (auto st = core::CheckPlacementMove(check->status, status); !st) return std::unexpected(st.error());
    auto c = CancelPlacement(ctx, actor, institution_id, placement_id, reason);
    if (!c) return std::unexpected(c.error());
    return InstitutionPlacement(ctx, actor, institution_id, placement_id);
  }
  return ctx.db.Run<PlacementView>([&](store::Tx& tx) -> core::Result<PlacementView> {
    auto p = InstitutionRow(tx, institution_id, placement_id);
    if (!p) return std::unexpected(p.error());
    if (auto st = core::CheckPlacementMove(p->status, status); !st) return std::unexpected(st.error());
    auto dates = store::DatesOfPlacement(tx, p->id);
    if (status == "in_progress") {
      dates.started_on = date.empty() ? p->start_date : date;
    } else {
      dates.finished_on = date.empty() ? p->end_date : date;
      if (!dates.started_on.empty() && dates.finished_on < dates.started_on) {
        return core::InvalidArgument("date", "the placement cannot finish (" + dates.finished_on +
                                                 ") before it started (" + dates.started_on + ")");
      }
    }
    std::string from = p->status;
    p->status = status;
    p->status_reason = reason;
    p->updated_at = Now(ctx);
    if (!store::UpdatePlacement(tx, *p)) return core::Conflict("this placement changed; reload it");
    p->version += 1;
    store::SetPlacementDates(tx, p->id, dates);
    Audit(tx, ctx, actor, "placement." + status, "placement", p->id, institution_id,
          from + " -> " + status + " on " + (status == "in_progress" ? dates.started_on : dates.finished_on) +
              (reason.empty() ? "" : ": " + reason));
    return ViewOf(tx, *p, true, false);
  });
}

core::Result<PlacementView> ReleaseEvaluation(Context& ctx, const Actor& actor, const std::string& institution_id,
                                              const std::string& placement_id) {
  if (!IsCoordinator(actor, institution_id)) return core::Forbidden("only a coordinator can release evaluations");
  return ctx.db.Run<PlacementView>([&](store::Tx& tx) -> core::Result<PlacementView> {
    auto p = InstitutionRow(tx, institution_id, placement_id);
    if (!p) return std::unexpected(p.error());
    auto e = store::FindEvaluation(tx, p->id);
    if (!e || e->status == "draft") return core::Conflict("the preceptor has not submitted the evaluation yet");
    if (e->status == "released") return core::Conflict("this evaluation was already released");
    e->status = "released";
    e->released_at = Now(ctx);
    e->updated_at = e->released_at;
    if (!store::UpdateEvaluation(tx, *e)) return core::Conflict("this evaluation changed; reload it");
    Audit(tx, ctx, actor, "evaluation.release", "placement", p->id, institution_id, "");
    return ViewOf(tx, *p, true, false);
  });
}

core::Result<PlacementView> RevokeCertificate(Context& ctx, const Actor& actor, const std::string& institution_id,
                                              const std::string& placement_id, const std::string& reason) {
  if (!IsCoordinator(actor, institution_id)) return core::Forbidden("only a coordinator can revoke certificates");
  if (reason.empty()) return core::InvalidArgument("reason", "say why the certificate is revoked");
  if (reason.size() > 2000) return core::InvalidArgument("reason", "at most 2000 characters");
  return ctx.db.Run<PlacementView>([&](store::Tx& tx) -> core::Result<PlacementView> {
    auto p = InstitutionRow(tx, institution_id, placement_id);
    if (!p) return std::unexpected(p.error());
    auto c = store::CertificateOfPlacement(tx, p->id);
    if (!c) return core::NotFound("no certificate was issued for this placement");
    if (!c->revoked_at.empty()) return core::Conflict("this certificate was already revoked on " + c->revoked_at);
    store::RevokeCertificate(tx, c->id, Now(ctx), reason);
    Audit(tx, ctx, actor, "certificate.revoke", "placement", p->id, institution_id, c->code + ": " + reason);
    return ViewOf(tx, *p, true, false);
  });
}

core::Result<std::string> CompletionsCsv(Context& ctx, const Actor& actor, const std::string& institution_id) {
  if (!IsCoordinator(actor, institution_id)) return core::Forbidden("only a coordinator can export");
  return ctx.db.Run<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
    std::string out = core::CsvLine({"placement_id", "applicant", "email", "rotation", "type", "hands_on", "status",
                                     "start_date", "end_date", "started_on", "finished_on", "preceptor",
                                     "days_present", "days_absent", "evaluation", "certificate_code",
                                     "certificate_revoked"});
    for (const auto& p : store::PlacementsOfInstitution(tx, institution_id)) {
      auto v = ViewOf(tx, p, false, false);
      out += core::CsvLine({p.id, v.applicant_name, v.applicant_email, v.offering_title, v.rotation_type,
                            v.hands_on ? "yes" : "no", p.status, p.start_date, p.end_date, v.dates.started_on,
                            v.dates.finished_on, v.preceptor_name, std::to_string(v.attendance.present),
                            std::to_string(v.attendance.absent), v.evaluation ? v.evaluation->status : "",
                            v.certificate_code, v.certificate_revoked ? "yes" : "no"});
    }
    Audit(tx, ctx, actor, "completion.export", "institution", institution_id, institution_id, "completions.csv");
    return out;
  });
}

core::Result<std::string> EvaluationsCsv(Context& ctx, const Actor& actor, const std::string& institution_id) {
  if (!IsCoordinator(actor, institution_id)) return core::Forbidden("only a coordinator can export");
  return ctx.db.Run<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
    std::vector<std::string> header = {"placement_id", "applicant", "rotation", "preceptor", "status", "hands_on"};
    auto comps = core::Competencies(true);
    for (const auto& c : comps) header.push_back(c.key);
    header.push_back("patient_care_observed");
    header.push_back("comments");
    header.push_back("submitted_at");
    header.push_back("released_at");
    std::string out = core::CsvLine(header);
    for (const auto& p : store::PlacementsOfInstitution(tx, institution_id)) {
      auto e = store::FindEvaluation(tx, p.id);
      if (!e || e->status == "draft") continue;
      auto v = ViewOf(tx, p, false, false);
      auto ratings = RatingsFrom(e->ratings);
      std::vector<std::string> line = {p.id, v.applicant_name, v.offering_title, v.preceptor_name, e->status,
                                       e->hands_on ? "yes" : "no"};
      auto cell = [&](const std::string& k) { return ratings.contains(k) ? std::to_string(ratings[k]) : ""; };
      for (const auto& c : comps) line.push_back(cell(c.key));
      line.push_back(cell("patient_care_observed"));
      line.push_back(e->comments);
      line.push_back(e->submitted_at);
      line.push_back(e->released_at);
      out += core::CsvLine(line);
    }
    Audit(tx, ctx, actor, "completion.export", "institution", institution_id, institution_id, "evaluations.csv");
    return out;
  });
}

// ---- preceptor

core::Result<std::vector<PlacementView>> MyStudents(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<std::vector<PlacementView>>([&](store::Tx& tx) -> core::Result<std::vector<PlacementView>> {
    std::vector<PlacementView> out;
    for (const auto& id : store::PlacementIdsOfPreceptor(tx, actor.user_id)) {
      auto p = store::FindPlacement(tx, id);
      if (!p || p->status == "cancelled") continue;
      out.push_back(ViewOf(tx, *p, false, false));
    }
    return out;
  });
}

core::Result<PlacementView> PreceptorPlacement(Context& ctx, const Actor& actor, const std::string& placement_id) {
  return ctx.db.RunRead<PlacementView>([&](store::Tx& tx) -> core::Result<PlacementView> {
    auto p = PreceptedRow(tx, actor, placement_id);
    if (!p) return std::unexpected(p.error());
    return ViewOf(tx, *p, true, false);
  });
}

core::Result<PlacementView> SaveAttendance(Context& ctx, const Actor& actor, const std::string& placement_id,
                                           const std::vector<core::AttendanceDay>& days) {
  return ctx.db.Run<PlacementView>([&](store::Tx& tx) -> core::Result<PlacementView> {
    auto p = PreceptedRow(tx, actor, placement_id);
    if (!p) return std::unexpected(p.error());
    if (p->status == "cancelled" || p->status == "scheduled") {
      return core::Conflict("attendance is recorded once the placement is in progress; this one is " + p->status);
    }
    auto summary = core::ValidateAttendance(days, p->start_date, p->end_date);
    if (!summary) return std::unexpected(summary.error());
    std::vector<store::AttendanceRow> rows;
    std::string now = Now(ctx);
    for (const auto& d : days) rows.push_back({p->id, d.date, d.status, d.note, actor.user_id, now});
    store::ReplaceAttendance(tx, p->id, rows);
    Audit(tx, ctx, actor, "attendance.save", "placement", p->id, p->institution_id,
          std::to_string(summary->present) + " present, " + std::to_string(summary->absent) + " absent");
    return ViewOf(tx, *p, true, false);
  });
}

core::Result<PlacementView> SaveEvaluation(Context& ctx, const Actor& actor, const std::string& placement_id,
                                           const core::EvaluationDraft& draft, bool submit) {
  return ctx.db.Run<PlacementView>([&](store::Tx& tx) -> core::Result<PlacementView> {
    auto p = PreceptedRow(tx, actor, placement_id);
    if (!p) return std::unexpected(p.error());
    if (p->status == "cancelled" || p->status == "scheduled") {
      return core::Conflict("the evaluation opens once the placement is in progress; this one is " + p->status);
    }
    auto offering = store::FindOffering(tx, p->offering_id);
    bool hands_on = offering ? offering->hands_on : true;
    auto existing = store::FindEvaluation(tx, p->id);
    if (existing && existing->status != "draft") {
      return core::Conflict("this evaluation was submitted on " + existing->submitted_at + " and is locked");
    }
    if (auto st = core::ValidateEvaluation(draft, hands_on, submit); !st) return std::unexpected(st.error());
    std::string now = Now(ctx);
    store::EvaluationRow e = existing.value_or(store::EvaluationRow{});
    e.placement_id = p->id;
    e.preceptor_id = actor.user_id;
    e.hands_on = hands_on;
    e.ratings = RatingsText(draft.ratings);
    e.comments = draft.comments;
    e.status = submit ? "submitted" : "draft";
    e.submitted_at = submit ? now : "";
    e.updated_at = now;
    if (existing) {
      if (!store::UpdateEvaluation(tx, e)) return core::Conflict("this evaluation changed; reload it");
    } else {
      e.version = 1;
      e.created_at = now;
      store::InsertEvaluation(tx, e);
    }
    Audit(tx, ctx, actor, submit ? "evaluation.submit" : "evaluation.draft", "placement", p->id, p->institution_id,
          "");
    return ViewOf(tx, *p, true, false);
  });
}

// ---- applicant

core::Result<std::vector<PlacementView>> MyPlacements(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<std::vector<PlacementView>>([&](store::Tx& tx) -> core::Result<std::vector<PlacementView>> {
    std::vector<PlacementView> out;
    for (const auto& p : store::PlacementsOfApplicant(tx, actor.user_id)) out.push_back(ViewOf(tx, p, false, true));
    return out;
  });
}

core::Result<PlacementView> MyPlacement(Context& ctx, const Actor& actor, const std::string& placement_id) {
  return ctx.db.RunRead<PlacementView>([&](store::Tx& tx) -> core::Result<PlacementView> {
    auto p = OwnRow(tx, actor, placement_id);
    if (!p) return std::unexpected(p.error());
    return ViewOf(tx, *p, false, true);
  });
}

core::Result<CertificateFile> MyCertificate(Context& ctx, const Actor& actor, const std::string& placement_id) {
  auto c = ctx.db.Run<store::CertificateRow>([&](store::Tx& tx) -> core::Result<store::CertificateRow> {
    auto p = OwnRow(tx, actor, placement_id);
    if (!p) return std::unexpected(p.error());
    return EnsureCertificate(tx, ctx, actor, *p);
  });
  if (!c) return std::unexpected(c.error());
  if (!c->revoked_at.empty()) return core::Conflict("this certificate was revoked: " + c->revoked_reason);
  auto pdf = adapters::RenderCertificate(FactsFromJson(c->facts));
  if (!pdf) return std::unexpected(pdf.error());
  return CertificateFile{c->code, std::move(*pdf)};
}

core::Status SubmitFeedback(Context& ctx, const Actor& actor, const std::string& placement_id,
                            const core::FeedbackDraft& draft) {
  if (auto st = core::ValidateFeedback(draft); !st) return st;
  auto r = ctx.db.Run<bool>([&](store::Tx& tx) -> core::Result<bool> {
    auto p = OwnRow(tx, actor, placement_id);
    if (!p) return std::unexpected(p.error());
    if (p->status != "completed" && p->status != "incomplete") {
      return core::Conflict("you can evaluate the rotation once it has ended; this placement is " + p->status);
    }
    if (store::HasFeedback(tx, p->id)) return core::Conflict("you already evaluated this rotation");
    store::InsertFeedback(tx, {p->id, p->offering_id, RatingsText(draft.ratings), draft.comment, Now(ctx)});
    store::BumpCatalogVersion(tx);  // the offering page shows the ratings
    Audit(tx, ctx, actor, "feedback.submit", "placement", p->id, p->institution_id, "");
    return true;
  });
  if (!r) return std::unexpected(r.error());
  ctx.catalog_cache->Invalidate();
  return {};
}

core::Result<std::string> AskPreceptorForLetter(Context& ctx, const Actor& actor, const std::string& placement_id,
                                                bool waived) {
  auto draft = ctx.db.RunRead<core::LetterRequestDraft>([&](store::Tx& tx) -> core::Result<core::LetterRequestDraft> {
    auto p = OwnRow(tx, actor, placement_id);
    if (!p) return std::unexpected(p.error());
    if (p->preceptor_id.empty()) return core::Conflict("no preceptor is assigned to this placement yet");
    if (p->status == "cancelled" || p->status == "scheduled") {
      return core::Conflict("ask for a letter once the rotation has started; this placement is " + p->status);
    }
    auto pre = store::FindUserById(tx, p->preceptor_id);
    if (!pre) return core::NotFound("no such preceptor");
    auto v = ViewOf(tx, *p, false, true);
    core::LetterRequestDraft d;
    d.referee_name = pre->display_name;
    d.referee_email = pre->email;
    d.referee_institution = v.institution_name;
    d.relationship = "Preceptor of my " + v.offering_title + " rotation at " + v.institution_name + " (" +
                     p->start_date + " to " + p->end_date + ")";
    d.waived = waived;
    return d;
  });
  if (!draft) return std::unexpected(draft.error());
  auto letter = RequestLetter(ctx, actor, *draft);
  if (!letter) return std::unexpected(letter.error());
  return letter->row.id;
}

core::Result<std::vector<core::RotationRecord>> MyRecord(Context& ctx, const Actor& actor) {
  return ctx.db.Run<std::vector<core::RotationRecord>>(
      [&](store::Tx& tx) -> core::Result<std::vector<core::RotationRecord>> {
        std::vector<core::RotationRecord> out;
        for (const auto& [f, present] : CompletedFacts(tx, ctx, actor)) out.push_back(RecordOf(f, present));
        return out;
      });
}

core::Result<std::string> MyTranscriptPdf(Context& ctx, const Actor& actor) {
  auto t = ctx.db.Run<adapters::TranscriptFacts>([&](store::Tx& tx) -> core::Result<adapters::TranscriptFacts> {
    adapters::TranscriptFacts t;
    t.applicant_name = LegalName(tx, actor.user_id);
    t.generated_on = Today(ctx);
    for (const auto& [f, present] : CompletedFacts(tx, ctx, actor)) t.rotations.push_back(f);
    if (t.rotations.empty()) return core::Conflict("no completed rotation yet: the transcript lists completed ones");
    return t;
  });
  if (!t) return std::unexpected(t.error());
  return adapters::RenderTranscript(*t);
}

core::Result<std::string> MyPacketPdf(Context& ctx, const Actor& actor, const PacketChoice& choice) {
  if (choice.program.empty() || choice.program.size() > 200) {
    return core::InvalidArgument("program", "name the program this packet is for (at most 200 characters)");
  }
  if (choice.document_ids.size() > 20) return core::InvalidArgument("document_ids", "at most 20 documents");
  std::vector<adapters::PacketPart> parts;
  if (choice.include_cv) {
    auto cv = RenderCv(ctx, actor);
    if (!cv) return std::unexpected(cv.error());
    parts.push_back({"Curriculum vitae", std::move(*cv)});
  }
  for (size_t i = 0; i < choice.document_ids.size(); ++i) {
    auto f = ReadMyDocument(ctx, actor, choice.document_ids[i], 0);
    if (!f) {
      auto e = f.error();
      if (e.code == core::ErrorCode::kNotFound) e.field = "document_ids[" + std::to_string(i) + "]";
      return std::unexpected(e);
    }
    if (f->mime != "application/pdf") {
      return core::InvalidArgument("document_ids[" + std::to_string(i) + "]",
                                   f->filename + " is not a PDF; a packet merges PDFs only");
    }
    std::string title = f->filename;
    if (title.size() > 4 && title.ends_with(".pdf")) title.resize(title.size() - 4);
    parts.push_back({title, std::move(f->bytes)});
  }
  for (size_t i = 0; i < choice.placement_ids.size(); ++i) {
    auto c = MyCertificate(ctx, actor, choice.placement_ids[i]);
    if (!c) {
      auto e = c.error();
      e.field = "placement_ids[" + std::to_string(i) + "]";
      return std::unexpected(e);
    }
    parts.push_back({"Certificate " + c->code, std::move(c->pdf)});
  }
  if (parts.empty()) return core::InvalidArgument("parts", "choose at least one part for the packet");
  return adapters::MergePacket(choice.program, parts);
}

// ---- public

core::Result<Verification> VerifyCertificate(Context& ctx, const std::string& text) {
  auto code = core::ParseCertificateCode(text);
  if (!code) return std::unexpected(code.error());
  return ctx.db.RunRead<Verification>([&](store::Tx& tx) -> core::Result<Verification> {
    auto c = store::FindCertificateByCode(tx, *code);
    if (!c) return core::NotFound("no certificate has this code");
    Verification v;
    v.code = c->code;
    v.facts = c->facts;
    v.issued_on = c->issued_on;
    v.revoked = !c->revoked_at.empty();
    v.revoked_at = c->revoked_at;
    v.revoked_reason = c->revoked_reason;
    return v;
  });
}

core::Result<std::optional<core::FeedbackSummary>> OfferingRatings(Context& ctx, const std::string& offering_id) {
  return ctx.db.RunRead<std::optional<core::FeedbackSummary>>(
      [&](store::Tx& tx) -> core::Result<std::optional<core::FeedbackSummary>> {
        std::vector<std::map<std::string, int>> responses;
        for (const auto& r : store::FeedbackRatingsOfOffering(tx, offering_id)) responses.push_back(RatingsFrom(r));
        return core::AggregateFeedback(responses);
      });
}

}  // namespace clerkship::services
