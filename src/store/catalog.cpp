#include "store/catalog.h"

#include <soci/soci.h>

#include <deque>

#include "core/text.h"
#include <variant>

namespace clerkship::store {
namespace {

constexpr const char* kOfferingColumns =
    "o.id, o.institution_id, o.status, o.title, o.specialty, o.type, o.hands_on, o.description, "
    "o.city, o.state, o.country, o.duration_weeks, o.currency, o.fee_min_cents, o.visas, o.details, "
    "o.created_at, o.updated_at, i.name, i.time_zone";

OfferingRow OfferingFromRow(const soci::row& r, size_t at = 0) {
  OfferingRow o;
  o.id = r.get<std::string>(at + 0);
  o.institution_id = r.get<std::string>(at + 1);
  o.status = r.get<std::string>(at + 2);
  o.title = r.get<std::string>(at + 3);
  o.specialty = r.get<std::string>(at + 4);
  o.type = r.get<std::string>(at + 5);
  o.hands_on = r.get<int>(at + 6) != 0;
  o.description = r.get<std::string>(at + 7);
  o.city = r.get<std::string>(at + 8);
  o.state = r.get<std::string>(at + 9);
  o.country = r.get<std::string>(at + 10);
  o.duration_weeks = r.get<int>(at + 11);
  o.currency = r.get<std::string>(at + 12);
  o.fee_min_cents = r.get_properties(at + 13).get_data_type() == soci::dt_long_long
                        ? r.get<long long>(at + 13)
                        : r.get<int>(at + 13);
  o.visas = r.get<std::string>(at + 14);
  o.details = r.get<std::string>(at + 15);
  o.created_at = r.get<std::string>(at + 16);
  o.updated_at = r.get<std::string>(at + 17);
  o.institution_name = r.get<std::string>(at + 18);
  o.time_zone = r.get<std::string>(at + 19);
  return o;
}

core::Block BlockFromRow(const soci::row& r) {
  core::Block b;
  b.id = r.get<std::string>(0);
  b.offering_id = r.get<std::string>(1);
  b.draft = {r.get<std::string>(2), r.get<std::string>(3), r.get<int>(4), r.get<std::string>(5),
             r.get<std::string>(6)};
  b.applications = r.get<int>(7);
  b.filled = r.get<int>(8);
  return b;
}

// Parameters bound in the order their placeholders appear, for statements
// whose WHERE clause is assembled from fixed fragments.
class Binder {
 public:
  void Add(std::string v) { values_.emplace_back(std::move(v)); }
  void Add(long long v) { values_.emplace_back(v); }
  // Runs `query` and calls `fn(row)` for each result row.
  template <typename Fn>
  void Each(Tx& tx, const std::string& query, Fn fn) {
    soci::statement st(tx.sql());
    soci::row row;
    st.alloc();
    st.prepare(query);
    for (auto& v : values_) {
      if (auto* s = std::get_if<std::string>(&v)) {
        st.exchange(soci::use(*s));
      } else {
        st.exchange(soci::use(std::get<long long>(v)));
      }
    }
    st.exchange(soci::into(row));
    st.define_and_bind();
    if (st.execute(true)) {
      do {
        fn(row);
      } while (st.fetch());
    }
  }

 private:
  std::deque<std::variant<std::string, long long>> values_;
};

long long AsInt(const soci::row& r, size_t i) {
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_double: return static_cast<long long>(r.get<double>(i));
    default: return std::stoll(r.get<std::string>(i));
  }
}

std::string AsText(const soci::row& r, size_t i) {
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_string: return r.get<std::string>(i);
    default: return std::to_string(AsInt(r, i));
  }
}

