#include "core/csv.h"

#include "core/text.h"

namespace clerkship::core {
namespace {

bool IsFormulaStart(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// Quotes, then a formula character: "=1", "'=1", "''-2".
bool NeedsGuard(std::string_view v) {
  size_t i = 0;
  while (i < v.size() && v[i] == '\'') ++i;
  return i < v.size() && IsFormulaStart(v[i]);
}

}  // namespace

std::string CsvUnguard(std::string_view value) {
  if (!value.empty() && value[0] == '\'' && NeedsGuard(value)) value.remove_prefix(1);
  return std::string(value);
}

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!IsValidUtf8(text)) {
    // Name the first bad line so the user can find it.
    int line = 1;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n') {
        if (!IsValidUtf8(text.substr(start, i - start))) break;
        ++line;
        start = i + 1;
      }
    }
    return InvalidArgument("body", "line " + std::to_string(line) +
                                       ": the file is not UTF-8 text (save it as CSV UTF-8)");
  }
  std::vector<CsvRecord> out;
  CsvRecord record;
  std::string field;
  int line = 1;
  size_t i = 0;
  const size_t n = text.size();
  bool record_open = false;  // something of the current record has been read
  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
  };
  auto end_record = [&] {
    end_field();
    out.push_back(std::move(record));
    record = CsvRecord{};
    record_open = false;
  };
  while (i < n) {
    if (!record_open) {
      // Skip empty lines between records.
      if (text[i] == '\n' || (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {
        i += text[i] == '\r' ? 2 : 1;
        ++line;
        continue;
      }
      record.line = line;
      record_open = true;
    }
    char c = text[i];
    if (c == '"') {
      if (!field.empty()) {
        return InvalidArgument("body", "line " + std::to_string(line) +
                                           ": a quote inside an unquoted field (enclose the field "
                                           "in quotes and double the quote)");
      }
      int started = line;
      ++i;
      for (;;) {
        if (i >= n) {
          return InvalidArgument(
              "body", "line " + std::to_string(started) + ": a quoted field is never closed");
        }
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field.push_back(text[i]);
        ++i;
      }
      // After the closing quote: a separator, a line end, or the end.
      if (i < n && text[i] != ',' && text[i] != '\n' &&
          !(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') &&
          !(text[i] == '\r' && i + 1 == n)) {
        return InvalidArgument(
            "body", "line " + std::to_string(line) + ": characters after a closing quote");
      }
      // A field that was quoted is never empty-string-ambiguous; mark it read.
      if (i >= n) break;
      continue;
    }
    if (c == ',') {
      end_field();
      ++i;
      continue;
    }
    if (c == '\r' && i + 1 < n && text[i + 1] == '\n') {
      end_record();
      i += 2;
      ++line;
      continue;
    }
    if (c == '\r' && i + 1 == n) {
      ++i;
      continue;
    }
    if (c == '\n') {
      end_record();
      ++i;
      ++line;
      continue;
    }
    field.push_back(c);
    ++i;
  }
  if (record_open) end_record();
  return out;
}

std::string CsvField(std::string_view value, bool guard_formulas) {
  std::string v(value);
  if (guard_formulas && NeedsGuard(v)) v.insert(v.begin(), '\'');
  bool quote = v.find_first_of(",\"\r\n") != std::string::npos ||
               (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields, bool guard_formulas) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    out += CsvField(fields[i], guard_formulas);
  }
  out += "\r\n";
  return out;
}

}  // namespace clerkship::core
