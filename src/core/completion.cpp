#include "core/completion.h"

#include <cmath>
#include <set>

#include "core/csv.h"
#include "core/dates.h"

namespace clerkship::core {

// ---- placements

const std::vector<PlacementMove>& PlacementMoves() {
  static const std::vector<PlacementMove> kMoves = {
      {"scheduled", "in_progress"},   {"in_progress", "completed"}, {"in_progress", "incomplete"},
      {"scheduled", "cancelled"},     {"in_progress", "cancelled"},
  };
  return kMoves;
}

bool IsPlacementStatus(const std::string& s) {
  return s == "scheduled" || s == "in_progress" || s == "completed" || s == "incomplete" || s == "cancelled";
}

Status CheckPlacementMove(const std::string& from, const std::string& to) {
  if (!IsPlacementStatus(to)) {
    return InvalidArgument("status", "status is one of in_progress, completed, incomplete, cancelled");
  }
  for (const auto& m : PlacementMoves()) {
    if (from == m.from && to == m.to) return {};
  }
  return Conflict("a placement that is " + from + " cannot become " + to);
}

// ---- evaluation

std::vector<Competency> Competencies(bool hands_on) {
  std::vector<Competency> c;
  if (hands_on) {
    c.push_back({"patient_care", "Patient care",
                 "Gathers information, examines, and carries out care plans for patients under supervision"});
  } else {
    c.push_back({"patient_care_observed", "Patient care (observed)",
                 "Understands and can explain the care the student observed; an observer does not treat patients"});
  }
  c.push_back({"medical_knowledge", "Medical knowledge",
               "Applies biomedical and clinical knowledge to the cases " +
                   std::string(hands_on ? "they managed" : "they observed")});
  c.push_back({"practice_based_learning", "Practice-based learning and improvement",
               "Seeks feedback, finds and appraises evidence, and improves"});
  c.push_back({"interpersonal_communication", "Interpersonal and communication skills",
               hands_on ? "Communicates clearly with patients, families and the team"
                        : "Communicates clearly with the team and, where appropriate, with patients"});
  c.push_back({"professionalism", "Professionalism",
               "Punctual, reliable, honest; respects patients' privacy and dignity"});
  c.push_back({"systems_based_practice", "Systems-based practice",
               "Understands how the U.S. health system, teams and resources shape care"});
  return c;
}

const std::vector<ScaleLevel>& EvaluationScale() {
  static const std::vector<ScaleLevel> kScale = {
      {1, "Below expectations", "Needs direct supervision for basic tasks; significant gaps to address"},
      {2, "Approaching expectations", "Performs basic tasks with frequent prompting; some gaps"},
      {3, "Meets expectations", "Performs as expected of a student at this stage, with routine supervision"},
      {4, "Exceeds expectations", "Performs reliably with little prompting; shows initiative"},
      {5, "Outstanding", "Performs at the level of an early resident; among the best students supervised"},
  };
  return kScale;
}

Status ValidateEvaluation(const EvaluationDraft& d, bool hands_on, bool submitting) {
  auto comps = Competencies(hands_on);
  std::set<std::string> keys;
  for (const auto& c : comps) keys.insert(c.key);
  for (const auto& [key, value] : d.ratings) {
    if (!hands_on && key == "patient_care") {
      return InvalidArgument("ratings.patient_care",
                             "an observership evaluation does not rate patient care performed; rate "
                             "patient_care_observed (the care the student observed)");
    }
    if (hands_on && key == "patient_care_observed") {
      return InvalidArgument("ratings.patient_care_observed",
                             "a hands-on rotation rates patient care performed (patient_care)");
    }
    if (!keys.contains(key)) return InvalidArgument("ratings." + key, "not a competency of this evaluation");
    if (value < 1 || value > 5) return InvalidArgument("ratings." + key, "a rating is from 1 to 5");
  }
  if (d.comments.size() > 5000) return InvalidArgument("comments", "comments are at most 5000 characters");
  if (submitting) {
    for (const auto& c : comps) {
      if (!d.ratings.contains(c.key)) return InvalidArgument("ratings." + c.key, "rate " + c.label + " before submitting");
    }
    bool blank = d.comments.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank) return InvalidArgument("comments", "write narrative comments before submitting");
  }
  return {};
}

