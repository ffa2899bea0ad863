#include "adapters/pdf.h"
#include "adapters/cairo_handles.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace clerkship::adapters {
namespace {

// US Letter in points, 0.75 in margins.
constexpr double kPageWidth = 612;
constexpr double kPageHeight = 792;
constexpr double kMargin = 54;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin;
constexpr double kFieldLabelWidth = 150;
constexpr double kBulletIndent = 14;
constexpr const char* kFamilies =
    "Noto Sans, Noto Sans CJK SC, Noto Sans Arabic, Noto Sans Devanagari";

constexpr Rgb kInk{0.07, 0.07, 0.07};
constexpr Rgb kMuted{0.38, 0.38, 0.38};
constexpr Rgb kAccent{0.10, 0.25, 0.45};


// Valid UTF-8 with control characters (other than newline and tab) turned
// into spaces, so pango never draws hex boxes or warns.
std::string CleanText(const std::string& in) {
  gchar* valid = g_utf8_make_valid(in.data(), static_cast<gssize>(in.size()));
  std::string out(valid);
  g_free(valid);
  for (char& c : out)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) c = ' ';
  return out;
}

struct LinePlacement {
  PangoLayoutLine* line;  // owned by a layout in Renderer::layouts_
  double x, baseline;
  Rgb color;
};
struct RulePlacement {
  double y, x0, x1, width;
  Rgb color;
};
struct Page {
  std::vector<LinePlacement> lines;
  std::vector<RulePlacement> rules;
};

struct TextStyle {
  double size = 10;
  bool bold = false;
  Rgb color = kInk;
  double space_before = 0;
  double space_after = 0;
};

// Lays the blocks out into pages of positioned lines, then draws them; two
// passes so the footer can say "Page n of N".
class Renderer {
 public:
  explicit Renderer(cairo_t* cr) : context_(pango_cairo_create_context(cr)) {
    // Pango rounds glyph positions to whole points by default (for screens);
    // on a PDF that leaves gaps inside joined Arabic words that text
    // extraction (copy, search, pdftotext) reads as spaces.
    pango_context_set_round_glyph_positions(context_.get(), FALSE);
    font_.reset(pango_font_description_from_string(kFamilies));
    NewPage();
  }

  void Add(const PdfBlock& block) {
    using Kind = PdfBlock::Kind;
    switch (block.kind) {
      case Kind::kTitle:
        Place(MakeLayout(CleanText(block.text), {20, true}), {20, true, kInk, 0, 4});
        break;
      case Kind::kSubtitle:
        Place(MakeLayout(CleanText(block.text), {11}), {11, false, kMuted, 0, 8});
        break;
      case Kind::kHeading: {
        TextStyle style{12.5, true, kAccent, 12, 2};
        auto layout = MakeLayout(CleanText(block.text), style);
        // Keep a heading with at least two lines of what follows it.
        if (!AtTop() && y_ + style.space_before + Height(layout.get()) + 30 > kBottom) NewPage();
        Place(std::move(layout), style);
        AddRule(0.6, kAccent, 0, 6);
        break;
      }
      case Kind::kParagraph:
        Place(MakeLayout(CleanText(block.text), {10}), {10, false, kInk, 0, 6});
        break;
      case Kind::kField: {
        std::string label = CleanText(block.label);
        auto layout = MakeLayout(label + "\t" + CleanText(block.text), {10});
        HangingTab(layout.get(), kFieldLabelWidth);
        PangoAttrList* attrs = pango_attr_list_new();
        PangoAttribute* bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
        bold->start_index = 0;
        bold->end_index = static_cast<guint>(label.size());
        pango_attr_list_insert(attrs, bold);
        pango_layout_set_attributes(layout.get(), attrs);
        pango_attr_list_unref(attrs);
        Place(std::move(layout), {10, false, kInk, 0, 3});
        break;
      }
      case Kind::kBullet: {
        auto layout = MakeLayout("\u2022\t" + CleanText(block.text), {10});
        HangingTab(layout.get(), kBulletIndent);
        Place(std::move(layout), {10, false, kInk, 0, 3});
        break;
      }
      case Kind::kRule:
        if (!AtTop()) AddRule(0.5, kMuted, 4, 8);
        break;
      case Kind::kSpacer:
        if (!AtTop()) y_ += 10;
        break;
    }
  }

