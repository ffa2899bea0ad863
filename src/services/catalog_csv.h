// Coordinators' CSV import and export of one institution's catalog
// (docs/catalog.md, "CSV import and export"). Each call is one transaction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "services/context.h"

namespace clerkship::services {

// The institution's offerings and blocks as CSV (UTF-8 with a BOM, CRLF,
// formula cells guarded): one row per block, offerings without blocks on a
// row of their own. kNotFound for an unknown institution.
core::Result<std::string> ExportCatalogCsv(Context& ctx, const std::string& institution_id);

struct CsvImportRow {
  int line = 0;
  std::string offering_ref;
  std::string offering_id;  // the existing offering's id (updates), "" for new ones
  std::string title;
  std::string offering_action;  // create | update | unchanged
  std::string status;           // the offering's status after the import
  std::string block_action;     // create | update | unchanged | none
  std::string block_id;
  std::string start_date;
  std::string end_date;
};

struct CsvImportError {
  int line = 0;
  std::string field;  // the column
  std::string message;
};

struct CsvImportReport {
  bool dry_run = true;
  bool applied = false;  // written (not a dry run, no errors)
  int offerings_created = 0, offerings_updated = 0, offerings_unchanged = 0;
  int blocks_created = 0, blocks_updated = 0, blocks_unchanged = 0;
  std::vector<CsvImportRow> rows;
  std::vector<CsvImportError> errors;
};

// Checks every row of `csv` against the institution's catalog. With
// `dry_run`, or when any row has an error, writes nothing and returns the
// report (errors with line numbers). Otherwise writes everything in one
// transaction (one audit entry with the counts) and returns the report with
// `applied`. A body that cannot be read as the catalog's CSV (malformed CSV,
// not UTF-8, wrong header) is kInvalidArgument naming the line.
core::Result<CsvImportReport> ImportCatalogCsv(Context& ctx, const Actor& actor,
                                               const std::string& institution_id,
                                               std::string_view csv, bool dry_run);

}  // namespace clerkship::services
