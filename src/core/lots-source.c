/* lots-source.c — reading a source tree and checking it as a whole. */
#define G_LOG_DOMAIN "lots-source"

#include "config.h"

#include "lots-source.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lots-area.h"
#include "lots-article.h"
#include "lots-calendar.h"
#include "lots-diagnostic.h"
#include "lots-error.h"
#include "lots-table.h"

#define MAX_DIR_DEPTH 32

LotsSourceFile *
lots_source_file_new (const char *path,
                      const char *display,
                      GBytes     *bytes,
                      goffset     size)
{
  LotsSourceFile *file = g_new0 (LotsSourceFile, 1);

  file->path = g_strdup (path);
  file->display = g_strdup (display ? display : path);
  file->bytes = bytes ? g_bytes_ref (bytes) : NULL;
  file->size = size;
  return file;
}

void
lots_source_file_free (LotsSourceFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->display);
  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_free (file);
}

void
lots_source_free (LotsSource *source)
{
  if (source == NULL)
    return;
  lots_manifest_free (source->manifest);
  g_clear_pointer (&source->areas, g_ptr_array_unref);
  g_clear_pointer (&source->articles, g_ptr_array_unref);
  g_clear_pointer (&source->tables, g_ptr_array_unref);
  g_clear_pointer (&source->guides, g_ptr_array_unref);
  g_free (source->revision);
  g_free (source);
}

/* ---- reading a folder ------------------------------------------------------ */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
read_dir_recursive (const char *dir,
                    const char *relative,
                    const char *display_root,
                    guint       depth,
                    GPtrArray  *files,
                    GPtrArray  *diagnostics,
                    GError    **error)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (depth > MAX_DIR_DEPTH)
    {
      lots_diagnostics_add (diagnostics, relative, 0, LOTS_SEVERITY_ERROR,
                            "folders nested more than %d deep are not read", MAX_DIR_DEPTH);
      return TRUE;
    }
  handle = g_dir_open (dir, 0, error);
  if (handle == NULL)
    return FALSE;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (name[0] != '.')   /* dotfiles and .git are never content */
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      g_autofree char *full = g_build_filename (dir, entry, NULL);
      g_autofree char *rel = *relative ? g_strconcat (relative, "/", entry, NULL) : g_strdup (entry);
      g_autofree char *display = display_root ? g_strconcat (display_root, "/", rel, NULL) : g_strdup (rel);
      GStatBuf st;

      if (g_lstat (full, &st) != 0)
        {
          lots_diagnostics_add (diagnostics, display, 0, LOTS_SEVERITY_ERROR,
                                "cannot read: %s", g_strerror (errno));
          continue;
        }
      if (S_ISLNK (st.st_mode))
        {
          lots_diagnostics_add (diagnostics, display, 0, LOTS_SEVERITY_WARNING,
                                "symbolic links are not followed; the file is ignored");
          continue;
        }
      if (S_ISDIR (st.st_mode))
        {
          if (!read_dir_recursive (full, rel, display_root, depth + 1, files, diagnostics, error))
            return FALSE;
          continue;
        }
      if (!S_ISREG (st.st_mode))
        continue;
      if (files->len >= LOTS_SOURCE_MAX_FILES)
        {
          g_set_error (error, LOTS_ERROR, LOTS_ERROR_INVALID_CONTENT,
                       "%s: more than %d files; a source may not hold that many",
                       display_root ? display_root : dir, LOTS_SOURCE_MAX_FILES);
          return FALSE;
        }
      if (st.st_size > LOTS_SOURCE_MAX_FILE_SIZE)
        g_ptr_array_add (files, lots_source_file_new (rel, display, NULL, st.st_size));
      else
        {
          g_autofree char *contents = NULL;
          gsize length = 0;
          g_autoptr(GError) local_error = NULL;

          if (!g_file_get_contents (full, &contents, &length, &local_error))
            {
              lots_diagnostics_add (diagnostics, display, 0, LOTS_SEVERITY_ERROR, "%s", local_error->message);
              continue;
            }
          g_ptr_array_add (files, lots_source_file_new (rel, display,
                                                        g_bytes_new_take (g_steal_pointer (&contents), length),
                                                        (goffset) length));
        }
    }
  return TRUE;
}

/* Reads every non-hidden regular file below dir into files (created when
 * NULL), their paths prefixed with prefix ("" for none) and named in
 * diagnostics relative to display_root. Symbolic links are not followed. */
GPtrArray *
lots_source_read_dir (const char  *dir,
                      const char  *prefix,
                      const char  *display_root,
                      GPtrArray   *files,
                      GPtrArray   *diagnostics,
                      GError     **error)
{
  g_autoptr(GPtrArray) result = files ? g_ptr_array_ref (files)
                                      : g_ptr_array_new_with_free_func ((GDestroyNotify) lots_source_file_free);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND, "%s: no such folder", dir);
      return NULL;
    }
  if (!read_dir_recursive (dir, prefix ? prefix : "", display_root, 0, result, diagnostics, error))
    return NULL;
  return g_steal_pointer (&result);
}