// The shared WHERE clause of a search, with its parameters.
std::string SearchWhere(Tx& tx, const SearchFilter& f, Binder& b) {
  std::string w = " WHERE o.status = 'published'";
  if (!f.text.empty()) {
    if (tx.backend() == Backend::kSqlite) {
      w += " AND o.id IN (SELECT offering_id FROM offerings_fts WHERE offerings_fts MATCH :q)";
    } else {
      w += " AND o.search @@ plainto_tsquery('simple', :q)";
    }
    b.Add(f.text);
  }
  std::pair<const char*, const std::string*> equals[] = {
      {" AND o.type = :type", &f.type},        {" AND o.specialty = :specialty", &f.specialty},
      {" AND o.state = :state", &f.state},     {" AND o.country = :country", &f.country}};
  for (auto [clause, value] : equals) {
    if (!value->empty()) {
      w += clause;
      b.Add(*value);
    }
  }
  if (f.hands_on >= 0) {
    w += " AND o.hands_on = :hands_on";
    b.Add(static_cast<long long>(f.hands_on));
  }
  if (f.fee_max_cents >= 0) {
    w += " AND o.fee_min_cents <= :fee_max";
    b.Add(static_cast<long long>(f.fee_max_cents));
  }
  if (!f.visa.empty()) {
    w += " AND o.visas LIKE :visa";
    b.Add("% " + f.visa + " %");
  }
  if (!f.open_on.empty()) {
    w += " AND EXISTS (SELECT 1 FROM blocks ob WHERE ob.offering_id = o.id AND ob.opens_on <= :open1 "
         "AND ob.deadline >= :open2)";
    b.Add(f.open_on);
    b.Add(f.open_on);
  }
  if (!f.start_month.empty()) {
    w += " AND EXISTS (SELECT 1 FROM blocks mb WHERE mb.offering_id = o.id AND mb.start_date >= :m1 "
         "AND mb.start_date < :m2)";
    b.Add(f.start_month + "-01");
    b.Add(f.start_month + "-32");
  }
  return w;
}

}  // namespace

std::vector<SpecialtyRow> ListSpecialties(Tx& tx) {
  soci::rowset<soci::row> rows = tx.sql().prepare << "SELECT code, name FROM specialties ORDER BY name";
  std::vector<SpecialtyRow> out;
  for (const auto& r : rows) out.push_back({r.get<std::string>(0), r.get<std::string>(1)});
  return out;
}

void InsertSpecialty(Tx& tx, const SpecialtyRow& s, const std::string& now) {
  tx.sql() << "INSERT INTO specialties (code, name, created_at) VALUES (:c, :n, :at)", soci::use(s.code),
      soci::use(s.name), soci::use(now);
}

void InsertOffering(Tx& tx, const OfferingRow& o) {
  int hands_on = o.hands_on;
  long long fee = o.fee_min_cents;
  tx.sql() << "INSERT INTO offerings (id, institution_id, status, title, specialty, type, hands_on, "
              "description, city, state, country, duration_weeks, currency, fee_min_cents, visas, "
              "details, created_at, updated_at) VALUES (:id, :inst, :status, :title, :spec, :type, "
              ":hands, :descr, :city, :state, :country, :weeks, :cur, :fee, :visas, :details, :c, :u)",
      soci::use(o.id), soci::use(o.institution_id), soci::use(o.status), soci::use(o.title),
      soci::use(o.specialty), soci::use(o.type), soci::use(hands_on), soci::use(o.description),
      soci::use(o.city), soci::use(o.state), soci::use(o.country), soci::use(o.duration_weeks),
      soci::use(o.currency), soci::use(fee), soci::use(o.visas), soci::use(o.details),
      soci::use(o.created_at), soci::use(o.updated_at);
}

void UpdateOffering(Tx& tx, const OfferingRow& o) {
  int hands_on = o.hands_on;
  long long fee = o.fee_min_cents;
  tx.sql() << "UPDATE offerings SET title = :title, specialty = :spec, type = :type, hands_on = :hands, "
              "description = :descr, city = :city, state = :state, country = :country, "
              "duration_weeks = :weeks, currency = :cur, fee_min_cents = :fee, visas = :visas, "
              "details = :details, updated_at = :u WHERE id = :id",
      soci::use(o.title), soci::use(o.specialty), soci::use(o.type), soci::use(hands_on),
      soci::use(o.description), soci::use(o.city), soci::use(o.state), soci::use(o.country),
      soci::use(o.duration_weeks), soci::use(o.currency), soci::use(fee), soci::use(o.visas),
      soci::use(o.details), soci::use(o.updated_at), soci::use(o.id);
}

void SetOfferingStatus(Tx& tx, const std::string& id, const std::string& status, const std::string& now) {
  tx.sql() << "UPDATE offerings SET status = :s, updated_at = :u WHERE id = :id", soci::use(status),
      soci::use(now), soci::use(id);
}

std::optional<OfferingRow> FindOffering(Tx& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kOfferingColumns
                        << " FROM offerings o JOIN institutions i ON i.id = o.institution_id WHERE o.id = :id",
       soci::use(id));
  for (const auto& r : rows) return OfferingFromRow(r);
  return std::nullopt;
}

