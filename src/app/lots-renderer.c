/* lots-renderer.c — which of GTK's renderers draws the windows.
 *
 * GTK 4.8 draws with OpenGL whenever the display offers it, and on a
 * machine without a graphics card (a thin client, a virtual desktop) Mesa
 * offers it in software: llvmpipe then shades the whole window at every
 * frame, 45 ms at 1280×800, and every keystroke waits for that. GTK's cairo
 * renderer redraws only what changed, in 3–4 ms (README, "Performance: the
 * desk app"). So when the GL renderer is a software rasterizer, Lots asks
 * GTK for cairo. GSK_RENDERER, when set, is left alone: it is the user's
 * (or a test's) choice.
 *
 * GTK reads GSK_RENDERER once, when the first window is realized: call
 * this before any window exists.
 */
#define G_LOG_DOMAIN "lots-renderer"

#include "config.h"

#include "lots-renderer.h"

#include <epoxy/gl.h>
#include <string.h>

/* Mesa's software rasterizers, by their GL_RENDERER names. */
static const char * const software_renderers[] = {
  "llvmpipe", "softpipe", "swrast", "Software Rasterizer", "SWR",
};

static gboolean
is_software (const char *renderer)
{
  for (guint i = 0; i < G_N_ELEMENTS (software_renderers); i++)
    if (strstr (renderer, software_renderers[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* TRUE if it chose cairo. A display without GL, or where GL fails, is left
 * to GTK, which falls back to cairo by itself. */
gboolean
lots_renderer_choose (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *renderer;
  gboolean software;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return FALSE;
  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("no GL (%s): GTK chooses", error != NULL ? error->message : "no context");
      return FALSE;
    }
  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  software = renderer != NULL && is_software (renderer);
  g_debug ("GL renderer “%s”: %s", renderer != NULL ? renderer : "?",
           software ? "software, drawing with cairo" : "drawing with GL");
  gdk_gl_context_clear_current ();
  if (software)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return software;
}
