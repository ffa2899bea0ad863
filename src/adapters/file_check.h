// Checks an uploaded file by its bytes (never its name or the client's
// Content-Type) before it enters the vault: PDF, JPEG or PNG only, PDFs parsed
// with qpdf, images by their headers. Thread-safe: no shared state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace clerkship::adapters {

struct FileFacts {
  std::string mime;  // application/pdf | image/jpeg | image/png
  int pages = 0;     // PDFs: page count; images: 1
  uint64_t size = 0;
  int width = 0;   // images only, pixels
  int height = 0;  // images only, pixels
};

// Largest accepted image side, in pixels.
inline constexpr int kMaxImageSide = 20000;

// Returns the facts of the file at `path` when it is an empty-free, intact,
// unencrypted PDF, or a well-formed JPEG/PNG without embedded markup.
// Failure: kInvalidArgument (field "file", a message for the user) for a file
// the user got wrong; kPayloadTooLarge (field "file") when size > max_bytes;
// kInternal when the file cannot be read at all.
core::Result<FileFacts> CheckUpload(const std::string& path, uint64_t max_bytes);

// Exposed for tests: true when `bytes` contains (case-insensitively) one of
// "<script", "<html", "<?php", "<svg", "javascript:".
bool ContainsMarkup(std::string_view bytes);

}  // namespace clerkship::adapters
