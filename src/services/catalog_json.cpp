#include "services/catalog_json.h"

#include <set>

namespace clerkship::services {
namespace {

struct Reader {
  const Json& j;
  std::string prefix;

  core::Status Known(std::initializer_list<const char*> names) const {
    if (!j.is_object()) return core::InvalidArgument(prefix.empty() ? "body" : prefix, "must be an object");
    std::set<std::string> allowed(names.begin(), names.end());
    for (const auto& [k, _] : j.items()) {
      if (!allowed.contains(k)) return core::InvalidArgument(Name(k.substr(0, 60).c_str()), "unknown field " + k.substr(0, 60));
    }
    return {};
  }
  std::string Name(const char* k) const { return prefix.empty() ? k : prefix + "." + k; }
  core::Status Str(const char* k, std::string& out) const {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_string()) return core::InvalidArgument(Name(k), Name(k) + " must be a string");
    out = it->get<std::string>();
    return {};
  }
  core::Status Bool(const char* k, bool& out) const {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_boolean()) return core::InvalidArgument(Name(k), Name(k) + " must be true or false");
    out = it->get<bool>();
    return {};
  }
  template <typename T>
  core::Status Int(const char* k, T& out) const {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_number_integer()) return core::InvalidArgument(Name(k), Name(k) + " must be a whole number");
    auto v = it->get<int64_t>();
    if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) {
      return core::InvalidArgument(Name(k), Name(k) + " is out of range");
    }
    out = static_cast<T>(v);
    return {};
  }
  core::Status Strings(const char* k, std::vector<std::string>& out) const {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_array() || it->size() > 50) return core::InvalidArgument(Name(k), Name(k) + " must be a list of strings");
    out.clear();
    for (const auto& v : *it) {
      if (!v.is_string()) return core::InvalidArgument(Name(k), Name(k) + " must be a list of strings");
      out.push_back(v.get<std::string>());
    }
    return {};
  }
};

#define TRY(expr)                                                     \
  do {                                                                \
    if (auto _st = (expr); !_st) return std::unexpected(_st.error()); \
  } while (false)

}  // namespace

core::Result<core::OfferingDraft> OfferingDraftFromJson(const Json& j) {
  core::OfferingDraft d;
  Reader r{j, ""};
  TRY(r.Known({"title", "specialty", "type", "hands_on", "description", "site", "city", "state", "country",
               "duration_weeks", "eligibility", "required_documents", "fees", "currency", "refund_policy",
               "emr_access", "setting", "letter_usually", "teaching_affiliation", "housing_help", "visa_letter",
               "contact_name", "contact_email"}));
  TRY(r.Str("title", d.title));
  TRY(r.Str("specialty", d.specialty));
  TRY(r.Str("type", d.type));
  TRY(r.Bool("hands_on", d.hands_on));
  if (d.type == "observership" && !j.contains("hands_on")) d.hands_on = false;
  TRY(r.Str("description", d.description));
  TRY(r.Str("site", d.site));
  TRY(r.Str("city", d.city));
  TRY(r.Str("state", d.state));
  TRY(r.Str("country", d.country));
  TRY(r.Int("duration_weeks", d.duration_weeks));
  if (auto it = j.find("eligibility"); it != j.end() && !it->is_null()) {
    Reader e{*it, "eligibility"};
    TRY(e.Known({"students", "graduates", "max_years_since_graduation", "required_exams", "ecfmg_required",
                 "visas_accepted", "english"}));
    TRY(e.Bool("students", d.eligibility.students));
    TRY(e.Bool("graduates", d.eligibility.graduates));
    TRY(e.Int("max_years_since_graduation", d.eligibility.max_years_since_graduation));
    TRY(e.Strings("required_exams", d.eligibility.required_exams));
    TRY(e.Bool("ecfmg_required", d.eligibility.ecfmg_required));
    TRY(e.Strings("visas_accepted", d.eligibility.visas_accepted));
    TRY(e.Str("english", d.eligibility.english));
  }
  if (auto it = j.find("required_documents"); it != j.end() && !it->is_null()) {
    if (!it->is_array() || it->size() > 30) return core::InvalidArgument("required_documents", "required_documents must be a list");
    for (size_t i = 0; i < it->size(); ++i) {
      Reader doc{(*it)[i], "required_documents[" + std::to_string(i) + "]"};
      TRY(doc.Known({"type", "count"}));
      core::RequiredDocument rd;
      TRY(doc.Str("type", rd.type));
      TRY(doc.Int("count", rd.count));
      d.required_documents.push_back(rd);
    }
  }
  if (auto it = j.find("fees"); it != j.end() && !it->is_null()) {
    if (!it->is_array() || it->size() > 20) return core::InvalidArgument("fees", "fees must be a list");
    for (size_t i = 0; i < it->size(); ++i) {
      Reader fee{(*it)[i], "fees[" + std::to_string(i) + "]"};
      TRY(fee.Known({"kind", "category", "amount_cents", "label"}));
      core::Fee f;
      f.category = "all";
      TRY(fee.Str("kind", f.kind));
      TRY(fee.Str("category", f.category));
      TRY(fee.Int("amount_cents", f.amount_cents));
      TRY(fee.Str("label", f.label));
      d.fees.push_back(f);
    }
  }
  TRY(r.Str("currency", d.currency));
  TRY(r.Str("refund_policy", d.refund_policy));
  TRY(r.Bool("emr_access", d.emr_access));
  TRY(r.Str("setting", d.setting));
  TRY(r.Bool("letter_usually", d.letter_usually));
  TRY(r.Str("teaching_affiliation", d.teaching_affiliation));
  TRY(r.Bool("housing_help", d.housing_help));
  TRY(r.Bool("visa_letter", d.visa_letter));
  TRY(r.Str("contact_name", d.contact_name));
  TRY(r.Str("contact_email", d.contact_email));
  return d;
}

