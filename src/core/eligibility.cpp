#include "core/eligibility.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

namespace clerkship::core {
namespace {

std::string ExamLabel(const std::string& code) {
  static const std::map<std::string, std::string> k = {
      {"usmle_step1", "USMLE Step 1"}, {"usmle_step2ck", "USMLE Step 2 CK"}, {"usmle_step3", "USMLE Step 3"},
      {"oet", "OET"},                  {"toefl", "TOEFL"},                   {"ielts", "IELTS"}};
  auto it = k.find(code);
  return it == k.end() ? code : it->second;
}

std::string VisaLabel(const std::string& code) {
  static const std::map<std::string, std::string> k = {
      {"b1_b2", "B-1/B-2"}, {"j1", "J-1"},   {"f1", "F-1"},
      {"h1b", "H-1B"},      {"esta", "ESTA"}, {"us_citizen_or_resident", "U.S. citizen or resident"},
      {"other", "other"}};
  auto it = k.find(code);
  return it == k.end() ? code : it->second;
}

std::string Join(const std::vector<std::string>& parts, const std::string& last_sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? last_sep : ", ";
    out += parts[i];
  }
  return out;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string Trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

// 7 → "7", 7.5 → "7.5" (IELTS half bands).
std::string Score(double v) {
  long tenths = std::lround(v * 10);
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10 != 0) s += "." + std::to_string(std::labs(tenths % 10));
  return s;
}

// A passed exam: "pass", or a reported score (score-only exams such as
// TOEFL, IELTS and OET; the offering's minimum is in its own wording).
bool Passed(const ExamResult& r) { return r.result == "pass" || r.result == "score"; }

const ExamResult* FindExam(const Profile& p, const std::string& code) {
  const ExamResult* best = nullptr;
  for (const auto& r : p.exams) {
    if (r.exam != code) continue;
    if (Passed(r)) return &r;
    if (!best) best = &r;
  }
  return best;
}

}  // namespace

std::vector<EligibilityCheck> EvaluateEligibility(const Eligibility& e, const Profile& p, const std::string& today) {
  std::vector<EligibilityCheck> out;
  const std::string status = Trim(p.status);

  if (!e.students || !e.graduates) {
    EligibilityCheck c{"applicant_status", false, "", "", "status"};
    c.requirement = e.students && !e.graduates   ? "Current medical students only."
                    : !e.students && e.graduates ? "Graduates only."
                                                 : "Nobody may apply at present.";
    if (status.empty()) {
      c.reason = "Your profile does not say whether you are a student or a graduate.";
    } else if (status == "student") {
      c.met = e.students;
      c.reason = c.met ? "You are a current student." : "You are a current student; this offering takes graduates only.";
    } else {
      c.met = e.graduates;
      c.reason = c.met ? "You are a graduate." : "You are a graduate; this offering takes current students only.";
    }
    out.push_back(std::move(c));
  }

  if (e.max_years_since_graduation > 0) {
    int n = e.max_years_since_graduation;
    EligibilityCheck c{"years_since_graduation", false, "", "", "school.graduation_date"};
    c.requirement = "Graduated at most " + std::to_string(n) + (n == 1 ? " year" : " years") + " ago.";
    const std::string& g = p.school.graduation_date;
    if (status == "student") {
      c.met = true;
      c.reason = "Applies to graduates; you are a current student.";
    } else if (status.empty()) {
      c.reason = "Your profile does not say whether you are a student or a graduate.";
      c.profile_field = "status";
    } else if (!IsDate(g) || !IsDate(today)) {
      c.reason = "Your profile has no graduation date.";
    } else {
      // Within n years: on or before the n-th anniversary of graduation.
      std::string limit = std::to_string(std::stoi(g.substr(0, 4)) + n) + g.substr(4);
      c.met = today <= limit;
      c.reason = c.met ? "You graduated on " + g + "."
                       : "You graduated on " + g + ", more than " + std::to_string(n) +
                             (n == 1 ? " year" : " years") + " ago.";
    }
    out.push_back(std::move(c));
  }

  for (const auto& code : e.required_exams) {
    EligibilityCheck c{"exam:" + code, false, ExamLabel(code) + " passed.", "", "exams"};
    const ExamResult* r = FindExam(p, code);
    if (!r) {
      c.reason = ExamLabel(code) + " is not in your profile.";
    } else if (Passed(*r)) {
      c.met = true;
      c.reason = r->result == "score" && r->score ? ExamLabel(code) + ": score " + Score(*r->score) + "."
                                                  : ExamLabel(code) + ": passed.";
    } else if (r->result == "fail") {
      c.reason = "Your profile says you did not pass " + ExamLabel(code) + ".";
    } else {
      c.reason = "Your " + ExamLabel(code) + " result is pending.";
    }
    out.push_back(std::move(c));
  }

  if (e.ecfmg_required) {
    EligibilityCheck c{"ecfmg", false, "ECFMG certification.", "", "ecfmg.status"};
    if (status == "student" && e.students) {
      // Students cannot be certified before they graduate; an offering that
      // takes students holds only its graduates to the certificate.
      c.met = true;
      c.reason = "Applies to graduates; you are a current student.";
    } else if (p.ecfmg.status == "certified") {
      c.met = true;
      c.reason = "You are ECFMG certified.";
    } else if (p.ecfmg.status == "in_progress") {
      c.reason = "Your ECFMG certification is in progress.";
    } else if (p.ecfmg.status == "not_started") {
      c.reason = "You have not started ECFMG certification.";
    } else {
      c.reason = "Your profile does not state your ECFMG status.";
    }
    out.push_back(std::move(c));
  }

  if (!e.visas_accepted.empty()) {
    std::vector<std::string> labels;
    for (const auto& v : e.visas_accepted) labels.push_back(VisaLabel(v));
    EligibilityCheck c{"visa", false, "Visa accepted: " + Join(labels, " or ") + ".", "", "visa.current"};
    const std::string& v = p.visa.current;
    bool listed = std::find(e.visas_accepted.begin(), e.visas_accepted.end(), v) != e.visas_accepted.end();
    if (v.empty()) {
      c.reason = "Your profile does not state your visa.";
    } else if (v == "us_citizen_or_resident" || listed) {
      c.met = true;
      c.reason = "Your visa: " + VisaLabel(v) + ".";
    } else {
      c.reason = "Your visa (" + VisaLabel(v) + ") is not one this offering accepts.";
    }
    out.push_back(std::move(c));
  }

  if (!Trim(e.english).empty()) {
    EligibilityCheck c{"english", false, "English proficiency: " + Trim(e.english) + ".", "", "languages"};
    for (const auto& l : p.languages) {
      if (Lower(Trim(l.language)) == "english" && l.level != "basic" && !l.level.empty()) {
        c.met = true;
        c.reason = "English: " + l.level + ".";
        break;
      }
    }
    if (!c.met) {
      for (const char* code : {"oet", "toefl", "ielts"}) {
        const ExamResult* r = FindExam(p, code);
        if (r && Passed(*r)) {
          c.met = true;
          c.reason = ExamLabel(code) + " in your profile.";
          c.profile_field = "exams";
          break;
        }
      }
    }
    if (!c.met) {
      c.reason =
          "Your profile shows neither English at professional level or better nor a passed OET, TOEFL or IELTS.";
    }
    out.push_back(std::move(c));
  }
  return out;
}

