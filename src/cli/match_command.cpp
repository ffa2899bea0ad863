#include "cli/match_command.h"

#include <simdjson.h>
#include <sys/mman.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string_view>
#include <vector>

#include "match/engine.h"
#include "match/instance.h"
#include "match/validate.h"
#include "match/verifier.h"

namespace clerkship::cli {
namespace {

namespace dom = simdjson::dom;
using match::kNone;

// Open-addressing map from ids (views into the parsed document) to dense indices. Ids are
// short, so a word-at-a-time hash keeps the ~1 M lookups of a national instance in a few ms.
class IdTable {
 public:
  explicit IdTable(size_t expected) {
    size_t capacity = 16;
    while (capacity < expected * 2) capacity <<= 1;
    slots_.assign(capacity, Slot{0, 0, kNone});
    mask_ = capacity - 1;
    keys_.reserve(expected);
  }

  // Adds `key` with the next index; returns false (and adds nothing) if it is already present.
  bool Insert(std::string_view key) {
    if (keys_.size() * 2 >= slots_.size()) Grow();
    const uint64_t h = Hash(key);
    const Slot probe = MakeSlot(key, h, static_cast<int32_t>(keys_.size()));
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.index == kNone) {
        slot = probe;
        keys_.push_back(key);
        return true;
      }
      if (Same(slot, probe, key)) return false;
    }
  }

  // Index of `key`, or kNone.
  int32_t Find(std::string_view key) const {
    const uint64_t h = Hash(key);
    const Slot probe = MakeSlot(key, h, kNone);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.index == kNone) return kNone;
      if (Same(slot, probe, key)) return slot.index;
    }
  }

  // Pulls the slot for `key` towards the cache; Find() shortly after avoids the wait.
  void Prefetch(std::string_view key) const { __builtin_prefetch(&slots_[Hash(key) & mask_]); }

  const std::vector<std::string_view>& keys() const { return keys_; }

 private:
  // The first 8 bytes of the id live in the slot, so for ids up to 8 bytes (and most misses)
  // a lookup reads one slot and never the id text elsewhere in memory.
  struct Slot {
    uint64_t prefix;
    uint32_t tag;  // length in the low byte, hash bits above
    int32_t index;
  };

  static Slot MakeSlot(std::string_view key, uint64_t h, int32_t index) {
    uint64_t prefix = 0;
    std::memcpy(&prefix, key.data(), std::min<size_t>(key.size(), 8));
    const uint32_t tag = static_cast<uint32_t>(h >> 40) << 8 | std::min<size_t>(key.size(), 255);
    return Slot{prefix, tag, index};
  }

  bool Same(const Slot& slot, const Slot& probe, std::string_view key) const {
    if (slot.prefix != probe.prefix || slot.tag != probe.tag) return false;
    return key.size() <= 8 || keys_[slot.index] == key;
  }

  // Each 8-byte word goes through murmur3's fmix64, so ids that differ only in their last
  // characters (a100001, a100002, ...) still spread over the whole table.
  static uint64_t Mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
  }

  static uint64_t Hash(std::string_view s) {
    uint64_t h = 0x9e3779b97f4a7c15ull ^ s.size();
    const char* p = s.data();
    size_t n = s.size();
    while (n >= 8) {
      uint64_t v;
      std::memcpy(&v, p, 8);
      h = Mix(h ^ v);
      p += 8;
      n -= 8;
    }
    uint64_t v = 0;
    std::memcpy(&v, p, n);
    return Mix(h ^ v);
  }

  void Grow() {
    IdTable bigger(slots_.size());
    for (std::string_view k : keys_) bigger.Insert(k);
    *this = std::move(bigger);
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<std::string_view> keys_;
};

