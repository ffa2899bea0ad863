#include "store/materials.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {

std::optional<MaterialsRow> FindMaterials(Tx& tx, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT application_id, cover_letter_text, cover_letter_blob, cover_letter_filename, "
                           "cover_letter_pages, cover_letter_size, cv_kind, cv_document_id, cv_blob, cv_pages, "
                           "frozen_at, updated_at FROM application_materials WHERE application_id = :a",
       soci::use(application_id));
  for (const auto& r : rows) {
    MaterialsRow m;
    m.application_id = r.get<std::string>(0);
    m.cover_letter_text = r.get<std::string>(1);
    m.cover_letter_blob = r.get<std::string>(2);
    m.cover_letter_filename = r.get<std::string>(3);
    m.cover_letter_pages = static_cast<int>(AsInt(r, 4));
    m.cover_letter_size = AsInt(r, 5);
    m.cv_kind = r.get<std::string>(6);
    m.cv_document_id = r.get<std::string>(7);
    m.cv_blob = r.get<std::string>(8);
    m.cv_pages = static_cast<int>(AsInt(r, 9));
    m.frozen_at = r.get<std::string>(10);
    m.updated_at = r.get<std::string>(11);
    return m;
  }
  return std::nullopt;
}

void SaveMaterials(Tx& tx, const MaterialsRow& m) {
  long long size = m.cover_letter_size;
  tx.sql() << "DELETE FROM application_materials WHERE application_id = :a", soci::use(m.application_id);
  tx.sql() << "INSERT INTO application_materials (application_id, cover_letter_text, cover_letter_blob, "
              "cover_letter_filename, cover_letter_pages, cover_letter_size, cv_kind, cv_document_id, cv_blob, "
              "cv_pages, frozen_at, updated_at) VALUES (:a, :t, :b, :f, :p, :s, :k, :d, :cb, :cp, :fz, :u)",
      soci::use(m.application_id), soci::use(m.cover_letter_text), soci::use(m.cover_letter_blob),
      soci::use(m.cover_letter_filename), soci::use(m.cover_letter_pages), soci::use(size), soci::use(m.cv_kind),
      soci::use(m.cv_document_id), soci::use(m.cv_blob), soci::use(m.cv_pages), soci::use(m.frozen_at),
      soci::use(m.updated_at);
}

}  // namespace clerkship::store
