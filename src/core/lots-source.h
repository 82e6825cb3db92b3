/* lots-source.h — a knowledge source: a manifest and the files of one tree.
 *
 * A source is read from a list of files (path + bytes), whether they come
 * from a folder on disk (drafts, the built-in base) or, later, from the blobs
 * of a git tree. Loading classifies the files by name as the contract says,
 * parses each, and checks what needs the whole source: a manifest, unique
 * ids, links that resolve. Every problem becomes a diagnostic; only valid
 * articles and tables are kept.
 */
#pragma once

#include <glib.h>

#include "lots-manifest.h"

G_BEGIN_DECLS

typedef struct {
  char *path;      /* relative to the source root, '/'-separated: how it is stored */
  char *display;   /* how diagnostics name it (e.g. "knowledge/articles/x.md") */
  GBytes *bytes;   /* NULL when the file was too large to read */
  goffset size;
} LotsSourceFile;

typedef struct {
  LotsManifest *manifest;   /* NULL if lots.yaml is missing or broken */
  GPtrArray *areas;         /* from areas.yaml when the source has one, else NULL */
  GPtrArray *articles;      /* LotsArticle */
  GPtrArray *tables;        /* LotsTable */
  GPtrArray *guides;        /* LotsSourceFile: *.lua, tests included */
  char *revision;           /* a commit id, or a fingerprint of a folder */
} LotsSource;

/* The most files a source may hold: far above any district's base (the
 * benchmark uses 50,000 articles), far below what would exhaust memory. */
#define LOTS_SOURCE_MAX_FILES 200000
#define LOTS_SOURCE_MAX_FILE_SIZE (8 * 1024 * 1024)

LotsSourceFile *lots_source_file_new      (const char *path,
                                           const char *display,
                                           GBytes     *bytes,
                                           goffset     size);
void            lots_source_file_free     (LotsSourceFile *file);

GPtrArray      *lots_source_read_dir      (const char  *dir,
                                           const char  *prefix,
                                           const char  *display_root,
                                           GPtrArray   *files,
                                           GPtrArray   *diagnostics,
                                           GError     **error);
char           *lots_source_fingerprint   (GPtrArray   *files);

LotsSource     *lots_source_load          (GPtrArray   *files,
                                           const char  *display_root,
                                           GPtrArray   *known_areas,
                                           GPtrArray   *diagnostics);
LotsSource     *lots_source_load_dir      (const char  *dir,
                                           GPtrArray   *known_areas,
                                           GPtrArray   *diagnostics,
                                           GError     **error);
void            lots_source_free          (LotsSource  *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsSource, lots_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsSourceFile, lots_source_file_free)

G_END_DECLS
