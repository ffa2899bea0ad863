#include "adapters/documents.h"
#include "adapters/cairo_handles.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "adapters/pdf.h"

namespace clerkship::adapters {
namespace {

// ---- wording shared by the certificate and the transcript ---------------------------------

// An observership never claims patient care, whatever else the facts say.
bool Observership(const RotationFacts& f) {
  return !f.hands_on || f.rotation_type == "observership";
}

// "Hands-on elective", "Hands-on core clerkship", "Observership".
std::string TypeLine(const RotationFacts& f) {
  if (Observership(f)) return "Observership";
  if (f.rotation_type == "core") return "Hands-on core clerkship";
  if (f.rotation_type == "elective") return "Hands-on elective";
  if (f.rotation_type == "sub_internship") return "Hands-on sub-internship";
  return f.rotation_type.empty() ? "Hands-on clinical rotation" : "Hands-on " + f.rotation_type;
}

// "2026-01-05" -> "Jan 5, 2026" (short) or "January 5, 2026"; anything else as it is.
std::string UsDate(const std::string& iso, bool short_month) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  auto digits = [&](size_t at, size_t n) {
    return std::all_of(iso.begin() + static_cast<std::ptrdiff_t>(at),
                       iso.begin() + static_cast<std::ptrdiff_t>(at + n),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !digits(0, 4) || !digits(5, 2) ||
      !digits(8, 2))
    return iso;
  const int month = std::stoi(iso.substr(5, 2));
  const int day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  std::string name = kMonths[static_cast<size_t>(month - 1)];
  if (short_month && name.size() > 4) name = name.substr(0, 3);
  return name + " " + std::to_string(day) + ", " + iso.substr(0, 4);
}

std::string Weeks(int weeks) { return std::to_string(weeks) + (weeks == 1 ? " week" : " weeks"); }

// ---- cairo + pango drawing for the certificate ---------------------------------------------

// US Letter, landscape, in points.
constexpr double kWidth = 792;
constexpr double kHeight = 612;
constexpr double kOuterInset = 18;
constexpr double kInnerInset = 25;
constexpr double kSide = 66;  // left/right edge of the content
// Arabic in Noto Sans Arabic even here: Noto Naskh Arabic's ligature for
// "الله" extracts as "اهلل" (pdftotext, copy, search).
constexpr const char* kSerif =
    "Noto Serif, Noto Serif CJK SC, Noto Sans Arabic, Noto Serif Devanagari";
constexpr const char* kSans = "Noto Sans, Noto Sans CJK SC, Noto Sans Arabic, Noto Sans Devanagari";

constexpr Rgb kInk{0.09, 0.09, 0.11};
constexpr Rgb kMuted{0.38, 0.38, 0.40};
constexpr Rgb kAccent{0.10, 0.25, 0.45};
constexpr Rgb kGold{0.66, 0.53, 0.25};

struct QrFree {
  void operator()(QRcode* p) const { QRcode_free(p); }
};

struct Style {
  const char* family = kSans;
  double size = 10;
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  PangoStyle slant = PANGO_STYLE_NORMAL;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  Rgb color = kInk;
};

// Text boxes measured before they are drawn, so the layout can shrink to fit.
class Canvas {
 public:
  explicit Canvas(cairo_t* cr) : cr_(cr), context_(pango_cairo_create_context(cr)) {
    // Whole-point glyph positions leave gaps inside joined Arabic words that
    // text extraction reads as spaces (see pdf.cpp).
    pango_context_set_round_glyph_positions(context_.get(), FALSE);
  }

  struct Box {
    LayoutPtr layout;
    Rgb color;
    double width = 0, height = 0;
  };