std::vector<OfferingRow> ListOfferings(Tx& tx, const std::string& institution_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kOfferingColumns
                        << " FROM offerings o JOIN institutions i ON i.id = o.institution_id "
                           "WHERE o.institution_id = :i ORDER BY o.status, o.title, o.id",
       soci::use(institution_id));
  std::vector<OfferingRow> out;
  for (const auto& r : rows) out.push_back(OfferingFromRow(r));
  return out;
}

void IndexOffering(Tx& tx, const OfferingRow& o, const std::string& specialty_name) {
  // Folded so that "Muller" finds "Müller" on both backends.
  const std::string title = core::FoldDiacritics(o.title), description = core::FoldDiacritics(o.description),
                    institution = core::FoldDiacritics(o.institution_name),
                    specialty = core::FoldDiacritics(specialty_name), city = core::FoldDiacritics(o.city);
  if (tx.backend() == Backend::kSqlite) {
    tx.sql() << "DELETE FROM offerings_fts WHERE offering_id = :id", soci::use(o.id);
    tx.sql() << "INSERT INTO offerings_fts (offering_id, title, description, institution, specialty) "
                "VALUES (:id, :t, :d, :i, :s)",
        soci::use(o.id), soci::use(title), soci::use(description), soci::use(institution),
        soci::use(specialty);
  } else {
    std::string text = title + " " + institution + " " + specialty + " " + city + " " + description;
    tx.sql() << "UPDATE offerings SET search = to_tsvector('simple', :t) WHERE id = :id", soci::use(text),
        soci::use(o.id);
  }
}

void InsertBlock(Tx& tx, const core::Block& b, const std::string& now) {
  tx.sql() << "INSERT INTO blocks (id, offering_id, start_date, end_date, seats, opens_on, deadline, "
              "created_at) VALUES (:id, :o, :s, :e, :seats, :open, :dl, :c)",
      soci::use(b.id), soci::use(b.offering_id), soci::use(b.draft.start_date),
      soci::use(b.draft.end_date), soci::use(b.draft.seats), soci::use(b.draft.opens_on),
      soci::use(b.draft.deadline), soci::use(now);
}

void UpdateBlock(Tx& tx, const core::Block& b) {
  tx.sql() << "UPDATE blocks SET start_date = :s, end_date = :e, seats = :seats, opens_on = :open, "
              "deadline = :dl WHERE id = :id",
      soci::use(b.draft.start_date), soci::use(b.draft.end_date), soci::use(b.draft.seats),
      soci::use(b.draft.opens_on), soci::use(b.draft.deadline), soci::use(b.id);
}

void DeleteBlock(Tx& tx, const std::string& block_id) {
  tx.sql() << "DELETE FROM blocks WHERE id = :id", soci::use(block_id);
}

std::vector<core::Block> ListBlocks(Tx& tx, const std::string& offering_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, offering_id, start_date, end_date, seats, opens_on, deadline, "
                           "applications, filled FROM blocks WHERE offering_id = :o ORDER BY start_date, id",
       soci::use(offering_id));
  std::vector<core::Block> out;
  for (const auto& r : rows) out.push_back(BlockFromRow(r));
  return out;
}

std::optional<core::Block> FindBlock(Tx& tx, const std::string& offering_id, const std::string& block_id) {
  for (auto& b : ListBlocks(tx, offering_id)) {
    if (b.id == block_id) return b;
  }
  return std::nullopt;
}

