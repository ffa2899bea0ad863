// Interviews: slots, bookings, .ics downloads and private calendar feeds
// (issue 7; docs/interviews.md).
#include "http/api.h"
#include "services/interviews.h"

namespace clerkship::http {
namespace {

core::Error Bad(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, message, field, {}};
}

core::Result<int> IntField(const Json& j, const char* name, int fallback, int lo, int hi) {
  if (!j.contains(name)) return fallback;
  if (!j[name].is_number_integer() || j[name].get<long long>() < lo || j[name].get<long long>() > hi) {
    return std::unexpected(
        Bad(name, std::string(name) + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi)));
  }
  return j[name].get<int>();
}

// minutes, format, location, interviewers, capacity.
core::Result<core::SlotDetails> DetailsOf(const Json& j) {
  core::SlotDetails d;
  auto minutes = IntField(j, "minutes", 30, 5, 480);
  if (!minutes) return std::unexpected(minutes.error());
  d.minutes = *minutes;
  auto capacity = IntField(j, "capacity", 1, 1, 50);
  if (!capacity) return std::unexpected(capacity.error());
  d.capacity = *capacity;
  auto format = StringField(j, "format", true);
  if (!format) return std::unexpected(format.error());
  d.format = *format;
  auto location = StringField(j, "location", false);
  if (!location) return std::unexpected(location.error());
  d.location = *location;
  auto interviewers = StringField(j, "interviewers", false);
  if (!interviewers) return std::unexpected(interviewers.error());
  d.interviewers = *interviewers;
  if (j.contains("interviewer_ids")) {
    const Json& ids = j["interviewer_ids"];
    if (!ids.is_array()) return std::unexpected(Bad("interviewer_ids", "interviewer_ids must be a list of user ids"));
    std::vector<std::string> out;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (!ids[i].is_string() || ids[i].get<std::string>().empty() || ids[i].get<std::string>().size() > 64) {
        return std::unexpected(Bad("interviewer_ids[" + std::to_string(i) + "]", "must be a user id"));
      }
      out.push_back(ids[i].get<std::string>());
    }
    d.interviewer_ids = std::move(out);
  }
  return d;
}

// `staff`: with the interviewers' account ids (applicants see names only).
Json SlotJson(const store::SlotRow& s, bool staff = true) {
  Json j = {{"id", s.id},
          {"starts_at", s.starts_at},
          {"ends_at", core::FormatIso8601(*core::ParseIso8601(s.starts_at) + std::chrono::minutes(s.minutes))},
          {"local_date", s.local_date},
          {"local_time", s.local_time},
          {"time_zone", s.time_zone},
          {"minutes", s.minutes},
          {"format", s.format},
          {"location", s.location},
          {"interviewers", s.interviewers},
          {"capacity", s.capacity},
          {"booked", s.booked},
          {"version", s.version},
          {"interviewer_names", services::InterviewerNames(s)}};
  if (staff) {
    Json ids = Json::array(), accounts = Json::array();
    for (const auto& i : s.interviewer_accounts) {
      ids.push_back(i.user_id);
      accounts.push_back({{"user_id", i.user_id}, {"name", i.display_name}});
    }
    j["interviewer_ids"] = ids;
    j["interviewer_accounts"] = accounts;
  }
  return j;
}

Json ApplicantJson(const services::ApplicantInterview& v) {
  Json slots = Json::array();
  for (const auto& s : v.slots) {
    Json j = SlotJson(s, false);
    j["full"] = s.booked >= s.capacity;
    slots.push_back(std::move(j));
  }
  Json out = {{"application_id", v.application_id},
              {"status", v.status},
              {"invited", v.invited},
              {"offering_title", v.offering_title},
              {"institution_name", v.institution_name},
              {"time_zone", v.time_zone},
              {"cutoff_hours", core::kDefaultCutoffHours},
              {"slots", slots},
              {"release", ApplicantReleaseJson(v.release)},
              {"booking", nullptr}};
  if (v.booking && v.booked_slot) {
    out["booking"] = {{"id", v.booking->id},
                      {"sequence", v.booking->sequence},
                      {"slot", SlotJson(*v.booked_slot, false)},
                      {"change_until", v.change_until},
                      {"ics_url", "/api/applications/" + v.application_id + "/interview.ics"}};
  }
  return out;
}

Response Ics(std::string body, const std::string& filename) {
  Response r;
  r.content_type = "text/calendar; charset=utf-8";
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

core::Result<std::string> SlotIdOf(const std::string& body) {
  auto obj = ParseObject(body, {"slot_id"});
  if (!obj) return std::unexpected(obj.error());
  return StringField(*obj, "slot_id", true);
}

}  // namespace

void RegisterInterviewApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  // ---- coordinators and staff
  api.Add("POST", "/api/institutions/{id}/offerings/{offering_id}/interview-slots", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"date", "time", "pattern", "minutes", "format", "location",
                                              "interviewers", "interviewer_ids", "capacity"});
            if (!obj) return ErrorResponse(obj.error());
            const Json& j = *obj;
            services::PublishSlots p;
            auto details = DetailsOf(j);
            if (!details) return ErrorResponse(details.error());
            p.details = *details;
            if (j.contains("pattern")) {
              if (j.contains("date") || j.contains("time")) {
                return ErrorResponse(Bad("pattern", "send either date and time or a pattern"));
              }
              const Json& pj = j["pattern"];
              if (!pj.is_object()) return ErrorResponse(Bad("pattern", "pattern must be an object"));
              for (const auto& [k, _] : pj.items()) {
                if (k != "from" && k != "to" && k != "weekdays" && k != "window_start" && k != "window_end") {
                  return ErrorResponse(Bad("pattern." + k, "unknown member " + k));
                }
              }
              core::SlotPattern pat;
              for (const char* f : {"from", "to", "window_start", "window_end"}) {
                auto v = StringField(pj, f, true);
                if (!v) return ErrorResponse(Bad(std::string("pattern.") + f, v.error().message));
                if (std::string(f) == "from") pat.from = *v;
                if (std::string(f) == "to") pat.to = *v;
                if (std::string(f) == "window_start") pat.window_start = *v;
                if (std::string(f) == "window_end") pat.window_end = *v;
              }
              if (!pj.contains("weekdays") || !pj["weekdays"].is_array() || pj["weekdays"].size() > 7) {
                return ErrorResponse(Bad("pattern.weekdays", "weekdays is a list of 0 (Sunday) to 6 (Saturday)"));
              }
              for (const auto& w : pj["weekdays"]) {
                if (!w.is_number_integer()) {
                  return ErrorResponse(Bad("pattern.weekdays", "weekdays is a list of 0 (Sunday) to 6 (Saturday)"));
                }
                long long n = w.get<long long>();
                pat.weekdays.push_back(n < 0 || n > 6 ? -1 : static_cast<int>(n));
              }
              p.pattern = pat;
            } else {
              auto date = StringField(j, "date", true);
              if (!date) return ErrorResponse(date.error());
              auto time = StringField(j, "time", true);
              if (!time) return ErrorResponse(time.error());
              p.date = *date;
              p.time = *time;
            }
            auto made = services::PublishInterviewSlots(ctx, req.actor, req.params["id"], req.params["offering_id"], p);
            if (!made) {
              core::Error e = made.error();
              if (p.pattern && e.code == core::ErrorCode::kInvalidArgument && e.field != "minutes" &&
                  e.field != "format" && e.field != "location" && e.field != "interviewers" && e.field != "capacity" &&
                  !e.field.starts_with("interviewer_ids")) {
                e.field = "pattern." + e.field;
              }
              return ErrorResponse(e);
            }
            Json items = Json::array();
            for (const auto& s : *made) items.push_back(SlotJson(s));
            return JsonResponse({{"items", items}, {"count", made->size()}}, 201);
          });

  api.Add("GET", "/api/institutions/{id}/offerings/{offering_id}/interview-slots", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto v = services::ListInterviewSlots(ctx, req.actor, req.params["id"], req.params["offering_id"]);
            if (!v) return ErrorResponse(v.error());
            Json slots = Json::array();
            for (const auto& s : v->slots) {
              Json j = SlotJson(s.slot);
              Json bookings = Json::array();
              for (const auto& b : s.bookings) {
                bookings.push_back({{"booking_id", b.booking_id},
                                    {"application_id", b.application_id},
                                    {"applicant_name", b.applicant_name}});
              }
              j["bookings"] = bookings;
              slots.push_back(std::move(j));
            }
            Json waiting = Json::array();
            for (const auto& a : v->not_booked) {
              waiting.push_back({{"application_id", a.application_id},
                                 {"applicant_name", a.applicant_name},
                                 {"turn_opens_at", a.turn_opens_at},
                                 {"ranked", a.ranked}});
            }
            const auto& r = v->release;
            Json release = {{"mode", r.version ? r.mode : std::string("first_come")},
                            {"release_at", r.release_at},
                            {"window_minutes", r.window_minutes},
                            {"preference_deadline", r.preference_deadline},
                            {"seed", r.seed},
                            {"assigned_at", r.assigned_at},
                            {"version", r.version}};
            return JsonResponse(
                {{"time_zone", v->time_zone}, {"slots", slots}, {"not_booked", waiting}, {"release", release}});
          });

  api.Add("PUT", "/api/institutions/{id}/interview-slots/{slot_id}", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"date", "time", "minutes", "format", "location", "interviewers",
                                              "interviewer_ids", "capacity"});
            if (!obj) return ErrorResponse(obj.error());
            auto details = DetailsOf(*obj);
            if (!details) return ErrorResponse(details.error());
            auto date = StringField(*obj, "date", true);
            if (!date) return ErrorResponse(date.error());
            auto time = StringField(*obj, "time", true);
            if (!time) return ErrorResponse(time.error());
            auto s = services::UpdateInterviewSlot(ctx, req.actor, req.params["id"], req.params["slot_id"], *date,
                                                   *time, *details);
            if (!s) return ErrorResponse(s.error());
            return JsonResponse(SlotJson(*s));
          });

  api.Add("DELETE", "/api/institutions/{id}/interview-slots/{slot_id}", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto st = services::DeleteInterviewSlot(ctx, req.actor, req.params["id"], req.params["slot_id"]);
            if (!st) return ErrorResponse(st.error());
            Response r;
            r.status = 204;
            return r;
          });

  // ---- applicants
  api.Add("GET", "/api/applications/{application_id}/interview", Access::kApplicant, [&ctx](Request& req) {
    auto v = services::GetApplicantInterview(ctx, req.actor, req.params["application_id"]);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicantJson(*v));
  });

  api.Add("POST", "/api/applications/{application_id}/interview", Access::kApplicant, [&ctx](Request& req) {
    auto slot = SlotIdOf(req.body);
    if (!slot) return ErrorResponse(slot.error());
    auto v = services::BookInterview(ctx, req.actor, req.params["application_id"], *slot);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicantJson(*v), 201);
  });

  api.Add("PUT", "/api/applications/{application_id}/interview", Access::kApplicant, [&ctx](Request& req) {
    auto slot = SlotIdOf(req.body);
    if (!slot) return ErrorResponse(slot.error());
    auto v = services::RescheduleInterview(ctx, req.actor, req.params["application_id"], *slot);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicantJson(*v));
  });

  api.Add("DELETE", "/api/applications/{application_id}/interview", Access::kApplicant, [&ctx](Request& req) {
    auto v = services::CancelInterview(ctx, req.actor, req.params["application_id"]);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicantJson(*v));
  });

  api.Add("GET", "/api/applications/{application_id}/interview.ics", Access::kApplicant, [&ctx](Request& req) {
    auto ics = services::InterviewIcs(ctx, req.actor, req.params["application_id"]);
    if (!ics) return ErrorResponse(ics.error());
    return Ics(std::move(*ics), "interview.ics");
  });

  // ---- interviewers: the interviews the caller conducts
  api.Add("GET", "/api/me/interviews", Access::kSession, [&ctx](Request& req) {
    auto list = services::MyInterviews(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& c : *list) {
      const std::string& inst = c.booking.institution_id;
      items.push_back({{"booking_id", c.booking.id},
                       {"application_id", c.booking.application_id},
                       {"institution_id", inst},
                       {"institution_name", c.institution_name},
                       {"offering_title", c.offering_title},
                       {"applicant_name", c.applicant_name},
                       {"slot", SlotJson(c.slot)},
                       {"ended", c.ended},
                       {"scorecard_status", c.scorecard_status},
                       {"review_url", "/institutions/" + inst + "/applications/" + c.booking.application_id},
                       {"scorecard_url", "/institutions/" + inst + "/applications/" + c.booking.application_id +
                                             "#interview-scorecard"}});
    }
    return JsonResponse({{"items", items}});
  });

  // ---- calendar feeds
  api.Add("GET", "/api/me/calendar-feed", Access::kSession, [&ctx](Request& req) {
    auto has = services::HasCalendarFeed(ctx, req.actor);
    if (!has) return ErrorResponse(has.error());
    return JsonResponse({{"active", *has}});
  });

  api.Add("POST", "/api/me/calendar-feed", Access::kSession, [&ctx](Request& req) {
    auto path = services::RegenerateCalendarFeed(ctx, req.actor);
    if (!path) return ErrorResponse(path.error());
    std::string https = ctx.public_url + *path;
    std::string webcal = https;
    auto scheme = webcal.find("://");
    if (scheme != std::string::npos) webcal = "webcal" + webcal.substr(scheme);
    return JsonResponse({{"active", true}, {"url", https}, {"webcal_url", webcal}}, 201);
  });

  // No session: the secret token in the path is the authorization.
  api.Add("GET", "/api/calendar/{file}", Access::kPublic, [&ctx](Request& req) {
    std::string file = req.params["file"];
    if (file.size() < 5 || file.substr(file.size() - 4) != ".ics") {
      return ErrorResponse(core::Error{core::ErrorCode::kNotFound, "no such calendar", "", {}});
    }
    auto ics = services::CalendarFeed(ctx, file.substr(0, file.size() - 4));
    if (!ics) return ErrorResponse(ics.error());
    return Ics(std::move(*ics), "clerkship.ics");
  });
}

}  // namespace clerkship::http
