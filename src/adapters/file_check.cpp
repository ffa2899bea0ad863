#include "adapters/file_check.h"

#include <magic.h>

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <system_error>

namespace clerkship::adapters {
namespace {

std::unexpected<core::Error> Reject(std::string message, std::string detail = {}) {
  return std::unexpected(core::Error{core::ErrorCode::kInvalidArgument, std::move(message), "file",
                                     std::move(detail)});
}

// One libmagic cookie per thread: magic_t is not safe to share, and loading
// the database per call costs more than the check itself.
struct MagicCloser {
  void operator()(magic_t m) const { magic_close(m); }
};
using MagicPtr = std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser>;

magic_t ThreadMagic() {
  thread_local MagicPtr cookie = [] {
    MagicPtr m(magic_open(MAGIC_MIME_TYPE));
    if (m && magic_load(m.get(), nullptr) != 0) m.reset();
    return m;
  }();
  return cookie.get();
}

uint32_t Be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}
uint16_t Be16(const unsigned char* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }

uint32_t Crc32(const unsigned char* data, size_t n, uint32_t crc = 0) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (size_t i = 0; i < n; ++i) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

core::Status CheckDimensions(uint32_t width, uint32_t height, FileFacts& facts) {
  if (width == 0 || height == 0) return Reject("the image is damaged or not a valid JPEG/PNG");
  if (width > kMaxImageSide || height > kMaxImageSide)
    return Reject("the image is larger than 20000 pixels on a side");
  facts.width = static_cast<int>(width);
  facts.height = static_cast<int>(height);
  return {};
}

// Signature, IHDR, then every chunk with its CRC up to IEND.
core::Status CheckPng(std::string_view bytes, FileFacts& facts) {
  static constexpr unsigned char kSig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  if (n < 8 + 25 || std::memcmp(p, kSig, 8) != 0 || Be32(p + 8) != 13 ||
      std::memcmp(p + 12, "IHDR", 4) != 0)
    return Reject("the image is damaged or not a valid JPEG/PNG", "png: bad signature or IHDR");
  size_t pos = 8;
  bool idat = false;
  while (true) {
    if (n - pos < 12)
      return Reject("the image is damaged or not a valid JPEG/PNG", "png: truncated");
    const uint32_t len = Be32(p + pos);
    if (len > 0x7FFFFFFFu || n - pos - 12 < len)
      return Reject("the image is damaged or not a valid JPEG/PNG", "png: chunk overruns file");
    const unsigned char* type = p + pos + 4;
    if (Crc32(type, 4 + size_t{len}) != Be32(p + pos + 8 + len))
      return Reject("the image is damaged or not a valid JPEG/PNG", "png: chunk CRC mismatch");
    if (std::memcmp(type, "IDAT", 4) == 0) idat = true;
    pos += 12 + size_t{len};
    if (std::memcmp(type, "IEND", 4) == 0) break;
  }
  if (!idat) return Reject("the image is damaged or not a valid JPEG/PNG", "png: no IDAT");
  return CheckDimensions(Be32(p + 16), Be32(p + 20), facts);  // IHDR, now known intact
}

// SOI, then marker segments up to the first SOS; a frame header (SOFn) with
// the dimensions must come before it.
core::Status CheckJpeg(std::string_view bytes, FileFacts& facts) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  if (n < 4 || p[0] != 0xFF || p[1] != 0xD8 || p[2] != 0xFF)
    return Reject("the image is damaged or not a valid JPEG/PNG", "jpeg: no SOI");
  size_t pos = 2;
  bool frame = false;
  while (true) {
    if (pos >= n || p[pos] != 0xFF)
      return Reject("the image is damaged or not a valid JPEG/PNG", "jpeg: bad marker");
    while (pos < n && p[pos] == 0xFF) ++pos;  // fill bytes
    if (pos >= n) return Reject("the image is damaged or not a valid JPEG/PNG", "jpeg: truncated");
    const unsigned char marker = p[pos++];
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;  // no length
    if (marker == 0xD9 || marker == 0x00)
      return Reject("the image is damaged or not a valid JPEG/PNG", "jpeg: no scan");
    if (n - pos < 2)
      return Reject("the image is damaged or not a valid JPEG/PNG", "jpeg: truncated");
    const uint16_t len = Be16(p + pos);
    if (len < 2 || n - pos < len)
      return Reject("the image is damaged or not a valid JPEG/PNG", "jpeg: segment overruns file");
    const bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (len < 8) return Reject("the image is damaged or not a valid JPEG/PNG", "jpeg: short SOF");
      if (auto st = CheckDimensions(Be16(p + pos + 5), Be16(p + pos + 3), facts); !st) return st;
      frame = true;
    }
    if (marker == 0xDA) {
      if (!frame)
        return Reject("the image is damaged or not a valid JPEG/PNG", "jpeg: SOS before SOF");
      return {};
    }
    pos += len;
  }
}