SearchPage SearchOfferings(Tx& tx, const SearchFilter& f, const std::string& today) {
  SearchPage page;
  const std::string from = " FROM offerings o JOIN institutions i ON i.id = o.institution_id";
  {
    Binder b;
    std::string where = SearchWhere(tx, f, b);
    b.Each(tx, "SELECT COUNT(*)" + from + where, [&](const soci::row& r) { page.total = static_cast<int>(AsInt(r, 0)); });
  }
  // Upcoming-block summaries used for display and sorting.
  std::string next_start = "(SELECT MIN(nb.start_date) FROM blocks nb WHERE nb.offering_id = o.id AND nb.start_date >= :t1)";
  std::string next_deadline = "(SELECT MIN(db.deadline) FROM blocks db WHERE db.offering_id = o.id AND db.deadline >= :t2)";
  std::string seats_left = "(SELECT COALESCE(SUM(sb.seats - sb.filled), 0) FROM blocks sb WHERE sb.offering_id = o.id AND sb.start_date >= :t3)";
  std::string order;
  if (f.sort == "deadline") {
    order = " ORDER BY next_deadline NULLS LAST, o.id";
  } else if (f.sort == "fee") {
    order = " ORDER BY o.fee_min_cents, o.id";
  } else if (f.sort == "relevance" && !f.text.empty()) {
    order = tx.backend() == Backend::kSqlite
                ? " ORDER BY (SELECT r.rank FROM (SELECT offering_id, bm25(offerings_fts) AS rank FROM "
                  "offerings_fts WHERE offerings_fts MATCH :qr) r WHERE r.offering_id = o.id), o.id"
                : " ORDER BY ts_rank(o.search, plainto_tsquery('simple', :qr)) DESC, o.id";
  } else {
    order = " ORDER BY next_start NULLS LAST, o.id";
  }
  {
    Binder b;
    b.Add(today);
    b.Add(today);
    b.Add(today);
    std::string where = SearchWhere(tx, f, b);
    if (order.find(":qr") != std::string::npos) b.Add(f.text);
    b.Add(static_cast<long long>(f.limit));
    b.Add(static_cast<long long>(f.offset));
    std::string query = std::string("SELECT ") + kOfferingColumns + ", " + next_start + " AS next_start, " +
                        next_deadline + " AS next_deadline, " + seats_left + " AS seats_left" + from + where +
                        order + " LIMIT :lim OFFSET :off";
    b.Each(tx, query, [&](const soci::row& r) {
      SearchHit h;
      h.offering = OfferingFromRow(r);
      if (r.get_indicator(20) == soci::i_ok) h.next_start = r.get<std::string>(20);
      if (r.get_indicator(21) == soci::i_ok) h.next_deadline = r.get<std::string>(21);
      h.seats_left = static_cast<int>(AsInt(r, 22));
      page.hits.push_back(std::move(h));
    });
  }
  // Facets: counts over the same filtered set.
  for (const char* column : {"type", "specialty", "state", "country", "hands_on"}) {
    Binder b;
    std::string where = SearchWhere(tx, f, b);
    std::string col = std::string("o.") + column;
    b.Each(tx, "SELECT " + col + ", COUNT(*)" + from + where + " GROUP BY " + col, [&](const soci::row& r) {
      page.facets[column][AsText(r, 0)] = static_cast<int>(AsInt(r, 1));
    });
  }
  {
    Binder b;
    std::string where = SearchWhere(tx, f, b);
    b.Each(tx,
           "SELECT CASE WHEN o.fee_min_cents = 0 THEN 'free' WHEN o.fee_min_cents <= 100000 THEN "
           "'under_1000' WHEN o.fee_min_cents <= 300000 THEN '1000_to_3000' ELSE 'over_3000' END AS bucket, "
           "COUNT(*)" + from + where + " GROUP BY 1",
           [&](const soci::row& r) { page.facets["fee"][AsText(r, 0)] = static_cast<int>(AsInt(r, 1)); });
  }
  {
    Binder b;
    b.Add(today);
    std::string where = SearchWhere(tx, f, b);
    b.Each(tx,
           "SELECT SUBSTR(fb.start_date, 1, 7) AS month, COUNT(DISTINCT o.id) FROM blocks fb JOIN offerings o "
           "ON o.id = fb.offering_id AND fb.start_date >= :today JOIN institutions i ON i.id = o.institution_id" +
               where + " GROUP BY SUBSTR(fb.start_date, 1, 7)",
           [&](const soci::row& r) { page.facets["start_month"][AsText(r, 0)] = static_cast<int>(AsInt(r, 1)); });
  }
  {
    Binder b;
    b.Add(today);
    b.Add(today);
    std::string where = SearchWhere(tx, f, b);
    b.Each(tx,
           "SELECT COUNT(*) FROM offerings o JOIN institutions i ON i.id = o.institution_id WHERE EXISTS "
           "(SELECT 1 FROM blocks ob WHERE ob.offering_id = o.id AND ob.opens_on <= :o1 AND ob.deadline >= :o2) AND" +
               where.substr(6),
           [&](const soci::row& r) { page.facets["open_now"]["true"] = static_cast<int>(AsInt(r, 0)); });
  }
  for (const auto& visa : core::kVisaTypes) {
    Binder b;
    SearchFilter vf = f;
    vf.visa = visa;
    std::string where = SearchWhere(tx, vf, b);
    b.Each(tx, "SELECT COUNT(*)" + from + where, [&](const soci::row& r) {
      int n = static_cast<int>(AsInt(r, 0));
      if (n > 0) page.facets["visa"][visa] = n;
    });
  }
  return page;
}

}  // namespace clerkship::store
