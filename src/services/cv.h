// The CV as a document model (rendered to PDF by adapters/pdf). Pure.
#pragma once

#include <string>

#include "adapters/pdf.h"
#include "core/profile.h"

namespace clerkship::services {

// Sections in the order programs read them: identity and contact, education,
// examinations and ECFMG, U.S. clinical experience, other experience by kind,
// languages, interests, personal statement. Empty sections are left out.
adapters::PdfDocument CvDocument(const core::Profile& p, const std::string& email, const std::string& today);

}  // namespace clerkship::services
