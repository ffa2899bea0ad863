// An application's own materials (cover letter, CV choice, frozen CV):
// named statements over a Tx, valid on SQLite and PostgreSQL. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace clerkship::store {

struct MaterialsRow {
  std::string application_id;
  std::string cover_letter_text;
  std::string cover_letter_blob;
  std::string cover_letter_filename;
  int cover_letter_pages = 0;
  int64_t cover_letter_size = 0;
  std::string cv_kind;  // '' | generated | document
  std::string cv_document_id;
  std::string cv_blob;
  int cv_pages = 0;
  std::string frozen_at;
  std::string updated_at;
};

// The application's materials, or nullopt when none were ever saved.
std::optional<MaterialsRow> FindMaterials(Tx& tx, const std::string& application_id);
// Inserts or replaces the row of m.application_id.
void SaveMaterials(Tx& tx, const MaterialsRow& m);

}  // namespace clerkship::store