Json OfferingDraftToJson(const core::OfferingDraft& d) {
  Json docs = Json::array();
  for (const auto& rd : d.required_documents) docs.push_back({{"type", rd.type}, {"count", rd.count}});
  Json fees = Json::array();
  for (const auto& f : d.fees) {
    fees.push_back({{"kind", f.kind}, {"category", f.category}, {"amount_cents", f.amount_cents}, {"label", f.label}});
  }
  const auto& e = d.eligibility;
  return Json{{"title", d.title},
              {"specialty", d.specialty},
              {"type", d.type},
              {"hands_on", d.hands_on},
              {"description", d.description},
              {"site", d.site},
              {"city", d.city},
              {"state", d.state},
              {"country", d.country},
              {"duration_weeks", d.duration_weeks},
              {"eligibility",
               {{"students", e.students},
                {"graduates", e.graduates},
                {"max_years_since_graduation", e.max_years_since_graduation},
                {"required_exams", e.required_exams},
                {"ecfmg_required", e.ecfmg_required},
                {"visas_accepted", e.visas_accepted},
                {"english", e.english}}},
              {"required_documents", docs},
              {"fees", fees},
              {"currency", d.currency},
              {"refund_policy", d.refund_policy},
              {"emr_access", d.emr_access},
              {"setting", d.setting},
              {"letter_usually", d.letter_usually},
              {"teaching_affiliation", d.teaching_affiliation},
              {"housing_help", d.housing_help},
              {"visa_letter", d.visa_letter},
              {"contact_name", d.contact_name},
              {"contact_email", d.contact_email}};
}

core::Result<core::BlockDraft> BlockDraftFromJson(const Json& j) {
  core::BlockDraft b;
  Reader r{j, ""};
  TRY(r.Known({"start_date", "end_date", "seats", "opens_on", "deadline"}));
  TRY(r.Str("start_date", b.start_date));
  TRY(r.Str("end_date", b.end_date));
  TRY(r.Int("seats", b.seats));
  TRY(r.Str("opens_on", b.opens_on));
  TRY(r.Str("deadline", b.deadline));
  return b;
}

Json BlockToJson(const core::Block& b) {
  return Json{{"id", b.id},
              {"offering_id", b.offering_id},
              {"start_date", b.draft.start_date},
              {"end_date", b.draft.end_date},
              {"seats", b.draft.seats},
              {"opens_on", b.draft.opens_on},
              {"deadline", b.draft.deadline},
              {"applications", b.applications},
              {"filled", b.filled},
              {"seats_left", std::max(0, b.draft.seats - b.filled)}};
}

std::string DetailsJson(const core::OfferingDraft& d) {
  Json j = OfferingDraftToJson(d);
  for (const char* k : {"title", "specialty", "type", "hands_on", "description", "city", "state", "country",
                        "duration_weeks", "currency"}) {
    j.erase(k);
  }
  return j.dump();
}

}  // namespace clerkship::services
