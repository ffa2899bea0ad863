#include "services/catalog_csv.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "adapters/random.h"
#include "core/catalog_csv.h"
#include "core/csv.h"
#include "core/text.h"
#include "services/catalog.h"
#include "services/catalog_json.h"
#include "services/internal.h"
#include "store/catalog.h"
#include "store/institutions.h"

namespace clerkship::services {
namespace {

constexpr size_t kMaxRows = 5000;

bool SameDraft(const core::OfferingDraft& a, const core::OfferingDraft& b) {
  return OfferingDraftToJson(a) == OfferingDraftToJson(b);
}

bool SameBlock(const core::BlockDraft& a, const core::BlockDraft& b) {
  return a.start_date == b.start_date && a.end_date == b.end_date && a.seats == b.seats &&
         a.opens_on == b.opens_on && a.deadline == b.deadline;
}

// One offering of the file: its rows, and what the import does with it.
struct PlannedBlock {
  size_t row = 0;        // index into report.rows
  std::string block_id;  // existing block (updates)
  core::BlockDraft draft;
  std::string action;  // create | update | unchanged
};

struct PlannedOffering {
  std::string ref;
  int first_line = 0;
  std::map<std::string, std::string> cells;  // offering columns of the first row
  std::optional<store::OfferingRow> existing;
  std::vector<core::Block> current_blocks;  // the existing offering's blocks
  core::OfferingDraft draft;
  std::string status;
  std::string action;  // create | update | unchanged
  bool status_changes = false;
  std::vector<PlannedBlock> blocks;
  std::vector<size_t> rows;  // indexes into report.rows
};

}  // namespace

core::Result<std::string> ExportCatalogCsv(Context& ctx, const std::string& institution_id) {
  return ctx.db.RunRead<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
    if (!store::FindInstitution(tx, institution_id)) return core::NotFound("no such institution");
    std::string out = "\xEF\xBB\xBF" + core::CsvLine(core::kCatalogCsvColumns);
    for (const auto& o : store::ListOfferings(tx, institution_id)) {
      auto draft = OfferingDraftOf(o);
      auto blocks = store::ListBlocks(tx, o.id);
      if (blocks.empty()) out += core::CsvLine(core::CatalogCsvRow(o.id, o.status, draft, nullptr));
      for (const auto& b : blocks)
        out += core::CsvLine(core::CatalogCsvRow(o.id, o.status, draft, &b));
    }
    return out;
  });
}