  // `width` <= 0: one line per paragraph, no wrapping.
  Box Text(const std::string& text, const Style& style, double width) {
    LayoutPtr layout(pango_layout_new(context_.get()));
    std::unique_ptr<PangoFontDescription, FontDescFree> font(
        pango_font_description_from_string(style.family));
    pango_font_description_set_size(font.get(), static_cast<int>(style.size * PANGO_SCALE));
    pango_font_description_set_weight(font.get(), style.weight);
    pango_font_description_set_style(font.get(), style.slant);
    pango_layout_set_font_description(layout.get(), font.get());
    if (width > 0) {
      pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout.get(), style.align);
    const std::string clean = PdfText(text);
    pango_layout_set_text(layout.get(), clean.data(), static_cast<int>(clean.size()));
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    Box box{std::move(layout), style.color};
    box.width = static_cast<double>(logical.width) / PANGO_SCALE;
    box.height = static_cast<double>(logical.height) / PANGO_SCALE;
    return box;
  }

  // Draws a wrapped box with its layout's left edge at x; a box without a
  // width is centred on x instead.
  void Show(const Box& box, double x, double y) {
    cairo_set_source_rgb(cr_, box.color.r, box.color.g, box.color.b);
    if (pango_layout_get_width(box.layout.get()) < 0) x -= box.width / 2;
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, box.layout.get());
  }

  void Line(double x0, double y0, double x1, double y1, double width, Rgb color) {
    cairo_set_source_rgb(cr_, color.r, color.g, color.b);
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, x0, y0);
    cairo_line_to(cr_, x1, y1);
    cairo_stroke(cr_);
  }

  void Frame(double inset, double width, Rgb color) {
    cairo_set_source_rgb(cr_, color.r, color.g, color.b);
    cairo_set_line_width(cr_, width);
    cairo_rectangle(cr_, inset, inset, kWidth - 2 * inset, kHeight - 2 * inset);
    cairo_stroke(cr_);
  }

  // Dark modules as filled rectangles, one per horizontal run (no seams
  // between neighbouring modules when rasterised).
  void Qr(const QRcode& qr, double x, double y, double size) {
    const double m = size / qr.width;
    cairo_set_source_rgb(cr_, 0, 0, 0);
    for (int row = 0; row < qr.width; ++row) {
      for (int col = 0; col < qr.width;) {
        if ((qr.data[row * qr.width + col] & 1) == 0) {
          ++col;
          continue;
        }
        int end = col;
        while (end < qr.width && (qr.data[row * qr.width + end] & 1) != 0) ++end;
        cairo_rectangle(cr_, x + col * m, y + row * m, (end - col) * m, m);
        col = end;
      }
    }
    cairo_fill(cr_);
  }

 private:
  cairo_t* cr_;
  std::unique_ptr<PangoContext, GObjectUnref> context_;
};

// Everything on the certificate, measured at one scale of the text sizes.
struct CertificateLayout {
  std::vector<std::pair<Canvas::Box, double>> centred;  // box and its top
  struct Cell {
    Canvas::Box label, value;
    double x, y;
  };
  std::vector<Cell> cells;
  size_t letterhead = 0;  // index in `centred` of the letterhead's last line
  size_t name = 0;        // index in `centred` of the applicant's name
  double grid_top = 0;
  bool fits = false;
};

constexpr double kQrSize = 118;
constexpr double kQrX = kWidth - kSide - kQrSize;
constexpr double kGridWidth = kQrX - 40 - kSide;

