// The catalog's CSV form (docs/catalog.md, "CSV import and export"): one row
// per block with its offering's columns repeated and keyed by offering_ref,
// list fields in a small ';'-separated syntax. Pure conversions between a
// row's cells and catalog drafts; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/catalog.h"

namespace clerkship::core {

// Every column, in the order export writes them.
extern const std::vector<std::string> kCatalogCsvColumns;
// Columns an import file must have (the others are optional).
extern const std::vector<std::string> kCatalogCsvRequiredColumns;
// The block columns (the rest describe the offering).
extern const std::vector<std::string> kCatalogCsvBlockColumns;

// An export row (cells in kCatalogCsvColumns order); `block` may be null for
// an offering without blocks.
std::vector<std::string> CatalogCsvRow(const std::string& offering_ref, const std::string& status,
                                       const OfferingDraft& draft, const Block* block);

struct CsvCellError {
  std::string column;
  std::string message;
};

// Applies the offering columns present in `cells` (column → text) to
// `draft`. Empty booleans and numbers keep the draft's value; empty text and
// lists clear it. Returns one error per unreadable cell (none on success).
std::vector<CsvCellError> ApplyOfferingCells(const std::map<std::string, std::string>& cells,
                                             OfferingDraft& draft);

// Reads the block columns. `has_block` is false when they are all empty (an
// offering-only row). Dates are checked later by ValidateBlock.
std::vector<CsvCellError> ReadBlockCells(const std::map<std::string, std::string>& cells,
                                         BlockDraft& block, std::string& block_id, bool& has_block);

// The CSV column for a field named by ValidateOffering / ValidateBlock
// ("fees[1].amount_cents" → "fees", "eligibility.visas_accepted[0]" →
// "visas_accepted").
std::string CatalogCsvColumnFor(const std::string& field);

// The list syntax, exposed for tests. Items are separated by ';' (spaces
// around them ignored); '\' escapes the next character in fee labels.
std::string FormatCodeList(const std::vector<std::string>& codes);  // "b1_b2; j1"
std::string FormatDocuments(
    const std::vector<RequiredDocument>& docs);        // "cv; letter_of_recommendation:2"
std::string FormatFees(const std::vector<Fee>& fees);  // "application:all:75.00:Label"
std::string FormatAmount(int64_t cents);               // 7500 → "75.00"
Result<std::vector<std::string>> ParseCodeList(const std::string& text, const std::string& column);
Result<std::vector<RequiredDocument>> ParseDocuments(const std::string& text);
Result<std::vector<Fee>> ParseFees(const std::string& text);
Result<int64_t> ParseAmount(const std::string& text);  // "75", "75.5", "75.00"

}  // namespace clerkship::core