  // Adds blocks[first, last) on one page when they fit on one: if they spill
  // over a page break and did not start at the top of a page, they are taken
  // back and placed again from the top of a new page.
  void AddTogether(const std::vector<PdfBlock>& blocks, size_t first, size_t last) {
    const bool at_top = AtTop();
    const Mark mark{pages_.size(), pages_.back().lines.size(), pages_.back().rules.size(),
                    layouts_.size(), y_};
    for (size_t i = first; i < last; ++i) Add(blocks[i]);
    if (at_top || last - first < 2 || pages_.size() == mark.pages) return;
    pages_.erase(pages_.begin() + static_cast<std::ptrdiff_t>(mark.pages), pages_.end());
    auto& lines = pages_.back().lines;
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(mark.lines), lines.end());
    auto& rules = pages_.back().rules;
    rules.erase(rules.begin() + static_cast<std::ptrdiff_t>(mark.rules), rules.end());
    layouts_.erase(layouts_.begin() + static_cast<std::ptrdiff_t>(mark.layouts), layouts_.end());
    y_ = mark.y;
    NewPage();
    for (size_t i = first; i < last; ++i) Add(blocks[i]);
  }

  void Draw(cairo_t* cr, const std::string& footer_text) {
    TextStyle footer_style{8.5, false, kMuted};
    auto footer = MakeLayout(CleanText(footer_text), footer_style);
    pango_layout_set_width(footer.get(), static_cast<int>((kContentWidth - 90) * PANGO_SCALE));
    pango_layout_set_ellipsize(footer.get(), PANGO_ELLIPSIZE_END);
    const double footer_y = kBottom + 18;
    for (size_t i = 0; i < pages_.size(); ++i) {
      const Page& page = pages_[i];
      for (const auto& rule : page.rules) {
        cairo_set_source_rgb(cr, rule.color.r, rule.color.g, rule.color.b);
        cairo_set_line_width(cr, rule.width);
        cairo_move_to(cr, rule.x0, rule.y);
        cairo_line_to(cr, rule.x1, rule.y);
        cairo_stroke(cr);
      }
      for (const auto& line : page.lines) {
        cairo_set_source_rgb(cr, line.color.r, line.color.g, line.color.b);
        cairo_move_to(cr, line.x, line.baseline);
        pango_cairo_show_layout_line(cr, line.line);
      }
      cairo_set_source_rgb(cr, kMuted.r, kMuted.g, kMuted.b);
      cairo_move_to(cr, kMargin, footer_y);
      pango_cairo_show_layout(cr, footer.get());
      auto number = MakeLayout(
          "Page " + std::to_string(i + 1) + " of " + std::to_string(pages_.size()), footer_style);
      pango_layout_set_alignment(number.get(), PANGO_ALIGN_RIGHT);
      cairo_move_to(cr, kMargin, footer_y);
      pango_cairo_show_layout(cr, number.get());
      cairo_show_page(cr);
    }
  }

 private:
  LayoutPtr MakeLayout(const std::string& text, const TextStyle& style) {
    LayoutPtr layout(pango_layout_new(context_.get()));
    pango_font_description_set_size(font_.get(), static_cast<int>(style.size * PANGO_SCALE));
    pango_font_description_set_weight(font_.get(),
                                      style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font_.get());
    pango_layout_set_width(layout.get(), static_cast<int>(kContentWidth * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
  }

  // First line starts at the margin; a tab jumps to `indent`; wrapped lines
  // start at `indent` (a label column, or the text after a bullet).
  static void HangingTab(PangoLayout* layout, double indent) {
    PangoTabArray* tabs =
        pango_tab_array_new_with_positions(1, TRUE, PANGO_TAB_LEFT, static_cast<int>(indent));
    pango_layout_set_tabs(layout, tabs);
    pango_tab_array_free(tabs);
    pango_layout_set_indent(layout, static_cast<int>(-indent * PANGO_SCALE));
  }

  static double Height(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  bool AtTop() const { return y_ <= kMargin + 0.01; }

  struct Mark {
    size_t pages, lines, rules, layouts;
    double y;
  };

  void NewPage() {
    pages_.emplace_back();
    y_ = kMargin;
  }

  void AddRule(double width, Rgb color, double before, double after) {
    y_ += before;
    if (y_ > kBottom) {
      NewPage();
      return;
    }
    pages_.back().rules.push_back({y_, kMargin, kMargin + kContentWidth, width, color});
    y_ += after;
  }

  // Places the layout line by line, breaking to a new page before any line
  // that would cross the bottom margin.
  void Place(LayoutPtr layout, const TextStyle& style) {
    if (!AtTop()) y_ += style.space_before;
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    double offset = 0;  // page y of the layout's top
    bool first = true;
    do {
      PangoRectangle in_layout, in_line;
      pango_layout_iter_get_line_extents(iter, nullptr, &in_layout);
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
      pango_layout_line_get_extents(line, nullptr, &in_line);
      const double top = static_cast<double>(in_layout.y) / PANGO_SCALE;
      const double height = static_cast<double>(in_layout.height) / PANGO_SCALE;
      const double baseline =
          static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
      if (first) offset = y_ - top;
      first = false;
      if (offset + top + height > kBottom && !(offset + top <= kMargin + 0.01)) {
        NewPage();
        offset = kMargin - top;
      }
      const double x = kMargin + static_cast<double>(in_layout.x - in_line.x) / PANGO_SCALE;
      pages_.back().lines.push_back({line, x, offset + baseline, style.color});
      y_ = offset + top + height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    y_ += style.space_after;
    layouts_.push_back(std::move(layout));
  }

  std::unique_ptr<PangoContext, GObjectUnref> context_;
  std::unique_ptr<PangoFontDescription, FontDescFree> font_;
  std::vector<LayoutPtr> layouts_;
  std::vector<Page> pages_;
  double y_ = kMargin;
};

cairo_status_t AppendTo(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string PdfText(const std::string& in) { return CleanText(in); }

core::Result<std::string> RenderPdf(const PdfDocument& doc) {
  std::string out;
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      cairo_pdf_surface_create_for_stream(AppendTo, &out, kPageWidth, kPageHeight));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return core::Internal("RenderPdf: cannot create surface");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                 CleanText(doc.title).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                 CleanText(doc.author).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Clerkship");
  {
    std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
    Renderer renderer(cr.get());
    for (size_t first = 0; first < doc.blocks.size();) {
      size_t last = first;  // the chain of keep_with_next blocks and the block ending it
      while (last + 1 < doc.blocks.size() && doc.blocks[last].keep_with_next) ++last;
      renderer.AddTogether(doc.blocks, first, last + 1);
      first = last + 1;
    }
    renderer.Draw(cr.get(), doc.footer);
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      return core::Internal(std::string("RenderPdf: ") +
                            cairo_status_to_string(cairo_status(cr.get())));
  }
  cairo_surface_finish(surface.get());
  if (auto st = cairo_surface_status(surface.get()); st != CAIRO_STATUS_SUCCESS)
    return core::Internal(std::string("RenderPdf: ") + cairo_status_to_string(st));
  return out;
}

}  // namespace clerkship::adapters