// Asks Linux for transparent huge pages on a large buffer before its first touch. On the
// virtual machines this runs on, the first touch of each 4 KiB page costs ~15 µs, so the
// ~40 MB a national-scale document needs would cost ~150 ms in page faults alone; with 2 MiB
// pages it is a few ms (bench/RESULTS-match.md). Best effort: a no-op where unsupported.
void AdviseHugePages(const void* p, size_t bytes) {
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const auto at = reinterpret_cast<uintptr_t>(p);
  const uintptr_t begin = (at + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (at + bytes) & ~(kHuge - 1);
  if (p != nullptr && end > begin) {
    madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  }
}

// Reads the whole file into a padded buffer (simdjson reads a little past the end).
bool LoadFile(const std::string& path, simdjson::padded_string* out, std::string* error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    *error = std::strerror(errno);
    return false;
  }
  bool ok = std::fseek(f, 0, SEEK_END) == 0;
  const long size = ok ? std::ftell(f) : -1;
  ok = ok && size >= 0 && std::fseek(f, 0, SEEK_SET) == 0;
  if (ok) {
    *out = simdjson::padded_string(static_cast<size_t>(size));
    AdviseHugePages(out->data(), out->size());
    ok = std::fread(out->data(), 1, out->size(), f) == out->size();
  }
  if (!ok) *error = "read failed";
  std::fclose(f);
  return ok;
}

// "YYYY-MM-DD" to days since 1970-01-01; false if not a real calendar date in that form.
bool ParseDate(std::string_view text, int32_t* days) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int y = 0, m = 0, d = 0;
  auto digits = [&](size_t from, size_t len, int* out) {
    auto [ptr, ec] = std::from_chars(text.data() + from, text.data() + from + len, *out);
    return ec == std::errc() && ptr == text.data() + from + len;
  };
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d)) return false;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                        std::chrono::day{unsigned(d)}};
  if (!ymd.ok()) return false;
  *days = std::chrono::sys_days{ymd}.time_since_epoch().count();
  return true;
}

void AppendEscaped(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    if (u == '"' || u == '\\') {
      out += '\\';
      out += ch;
    } else if (u < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += ch;
    }
  }
  out += '"';
}

void AppendInt(std::string& out, int64_t v) {
  char buf[24];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, ptr);
}

std::string Quoted(std::string_view s) {
  std::string out;
  AppendEscaped(out, s);
  return out;
}

// Turns the JSON document into a dense Instance plus the id tables; records the first error.
class InstanceReader {
 public:
  bool Read(const dom::element& root) {
    dom::object doc;
    if (root.get_object().get(doc)) return Fail("the document must be a JSON object");
    dom::array programs, applicants, couples;
    bool has_couples = false;
    if (!GetArray(doc, "programs", "the document", &programs, nullptr) ||
        !GetArray(doc, "applicants", "the document", &applicants, nullptr) ||
        !GetArray(doc, "couples", "the document", &couples, &has_couples)) {
      return false;
    }
    const size_t n_couples = has_couples ? couples.size() : 0;
    program_ids_ = std::make_unique<IdTable>(programs.size());
    applicant_ids_ = std::make_unique<IdTable>(applicants.size());
    couple_ids_ = std::make_unique<IdTable>(n_couples);
    if (!ReadIds(programs, "programs", "program", program_ids_.get()) ||
        !ReadIds(applicants, "applicants", "applicant", applicant_ids_.get()) ||
        (has_couples && !ReadIds(couples, "couples", "couple", couple_ids_.get()))) {
      return false;
    }
    instance_.programs.resize(programs.size());
    instance_.applicants.resize(applicants.size());
    instance_.couples.resize(n_couples);
    int32_t i = 0;
    for (dom::element e : programs) {
      if (!ReadProgram(i++, e.get_object().value_unsafe())) return false;
    }
    i = 0;
    if (has_couples) {
      for (dom::element e : couples) {
        if (!ReadCouple(i++, e.get_object().value_unsafe())) return false;
      }
    }
    i = 0;
    for (dom::element e : applicants) {
      if (!ReadApplicant(i++, e.get_object().value_unsafe())) return false;
    }
    names_.programs = program_ids_->keys();
    names_.applicants = applicant_ids_->keys();
    names_.couples = couple_ids_->keys();
    return true;
  }

  match::Instance& instance() { return instance_; }
  const match::Names& names() const { return names_; }
  const std::string& error() const { return error_; }

