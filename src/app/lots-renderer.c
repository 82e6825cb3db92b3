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
 * Two steps:
 *  - Before GTK starts (lots_renderer_choose_early()): a machine with no
 *    graphics device at all (no /dev/dri, no NVIDIA device) can only have
 *    GL in software. Lots then asks for cairo and tells GDK not to set up
 *    GL either: on X11 GDK loads and starts Mesa with its LLVM compiler
 *    when the display opens, about 110 ms of every start here, only to
 *    choose a visual.
 *  - Once the display is open (lots_renderer_choose()): where there is a
 *    graphics device, a GL context is made and its renderer read, because
 *    a display may still give software GL (Xvfb, a remote X server).
 *
 * GTK reads GSK_RENDERER once, when the first window is realized, and
 * GDK_DEBUG when it starts: call these before.
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

/* TRUE if DEV_DIR (/dev, or a test's folder) has a node of a graphics
 * device: a DRM card or render node, or NVIDIA's own devices. */
static gboolean
has_graphics_device (const char *dev_dir)
{
  g_autofree char *dri = g_build_filename (dev_dir, "dri", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (dri, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "card") || g_str_has_prefix (name, "renderD"))
      return TRUE;
  g_clear_pointer (&dir, g_dir_close);
  dir = g_dir_open (dev_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "nvidia"))
      return TRUE;
  return FALSE;
}

/* Before GTK starts, in main(): TRUE if it chose cairo and no GL because
 * DEV_DIR (NULL: /dev) has no graphics device. GSK_RENDERER, when set, is
 * left alone, and so is GL. GDK_DEBUG keeps the flags it has. Broadway
 * (GDK_BACKEND=broadway, tools/run-app without a display) draws with its
 * own renderer, which only GTK may choose. */
gboolean
lots_renderer_choose_early (const char *dev_dir)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  const char *backend = g_getenv ("GDK_BACKEND");
  g_autofree char *flags = NULL;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return FALSE;
  if (backend != NULL && strstr (backend, "broadway") != NULL)
    return FALSE;
  if (has_graphics_device (dev_dir != NULL ? dev_dir : "/dev"))
    return FALSE;
  flags = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL) : g_strdup ("gl-disable");
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GDK_DEBUG", flags, TRUE);
  return TRUE;
}

/* Once the display is open: TRUE if it chose cairo. A display without GL, or where GL fails, is left
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