bool Eligible(const std::vector<EligibilityCheck>& checks) {
  return std::all_of(checks.begin(), checks.end(), [](const EligibilityCheck& c) { return c.met; });
}

std::vector<SubmitProblem> SubmitProblems(const SubmitFacts& f) {
  std::vector<SubmitProblem> out;
  if (f.letters_required > 0 && f.letters_assigned < f.letters_required) {
    out.push_back({"letters", "This offering asks for " + std::to_string(f.letters_required) +
                                  (f.letters_required == 1 ? " letter" : " letters") +
                                  " of recommendation; " + std::to_string(f.letters_assigned) +
                                  (f.letters_assigned == 1 ? " is" : " are") + " assigned."});
  }
  if (f.cover_letter_required && !f.has_cover_letter) {
    out.push_back({"cover_letter", "This offering asks for a cover letter: write one or upload a PDF."});
  }
  if (f.cv_required && !f.has_cv_choice) {
    out.push_back({"cv", "This offering asks for a CV: choose the one generated from your profile or upload one."});
  }
  std::vector<std::string> reported;
  for (const auto& [start, items] : f.blocks) {
    for (const auto& i : items) {
      if (i.state == kApplication) continue;
      if (i.requirement == "cover_letter" || (f.cv_required && i.requirement == "cv")) continue;
      if (i.state != kMissing && i.state != kRejected && i.state != kExpired) continue;
      if (std::find(reported.begin(), reported.end(), i.requirement) != reported.end()) continue;
      reported.push_back(i.requirement);
      std::string what = i.requirement;
      std::replace(what.begin(), what.end(), '_', ' ');
      std::string message;
      if (i.state == kMissing) {
        message = "Upload your " + what + " to the document vault" +
                  (i.count > 1 ? " (" + std::to_string(i.count) + " needed)." : ".");
      } else if (i.state == kRejected) {
        message = "Your " + what + " was rejected; upload a new one." +
                  (i.reason.empty() ? "" : " " + i.reason);
      } else {
        message = "Your " + what + " has expired before the block starting " + start + "; upload a current one.";
      }
      out.push_back({"documents." + i.requirement, message});
    }
  }
  for (const auto& c : f.eligibility) {
    if (!c.met) out.push_back({"eligibility." + c.rule, c.requirement + " " + c.reason});
  }
  if (f.fee_due) {
    out.push_back({"fee", "This offering has an application fee of " + f.fee_amount +
                              ": pay it and record the payment (method and reference) on this application."});
  }
  return out;
}

}  // namespace clerkship::core