 private:
  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  // Required when `present` is null; otherwise a missing or null key sets *present = false.
  bool GetArray(const dom::object& obj, std::string_view key, const std::string& owner,
                dom::array* out, bool* present) {
    dom::element value;
    if (obj.at_key(key).get(value) || (present != nullptr && value.is_null())) {
      if (present != nullptr) return true;
      return Fail(owner + ": missing \"" + std::string(key) + "\"");
    }
    if (value.get_array().get(*out)) {
      return Fail(owner + ": \"" + std::string(key) + "\" must be an array");
    }
    if (present != nullptr) *present = true;
    return true;
  }

  bool ReadIds(const dom::array& items, std::string_view section, std::string_view kind,
               IdTable* table) {
    size_t i = 0;
    for (dom::element e : items) {
      const std::string where = std::string(section) + "[" + std::to_string(i++) + "]";
      dom::object obj;
      if (e.get_object().get(obj)) return Fail(where + ": must be an object");
      std::string_view id;
      if (obj.at_key("id").get_string().get(id)) {
        return Fail(where + ": \"id\" must be a string");
      }
      if (!table->Insert(id)) {
        return Fail(std::string(kind) + " " + Quoted(id) + ": id is used more than once");
      }
    }
    return true;
  }

  // Reads an array of applicant or program ids into indices.
  bool ReadIdList(const dom::element& value, const std::string& owner, std::string_view key,
                  const IdTable& table, std::string_view kind, std::vector<int32_t>* out) {
    dom::array items;
    if (value.get_array().get(items)) {
      return Fail(owner + ": \"" + std::string(key) + "\" must be an array");
    }
    out->reserve(items.size());
    // Hash and prefetch every id first so the table's cache misses overlap.
    for (dom::element item : items) {
      std::string_view id;
      if (!item.get_string().get(id)) table.Prefetch(id);
    }
    size_t position = 0;
    for (dom::element item : items) {
      ++position;
      std::string_view id;
      if (item.get_string().get(id)) {
        return Fail(owner + ": " + std::string(key) + " position " + std::to_string(position) +
                    " must be a string id");
      }
      const int32_t index = table.Find(id);
      if (index == kNone) {
        return Fail(owner + ": " + std::string(key) + " position " + std::to_string(position) +
                    " names unknown " + std::string(kind) + " " + Quoted(id));
      }
      out->push_back(index);
    }
    return true;
  }

  bool ReadProgram(int32_t index, const dom::object& obj) {
    const std::string owner = "program " + Quoted(program_ids_->keys()[index]);
    match::Program& program = instance_.programs[index];
    dom::element value;
    if (obj.at_key("capacity").get(value)) return Fail(owner + ": missing \"capacity\"");
    if (value.get_int64().get(program.capacity)) {
      return Fail(owner + ": \"capacity\" must be an integer");
    }
    if (obj.at_key("ranking").get(value)) return Fail(owner + ": missing \"ranking\"");
    if (!ReadIdList(value, owner, "ranking", *applicant_ids_, "applicant", &program.ranking)) {
      return false;
    }
    dom::element start, end;
    const bool has_start = !obj.at_key("start").get(start) && !start.is_null();
    const bool has_end = !obj.at_key("end").get(end) && !end.is_null();
    if (has_start != has_end) return Fail(owner + ": give both \"start\" and \"end\" or neither");
    if (has_start) {
      std::string_view s, e;
      if (start.get_string().get(s) || !ParseDate(s, &program.dates.start)) {
        return Fail(owner + ": \"start\" must be a date YYYY-MM-DD");
      }
      if (end.get_string().get(e) || !ParseDate(e, &program.dates.end)) {
        return Fail(owner + ": \"end\" must be a date YYYY-MM-DD");
      }
      program.has_dates = true;
    }
    return true;
  }