CertificateLayout LayOut(Canvas& canvas, const RotationFacts& f, double s) {
  CertificateLayout out;
  const double wide = kWidth - 2 * kSide - 20;
  auto centred = [&](Canvas::Box box, double* y, double after) {
    const double top = *y;
    *y += box.height + after;
    out.centred.emplace_back(std::move(box), top);
  };

  // Bottom band: the verification footer, then the facts grid beside the QR code.
  double bottom = kHeight - kInnerInset - 10;
  Canvas::Box footer = canvas.Text(
      f.verification_url.empty() ? "" : "Verify this certificate at " + f.verification_url,
      {kSans, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER, kMuted},
      kWidth - 2 * kSide);
  bottom -= footer.height;
  const double footer_top = bottom;

  std::vector<std::pair<std::string, std::string>> facts = {
      {"TYPE", TypeLine(f)},
      {"SPECIALTY", f.specialty},
      {"PRECEPTOR", f.preceptor.empty() ? "Not named" : f.preceptor},
      {"DATES", UsDate(f.start_date, true) + " \u2013 " + UsDate(f.end_date, true)},
      {"DURATION", Weeks(f.weeks)},
      {"ISSUED", UsDate(f.issued_on, true)},
  };
  // Columns: type and dates | specialty and duration | preceptor and issue date.
  const std::array<double, 3> columns = {kGridWidth * 0.38, kGridWidth * 0.27, kGridWidth * 0.35};
  double grid_height = 0;
  double row_height = 0;
  double x = kSide;
  for (size_t i = 0; i < facts.size(); ++i) {
    const size_t col = i % 3;
    if (col == 0) {
      x = kSide;
      if (i > 0) {
        grid_height += row_height + 12 * s;
        row_height = 0;
      }
    }
    CertificateLayout::Cell cell{
        canvas.Text(
            facts[i].first,
            {kSans, 7.5 * s, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, kGold},
            columns[col] - 12),
        canvas.Text(facts[i].second, {kSans, 10.5 * s}, columns[col] - 12), x, grid_height};
    x += columns[col];
    row_height = std::max(row_height, cell.label.height + 2 + cell.value.height);
    out.cells.push_back(std::move(cell));
  }
  grid_height += row_height;
  const double qr_block = kQrSize + 34;  // the code and its caption under the QR code
  const double band = std::max(grid_height, qr_block);
  const double band_top = footer_top - 14 - band;
  out.grid_top = band_top + (band - grid_height);
  for (auto& cell : out.cells) cell.y += out.grid_top;

  // Letterhead.
  double y = kInnerInset + 24;
  centred(canvas.Text(
              f.institution,
              {kSerif, 19 * s, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER, kAccent},
              wide),
          &y, 2);
  if (!f.institution_place.empty())
    centred(canvas.Text(f.institution_place,
                        {kSans, 9.5 * s, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                         PANGO_ALIGN_CENTER, kMuted},
                        wide),
            &y, 0);
  out.letterhead = out.centred.size() - 1;
  const double letterhead_bottom = y + 10;

  // The statement, centred in the space between letterhead and the band.
  const size_t first_statement = out.centred.size();
  double h = 0;
  auto statement = [&](Canvas::Box box, double after) { centred(std::move(box), &h, after); };
  statement(canvas.Text("Certificate of Completion",
                        {kSerif, 28 * s, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                         PANGO_ALIGN_CENTER, kAccent},
                        wide),
            10 * s);
  statement(canvas.Text("This certifies that",
                        {kSerif, 12 * s, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
                         PANGO_ALIGN_CENTER, kMuted},
                        wide),
            6 * s);
  // The name on one line, as large as fits (width grows with the size); a
  // name too long even at 15 pt wraps at 22 pt rather than lose a character.
  Style name_style{kSerif, 32 * s, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER, kInk};
  const double name_width = kWidth - 2 * kSide;
  const double smallest = 15 * s;
  Canvas::Box name = canvas.Text(f.applicant_name, name_style, -1);
  if (name.width > name_width) {
    name_style.size =
        std::max(smallest, std::floor(name_style.size * name_width / name.width * 4) / 4);
    for (;;) {
      name = canvas.Text(f.applicant_name, name_style, -1);
      if (name.width <= name_width || name_style.size <= smallest) break;
      name_style.size = std::max(smallest, name_style.size - 0.5);
    }
    if (name.width > name_width) {
      name_style.size = 22 * s;
      name = canvas.Text(f.applicant_name, name_style, name_width);
    }
  }
  out.name = out.centred.size();
  statement(std::move(name), 16 * s);  // room for the rule under the name
  const bool observed = Observership(f);
  statement(canvas.Text(observed ? "has completed the observership"
                                 : "has completed the hands-on clinical rotation",
                        {kSerif, 12 * s, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,
                         PANGO_ALIGN_CENTER, kMuted},
                        wide),
            4 * s);
  statement(
      canvas.Text(f.rotation_title,
                  {kSerif, 17 * s, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER, kInk},
                  wide),
      5 * s);
  const std::string in = f.specialty.empty() ? "" : "in " + f.specialty + ", ";
  const std::string who =
      f.preceptor.empty() ? "under supervision" : "under the supervision of " + f.preceptor;
  statement(canvas.Text(observed ? in + "having observed clinical practice " + who +
                                       ".\nObservation only: no hands-on clinical duties."
                                 : in + "providing hands-on patient care " + who + ".",
                        {kSans, 10.5 * s, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                         PANGO_ALIGN_CENTER, kInk},
                        wide),
            0);

  const double room = band_top - 8 - letterhead_bottom;
  out.fits = h <= room;
  const double offset = letterhead_bottom + std::max(0.0, (room - h) / 2);
  for (size_t i = first_statement; i < out.centred.size(); ++i) out.centred[i].second += offset;
  out.centred.emplace_back(std::move(footer), footer_top);
  return out;
}

