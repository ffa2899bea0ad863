// RFC 4180 CSV: a strict reader (quotes, doubled quotes, embedded newlines,
// CRLF or LF, a UTF-8 byte-order mark) that reports the line each record
// starts on, and a writer that quotes when needed and guards spreadsheet
// formulas. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace clerkship::core {

struct CsvRecord {
  int line = 0;  // 1-based physical line the record starts on
  std::vector<std::string> fields;
};

// Parses `text` into records. A leading UTF-8 BOM is skipped; a final line
// break is optional; blank lines (no characters at all) are skipped.
// kInvalidArgument (field "body") for invalid UTF-8, a quote inside an
// unquoted field, characters after a closing quote, or an unterminated
// quoted field; the message names the line.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text);

// One field as written: quoted when it holds a comma, quote, CR or LF, or
// leading/trailing spaces. With `guard_formulas`, a field starting with
// = + - @ (or a tab or CR), possibly after single quotes, gets one more
// single quote in front so spreadsheets show it as text instead of running
// it (CsvUnguard undoes exactly that).
std::string CsvField(std::string_view value, bool guard_formulas = true);

// The inverse of the formula guard, for importing: "'=1" → "=1",
// "''=1" → "'=1"; anything else unchanged.
std::string CsvUnguard(std::string_view value);

// One record terminated by CRLF (RFC 4180).
std::string CsvLine(const std::vector<std::string>& fields, bool guard_formulas = true);

}  // namespace clerkship::core