  bool ReadCouple(int32_t index, const dom::object& obj) {
    const std::string owner = "couple " + Quoted(couple_ids_->keys()[index]);
    match::Couple& couple = instance_.couples[index];
    dom::element value;
    std::vector<int32_t> members;
    if (obj.at_key("members").get(value)) return Fail(owner + ": missing \"members\"");
    if (!ReadIdList(value, owner, "members", *applicant_ids_, "applicant", &members)) return false;
    if (members.size() != 2) return Fail(owner + ": \"members\" must list exactly two applicants");
    if (members[0] == members[1]) {
      return Fail(owner + ": both members are applicant " +
                  Quoted(applicant_ids_->keys()[members[0]]));
    }
    couple.first = members[0];
    couple.second = members[1];
    dom::array ranking;
    if (obj.at_key("ranking").get(value)) return Fail(owner + ": missing \"ranking\"");
    if (value.get_array().get(ranking)) return Fail(owner + ": \"ranking\" must be an array");
    couple.ranking.reserve(ranking.size());
    size_t position = 0;
    for (dom::element item : ranking) {
      ++position;
      const std::string where = owner + ": ranking position " + std::to_string(position);
      dom::array pair;
      if (item.get_array().get(pair) || pair.size() != 2) {
        return Fail(where + " must be a pair [program or null, program or null]");
      }
      int32_t programs[2];
      int slot = 0;
      for (dom::element p : pair) {
        std::string_view id;
        if (p.is_null()) {
          programs[slot++] = kNone;
        } else if (p.get_string().get(id)) {
          return Fail(where + " must hold program ids or null");
        } else if ((programs[slot++] = program_ids_->Find(id)) == kNone) {
          return Fail(where + " names unknown program " + Quoted(id));
        }
      }
      couple.ranking.push_back({programs[0], programs[1]});
    }
    for (int32_t m : members) in_couple_.push_back(m);
    return true;
  }

  bool ReadApplicant(int32_t index, const dom::object& obj) {
    const std::string_view id = applicant_ids_->keys()[index];
    match::Applicant& applicant = instance_.applicants[index];
    dom::element value;
    if (!obj.at_key("max_assignments").get(value)) {
      int64_t k = 0;
      if (value.get_int64().get(k) || k < INT32_MIN || k > INT32_MAX) {
        return Fail("applicant " + Quoted(id) + ": \"max_assignments\" must be an integer");
      }
      applicant.max_assignments = static_cast<int32_t>(k);
    }
    if (obj.at_key("ranking").get(value) || value.is_null()) {
      if (IsCoupleMember(index)) return true;
      return Fail("applicant " + Quoted(id) + ": missing \"ranking\"");
    }
    // A couple member's own list is reported by Validate(), naming the couple.
    return ReadIdList(value, "applicant " + Quoted(id), "ranking", *program_ids_, "program",
                      &applicant.ranking);
  }

  bool IsCoupleMember(int32_t applicant) {
    if (member_mark_.empty()) {
      member_mark_.assign(instance_.applicants.size(), 0);
      for (int32_t m : in_couple_) member_mark_[m] = 1;
    }
    return member_mark_[applicant] != 0;
  }

  match::Instance instance_;
  match::Names names_;
  std::unique_ptr<IdTable> program_ids_, applicant_ids_, couple_ids_;
  std::vector<int32_t> in_couple_;
  std::vector<uint8_t> member_mark_;
  std::string error_;
};

void AppendProgramOrNull(std::string& out, const match::Names& names, int32_t p) {
  if (p == kNone) {
    out += "null";
  } else {
    AppendEscaped(out, names.programs[p]);
  }
}