/* A digest of every path and content: a folder source's "revision", so the
 * index can tell whether a folder changed since it was indexed. */
char *
lots_source_fingerprint (GPtrArray *files)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < files->len; i++)
    {
      const LotsSourceFile *file = g_ptr_array_index (files, i);
      g_checksum_update (checksum, (const guchar *) file->path, (gssize) strlen (file->path) + 1);
      if (file->bytes != NULL)
        g_checksum_update (checksum, g_bytes_get_data (file->bytes, NULL), (gssize) g_bytes_get_size (file->bytes));
    }
  return g_strndup (g_checksum_get_string (checksum), 16);
}

/* ---- classifying and loading ------------------------------------------------ */

typedef enum {
  FILE_IGNORED,
  FILE_MANIFEST,
  FILE_AREAS,
  FILE_ARTICLE,
  FILE_GUIDE,
  FILE_TABLE,
} FileKind;

static FileKind
classify (const char *path)
{
  const char *base = strrchr (path, '/');
  g_autofree char *parent = NULL;

  base = base ? base + 1 : path;
  if (g_str_has_prefix (base, "README") || base[0] == '.' || strstr (path, "/.") != NULL)
    return FILE_IGNORED;
  if (g_str_equal (path, "lots.yaml"))
    return FILE_MANIFEST;
  if (g_str_equal (path, "areas.yaml"))
    return FILE_AREAS;
  if (g_str_has_suffix (base, ".md"))
    return FILE_ARTICLE;
  if (g_str_has_suffix (base, ".lua"))
    return FILE_GUIDE;
  parent = g_path_get_dirname (path);
  if (g_str_has_suffix (base, ".csv") && (g_str_equal (parent, "data") || g_str_has_suffix (parent, "/data")))
    return FILE_TABLE;
  return FILE_IGNORED;
}

static const char *
file_text (const LotsSourceFile *file,
           gsize                *length)
{
  return g_bytes_get_data (file->bytes, length);
}

static void
load_manifest (LotsSource *source,
               const char *display_root,
               GPtrArray  *files,
               GPtrArray  *known_areas,
               GPtrArray  *diagnostics)
{
  const LotsSourceFile *manifest_file = NULL;

  for (guint i = 0; i < files->len; i++)
    {
      const LotsSourceFile *file = g_ptr_array_index (files, i);
      FileKind kind = classify (file->path);
      gsize length = 0;
      const char *text;

      if ((kind != FILE_MANIFEST && kind != FILE_AREAS) || file->bytes == NULL)
        continue;
      text = file_text (file, &length);
      if (kind == FILE_AREAS)
        source->areas = lots_areas_parse (file->display, text, length, diagnostics);
      else
        manifest_file = file;
    }

  if (manifest_file == NULL)
    {
      g_autofree char *path = display_root ? g_build_filename (display_root, "lots.yaml", NULL) : g_strdup ("lots.yaml");
      lots_diagnostics_add (diagnostics, path, 0, LOTS_SEVERITY_ERROR,
                            "missing manifest: a source needs a lots.yaml at its root (id, title, owner, areas, lang)");
      return;
    }
  {
    gsize length = 0;
    const char *text = file_text (manifest_file, &length);
    source->manifest = lots_manifest_parse (manifest_file->display, text, length,
                                            source->areas ? source->areas : known_areas, diagnostics);
  }
}

static void
check_unique_ids (LotsSource *source,
                  GHashTable *displays,
                  GPtrArray  *diagnostics)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_article_free);

  for (guint i = 0; i < source->articles->len; i++)
    {
      LotsArticle *article = g_ptr_array_index (source->articles, i);
      g_autofree char *key = g_strconcat (article->id, "\n", article->lang, NULL);
      LotsArticle *first = g_hash_table_lookup (seen, key);

      if (first != NULL)
        {
          lots_diagnostics_add (diagnostics, g_hash_table_lookup (displays, article->path), article->id_line, LOTS_SEVERITY_ERROR,
                                "duplicate id '%s' (lang %s): %s already uses it",
                                article->id, article->lang, (char *) g_hash_table_lookup (displays, first->path));
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), article);
    }
  /* Keep only the first of each id, in file order. */
  for (guint i = 0; i < source->articles->len; i++)
    {
      LotsArticle *article = g_ptr_array_index (source->articles, i);
      g_autofree char *key = g_strconcat (article->id, "\n", article->lang, NULL);
      if (g_hash_table_lookup (seen, key) == article)
        g_ptr_array_add (kept, article);
      else
        lots_article_free (article);
    }
  g_ptr_array_set_free_func (source->articles, NULL);
  g_ptr_array_unref (source->articles);
  source->articles = g_steal_pointer (&kept);
}