core::Result<CsvImportReport> ImportCatalogCsv(Context& ctx, const Actor& actor,
                                               const std::string& institution_id,
                                               std::string_view csv, bool dry_run) {
  auto records = core::ParseCsv(csv);
  if (!records) return std::unexpected(records.error());
  if (records->empty())
    return core::InvalidArgument("body", "the file is empty; the first line must be the header");
  // The header: known columns, each once, the required ones present.
  const auto& header_record = (*records)[0];
  std::vector<std::string> header;
  std::vector<std::string> problems;
  std::set<std::string> seen;
  for (const auto& raw : header_record.fields) {
    std::string name = core::Trim(core::CsvUnguard(raw));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (std::find(core::kCatalogCsvColumns.begin(), core::kCatalogCsvColumns.end(), name) ==
        core::kCatalogCsvColumns.end()) {
      problems.push_back("unknown column \"" + name.substr(0, 40) + "\"");
    } else if (!seen.insert(name).second) {
      problems.push_back("column \"" + name + "\" appears twice");
    }
    header.push_back(name);
  }
  for (const auto& req : core::kCatalogCsvRequiredColumns) {
    if (!seen.contains(req)) problems.push_back("missing column \"" + req + "\"");
  }
  if (!problems.empty()) {
    std::string message = "line " + std::to_string(header_record.line) + ": wrong header: ";
    for (size_t i = 0; i < problems.size() && i < 5; ++i) message += (i ? "; " : "") + problems[i];
    return core::InvalidArgument("header", message);
  }
  if (records->size() - 1 > kMaxRows) {
    return core::InvalidArgument(
        "body", "the file has more than " + std::to_string(kMaxRows) + " rows; split it");
  }

  CsvImportReport report;
  report.dry_run = dry_run;
  auto error = [&](int line, std::string field, std::string message) {
    report.errors.push_back({line, std::move(field), std::move(message)});
  };
  const std::set<std::string> block_columns(core::kCatalogCsvBlockColumns.begin(),
                                            core::kCatalogCsvBlockColumns.end());

  // A dry run only reads (on SQLite it then never waits for the write lock).
  std::function<core::Result<CsvImportReport>(store::Tx&)> work =
      [&](store::Tx& tx) -> core::Result<CsvImportReport> {
    if (!store::FindInstitution(tx, institution_id)) return core::NotFound("no such institution");
    std::vector<std::string> specialties;
    std::map<std::string, std::string> specialty_names;
    for (const auto& s : store::ListSpecialties(tx)) {
      specialties.push_back(s.code);
      specialty_names[s.code] = s.name;
    }
    std::map<std::string, store::OfferingRow> existing;
    for (auto& o : store::ListOfferings(tx, institution_id)) existing.emplace(o.id, std::move(o));

    std::vector<PlannedOffering> plan;
    std::map<std::string, size_t> by_ref;
    std::map<std::string, int> block_keys;  // ref|key → line, for duplicates
    for (size_t r = 1; r < records->size(); ++r) {
      const auto& rec = (*records)[r];
      CsvImportRow row;
      row.line = rec.line;
      if (rec.fields.size() != header.size()) {
        error(rec.line, "body",
              "expected " + std::to_string(header.size()) + " fields, found " +
                  std::to_string(rec.fields.size()) + " (check quotes and commas)");
        continue;
      }
      std::map<std::string, std::string> offering_cells, block_cells;
      for (size_t i = 0; i < header.size(); ++i) {
        std::string v = core::CsvUnguard(rec.fields[i]);
        (block_columns.contains(header[i]) ? block_cells : offering_cells)[header[i]] =
            std::move(v);
      }
      std::string ref = core::Trim(offering_cells["offering_ref"]);
      row.offering_ref = ref;
      if (ref.empty() || core::CodePointCount(ref) > 100) {
        error(rec.line, "offering_ref",
              "offering_ref must be 1–100 characters (the same on every row of one offering)");
        continue;
      }
      auto [it, is_new] = by_ref.try_emplace(ref, plan.size());
      if (is_new) {
        PlannedOffering p;
        p.ref = ref;
        p.first_line = rec.line;
        p.cells = offering_cells;
        if (auto e = existing.find(ref); e != existing.end()) {
          p.existing = e->second;
          p.current_blocks = store::ListBlocks(tx, ref);
        }
        p.draft = p.existing ? OfferingDraftOf(*p.existing) : core::OfferingDraft{};
        bool ok = true;
        for (auto& ce : core::ApplyOfferingCells(offering_cells, p.draft)) {
          error(rec.line, ce.column, ce.message);
          ok = false;
        }
        if (ok) {
          auto valid = core::ValidateOffering(p.draft, specialties);
          if (!valid) {
            error(rec.line, core::CatalogCsvColumnFor(valid.error().field), valid.error().message);
          } else {
            p.draft = *valid;
          }
        }
        std::string status = core::Trim(offering_cells["status"]);
        if (status.empty()) status = p.existing ? p.existing->status : "draft";
        if (status != "draft" && status != "published" && status != "archived") {
          error(rec.line, "status", "status must be draft, published or archived");
          status = p.existing ? p.existing->status : "draft";
        }
        p.status = status;
        p.status_changes = p.existing ? p.existing->status != status : status != "draft";
        if (!p.existing)
          p.action = "create";
        else
          p.action = SameDraft(p.draft, OfferingDraftOf(*p.existing)) ? "unchanged" : "update";
        plan.push_back(std::move(p));
      } else {
        // Every row of one offering repeats its columns.
        auto& first = plan[it->second];
        for (const auto& [col, v] : offering_cells) {
          if (first.cells[col] != v) {
            error(rec.line, col,
                  col + " differs from line " + std::to_string(first.first_line) +
                      "; every row of offering_ref " + ref.substr(0, 40) +
                      " must repeat the same offering columns");
            break;
          }
        }
      }
      auto& p = plan[by_ref[ref]];
      row.offering_id = p.existing ? p.existing->id : "";
      row.title = p.draft.title;
      // The block.
      core::BlockDraft b;
      std::string block_id;
      bool has_block = false;
      auto cell_errors = core::ReadBlockCells(block_cells, b, block_id, has_block);
      row.block_action = "none";
      if (has_block) {
        row.start_date = b.start_date;
        row.end_date = b.end_date;
        row.block_id = block_id;
      }
      std::string key =
          ref + "|" + (has_block ? (block_id.empty() ? "" : "id:" + block_id) : "none");
      std::string date_key = ref + "|dates:" + b.start_date + "|" + b.end_date;
      bool duplicate = false;
      for (const auto& k : {key, has_block ? date_key : std::string()}) {
        if (k.empty() || k.ends_with("|")) continue;
        auto [d, fresh] = block_keys.try_emplace(k, rec.line);
        if (!fresh && !duplicate) {
          error(rec.line, has_block ? "start_date" : "offering_ref",
                "duplicate row: the same " + std::string(has_block ? "block" : "offering") +
                    " as line " + std::to_string(d->second));
          duplicate = true;
        }
      }
      if (has_block && !duplicate) {
        bool ok = true;
        for (auto& ce : cell_errors) {
          error(rec.line, ce.column, ce.message);
          ok = false;
        }
        if (ok) {
          auto valid = core::ValidateBlock(b);
          if (!valid) {
            error(rec.line, valid.error().field, valid.error().message);
            ok = false;
          } else {
            b = *valid;
          }
        }
        PlannedBlock pb;
        pb.draft = b;
        pb.row = report.rows.size();
        const std::vector<core::Block>& current = p.current_blocks;
        if (!block_id.empty()) {
          auto found = std::find_if(current.begin(), current.end(),
                                    [&](const core::Block& x) { return x.id == block_id; });
          if (found == current.end()) {
            error(rec.line, "block_id",
                  "block_id " + block_id.substr(0, 40) +
                      " is not a block of this offering; leave it empty to add a new block");
            ok = false;
          } else {
            pb.block_id = block_id;
            pb.action = SameBlock(found->draft, b) ? "unchanged" : "update";
            if (ok && b.seats < found->filled) {
              error(rec.line, "seats",
                    std::to_string(found->filled) +
                        " seats are already filled; seats cannot go below that");
            }
          }
        } else {
          pb.action = "create";
          auto same = std::find_if(current.begin(), current.end(), [&](const core::Block& x) {
            return x.draft.start_date == b.start_date && x.draft.end_date == b.end_date;
          });
          if (same != current.end() && ok) {
            error(rec.line, "block_id",
                  "this offering already has a block from " + b.start_date + " to " + b.end_date +
                      " (block_id " + same->id + "); put its block_id in the row to update it");
          }
        }
        row.block_action = pb.action;
        p.blocks.push_back(std::move(pb));
      }
      p.rows.push_back(report.rows.size());
      report.rows.push_back(std::move(row));
    }
    // Offering-level rules that need all rows.
    for (auto& p : plan) {
      size_t blocks_after = p.current_blocks.size();
      bool adds = false;
      for (const auto& b : p.blocks) {
        if (b.action == "create") {
          ++blocks_after;
          adds = true;
        }
      }
      if (p.status == "published" && blocks_after == 0) {
        error(p.first_line, "status", "add at least one block (dates and seats) before publishing");
      }
      if (p.status == "archived" && adds) {
        error(p.first_line, "status",
              "this offering is archived; set status to draft or published to add blocks");
      }
      if (p.action == "unchanged" && p.status_changes) p.action = "update";
      for (size_t i : p.rows) {
        report.rows[i].offering_action = p.action;
        report.rows[i].status = p.status;
      }
      if (p.action == "create")
        ++report.offerings_created;
      else if (p.action == "update")
        ++report.offerings_updated;
      else
        ++report.offerings_unchanged;
      for (const auto& b : p.blocks) {
        if (b.action == "create")
          ++report.blocks_created;
        else if (b.action == "update")
          ++report.blocks_updated;
        else
          ++report.blocks_unchanged;
      }
    }
    std::stable_sort(
        report.errors.begin(), report.errors.end(),
        [](const CsvImportError& a, const CsvImportError& b) { return a.line < b.line; });
    if (dry_run || !report.errors.empty()) return report;

    // Write everything.
    std::string now = core::FormatIso8601(ctx.clock.Now());
    bool changed = false;
    std::vector<std::string> touched;
    for (auto& p : plan) {
      std::string id = p.existing ? p.existing->id : adapters::NewId();
      if (p.action == "create") {
        auto row = OfferingRowFrom(p.draft, id, institution_id, "draft", now);
        store::InsertOffering(tx, row);
      } else if (p.existing && !SameDraft(p.draft, OfferingDraftOf(*p.existing))) {
        auto row = OfferingRowFrom(p.draft, id, institution_id, p.existing->status,
                                   p.existing->created_at);
        row.updated_at = now;
        store::UpdateOffering(tx, row);
      }
      if (p.action != "unchanged") {
        auto stored = store::FindOffering(tx, id);
        store::IndexOffering(tx, *stored, specialty_names[stored->specialty]);
        changed = true;
      }
      for (auto& b : p.blocks) {
        if (b.action == "create") {
          core::Block nb{adapters::NewId(), id, b.draft, 0, 0};
          store::InsertBlock(tx, nb, now);
          report.rows[b.row].block_id = nb.id;
          changed = true;
        } else if (b.action == "update") {
          auto found = store::FindBlock(tx, id, b.block_id);
          found->draft = b.draft;
          store::UpdateBlock(tx, *found);
          changed = true;
        }
      }
      std::string current = p.existing ? p.existing->status : "draft";
      if (p.status != current) {
        store::SetOfferingStatus(tx, id, p.status, now);
        changed = true;
      }
      for (size_t i : p.rows) report.rows[i].offering_id = id;
      touched.push_back(id);
    }
    if (changed) {
      store::BumpCatalogVersion(tx);
      for (const auto& id : touched) store::MarkBlocksVisible(tx, id);
    }
    Json detail = {{"rows", report.rows.size()},
                   {"offerings_created", report.offerings_created},
                   {"offerings_updated", report.offerings_updated},
                   {"offerings_unchanged", report.offerings_unchanged},
                   {"blocks_created", report.blocks_created},
                   {"blocks_updated", report.blocks_updated},
                   {"blocks_unchanged", report.blocks_unchanged}};
    Audit(tx, ctx, actor, "catalog.import", "institution", institution_id, institution_id,
          detail.dump());
    report.applied = true;
    return report;
  };
  auto result = dry_run ? ctx.db.RunRead<CsvImportReport>(work) : ctx.db.Run<CsvImportReport>(work);
  // After the commit: the next search re-reads the version.
  if (result && result->applied) ctx.catalog_cache->Invalidate();
  return result;
}

}  // namespace clerkship::services
