/* lots-guide-library.c — the guides of one source (see the header). */
#define G_LOG_DOMAIN "lots-guide-library"

#include "config.h"

#include "lots-guide-library.h"

#include <string.h>

#include "lots-article.h"
#include "lots-diagnostic.h"
#include "lots-guide-check.h"

/* Where the built-in source keeps its guides. */
#define BUILTIN_SCRIPTS_PREFIX "scripts/"

struct _LotsGuideLibrary {
  LotsSource *source;
  LotsGuideHost *host;
  GPtrArray *guides;      /* LotsGuide, not modules */
  GPtrArray *modules;     /* LotsGuide that declare no guide */
  GPtrArray *tests;       /* LotsSourceFile, borrowed from the source */
};

static gboolean
article_lookup (const char  *id,
                char       **title,
                gpointer     user_data)
{
  GHashTable *titles = user_data;
  const char *found = g_hash_table_lookup (titles, id);

  if (found != NULL && title != NULL)
    *title = g_strdup (found);
  return found != NULL;
}

static LotsGuideHost *
build_host (LotsSource *source)
{
  LotsGuideHost *host = lots_guide_host_new ();
  GHashTable *titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Swedish titles first; a translation only names an article without one. */
  for (guint i = 0; i < source->articles->len; i++)
    {
      const LotsArticle *article = g_ptr_array_index (source->articles, i);
      if (g_strcmp0 (article->lang, "sv") == 0 || !g_hash_table_contains (titles, article->id))
        g_hash_table_replace (titles, g_strdup (article->id), g_strdup (article->title));
    }
  lots_guide_host_set_articles (host, article_lookup, titles, (GDestroyNotify) g_hash_table_unref);
  /* The host owns the tables from here. */
  while (source->tables->len > 0)
    lots_guide_host_add_table (host, g_ptr_array_steal_index (source->tables, 0));
  for (guint i = 0; i < source->guides->len; i++)
    {
      const LotsSourceFile *file = g_ptr_array_index (source->guides, i);
      if (file->bytes == NULL || g_str_has_suffix (file->path, "_test.lua"))
        continue;
      lots_guide_host_add_module (host, file->path, file->bytes);
      if (g_str_has_prefix (file->path, BUILTIN_SCRIPTS_PREFIX))
        lots_guide_host_add_module (host, file->path + strlen (BUILTIN_SCRIPTS_PREFIX), file->bytes);
    }
  return host;
}

/* Takes SOURCE. */
LotsGuideLibrary *
lots_guide_library_new (LotsSource *source,
                        GPtrArray  *diagnostics)
{
  LotsGuideLibrary *self = g_new0 (LotsGuideLibrary, 1);

  g_return_val_if_fail (source != NULL && diagnostics != NULL, NULL);

  self->source = source;
  self->host = build_host (source);
  self->guides = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_guide_free);
  self->modules = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_guide_free);
  self->tests = g_ptr_array_new ();
  for (guint i = 0; i < source->guides->len; i++)
    {
      LotsSourceFile *file = g_ptr_array_index (source->guides, i);
      LotsGuide *guide;

      if (g_str_has_suffix (file->path, "_test.lua"))
        {
          g_ptr_array_add (self->tests, file);
          continue;
        }
      if (file->bytes == NULL)
        {
          lots_diagnostics_add (diagnostics, file->display, 0, LOTS_SEVERITY_ERROR,
                                "the file is too large to be a guide (%" G_GOFFSET_FORMAT " bytes)", file->size);
          continue;
        }
      guide = lots_guide_load (file->display, file->bytes, self->host, diagnostics, NULL);
      if (guide == NULL)
        continue;
      g_ptr_array_add (lots_guide_is_module (guide) ? self->modules : self->guides, guide);
    }
  return self;
}

void
lots_guide_library_free (LotsGuideLibrary *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->tests);
  g_ptr_array_unref (self->guides);
  g_ptr_array_unref (self->modules);
  lots_guide_host_unref (self->host);
  lots_source_free (self->source);
  g_free (self);
}

LotsGuideHost *
lots_guide_library_get_host (LotsGuideLibrary *self)
{
  return self->host;
}

GPtrArray *
lots_guide_library_get_guides (LotsGuideLibrary *self)
{
  return self->guides;
}

GPtrArray *
lots_guide_library_get_tests (LotsGuideLibrary *self)
{
  return self->tests;
}

const char *
lots_guide_library_get_source_id (LotsGuideLibrary *self)
{
  return self->source->manifest ? self->source->manifest->id : NULL;
}

/* The revision the guides were read at: a commit id for a git source, a
 * fingerprint of the files for a folder. It goes into the case log with
 * the guide used. */
const char *
lots_guide_library_get_revision (LotsGuideLibrary *self)
{
  return self->source->revision;
}

/* The source the guides come from, borrowed. */
const LotsSource *
lots_guide_library_get_source (LotsGuideLibrary *self)
{
  return self->source;
}

/* A guide by its id ("aldre/trygghetslarm") or its file's path. */
LotsGuide *
lots_guide_library_find (LotsGuideLibrary *self,
                         const char       *id_or_path)
{
  g_return_val_if_fail (self != NULL && id_or_path != NULL, NULL);
  for (guint i = 0; i < self->guides->len; i++)
    {
      LotsGuide *guide = g_ptr_array_index (self->guides, i);
      if (g_strcmp0 (lots_guide_get_id (guide), id_or_path) == 0 ||
          g_strcmp0 (lots_guide_get_path (guide), id_or_path) == 0)
        return guide;
    }
  return NULL;
}

/* Static checks of every guide, and ids unique across the source. */
void
lots_guide_library_check (LotsGuideLibrary *self,
                          GPtrArray        *diagnostics)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *const *areas = NULL;

  g_return_if_fail (self != NULL && diagnostics != NULL);
  if (self->source->manifest != NULL)
    areas = (const char *const *) self->source->manifest->areas;
  for (guint i = 0; i < self->guides->len; i++)
    {
      LotsGuide *guide = g_ptr_array_index (self->guides, i);
      LotsGuide *other = lots_guide_get_id (guide) ? g_hash_table_lookup (seen, lots_guide_get_id (guide)) : NULL;

      lots_guide_check (guide, areas, diagnostics);
      if (other != NULL)
        lots_diagnostics_add (diagnostics, lots_guide_get_path (guide), lots_guide_get_line (guide),
                              LOTS_SEVERITY_ERROR, "guide: id \"%s\" is also the id of %s", lots_guide_get_id (guide),
                              lots_guide_get_path (other));
      else if (lots_guide_get_id (guide) != NULL)
        g_hash_table_insert (seen, (gpointer) lots_guide_get_id (guide), guide);
    }
}