core::Status CheckPdf(const std::string& bytes, FileFacts& facts) {
  const char* damaged = "the PDF is damaged and cannot be read; export or scan it again";
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("upload", bytes.data(), bytes.size());
    if (pdf.isEncrypted())
      return Reject("the PDF is password-protected or encrypted; upload a copy without a password");
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    // What `qpdf --check` does: write every object with streams decoded,
    // which resolves the whole xref table and every content stream.
    Pl_Discard discard;
    QPDFWriter writer(pdf);
    writer.setOutputPipeline(&discard);
    writer.setDecodeLevel(qpdf_dl_generalized);  // Flate, LZW, ASCII*, RunLength (not DCT)
    writer.setCompressStreams(false);            // decode only; re-compressing is wasted work
    writer.write();
    // qpdf recovers from many kinds of damage with a warning; a file that
    // needed repair is still rejected so that what we store is what opens
    // cleanly everywhere.
    if (pdf.anyWarnings()) {
      auto warnings = pdf.getWarnings();
      return Reject(damaged, warnings.empty() ? "qpdf warning" : warnings.front().what());
    }
    if (pages.empty()) return Reject("the PDF has no pages");
    facts.pages = static_cast<int>(pages.size());
    return {};
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password)
      return Reject("the PDF is password-protected or encrypted; upload a copy without a password",
                    e.what());
    return Reject(damaged, e.what());
  } catch (const std::exception& e) {
    return Reject(damaged, e.what());
  }
}

bool MatchesAt(std::string_view bytes, size_t pos, std::string_view lower_needle) {
  if (bytes.size() - pos < lower_needle.size()) return false;
  for (size_t i = 0; i < lower_needle.size(); ++i) {
    char c = bytes[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_needle[i]) return false;
  }
  return true;
}

}  // namespace

bool ContainsMarkup(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '<') {
      if (MatchesAt(bytes, i, "<script") || MatchesAt(bytes, i, "<html") ||
          MatchesAt(bytes, i, "<?php"))
        return true;
      // "<svg" is short enough to turn up by chance in ~2% of 10 MiB of
      // compressed image data; an element needs a delimiter after its name.
      if (MatchesAt(bytes, i, "<svg")) {
        if (i + 4 == bytes.size()) return true;
        const char d = bytes[i + 4];
        if (d == '>' || d == '/' || d == ':' || d == ' ' || d == '\t' || d == '\r' || d == '\n')
          return true;
      }
    } else if ((c == 'j' || c == 'J') && MatchesAt(bytes, i, "javascript:")) {
      return true;
    }
  }
  return false;
}

core::Result<FileFacts> CheckUpload(const std::string& path, uint64_t max_bytes) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return core::Internal("CheckUpload: " + path + ": " + ec.message());
  if (size == 0) return Reject("the file is empty");
  if (size > max_bytes) {
    return std::unexpected(core::Error{core::ErrorCode::kPayloadTooLarge,
                                       "the file is larger than the limit of " +
                                           std::to_string(max_bytes / (1024 * 1024)) + " MiB",
                                       "file",
                                       {}});
  }

  std::string bytes(size, '\0');
  {
    std::ifstream in(path, std::ios::binary);
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size)))
      return core::Internal("CheckUpload: cannot read " + path);
  }

  magic_t magic = ThreadMagic();
  if (magic == nullptr) return core::Internal("CheckUpload: libmagic database did not load");
  const char* type = magic_buffer(magic, bytes.data(), bytes.size());
  if (type == nullptr) return core::Internal(std::string("libmagic: ") + magic_error(magic));

  FileFacts facts;
  facts.size = size;
  facts.mime = type;
  if (facts.mime == "application/pdf") {
    if (auto st = CheckPdf(bytes, facts); !st) return std::unexpected(st.error());
    return facts;
  }
  if (facts.mime == "image/jpeg" || facts.mime == "image/png") {
    // Markup first: a polyglot is rejected as such even when it also breaks the structure.
    if (ContainsMarkup(bytes)) return Reject("the image contains embedded script or markup");
    auto st = facts.mime == "image/png" ? CheckPng(bytes, facts) : CheckJpeg(bytes, facts);
    if (!st) return std::unexpected(st.error());
    facts.pages = 1;
    return facts;
  }
  return Reject("only PDF, JPEG or PNG files are accepted", "libmagic: " + facts.mime);
}

}  // namespace clerkship::adapters
