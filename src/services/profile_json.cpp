#include "services/profile_json.h"

#include <cmath>
#include <cstdint>
#include <set>

namespace clerkship::services {
namespace {

#define TRY(expr)                                                     \
  do {                                                                \
    if (auto _st = (expr); !_st) return std::unexpected(_st.error()); \
  } while (false)

// Reads members of one JSON object; errors name `prefix.member` (or the
// member alone at the top level, and `self` for the object itself).
struct Reader {
  const Json& j;
  std::string prefix;
  std::string self = "body";

  std::string Name(const std::string& k) const { return prefix.empty() ? k : prefix + "." + k; }

  core::Status Known(std::initializer_list<const char*> names) const {
    std::string here = prefix.empty() ? self : prefix;
    if (!j.is_object()) return core::InvalidArgument(here, here + " must be an object");
    std::set<std::string> allowed(names.begin(), names.end());
    for (const auto& [k, _] : j.items()) {
      if (!allowed.contains(k)) {
        std::string shown = k.substr(0, 60);
        return core::InvalidArgument(Name(shown), "unknown field " + Name(shown));
      }
    }
    return {};
  }
  const Json* Find(const char* k) const {
    auto it = j.find(k);
    return it == j.end() || it->is_null() ? nullptr : &*it;
  }
  core::Status Str(const char* k, std::string& out) const {
    const Json* v = Find(k);
    if (!v) return {};
    if (!v->is_string()) return core::InvalidArgument(Name(k), Name(k) + " must be a string");
    out = v->get<std::string>();
    return {};
  }
  core::Status Bool(const char* k, bool& out) const {
    const Json* v = Find(k);
    if (!v) return {};
    if (!v->is_boolean()) return core::InvalidArgument(Name(k), Name(k) + " must be true or false");
    out = v->get<bool>();
    return {};
  }
  core::Status OptBool(const char* k, std::optional<bool>& out) const {
    bool b = false;
    TRY(Bool(k, b));
    if (Find(k)) out = b;
    return {};
  }
  core::Status Number(const char* k, std::optional<double>& out) const {
    const Json* v = Find(k);
    if (!v) return {};
    if (!v->is_number()) return core::InvalidArgument(Name(k), Name(k) + " must be a number");
    out = v->get<double>();
    return {};
  }
  core::Status Strings(const char* k, std::vector<std::string>& out) const {
    const Json* v = Find(k);
    if (!v) return {};
    if (!v->is_array())
      return core::InvalidArgument(Name(k), Name(k) + " must be a list of strings");
    out.clear();
    for (size_t i = 0; i < v->size(); ++i) {
      if (!(*v)[i].is_string()) {
        std::string f = Name(k) + "[" + std::to_string(i) + "]";
        return core::InvalidArgument(f, f + " must be a string");
      }
      out.push_back((*v)[i].get<std::string>());
    }
    return {};
  }
  // Calls read(Reader for element i, i) for each element of the array `k`.
  template <typename F>
  core::Status Each(const char* k, F read) const {
    const Json* v = Find(k);
    if (!v) return {};
    if (!v->is_array()) return core::InvalidArgument(Name(k), Name(k) + " must be a list");
    for (size_t i = 0; i < v->size(); ++i) {
      TRY(read(Reader{(*v)[i], Name(k) + "[" + std::to_string(i) + "]"}));
    }
    return {};
  }
  // A nested object member, read by read(Reader); absent or null is skipped.
  template <typename F>
  core::Status Object(const char* k, F read) const {
    const Json* v = Find(k);
    if (!v) return {};
    return read(Reader{*v, Name(k)});
  }
};

core::Status ReadVaccine(const Reader& r, std::vector<core::VaccineEntry>& out) {
  TRY(r.Known({"vaccine", "kind", "date", "result"}));
  core::VaccineEntry v;
  TRY(r.Str("vaccine", v.vaccine));
  TRY(r.Str("kind", v.kind));
  TRY(r.Str("date", v.date));
  TRY(r.Str("result", v.result));
  out.push_back(std::move(v));
  return {};
}

Json ScoreJson(const std::optional<double>& score) {
  if (!score) return nullptr;
  double s = *score;
  if (std::isfinite(s) && s == std::trunc(s) && std::fabs(s) < 9e15) return static_cast<int64_t>(s);
  return s;
}

}  // namespace

core::Result<core::Profile> ProfileFromJson(const Json& j) {
  core::Profile p;
  Reader r{j, "", "profile"};
  TRY(r.Known({"legal_name", "preferred_name", "passport_name", "passport_number", "date_of_birth", "citizenship",
               "country_of_residence", "phone", "address", "school", "status", "exams", "ecfmg",
               "visa", "languages", "experiences", "specialty_interests", "personal_statement"}));
  TRY(r.Str("legal_name", p.legal_name));
  TRY(r.Str("preferred_name", p.preferred_name));
  TRY(r.Str("passport_name", p.passport_name));
  TRY(r.Str("passport_number", p.passport_number));
  TRY(r.Str("date_of_birth", p.date_of_birth));
  TRY(r.Str("citizenship", p.citizenship));
  TRY(r.Str("country_of_residence", p.country_of_residence));
  TRY(r.Str("phone", p.phone));
  TRY(r.Str("address", p.address));
  TRY(r.Object("school", [&](const Reader& s) -> core::Status {
    TRY(s.Known({"name", "country", "graduation_date", "degree"}));
    TRY(s.Str("name", p.school.name));
    TRY(s.Str("country", p.school.country));
    TRY(s.Str("graduation_date", p.school.graduation_date));
    TRY(s.Str("degree", p.school.degree));
    return {};
  }));
  TRY(r.Str("status", p.status));
  TRY(r.Each("exams", [&](const Reader& e) -> core::Status {
    TRY(e.Known({"exam", "result", "score", "date"}));
    core::ExamResult x;
    TRY(e.Str("exam", x.exam));
    TRY(e.Str("result", x.result));
    TRY(e.Number("score", x.score));
    TRY(e.Str("date", x.date));
    p.exams.push_back(std::move(x));
    return {};
  }));
  TRY(r.Object("ecfmg", [&](const Reader& e) -> core::Status {
    TRY(e.Known({"status", "number"}));
    TRY(e.Str("status", p.ecfmg.status));
    TRY(e.Str("number", p.ecfmg.number));
    return {};
  }));
  TRY(r.Object("visa", [&](const Reader& v) -> core::Status {
    TRY(v.Known({"current", "needs_visa"}));
    TRY(v.Str("current", p.visa.current));
    TRY(v.OptBool("needs_visa", p.visa.needs_visa));
    return {};
  }));
  TRY(r.Each("languages", [&](const Reader& l) -> core::Status {
    TRY(l.Known({"language", "level"}));
    core::Language x;
    TRY(l.Str("language", x.language));
    TRY(l.Str("level", x.level));
    p.languages.push_back(std::move(x));
    return {};
  }));
  TRY(r.Each("experiences", [&](const Reader& e) -> core::Status {
    TRY(e.Known({"kind", "title", "organization", "specialty", "city", "country", "start", "end",
                 "hands_on", "us_clinical", "description"}));
    core::Experience x;
    TRY(e.Str("kind", x.kind));
    TRY(e.Str("title", x.title));
    TRY(e.Str("organization", x.organization));
    TRY(e.Str("specialty", x.specialty));
    TRY(e.Str("city", x.city));
    TRY(e.Str("country", x.country));
    TRY(e.Str("start", x.start));
    TRY(e.Str("end", x.end));
    TRY(e.Bool("hands_on", x.hands_on));
    TRY(e.Bool("us_clinical", x.us_clinical));
    TRY(e.Str("description", x.description));
    p.experiences.push_back(std::move(x));
    return {};
  }));
  TRY(r.Strings("specialty_interests", p.specialty_interests));
  TRY(r.Str("personal_statement", p.personal_statement));
  return p;
}

Json ProfileToJson(const core::Profile& p) {
  Json exams = Json::array();
  for (const auto& e : p.exams) {
    exams.push_back(
        {{"exam", e.exam}, {"result", e.result}, {"score", ScoreJson(e.score)}, {"date", e.date}});
  }
  Json languages = Json::array();
  for (const auto& l : p.languages)
    languages.push_back({{"language", l.language}, {"level", l.level}});
  Json experiences = Json::array();
  for (const auto& x : p.experiences) {
    experiences.push_back({{"kind", x.kind},
                           {"title", x.title},
                           {"organization", x.organization},
                           {"specialty", x.specialty},
                           {"city", x.city},
                           {"country", x.country},
                           {"start", x.start},
                           {"end", x.end},
                           {"hands_on", x.hands_on},
                           {"us_clinical", x.us_clinical},
                           {"description", x.description}});
  }
  Json needs_visa = p.visa.needs_visa ? Json(*p.visa.needs_visa) : Json(nullptr);
  return Json{{"legal_name", p.legal_name},
              {"preferred_name", p.preferred_name},
              {"passport_name", p.passport_name},
              {"passport_number", p.passport_number},
              {"date_of_birth", p.date_of_birth},
              {"citizenship", p.citizenship},
              {"country_of_residence", p.country_of_residence},
              {"phone", p.phone},
              {"address", p.address},
              {"school",
               {{"name", p.school.name},
                {"country", p.school.country},
                {"graduation_date", p.school.graduation_date},
                {"degree", p.school.degree}}},
              {"status", p.status},
              {"exams", exams},
              {"ecfmg", {{"status", p.ecfmg.status}, {"number", p.ecfmg.number}}},
              {"visa", {{"current", p.visa.current}, {"needs_visa", needs_visa}}},
              {"languages", languages},
              {"experiences", experiences},
              {"specialty_interests", p.specialty_interests},
              {"personal_statement", p.personal_statement}};
}

core::Result<DocumentRequest> DocumentMetaFromJson(const Json& j, bool new_document) {
  DocumentRequest req;
  Reader r{j, ""};
  if (new_document) {
    TRY(r.Known({"upload_id", "type", "title", "issued_on", "expires_on", "vaccines"}));
  } else {
    TRY(r.Known({"upload_id", "issued_on", "expires_on", "vaccines"}));
  }
  TRY(r.Str("upload_id", req.upload_id));
  if (req.upload_id.empty()) return core::InvalidArgument("upload_id", "upload_id is required");
  TRY(r.Str("type", req.meta.type));
  TRY(r.Str("title", req.meta.title));
  TRY(r.Str("issued_on", req.meta.issued_on));
  TRY(r.Str("expires_on", req.meta.expires_on));
  TRY(r.Each("vaccines", [&](const Reader& v) { return ReadVaccine(v, req.meta.vaccines); }));
  return req;
}

Json VaccinesToJson(const std::vector<core::VaccineEntry>& vaccines) {
  Json out = Json::array();
  for (const auto& v : vaccines) {
    Json e = {{"vaccine", v.vaccine}, {"kind", v.kind}, {"date", v.date}};
    if (!v.result.empty()) e["result"] = v.result;
    out.push_back(std::move(e));
  }
  return out;
}

core::Result<std::vector<core::VaccineEntry>> VaccinesFromJson(const Json& j) {
  std::vector<core::VaccineEntry> out;
  if (j.is_null()) return out;
  Json wrapper = {{"vaccines", j}};
  Reader r{wrapper, ""};
  TRY(r.Each("vaccines", [&](const Reader& v) { return ReadVaccine(v, out); }));
  return out;
}

}  // namespace clerkship::services