// ---- attendance

Result<AttendanceSummary> ValidateAttendance(const std::vector<AttendanceDay>& days, const std::string& start,
                                             const std::string& end) {
  if (days.size() > 400) return InvalidArgument("days", "at most 400 days");
  AttendanceSummary s;
  std::set<std::string> seen;
  for (size_t i = 0; i < days.size(); ++i) {
    const auto& d = days[i];
    std::string at = "days[" + std::to_string(i) + "].";
    if (!IsCalendarDate(d.date)) return InvalidArgument(at + "date", "a date is written YYYY-MM-DD");
    if (d.date < start || d.date > end) {
      return InvalidArgument(at + "date", d.date + " is outside the placement (" + start + " to " + end + ")");
    }
    if (!seen.insert(d.date).second) return InvalidArgument(at + "date", d.date + " is listed twice");
    if (d.status == "present") {
      ++s.present;
    } else if (d.status == "absent") {
      ++s.absent;
    } else {
      return InvalidArgument(at + "status", "status is present or absent");
    }
    if (d.note.size() > 200) return InvalidArgument(at + "note", "a note is at most 200 characters");
  }
  return s;
}

// ---- certificate codes

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base 32

int SymbolValue(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') c = '0';
  if (c == 'I' || c == 'L') c = '1';
  for (int i = 0; i < 32; ++i) {
    if (kAlphabet[i] == c) return i;
  }
  return -1;
}

// Luhn mod 32: catches every single-symbol error and every swap of two
// different neighbours except "0Z" ↔ "Z0" (the one pair Luhn mod N misses).
int CheckValue(const std::vector<int>& data) {
  int factor = 2, sum = 0;
  for (auto it = data.rbegin(); it != data.rend(); ++it) {
    int addend = factor * *it;
    factor = factor == 2 ? 1 : 2;
    sum += addend / 32 + addend % 32;
  }
  return (32 - sum % 32) % 32;
}

std::string Format(const std::vector<int>& data, int check) {
  std::string s = "CLK-";
  for (int i = 0; i < 9; ++i) {
    if (i == 4 || i == 8) s += '-';
    s += kAlphabet[data[i]];
  }
  s += kAlphabet[check];
  return s;
}

}  // namespace

std::string CertificateCode(uint64_t random) {
  std::vector<int> data;
  for (int i = 0; i < 9; ++i) {
    data.push_back(static_cast<int>(random & 31));
    random >>= 5;
  }
  return Format(data, CheckValue(data));
}

Result<std::string> ParseCertificateCode(const std::string& text) {
  std::string s;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    s += c;
  }
  if (s.size() >= 3 && (s.substr(0, 3) == "CLK" || s.substr(0, 3) == "clk" || s.substr(0, 3) == "Clk")) s = s.substr(3);
  if (s.size() != 10) return InvalidArgument("code", "a certificate code looks like CLK-7Q4M-XR2P-9D");
  std::vector<int> data;
  for (char c : s) {
    int v = SymbolValue(c);
    if (v < 0) return InvalidArgument("code", "a certificate code uses only the letters and digits printed on it");
    data.push_back(v);
  }
  int check = data.back();
  data.pop_back();
  if (CheckValue(data) != check) {
    return InvalidArgument("code", "this code has a typo (its check symbol does not match); compare it with the certificate");
  }
  return Format(data, check);
}

// ---- feedback

const std::vector<FeedbackQuestion>& FeedbackQuestions() {
  static const std::vector<FeedbackQuestion> kQuestions = {
      {"teaching", "Quality of teaching"},
      {"supervision", "Supervision and feedback"},
      {"organisation", "Organisation and onboarding"},
      {"overall", "Overall experience"},
  };
  return kQuestions;
}

