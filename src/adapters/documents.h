// Documents the product generates after a rotation: the completion
// certificate (with a QR code of its public verification link), the
// applicant's transcript of U.S. clinical experience, and an application
// packet merged from several PDFs with one bookmark per part. Rendered with
// cairo + pango (names in any script) and merged with qpdf.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace clerkship::adapters {

// The facts a certificate states; the transcript lists one per rotation.
struct RotationFacts {
  std::string institution;        // "Lakeshore University Hospital"
  std::string institution_place;  // "Chicago, IL, United States"
  std::string applicant_name;     // legal name as in the profile, any script
  std::string rotation_title;     // "Cardiology elective"
  std::string specialty;          // "Cardiology"
  std::string rotation_type;      // "core" | "elective" | "sub_internship" | "observership"
  bool hands_on = true;           // false: observership wording ("observed", no patient care)
  std::string start_date;         // ISO yyyy-mm-dd
  std::string end_date;
  int weeks = 0;
  std::string preceptor;          // "Dr. Elena Petrova" ('' when none was assigned)
  std::string verification_code;  // e.g. "CLK-7Q4M-XR2P-9D"
  std::string verification_url;   // public page for the code; encoded in the QR code
  std::string issued_on;          // ISO date the certificate was issued
};

// One-page certificate (US Letter, landscape): the facts, the code and a QR
// code of verification_url. kInternal only when cairo/qrencode fail.
core::Result<std::string> RenderCertificate(const RotationFacts& facts);

struct TranscriptFacts {
  std::string applicant_name;
  std::string generated_on;  // ISO date
  std::vector<RotationFacts> rotations;  // completed rotations, oldest first
};

// Transcript of U.S. clinical experience: one entry per rotation with its
// verification code and URL; total weeks.
core::Result<std::string> RenderTranscript(const TranscriptFacts& facts);

struct PacketPart {
  std::string bookmark;  // outline title, e.g. "Curriculum vitae"
  std::string pdf;       // the part's PDF bytes (already checked)
};

// Merges the parts in order into one PDF whose outline has one bookmark per
// part pointing at its first page. kInvalidArgument("parts") when empty or a
// part is not a readable PDF.
core::Result<std::string> MergePacket(const std::string& title, const std::vector<PacketPart>& parts);

}  // namespace clerkship::adapters