std::string RenderOutput(const match::Instance& in, const match::Names& names,
                         const match::Matching& matching, bool stable,
                         const std::vector<match::BlockingPair>& blocking, int64_t proposals,
                         double milliseconds) {
  std::string out;
  out.reserve(64 + in.applicants.size() * 24 + blocking.size() * 48);
  int64_t matched = 0;
  std::vector<int64_t> filled(in.programs.size(), 0);
  out += "{\"assignments\":{";
  for (size_t a = 0; a < matching.assignments.size(); ++a) {
    if (a) out += ',';
    AppendEscaped(out, names.applicants[a]);
    out += ":[";
    const auto& got = matching.assignments[a];
    matched += !got.empty();
    for (size_t i = 0; i < got.size(); ++i) {
      if (i) out += ',';
      AppendEscaped(out, names.programs[got[i]]);
      ++filled[got[i]];
    }
    out += ']';
  }
  out += "},\"stable\":";
  out += stable ? "true" : "false";
  out += ",\"blocking_pairs\":[";
  for (size_t i = 0; i < blocking.size(); ++i) {
    const match::BlockingPair& b = blocking[i];
    if (i) out += ',';
    if (b.kind == match::BlockingPair::Kind::kApplicant) {
      out += "{\"applicant\":";
      AppendEscaped(out, names.applicants[b.agent]);
      out += ",\"program\":";
      AppendEscaped(out, names.programs[b.programs.first]);
      out += '}';
    } else {
      out += "{\"couple\":";
      AppendEscaped(out, names.couples[b.agent]);
      out += ",\"programs\":[";
      AppendProgramOrNull(out, names, b.programs.first);
      out += ',';
      AppendProgramOrNull(out, names, b.programs.second);
      out += ']';
      out += '}';
    }
  }
  int64_t unfilled = 0;
  for (size_t p = 0; p < in.programs.size(); ++p) {
    unfilled += std::max<int64_t>(0, in.programs[p].capacity - filled[p]);
  }
  out += "],\"stats\":{\"applicants\":";
  AppendInt(out, static_cast<int64_t>(in.applicants.size()));
  out += ",\"programs\":";
  AppendInt(out, static_cast<int64_t>(in.programs.size()));
  out += ",\"matched\":";
  AppendInt(out, matched);
  out += ",\"unfilled_seats\":";
  AppendInt(out, unfilled);
  out += ",\"proposals\":";
  AppendInt(out, proposals);
  out += ",\"milliseconds\":";
  char buf[32];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, milliseconds, std::chars_format::fixed, 3);
  out.append(buf, ptr);
  out += "}}\n";
  return out;
}

bool WriteAll(const std::string& path, const std::string& text) {
  if (path.empty()) {
    return std::fwrite(text.data(), 1, text.size(), stdout) == text.size() &&
           std::fflush(stdout) == 0;
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace

int RunMatchCommand(const std::string& input_path, const std::string& output_path, bool verify) {
  simdjson::padded_string json;
  if (std::string error; !LoadFile(input_path, &json, &error)) {
    std::cerr << "invalid input: cannot read " << input_path << ": " << error << "\n";
    return 2;
  }
  dom::parser parser;
  if (parser.allocate(json.size())) {
    std::cerr << "cannot allocate parser memory for " << input_path << "\n";
    return 1;
  }
  // The parser's buffers are sized from the document (public members, documented as such).
  AdviseHugePages(parser.implementation->structural_indexes.get(), 4 * json.size());
  AdviseHugePages(parser.doc.tape.get(), 8 * json.size());
  AdviseHugePages(parser.doc.string_buf.get(), json.size());
  dom::element root;
  if (auto error = parser.parse(json).get(root); error) {
    std::cerr << "invalid input: malformed JSON in " << input_path << ": "
              << simdjson::error_message(error) << "\n";
    return 2;
  }
  InstanceReader reader;
  if (!reader.Read(root)) {
    std::cerr << "invalid input: " << reader.error() << "\n";
    return 2;
  }
  if (auto valid = match::Validate(reader.instance(), &reader.names()); !valid) {
    std::cerr << "invalid input: " << valid.error().message << "\n";
    return 2;
  }

  const auto start = std::chrono::steady_clock::now();
  match::MatchResult result = match::RunMatch(reader.instance());
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  bool stable = result.stable;
  std::vector<match::BlockingPair> blocking = std::move(result.blocking_pairs);
  if (verify) {
    match::StabilityReport report = match::Verify(reader.instance(), result.matching);
    if (!report.defects.empty()) {
      for (const match::Defect& d : report.defects) {
        std::cerr << "verify: " << match::DescribeDefect(d) << "\n";
      }
      return 1;
    }
    stable = report.Stable();
    blocking = std::move(report.blocking_pairs);
  }
  const std::string text = RenderOutput(reader.instance(), reader.names(), result.matching, stable,
                                        blocking, result.proposals, ms);
  if (!WriteAll(output_path, text)) {
    std::cerr << "cannot write " << (output_path.empty() ? "stdout" : output_path) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace clerkship::cli