Status ValidateFeedback(const FeedbackDraft& d) {
  for (const auto& [key, v] : d.ratings) {
    bool known = false;
    for (const auto& q : FeedbackQuestions()) known = known || q.key == key;
    if (!known) return InvalidArgument("ratings." + key, "not a question of the rotation evaluation");
    if (v < 1 || v > 5) return InvalidArgument("ratings." + key, "a rating is from 1 to 5");
  }
  for (const auto& q : FeedbackQuestions()) {
    if (!d.ratings.contains(q.key)) return InvalidArgument("ratings." + q.key, "rate " + q.label);
  }
  if (d.comment.size() > 2000) return InvalidArgument("comment", "a comment is at most 2000 characters");
  return {};
}

std::optional<FeedbackSummary> AggregateFeedback(const std::vector<std::map<std::string, int>>& responses) {
  if (static_cast<int>(responses.size()) < kMinFeedbackResponses) return std::nullopt;
  FeedbackSummary s;
  s.responses = static_cast<int>(responses.size());
  for (const auto& q : FeedbackQuestions()) {
    int sum = 0, n = 0;
    for (const auto& r : responses) {
      auto it = r.find(q.key);
      if (it == r.end()) continue;
      sum += it->second;
      ++n;
    }
    if (n > 0) s.averages[q.key] = std::round(10.0 * sum / n) / 10.0;
  }
  return s;
}

// ---- ERAS

int RotationWeeks(const std::string& start, const std::string& end) {
  auto days = DaysBetween(start, end);
  if (!days || *days < 0) return 1;
  int weeks = (*days + 1 + 3) / 7;  // 4 weeks minus a weekend still counts as 4
  return weeks < 1 ? 1 : weeks;
}

ErasEntry ToErasEntry(const RotationRecord& r) {
  ErasEntry e;
  e.organization = r.institution_place.empty() ? r.institution : r.institution + ", " + r.institution_place;
  std::string kind = r.rotation_type == "sub_internship" ? "Sub-internship"
                     : r.rotation_type == "core"         ? "Core clerkship"
                     : r.rotation_type == "observership" ? "Observership"
                                                         : "Clinical elective";
  e.position = kind + " — " + (r.specialty.empty() ? r.rotation_title : r.specialty);
  e.start_date = r.start_date;
  e.end_date = r.end_date;
  e.weeks = RotationWeeks(r.start_date, r.end_date);
  e.hours_per_week = 40;
  e.supervisor = r.preceptor;
  e.experience_type = r.hands_on ? "hands-on" : "observership";
  e.verification_code = r.verification_code;
  std::string d = r.rotation_title + " (" + std::to_string(e.weeks) + " weeks, " + e.experience_type + ")";
  d += r.hands_on ? ": hands-on clinical experience in " : ": observed patient care in ";
  d += (r.specialty.empty() ? r.rotation_title : r.specialty) + " at " + r.institution;
  if (!r.preceptor.empty()) d += ", supervised by " + r.preceptor;
  d += ".";
  if (r.days_present > 0) d += " Attendance: " + std::to_string(r.days_present) + " days present.";
  if (!r.verification_code.empty()) d += " Verification code " + r.verification_code + ".";
  e.description = d;
  return e;
}

std::string ErasCsv(const std::vector<ErasEntry>& entries) {
  std::string out = CsvLine({"organization", "position", "start_date", "end_date", "weeks", "hours_per_week",
                             "supervisor", "description", "experience_type", "verification_code"});
  for (const auto& e : entries) {
    out += CsvLine({e.organization, e.position, e.start_date, e.end_date, std::to_string(e.weeks),
                    std::to_string(e.hours_per_week), e.supervisor, e.description, e.experience_type,
                    e.verification_code});
  }
  return out;
}

}  // namespace clerkship::core
