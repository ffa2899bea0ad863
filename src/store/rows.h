// Reading SOCI rows the same way on both backends (SQLite and PostgreSQL
// report integer widths differently). Store-internal.
#pragma once

#include <soci/soci.h>

#include <string>

namespace clerkship::store {

inline long long AsInt(const soci::row& r, size_t i) {
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_double: return static_cast<long long>(r.get<double>(i));
    default: return std::stoll(r.get<std::string>(i));
  }
}

// Runs a prepared statement; returns the rows it changed.
inline long long Execute(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace clerkship::store