// kInvalidArgument("parts") with qpdf's own words for the log only.
std::unexpected<core::Error> BadParts(std::string message, const char* what) {
  return std::unexpected(core::Error{core::ErrorCode::kInvalidArgument, std::move(message), "parts",
                                     std::string("MergePacket: ") + what});
}

cairo_status_t AppendTo(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

core::Result<std::string> RenderCertificate(const RotationFacts& f) {
  std::unique_ptr<QRcode, QrFree> qr;
  if (!f.verification_url.empty()) {
    qr.reset(QRcode_encodeString(f.verification_url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!qr) return core::Internal("RenderCertificate: QR code of the verification URL failed");
  }
  std::string out;
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      cairo_pdf_surface_create_for_stream(AppendTo, &out, kWidth, kHeight));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return core::Internal("RenderCertificate: cannot create surface");
  cairo_pdf_surface_set_metadata(
      surface.get(), CAIRO_PDF_METADATA_TITLE,
      PdfText("Certificate of completion — " + f.applicant_name).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                 PdfText(f.institution).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT,
                                 PdfText(f.rotation_title + " · " + f.verification_code).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Clerkship");
  {
    std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
    Canvas canvas(cr.get());
    CertificateLayout layout;
    for (double s = 1.0; s > 0.5; s -= 0.05) {
      layout = LayOut(canvas, f, s);
      if (layout.fits) break;
    }

    canvas.Frame(kOuterInset, 2.5, kAccent);
    canvas.Frame(kInnerInset, 0.8, kGold);
    for (const auto& [box, top] : layout.centred) {
      // Wrapped boxes are as wide as the text area, centred on the page.
      const bool wrapped = pango_layout_get_width(box.layout.get()) >= 0;
      const double x =
          wrapped ? (kWidth -
                     static_cast<double>(pango_layout_get_width(box.layout.get())) / PANGO_SCALE) /
                        2
                  : kWidth / 2;
      canvas.Show(box, x, top);
    }
    // Ornament under the letterhead and the rule the name stands on.
    const auto& letterhead = layout.centred[layout.letterhead];
    const double ornament_y = letterhead.second + letterhead.first.height + 6;
    canvas.Line(kWidth / 2 - 50, ornament_y, kWidth / 2 + 50, ornament_y, 1.2, kGold);
    const auto& name = layout.centred[layout.name];
    const double name_rule = std::clamp(name.first.width + 60, 300.0, kWidth - 2 * kSide);
    const double rule_y = name.second + name.first.height + 6;
    canvas.Line((kWidth - name_rule) / 2, rule_y, (kWidth + name_rule) / 2, rule_y, 0.6, kMuted);

    canvas.Line(kSide, layout.grid_top - 10, kSide + kGridWidth - 14, layout.grid_top - 10, 0.5,
                kGold);
    for (const auto& cell : layout.cells) {
      canvas.Show(cell.label, cell.x, cell.y);
      canvas.Show(cell.value, cell.x, cell.y + cell.label.height + 2);
    }

    // QR code with the code itself under it, at the bottom of the band.
    const double block_top = layout.centred.back().second - 14 - (kQrSize + 34);
    if (qr) canvas.Qr(*qr, kQrX, block_top, kQrSize);
    Canvas::Box caption =
        canvas.Text("Verification code",
                    {kSans, 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER, kGold},
                    kQrSize + 40);
    Canvas::Box code =
        canvas.Text(f.verification_code,
                    {kSans, 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER, kInk},
                    kQrSize + 40);
    canvas.Show(caption, kQrX - 20, block_top + kQrSize + 6);
    canvas.Show(code, kQrX - 20, block_top + kQrSize + 6 + caption.height);

    cairo_show_page(cr.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      return core::Internal(std::string("RenderCertificate: ") +
                            cairo_status_to_string(cairo_status(cr.get())));
  }
  cairo_surface_finish(surface.get());
  if (auto st = cairo_surface_status(surface.get()); st != CAIRO_STATUS_SUCCESS)
    return core::Internal(std::string("RenderCertificate: ") + cairo_status_to_string(st));
  return out;
}

core::Result<std::string> RenderTranscript(const TranscriptFacts& t) {
  using Kind = PdfBlock::Kind;
  PdfDocument doc;
  doc.title = "Transcript of U.S. clinical experience — " + t.applicant_name;
  doc.author = t.applicant_name;
  doc.footer = t.applicant_name + " — transcript generated by Clerkship on " + t.generated_on;
  int weeks = 0, observed = 0;
  for (const auto& r : t.rotations) {
    weeks += r.weeks;
    if (Observership(r)) observed += r.weeks;
  }
  auto& b = doc.blocks;
  b.push_back({Kind::kTitle, "Transcript of U.S. clinical experience"});
  b.push_back({Kind::kSpacer});
  b.push_back({Kind::kField, t.applicant_name, "Applicant"});
  b.push_back({Kind::kField, UsDate(t.generated_on, false), "Generated"});
  const size_t n = t.rotations.size();
  b.push_back({Kind::kField,
               n == 0 ? "No completed rotations yet."
                      : std::to_string(n) +
                            (n == 1 ? " completed rotation, " : " completed rotations, ") +
                            Weeks(weeks) + ": " + Weeks(weeks - observed) + " hands-on, " +
                            Weeks(observed) + " observership",
               "Rotations"});
  b.push_back({Kind::kSpacer});
  b.push_back({Kind::kParagraph,
               "Each entry is a rotation the host institution recorded as completed. Its "
               "verification code can be checked by anyone at the address given with it, which "
               "shows the same facts and whether the certificate has been revoked. An "
               "observership is clinical observation only, without hands-on clinical duties."});
  for (size_t i = 0; i < n; ++i) {
    const RotationFacts& r = t.rotations[i];
    std::vector<PdfBlock> entry;
    entry.push_back({Kind::kHeading, std::to_string(i + 1) + ". " + r.rotation_title});
    entry.push_back(
        {Kind::kField,
         r.institution + (r.institution_place.empty() ? "" : " — " + r.institution_place),
         "Institution"});
    if (!r.specialty.empty()) entry.push_back({Kind::kField, r.specialty, "Specialty"});
    entry.push_back({Kind::kField,
                     Observership(r) ? "Observership: clinical observation only, no hands-on duties"
                                     : TypeLine(r) + ": direct patient care under supervision",
                     "Type"});
    entry.push_back({Kind::kField,
                     UsDate(r.start_date, false) + " to " + UsDate(r.end_date, false) + " (" +
                         Weeks(r.weeks) + ")",
                     "Dates"});
    if (!r.preceptor.empty()) entry.push_back({Kind::kField, r.preceptor, "Preceptor"});
    entry.push_back({Kind::kField, r.verification_code, "Verification code"});
    if (!r.verification_url.empty())
      entry.push_back({Kind::kField, r.verification_url, "Verify at"});
    for (size_t k = 0; k + 1 < entry.size(); ++k) entry[k].keep_with_next = true;
    b.insert(b.end(), entry.begin(), entry.end());
  }
  if (n > 0) {
    b.push_back({Kind::kRule, "", "", true});
    b.push_back({Kind::kField,
                 Weeks(weeks) + " (" + Weeks(weeks - observed) + " hands-on, " + Weeks(observed) +
                     " observership)",
                 "Total"});
  }
  return RenderPdf(doc);
}

core::Result<std::string> MergePacket(const std::string& title,
                                      const std::vector<PacketPart>& parts) {
  if (parts.empty()) return core::InvalidArgument("parts", "a packet needs at least one document");
  auto name = [&](size_t i) {
    return "part " + std::to_string(i + 1) + " (\"" + PdfText(parts[i].bookmark) + "\")";
  };
  std::vector<std::unique_ptr<QPDF>> inputs;  // alive until written: pages are copied lazily
  std::vector<size_t> first_page;             // per part, index into the merged pages
  QPDF out;
  out.emptyPDF();
  QPDFPageDocumentHelper out_pages(out);
  size_t pages = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const PacketPart& part = parts[i];
    if (part.pdf.empty()) return core::InvalidArgument("parts", name(i) + " is empty");
    if (part.pdf.find("%PDF-") > 1024)
      return core::InvalidArgument("parts", name(i) + " is not a PDF");
    try {
      auto in = std::make_unique<QPDF>();
      in->setSuppressWarnings(true);
      in->processMemoryFile(part.bookmark.c_str(), part.pdf.data(), part.pdf.size());
      auto in_pages = QPDFPageDocumentHelper(*in).getAllPages();
      if (in_pages.empty()) return core::InvalidArgument("parts", name(i) + " has no pages");
      first_page.push_back(pages);
      for (auto& page : in_pages) out_pages.addPage(page, false);
      pages += in_pages.size();
      inputs.push_back(std::move(in));
    } catch (const std::exception& e) {
      return BadParts(name(i) + " is not a readable PDF", e.what());
    }
  }
  try {
    // The outline: one top-level item per part, pointing at its first page.
    auto merged = out_pages.getAllPages();
    QPDFObjectHandle outlines = out.makeIndirectObject(QPDFObjectHandle::newDictionary());
    outlines.replaceKey("/Type", QPDFObjectHandle::newName("/Outlines"));
    std::vector<QPDFObjectHandle> items;
    for (size_t i = 0; i < parts.size(); ++i) {
      QPDFObjectHandle item = out.makeIndirectObject(QPDFObjectHandle::newDictionary());
      const std::string bookmark = PdfText(parts[i].bookmark);
      item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(
                                    bookmark.empty() ? "Part " + std::to_string(i + 1) : bookmark));
      item.replaceKey("/Parent", outlines);
      QPDFObjectHandle dest = QPDFObjectHandle::newArray();
      dest.appendItem(merged[first_page[i]].getObjectHandle());
      dest.appendItem(QPDFObjectHandle::newName("/Fit"));
      item.replaceKey("/Dest", dest);
      if (!items.empty()) {
        item.replaceKey("/Prev", items.back());
        items.back().replaceKey("/Next", item);
      }
      items.push_back(item);
    }
    outlines.replaceKey("/First", items.front());
    outlines.replaceKey("/Last", items.back());
    outlines.replaceKey("/Count",
                        QPDFObjectHandle::newInteger(static_cast<long long>(items.size())));
    QPDFObjectHandle root = out.getRoot();
    root.replaceKey("/Outlines", outlines);
    root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));

    QPDFObjectHandle info = out.makeIndirectObject(QPDFObjectHandle::newDictionary());
    if (!title.empty())
      info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(PdfText(title)));
    info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString("Clerkship"));
    out.getTrailer().replaceKey("/Info", info);

    QPDFWriter writer(out);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    // The inputs parsed, so a failure here is ours (or a part qpdf cannot copy).
    return BadParts("the parts could not be merged", e.what());
  }
}

}  // namespace clerkship::adapters