static void
check_links (LotsSource *source,
             GHashTable *displays,
             GPtrArray  *diagnostics)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < source->articles->len; i++)
    g_hash_table_add (ids, ((LotsArticle *) g_ptr_array_index (source->articles, i))->id);
  for (guint i = 0; i < source->articles->len; i++)
    {
      LotsArticle *article = g_ptr_array_index (source->articles, i);
      for (guint j = 0; j < article->links->len; j++)
        {
          const char *target = g_ptr_array_index (article->links, j);
          if (!g_hash_table_contains (ids, target))
            lots_diagnostics_add (diagnostics, g_hash_table_lookup (displays, article->path),
                                  g_array_index (article->link_lines, guint, j), LOTS_SEVERITY_WARNING,
                                  "link to '%s', which is not an article of this source", target);
        }
    }
}

static void
report_oversized (const LotsSourceFile *file,
                  GPtrArray            *diagnostics)
{
  lots_diagnostics_add (diagnostics, file->display, 0, LOTS_SEVERITY_ERROR,
                        "file is %" G_GOFFSET_FORMAT " bytes, more than the %d a source file may have",
                        file->size, LOTS_SOURCE_MAX_FILE_SIZE);
}

/* Loads a source from its files. known_areas are the areas that exist (the
 * built-in areas.yaml); a source that ships its own areas.yaml (the built-in
 * one) is checked against that instead. display_root (may be NULL) names the
 * source's root in diagnostics about files that are missing. */
/* The units table (data/enheter.csv) tells guides when each unit is open:
 * hours that do not parse would only show up mid-call, so lint says so,
 * with the row's line. */
static void
check_opening_hours (const LotsTable *table,
                     GPtrArray       *diagnostics)
{
  int regular = lots_table_column (table, "oppettider");
  int summer = lots_table_column (table, "sommartider");
  int lunch = lots_table_column (table, "lunch");

  if (g_strcmp0 (table->name, "enheter") != 0 || regular < 0)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (table->rows, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(LotsOpeningHours) hours = lots_opening_hours_parse (row[regular], summer >= 0 ? row[summer] : NULL,
                                                                    lunch >= 0 ? row[lunch] : NULL, &error);

      if (hours == NULL)
        lots_diagnostics_add (diagnostics, table->path, g_array_index (table->lines, guint, i), LOTS_SEVERITY_ERROR,
                              "unit \"%s\": %s", row[0], error->message);
    }
}

LotsSource *
lots_source_load (GPtrArray  *files,
                  const char *display_root,
                  GPtrArray  *known_areas,
                  GPtrArray  *diagnostics)
{
  g_autoptr(LotsSource) source = g_new0 (LotsSource, 1);
  g_autoptr(GHashTable) displays = g_hash_table_new (g_str_hash, g_str_equal);

  source->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_article_free);
  source->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_table_free);
  source->guides = g_ptr_array_new_with_free_func ((GDestroyNotify) lots_source_file_free);
  source->revision = lots_source_fingerprint (files);

  load_manifest (source, display_root, files, known_areas, diagnostics);

  for (guint i = 0; i < files->len; i++)
    {
      const LotsSourceFile *file = g_ptr_array_index (files, i);
      FileKind kind = classify (file->path);
      gsize length = 0;
      const char *text;

      if (kind == FILE_IGNORED || kind == FILE_MANIFEST || kind == FILE_AREAS)
        continue;
      g_hash_table_insert (displays, file->path, file->display);
      if (file->bytes == NULL)
        {
          report_oversized (file, diagnostics);
          continue;
        }
      text = file_text (file, &length);
      if (kind == FILE_ARTICLE)
        {
          LotsArticle *article = lots_article_parse (file->display, text, length, source->manifest, diagnostics);
          if (article != NULL)
            {
              g_free (article->path);
              article->path = g_strdup (file->path);
              g_ptr_array_add (source->articles, article);
            }
        }
      else if (kind == FILE_TABLE)
        {
          LotsTable *table = lots_table_parse (file->display, text, length, diagnostics);
          if (table != NULL)
            {
              check_opening_hours (table, diagnostics);
              g_ptr_array_add (source->tables, table);
            }
        }
      else if (kind == FILE_GUIDE)
        g_ptr_array_add (source->guides, lots_source_file_new (file->path, file->display, file->bytes, file->size));
    }

  check_unique_ids (source, displays, diagnostics);
  check_links (source, displays, diagnostics);
  lots_diagnostics_sort (diagnostics);
  return g_steal_pointer (&source);
}

/* Loads a folder source; diagnostics name files as dir/path. */
LotsSource *
lots_source_load_dir (const char  *dir,
                      GPtrArray   *known_areas,
                      GPtrArray   *diagnostics,
                      GError     **error)
{
  g_autoptr(GPtrArray) files = lots_source_read_dir (dir, "", dir, NULL, diagnostics, error);

  if (files == NULL)
    return NULL;
  return lots_source_load (files, dir, known_areas, diagnostics);
}
