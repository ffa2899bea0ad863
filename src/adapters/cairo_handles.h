// Owning handles for the cairo and pango objects the PDF renderers create
// (pdf.cpp, documents.cpp): each frees its object with the library's own call.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace clerkship::adapters {

struct Rgb {
  double r = 0, g = 0, b = 0;
};

struct GObjectUnref {
  void operator()(void* p) const { g_object_unref(p); }
};
struct CairoDestroy {
  void operator()(cairo_t* p) const { cairo_destroy(p); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* p) const { cairo_surface_destroy(p); }
};
struct FontDescFree {
  void operator()(PangoFontDescription* p) const { pango_font_description_free(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

}  // namespace clerkship::adapters
