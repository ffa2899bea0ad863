#include "core/catalog_csv.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/text.h"

namespace clerkship::core {

const std::vector<std::string> kCatalogCsvColumns = {"offering_ref",
                                                     "status",
                                                     "title",
                                                     "specialty",
                                                     "type",
                                                     "hands_on",
                                                     "description",
                                                     "site",
                                                     "city",
                                                     "state",
                                                     "country",
                                                     "duration_weeks",
                                                     "students",
                                                     "graduates",
                                                     "max_years_since_graduation",
                                                     "required_exams",
                                                     "ecfmg_required",
                                                     "visas_accepted",
                                                     "english",
                                                     "required_documents",
                                                     "fees",
                                                     "currency",
                                                     "refund_policy",
                                                     "emr_access",
                                                     "setting",
                                                     "letter_usually",
                                                     "teaching_affiliation",
                                                     "housing_help",
                                                     "visa_letter",
                                                     "contact_name",
                                                     "contact_email",
                                                     "block_id",
                                                     "start_date",
                                                     "end_date",
                                                     "seats",
                                                     "opens_on",
                                                     "deadline"};

const std::vector<std::string> kCatalogCsvRequiredColumns = {
    "offering_ref", "title",    "specialty", "type",     "city",    "country",
    "start_date",   "end_date", "seats",     "opens_on", "deadline"};

const std::vector<std::string> kCatalogCsvBlockColumns = {"block_id", "start_date", "end_date",
                                                          "seats",    "opens_on",   "deadline"};

namespace {

const char* YesNo(bool b) { return b ? "yes" : "no"; }

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ':') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// Splits on unescaped `sep` (at most `max_parts` parts; the last takes the
// rest). Escapes are kept; Unescape removes them afterwards.
std::vector<std::string> SplitRaw(const std::string& s, char sep, size_t max_parts = 0) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      out.back() += s.substr(i, 2);
      ++i;
    } else if (s[i] == sep && (max_parts == 0 || out.size() < max_parts)) {
      out.emplace_back();
    } else {
      out.back().push_back(s[i]);
    }
  }
  return out;
}

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) ++i;
    out.push_back(s[i]);
  }
  return out;
}

// The non-empty trimmed items of a ';' list.
std::vector<std::string> Items(const std::string& text) {
  std::vector<std::string> out;
  for (auto& raw : SplitRaw(text, ';')) {
    std::string t = Trim(raw);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

bool ParseInt(const std::string& text, long long& out) {
  std::string t = Trim(text);
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  return !t.empty() && ec == std::errc() && p == t.data() + t.size();
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

std::string FormatAmount(int64_t cents) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return buf;
}

Result<int64_t> ParseAmount(const std::string& text) {
  std::string t = Trim(text);
  auto dot = t.find('.');
  std::string whole = t.substr(0, dot), frac = dot == std::string::npos ? "" : t.substr(dot + 1);
  auto digits = [](const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || whole.size() > 9 || !digits(whole) || frac.size() > 2 || !digits(frac) ||
      (dot != std::string::npos && frac.empty())) {
    return InvalidArgument(
        "fees",
        "amount \"" + t.substr(0, 40) +
            "\" must be a number such as 75 or 2500.00 (no currency sign, no thousands separator)");
  }
  while (frac.size() < 2) frac.push_back('0');
  return std::stoll(whole) * 100 + std::stoll(frac);
}

std::string FormatCodeList(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : "; ") + c;
  return out;
}

std::string FormatDocuments(const std::vector<RequiredDocument>& docs) {
  std::string out;
  for (const auto& d : docs) {
    out += (out.empty() ? "" : "; ") + d.type;
    if (d.count != 1) out += ":" + std::to_string(d.count);
  }
  return out;
}

std::string FormatFees(const std::vector<Fee>& fees) {
  std::string out;
  for (const auto& f : fees) {
    out +=
        (out.empty() ? "" : "; ") + f.kind + ":" + f.category + ":" + FormatAmount(f.amount_cents);
    if (!f.label.empty()) out += ":" + Escape(f.label);
  }
  return out;
}

Result<std::vector<std::string>> ParseCodeList(const std::string& text, const std::string& column) {
  std::vector<std::string> out;
  for (auto& item : Items(text)) {
    if (item.find(':') != std::string::npos || item.find(' ') != std::string::npos) {
      return InvalidArgument(column,
                             "\"" + item.substr(0, 40) + "\" is not a code; separate codes with ;");
    }
    out.push_back(Lower(Unescape(item)));
  }
  return out;
}

Result<std::vector<RequiredDocument>> ParseDocuments(const std::string& text) {
  std::vector<RequiredDocument> out;
  for (auto& item : Items(text)) {
    auto parts = SplitRaw(item, ':');
    if (parts.size() > 2)
      return InvalidArgument(
          "required_documents",
          "write a document as type or type:count, e.g. letter_of_recommendation:2");
    RequiredDocument d{Lower(Trim(Unescape(parts[0]))), 1};
    if (parts.size() == 2) {
      long long n = 0;
      if (!ParseInt(parts[1], n) || n < 1 || n > 100) {
        return InvalidArgument("required_documents", "the count after " + d.type.substr(0, 40) +
                                                         ": must be a whole number");
      }
      d.count = static_cast<int>(n);
    }
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<Fee>> ParseFees(const std::string& text) {
  std::vector<Fee> out;
  for (auto& item : Items(text)) {
    auto parts = SplitRaw(item, ':', 4);
    if (parts.size() < 3) {
      return InvalidArgument(
          "fees", "write a fee as kind:category:amount[:label], e.g. application:all:75.00");
    }
    Fee f;
    f.kind = Lower(Trim(Unescape(parts[0])));
    f.category = Lower(Trim(Unescape(parts[1])));
    auto amount = ParseAmount(Unescape(parts[2]));
    if (!amount) return std::unexpected(amount.error());
    f.amount_cents = *amount;
    if (parts.size() == 4) f.label = Trim(Unescape(parts[3]));
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string> CatalogCsvRow(const std::string& offering_ref, const std::string& status,
                                       const OfferingDraft& d, const Block* b) {
  const auto& e = d.eligibility;
  std::vector<std::string> row = {offering_ref,
                                  status,
                                  d.title,
                                  d.specialty,
                                  d.type,
                                  YesNo(d.hands_on),
                                  d.description,
                                  d.site,
                                  d.city,
                                  d.state,
                                  d.country,
                                  std::to_string(d.duration_weeks),
                                  YesNo(e.students),
                                  YesNo(e.graduates),
                                  std::to_string(e.max_years_since_graduation),
                                  FormatCodeList(e.required_exams),
                                  YesNo(e.ecfmg_required),
                                  FormatCodeList(e.visas_accepted),
                                  e.english,
                                  FormatDocuments(d.required_documents),
                                  FormatFees(d.fees),
                                  d.currency,
                                  d.refund_policy,
                                  YesNo(d.emr_access),
                                  d.setting,
                                  YesNo(d.letter_usually),
                                  d.teaching_affiliation,
                                  YesNo(d.housing_help),
                                  YesNo(d.visa_letter),
                                  d.contact_name,
                                  d.contact_email};
  if (b) {
    for (const std::string& v :
         {b->id, b->draft.start_date, b->draft.end_date, std::to_string(b->draft.seats),
          b->draft.opens_on, b->draft.deadline}) {
      row.push_back(v);
    }
  } else {
    row.resize(kCatalogCsvColumns.size());
  }
  return row;
}

std::vector<CsvCellError> ApplyOfferingCells(const std::map<std::string, std::string>& cells,
                                             OfferingDraft& d) {
  std::vector<CsvCellError> errors;
  auto text = [&](const char* col, std::string& out) {
    if (auto it = cells.find(col); it != cells.end()) out = it->second;
  };
  auto trimmed = [&](const char* col, std::string& out) {
    if (auto it = cells.find(col); it != cells.end()) out = Trim(it->second);
  };
  auto code = [&](const char* col, std::string& out) {
    if (auto it = cells.find(col); it != cells.end()) out = Lower(Trim(it->second));
  };
  auto boolean = [&](const char* col, bool& out) {
    auto it = cells.find(col);
    if (it == cells.end()) return;
    std::string v = Lower(Trim(it->second));
    if (v.empty()) return;
    if (v == "yes" || v == "y" || v == "true" || v == "1")
      out = true;
    else if (v == "no" || v == "n" || v == "false" || v == "0")
      out = false;
    else
      errors.push_back({col, std::string(col) + " must be yes or no"});
  };
  auto integer = [&](const char* col, int& out) {
    auto it = cells.find(col);
    if (it == cells.end() || Trim(it->second).empty()) return;
    long long n = 0;
    if (!ParseInt(it->second, n) || n < -1000000 || n > 1000000) {
      errors.push_back({col, std::string(col) + " must be a whole number"});
    } else {
      out = static_cast<int>(n);
    }
  };
  auto codes = [&](const char* col, std::vector<std::string>& out) {
    auto it = cells.find(col);
    if (it == cells.end()) return;
    auto r = ParseCodeList(it->second, col);
    if (r)
      out = *r;
    else
      errors.push_back({col, r.error().message});
  };
  trimmed("title", d.title);
  code("specialty", d.specialty);
  code("type", d.type);
  bool hands_on_given = cells.contains("hands_on") && !Trim(cells.at("hands_on")).empty();
  boolean("hands_on", d.hands_on);
  if (d.type == "observership" && !hands_on_given) d.hands_on = false;
  text("description", d.description);
  trimmed("site", d.site);
  trimmed("city", d.city);
  trimmed("state", d.state);
  trimmed("country", d.country);
  integer("duration_weeks", d.duration_weeks);
  auto& e = d.eligibility;
  boolean("students", e.students);
  boolean("graduates", e.graduates);
  integer("max_years_since_graduation", e.max_years_since_graduation);
  codes("required_exams", e.required_exams);
  boolean("ecfmg_required", e.ecfmg_required);
  codes("visas_accepted", e.visas_accepted);
  trimmed("english", e.english);
  if (auto it = cells.find("required_documents"); it != cells.end()) {
    auto r = ParseDocuments(it->second);
    if (r)
      d.required_documents = *r;
    else
      errors.push_back({"required_documents", r.error().message});
  }
  if (auto it = cells.find("fees"); it != cells.end()) {
    auto r = ParseFees(it->second);
    if (r)
      d.fees = *r;
    else
      errors.push_back({"fees", r.error().message});
  }
  if (auto it = cells.find("currency"); it != cells.end() && !Trim(it->second).empty()) {
    d.currency = Trim(it->second);
    std::transform(d.currency.begin(), d.currency.end(), d.currency.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  }
  text("refund_policy", d.refund_policy);
  boolean("emr_access", d.emr_access);
  if (auto it = cells.find("setting"); it != cells.end() && !Trim(it->second).empty())
    d.setting = Lower(Trim(it->second));
  boolean("letter_usually", d.letter_usually);
  trimmed("teaching_affiliation", d.teaching_affiliation);
  boolean("housing_help", d.housing_help);
  boolean("visa_letter", d.visa_letter);
  trimmed("contact_name", d.contact_name);
  trimmed("contact_email", d.contact_email);
  return errors;
}

std::vector<CsvCellError> ReadBlockCells(const std::map<std::string, std::string>& cells,
                                         BlockDraft& b, std::string& block_id, bool& has_block) {
  std::vector<CsvCellError> errors;
  auto get = [&](const char* col) {
    auto it = cells.find(col);
    return it == cells.end() ? std::string() : Trim(it->second);
  };
  has_block = false;
  for (const auto& col : kCatalogCsvBlockColumns)
    has_block = has_block || !get(col.c_str()).empty();
  if (!has_block) return errors;
  block_id = get("block_id");
  b.start_date = get("start_date");
  b.end_date = get("end_date");
  b.opens_on = get("opens_on");
  b.deadline = get("deadline");
  long long seats = 0;
  if (!ParseInt(get("seats"), seats) || seats < -1000000 || seats > 1000000) {
    errors.push_back({"seats", "seats must be a whole number"});
  } else {
    b.seats = static_cast<int>(seats);
  }
  for (const char* col : {"start_date", "end_date", "opens_on", "deadline"}) {
    std::string v = get(col);
    if (!IsIsoDate(v)) {
      errors.push_back({col, std::string(col) + " \"" + v.substr(0, 20) +
                                 "\" must be a date written YYYY-MM-DD"});
    }
  }
  return errors;
}

std::string CatalogCsvColumnFor(const std::string& field) {
  std::string f = field;
  if (f.starts_with("eligibility.")) f = f.substr(12);
  auto cut = f.find_first_of("[.");
  return cut == std::string::npos ? f : f.substr(0, cut);
}

}  // namespace clerkship::core
