/* lots-publisher-page.c — a draft folder previewed as handlers will see it.
 *
 * A load reads the folder and checks it exactly as `lotsctl lint` does
 * (lots_source_read_dir + lots_source_load, then the guide library and its
 * checks), in a GTask thread: a district's folder can hold thousands of
 * files and every guide runs once in a Lua sandbox. Each load carries its
 * own GCancellable; a newer load cancels the older, and a result that is
 * not the current load's is dropped, so a burst of saves never shows an
 * old state last.
 *
 * Paths are relative to the folder (the folder itself is in the header),
 * so `path:line: message` reads as the publisher's editor shows the file.
 *
 * The folder is watched with one GFileMonitor per directory (GIO monitors
 * are not recursive); the list of directories comes with each load, so a
 * new subfolder is watched from the next load on. Changes are debounced
 * (DEBOUNCE_MS): an editor's save is several events, and a `git checkout`
 * hundreds.
 *
 * The result of a load (Load) owns everything the page shows: the guide
 * library owns the source and so the articles, which the article view and
 * the sidebar borrow until the next load replaces it.
 */
#define G_LOG_DOMAIN "lots-publisher-page"

#include "config.h"

#include "lots-publisher-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lots-area.h"
#include "lots-article-view.h"
#include "lots-article.h"
#include "lots-builtin.h"
#include "lots-diagnostic.h"
#include "lots-guide-library.h"
#include "lots-source.h"

#define DEBOUNCE_MS 300
/* Directories watched at most: a draft folder, not a home directory. */
#define MAX_WATCHED_DIRS 1000
#define MAX_WATCH_DEPTH 16
/* Problems shown above a file; the rest are under All Problems, so the
 * file itself keeps the room. */
#define MAX_FILE_PROBLEMS 6

typedef enum {
  ITEM_ALL,
  ITEM_FILE,      /* a file with errors that kept it from loading */
  ITEM_ARTICLE,
  ITEM_GUIDE,
} ItemKind;

typedef struct {
  ItemKind kind;
  char *path;
  char *title;
  const LotsArticle *article;   /* borrowed from the Load */
  const LotsGuide *guide;       /* borrowed from the Load */
  guint n_errors;
  guint n_warnings;
} Item;

typedef struct {
  GPtrArray *diagnostics;       /* LotsDiagnostic, sorted */
  GPtrArray *areas;             /* LotsArea, or NULL */
  LotsGuideLibrary *library;    /* owns the source */
  GPtrArray *articles;          /* LotsArticle, the source's, borrowed */
  char *source_title;
  guint n_guide_files;
  GPtrArray *directories;       /* char *, absolute: what to watch */
} Load;

struct _LotsPublisherPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkStack *stack;
  GtkLabel *folder_title;
  GtkLabel *folder_path;
  GtkLabel *summary_label;
  GtkSpinner *spinner;
  GtkListBox *item_list;
  GtkWidget *file_problems_clamp;
  GtkListBox *file_problems;
  GtkStack *detail_stack;
  GtkBox *all_problems;
  LotsArticleView *article_view;
  GtkLabel *guide_title;
  GtkLabel *guide_meta;
  GtkListBox *step_list;

  GFile *folder;
  GCancellable *cancellable;    /* of the current load */
  Load *load;                   /* what is shown */
  GPtrArray *items;             /* Item */
  GHashTable *monitors;         /* absolute dir path -> GFileMonitor */
  GtkNativeDialog *chooser;
  char *selected_path;          /* NULL: every problem */
  guint debounce_id;
  guint n_problems;
  gboolean loading;
  gboolean filling;             /* rebuilding the sidebar: ignore row-selected */
};

enum {
  PROP_0,
  PROP_N_PROBLEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LotsPublisherPage, lots_publisher_page, ADW_TYPE_BIN)

static void start_load (LotsPublisherPage *self);
static void show_selection (LotsPublisherPage *self);

/* ---- The load, in a worker thread ---------------------------------------- */

static void
load_free (Load *load)
{
  if (load == NULL)
    return;
  g_clear_pointer (&load->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&load->areas, g_ptr_array_unref);
  g_clear_pointer (&load->library, lots_guide_library_free);
  g_clear_pointer (&load->directories, g_ptr_array_unref);
  g_free (load->source_title);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static void
collect_directories (const char *dir,
                     guint       depth,
                     GPtrArray  *directories)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (directories->len >= MAX_WATCHED_DIRS || depth > MAX_WATCH_DEPTH)
    return;
  g_ptr_array_add (directories, g_strdup (dir));
  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = NULL;

      /* .git and the like: a publisher's commits are not edits. */
      if (name[0] == '.')
        continue;
      child = g_build_filename (dir, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        collect_directories (child, depth + 1, directories);
    }
}

/* As `lotsctl lint DIR` checks a folder, with paths relative to it. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *dir = task_data;
  g_autoptr(Load) load = g_new0 (Load, 1);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) areas_error = NULL;
  LotsSource *source;

  load->diagnostics = lots_diagnostics_new ();
  load->areas = lots_builtin_areas (&areas_error);
  if (load->areas == NULL)
    g_debug ("no built-in areas: %s", areas_error->message);

  files = lots_source_read_dir (dir, "", NULL, NULL, load->diagnostics, &error);
  if (files == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  source = lots_source_load (files, NULL, load->areas, load->diagnostics);
  load->source_title = g_strdup (source->manifest != NULL ? source->manifest->title : NULL);
  load->articles = source->articles;
  load->n_guide_files = source->guides->len;
  /* The library takes the source; the articles live as long as it does. */
  load->library = lots_guide_library_new (source, load->diagnostics);
  if (g_task_return_error_if_cancelled (task))
    return;
  lots_guide_library_check (load->library, load->diagnostics);
  lots_diagnostics_sort (load->diagnostics);

  load->directories = g_ptr_array_new_with_free_func (g_free);
  collect_directories (dir, 0, load->directories);

  g_task_return_pointer (task, g_steal_pointer (&load), (GDestroyNotify) load_free);
}

/* ---- Items: what the sidebar lists -------------------------------------- */

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->path);
  g_free (item->title);
  g_free (item);
}

static Item *
item_new (ItemKind    kind,
          const char *path,
          const char *title)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->path = g_strdup (path);
  item->title = g_strdup (title);
  return item;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = *(const Item * const *) a;
  const Item *y = *(const Item * const *) b;

  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  return g_strcmp0 (x->path, y->path);
}

/* One item per article and guide, one per other file with a problem
 * (it did not load: a broken front matter, the manifest), and the item of
 * every problem first. */
static GPtrArray *
build_items (const Load *load)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(GHashTable) by_path = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *guides = lots_guide_library_get_guides (load->library);
  Item *all = item_new (ITEM_ALL, NULL, _("All Problems"));

  for (guint i = 0; i < load->articles->len; i++)
    {
      const LotsArticle *article = g_ptr_array_index (load->articles, i);
      Item *item = item_new (ITEM_ARTICLE, article->path, article->title);

      item->article = article;
      g_ptr_array_add (items, item);
      g_hash_table_insert (by_path, item->path, item);
    }
  for (guint i = 0; i < guides->len; i++)
    {
      const LotsGuide *guide = g_ptr_array_index (guides, i);
      const char *title = lots_guide_get_title (guide);
      Item *item = item_new (ITEM_GUIDE, lots_guide_get_path (guide),
                             title != NULL ? title : lots_guide_get_id (guide));

      item->guide = guide;
      g_ptr_array_add (items, item);
      g_hash_table_insert (by_path, item->path, item);
    }
  for (guint i = 0; i < load->diagnostics->len; i++)
    {
      const LotsDiagnostic *d = g_ptr_array_index (load->diagnostics, i);
      const char *path = *d->path != '\0' ? d->path : ".";
      Item *item = g_hash_table_lookup (by_path, path);

      if (item == NULL)
        {
          item = item_new (ITEM_FILE, path, path);
          g_ptr_array_add (items, item);
          g_hash_table_insert (by_path, item->path, item);
        }
      if (d->severity == LOTS_SEVERITY_ERROR)
        item->n_errors++, all->n_errors++;
      else
        item->n_warnings++, all->n_warnings++;
    }
  g_ptr_array_sort (items, compare_items);
  g_ptr_array_insert (items, 0, all);
  return items;
}

static Item *
find_item (LotsPublisherPage *self,
           const char        *path)
{
  if (self->items == NULL)
    return NULL;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->path, path) == 0)
        return item;
    }
  return NULL;
}

/* ---- Widgets for problems ----------------------------------------------- */

static char *
problem_counts (guint n_errors,
                guint n_warnings)
{
  g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);

  if (n_errors > 0 && n_warnings > 0)
    return g_strdup_printf ("%s, %s", errors, warnings);
  if (n_errors > 0)
    return g_steal_pointer (&errors);
  if (n_warnings > 0)
    return g_steal_pointer (&warnings);
  return g_strdup (_("No problems"));
}

static GtkWidget *
problem_row (const LotsDiagnostic *d)
{
  gboolean error = d->severity == LOTS_SEVERITY_ERROR;
  g_autofree char *text = lots_diagnostic_format (d, NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (row, "problem");
  g_object_set_data_full (G_OBJECT (row), "lots-path", g_strdup (d->path), g_free);
  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  error ? _("Error") : _("Warning"), -1);
  gtk_widget_set_name (label, "problem-text");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* Errors first, then by line: what blocks publishing is read first. */
static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const LotsDiagnostic *x = *(const LotsDiagnostic * const *) a;
  const LotsDiagnostic *y = *(const LotsDiagnostic * const *) b;

  if (x->severity != y->severity)
    return x->severity == LOTS_SEVERITY_ERROR ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

static GPtrArray *
problems_of (const Load *load,
             const char *path)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < load->diagnostics->len; i++)
    {
      const LotsDiagnostic *d = g_ptr_array_index (load->diagnostics, i);
      const char *d_path = *d->path != '\0' ? d->path : ".";

      if (g_strcmp0 (d_path, path) == 0)
        g_ptr_array_add (found, (gpointer) d);
    }
  g_ptr_array_sort (found, compare_problems);
  return found;
}

static void
remove_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_LIST_BOX (widget))
        gtk_list_box_remove (GTK_LIST_BOX (widget), child);
      else
        gtk_box_remove (GTK_BOX (widget), child);
    }
}

static void
on_problem_row_activated (GtkListBox        *list,
                          GtkListBoxRow     *row,
                          LotsPublisherPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "lots-path");

  lots_publisher_page_select (self, *path != '\0' ? path : ".");
}

/* Every problem of the folder, one group per file: files with errors
 * first, then by path. */
static void
fill_all_problems (LotsPublisherPage *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  remove_children (GTK_WIDGET (self->all_problems));
  for (guint i = 1; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      if (item->n_errors + item->n_warnings > 0)
        g_ptr_array_add (files, item);
    }
  if (files->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      gtk_widget_set_name (status, "no-problems");
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Problems"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Everything in the folder passes the checks that run before publishing."));
      gtk_box_append (self->all_problems, status);
      return;
    }
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < files->len; i++)
      {
        Item *item = g_ptr_array_index (files, i);
        g_autoptr(GPtrArray) problems = NULL;
        GtkWidget *heading, *list;

        if ((pass == 0) != (item->n_errors > 0))
          continue;
        heading = gtk_label_new (item->path);
        gtk_widget_add_css_class (heading, "heading");
        gtk_label_set_xalign (GTK_LABEL (heading), 0);
        gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
        gtk_widget_set_margin_top (heading, 12);
        gtk_box_append (self->all_problems, heading);

        list = gtk_list_box_new ();
        gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
        gtk_widget_add_css_class (list, "boxed-list");
        gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, item->path, -1);
        g_signal_connect (list, "row-activated", G_CALLBACK (on_problem_row_activated), self);
        problems = problems_of (self->load, item->path);
        for (guint j = 0; j < problems->len; j++)
          gtk_list_box_append (GTK_LIST_BOX (list), problem_row (g_ptr_array_index (problems, j)));
        gtk_box_append (self->all_problems, list);
      }
}

static void
fill_file_problems (LotsPublisherPage *self,
                    const Item        *item)
{
  g_autoptr(GPtrArray) problems = NULL;

  remove_children (GTK_WIDGET (self->file_problems));
  if (item == NULL || item->kind == ITEM_ALL || item->n_errors + item->n_warnings == 0)
    {
      gtk_widget_set_visible (self->file_problems_clamp, FALSE);
      return;
    }
  problems = problems_of (self->load, item->path);
  for (guint i = 0; i < MIN (problems->len, MAX_FILE_PROBLEMS); i++)
    {
      GtkWidget *row = problem_row (g_ptr_array_index (problems, i));

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->file_problems, row);
    }
  if (problems->len > MAX_FILE_PROBLEMS)
    {
      guint n = problems->len - MAX_FILE_PROBLEMS;
      g_autofree char *text = g_strdup_printf (ngettext ("%u more problem: see All Problems",
                                                         "%u more problems: see All Problems", n), n);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_set_name (label, "more-problems");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (self->file_problems, label);
    }
  gtk_widget_set_visible (self->file_problems_clamp, TRUE);
}

/* ---- The sidebar -------------------------------------------------------- */

static const char *
item_icon (const Item *item)
{
  switch (item->kind)
    {
    case ITEM_ALL: return "dialog-information-symbolic";
    case ITEM_ARTICLE: return "x-office-document-symbolic";
    case ITEM_GUIDE: return "view-list-bullet-symbolic";
    case ITEM_FILE:
    default: return "dialog-error-symbolic";
    }
}

static GtkWidget *
item_row (const Item *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (item_icon (item));
  GtkWidget *title = gtk_label_new (item->title);
  g_autofree char *counts = problem_counts (item->n_errors, item->n_warnings);
  g_autofree char *accessible = NULL;

  gtk_widget_set_name (row, item->kind == ITEM_ALL ? "all-problems-row" : item->path);
  g_object_set_data_full (G_OBJECT (row), "lots-path", g_strdup (item->path), g_free);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (texts), title);
  if (item->kind != ITEM_ALL && g_strcmp0 (item->title, item->path) != 0)
    {
      GtkWidget *path = gtk_label_new (item->path);

      gtk_label_set_xalign (GTK_LABEL (path), 0);
      gtk_label_set_wrap (GTK_LABEL (path), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (path), PANGO_WRAP_CHAR);
      gtk_widget_add_css_class (path, "caption");
      gtk_widget_add_css_class (path, "dim-label");
      gtk_box_append (GTK_BOX (texts), path);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);

  if (item->n_errors + item->n_warnings > 0)
    {
      gboolean errors = item->n_errors > 0;
      g_autofree char *n = g_strdup_printf ("%u", item->n_errors + item->n_warnings);
      GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *badge_icon = gtk_image_new_from_icon_name (errors ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      GtkWidget *badge_label = gtk_label_new (n);

      gtk_widget_set_name (badge, "problem-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, counts);
      gtk_widget_add_css_class (badge, errors ? "error" : "warning");
      gtk_widget_add_css_class (badge_label, "numeric");
      gtk_box_append (GTK_BOX (badge), badge_icon);
      gtk_box_append (GTK_BOX (badge), badge_label);
      gtk_box_append (GTK_BOX (box), badge);
    }
  accessible = g_strdup_printf ("%s, %s", item->title, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static const char *
kind_heading (ItemKind kind)
{
  switch (kind)
    {
    case ITEM_FILE: return _("Not Loaded");
    case ITEM_ARTICLE: return _("Articles");
    case ITEM_GUIDE: return _("Guides");
    case ITEM_ALL:
    default: return NULL;
    }
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  LotsPublisherPage *self = user_data;
  int index = gtk_list_box_row_get_index (row);
  const Item *item = self->items != NULL && index >= 0 && (guint) index < self->items->len
                     ? g_ptr_array_index (self->items, index) : NULL;
  const Item *previous = before != NULL && index > 0 ? g_ptr_array_index (self->items, index - 1) : NULL;
  GtkWidget *header;

  if (item == NULL || (previous != NULL && previous->kind == item->kind) || kind_heading (item->kind) == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (kind_heading (item->kind));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_list_box_row_set_header (row, header);
}

static void
fill_sidebar (LotsPublisherPage *self)
{
  GtkListBoxRow *selected = NULL;

  self->filling = TRUE;
  remove_children (GTK_WIDGET (self->item_list));
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      GtkWidget *row = item_row (item);

      gtk_list_box_append (self->item_list, row);
      if (g_strcmp0 (item->path, self->selected_path) == 0)
        selected = GTK_LIST_BOX_ROW (row);
    }
  /* The file shown before the reload stays shown; if it is gone, every
   * problem is. */
  if (selected == NULL)
    {
      g_clear_pointer (&self->selected_path, g_free);
      selected = gtk_list_box_get_row_at_index (self->item_list, 0);
    }
  gtk_list_box_select_row (self->item_list, selected);
  self->filling = FALSE;
}

/* ---- The detail --------------------------------------------------------- */

static GtkWidget *
step_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
step_row (const LotsGuideStep *step)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *heading = step->title != NULL ? g_strdup_printf ("%s (%s)", step->title, step->id)
                                                 : g_strdup (step->id);

  gtk_widget_set_name (row, step->id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_box_append (GTK_BOX (box), step_label (heading, "heading"));
  if (step->text != NULL)
    gtk_box_append (GTK_BOX (box), step_label (step->text, NULL));
  else if (step->text_computed)
    gtk_box_append (GTK_BOX (box), step_label (_("The text is computed when the guide runs."), "dim-label"));
  if (step->question != NULL)
    gtk_box_append (GTK_BOX (box), step_label (step->question, NULL));
  for (guint i = 0; step->choices != NULL && i < step->choices->len; i++)
    {
      const LotsGuideChoice *choice = g_ptr_array_index (step->choices, i);
      g_autofree char *text = choice->go != NULL
        ? g_strdup_printf (_("%u. %s → %s"), choice->index, choice->label, choice->go)
        : g_strdup_printf (_("%u. %s (ends the call)"), choice->index, choice->label);

      gtk_box_append (GTK_BOX (box), step_label (text, "dim-label"));
    }
  if (step->next != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Next: %s"), step->next);
      gtk_box_append (GTK_BOX (box), step_label (text, "dim-label"));
    }
  if (step->acute)
    gtk_box_append (GTK_BOX (box), step_label (_("Marks the case as acute"), "error"));
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
show_guide (LotsPublisherPage *self,
            const LotsGuide   *guide)
{
  GPtrArray *steps = lots_guide_get_steps (guide);
  const char *title = lots_guide_get_title (guide);
  const char *description = lots_guide_get_description (guide);
  g_autofree char *meta = g_strdup_printf (_("%s · area %s · starts at %s"),
                                           lots_guide_get_id (guide),
                                           lots_guide_get_area (guide) != NULL ? lots_guide_get_area (guide) : "–",
                                           lots_guide_get_start (guide) != NULL ? lots_guide_get_start (guide) : "–");
  g_autofree char *meta_full = description != NULL ? g_strdup_printf ("%s\n%s", description, meta) : g_strdup (meta);

  gtk_label_set_text (self->guide_title, title != NULL ? title : lots_guide_get_id (guide));
  gtk_label_set_text (self->guide_meta, meta_full);
  remove_children (GTK_WIDGET (self->step_list));
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    gtk_list_box_append (self->step_list, step_row (g_ptr_array_index (steps, i)));
}

static void
show_article (LotsPublisherPage *self,
              const LotsArticle *article)
{
  g_autoptr(GPtrArray) langs = g_ptr_array_new ();
  g_autofree char *basename = g_file_get_basename (self->folder);

  for (guint i = 0; i < self->load->articles->len; i++)
    {
      const LotsArticle *other = g_ptr_array_index (self->load->articles, i);

      if (other != article && g_strcmp0 (other->id, article->id) == 0 && other->lang != NULL)
        g_ptr_array_add (langs, other->lang);
    }
  g_ptr_array_add (langs, NULL);
  lots_article_view_set_areas (self->article_view, self->load->areas);
  lots_article_view_show (self->article_view, article,
                          self->load->source_title != NULL ? self->load->source_title : basename,
                          NULL, NULL, NULL, (const char * const *) langs->pdata);
}

static void
show_selection (LotsPublisherPage *self)
{
  Item *item = find_item (self, self->selected_path);

  if (item == NULL && self->items != NULL && self->items->len > 0)
    item = g_ptr_array_index (self->items, 0);
  fill_file_problems (self, item);
  if (item == NULL || item->kind == ITEM_ALL)
    gtk_stack_set_visible_child_name (self->detail_stack, "problems");
  else if (item->kind == ITEM_ARTICLE)
    {
      show_article (self, item->article);
      gtk_stack_set_visible_child_name (self->detail_stack, "article");
    }
  else if (item->kind == ITEM_GUIDE)
    {
      show_guide (self, item->guide);
      gtk_stack_set_visible_child_name (self->detail_stack, "guide");
    }
  else
    gtk_stack_set_visible_child_name (self->detail_stack, "unloaded");
}

static void
on_item_list_row_selected (GtkListBox        *list,
                           GtkListBoxRow     *row,
                           LotsPublisherPage *self)
{
  if (row == NULL)
    return;
  g_free (self->selected_path);
  self->selected_path = g_strdup (g_object_get_data (G_OBJECT (row), "lots-path"));
  /* While the sidebar is rebuilt, the load shows the selection once, after. */
  if (!self->filling)
    show_selection (self);
}

static const LotsArticle *
find_article (LotsPublisherPage *self,
              const char        *id,
              const char        *lang)
{
  const LotsArticle *found = NULL;

  for (guint i = 0; self->load != NULL && i < self->load->articles->len; i++)
    {
      const LotsArticle *article = g_ptr_array_index (self->load->articles, i);

      if (g_strcmp0 (article->id, id) != 0)
        continue;
      if (g_strcmp0 (article->lang, lang) == 0)
        return article;
      if (found == NULL)
        found = article;
    }
  return found;
}

static void
on_article_view_open_article (LotsArticleView   *view,
                              const char        *id,
                              LotsPublisherPage *self)
{
  const LotsArticle *article = find_article (self, id, "sv");

  if (article != NULL)
    lots_publisher_page_select (self, article->path);
}

static void
on_article_view_open_translation (LotsArticleView   *view,
                                  const char        *id,
                                  const char        *lang,
                                  LotsPublisherPage *self)
{
  const LotsArticle *article = find_article (self, id, lang);

  if (article != NULL)
    lots_publisher_page_select (self, article->path);
}

/* ---- Loading and watching ----------------------------------------------- */

static void
set_loading (LotsPublisherPage *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_summary (LotsPublisherPage *self)
{
  guint n_articles = self->load->articles->len;
  guint n_guides = lots_guide_library_get_guides (self->load->library)->len;
  guint n_errors = lots_diagnostics_n_errors (self->load->diagnostics);
  g_autofree char *articles = g_strdup_printf (ngettext ("%u article", "%u articles", n_articles), n_articles);
  g_autofree char *guides = g_strdup_printf (ngettext ("%u guide", "%u guides", n_guides), n_guides);
  g_autofree char *problems = problem_counts (n_errors, self->load->diagnostics->len - n_errors);
  g_autofree char *summary = g_strdup_printf ("%s · %s · %s", articles, guides, problems);

  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), n_errors > 0 ? "error" : "success");
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    LotsPublisherPage *self);

static void
watch_directories (LotsPublisherPage *self,
                   GPtrArray         *directories)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < directories->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (directories, i));

  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (wanted, key))
      g_hash_table_iter_remove (&iter);

  for (guint i = 0; i < directories->len; i++)
    {
      const char *dir = g_ptr_array_index (directories, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      GFileMonitor *monitor;

      if (g_hash_table_contains (self->monitors, dir))
        continue;
      file = g_file_new_for_path (dir);
      monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      if (monitor == NULL)
        {
          g_debug ("cannot watch %s: %s", dir, error->message);
          continue;
        }
      g_signal_connect (monitor, "changed", G_CALLBACK (on_monitor_changed), self);
      g_hash_table_insert (self->monitors, g_strdup (dir), monitor);
    }
}

static void
clear_monitors (LotsPublisherPage *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_signal_handlers_disconnect_by_data (value, self);
      g_file_monitor_cancel (value);
    }
  g_hash_table_remove_all (self->monitors);
}

static void
on_load_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LotsPublisherPage *self = LOTS_PUBLISHER_PAGE (object);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(Load) load = g_task_propagate_pointer (task, &error);

  /* A newer load has started since: its result is the one to show. */
  if (g_task_get_cancellable (task) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  if (load == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The folder could not be read: %s"), error->message);

      gtk_label_set_text (self->summary_label, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      return;
    }

  /* The article view borrows from the old load: clear it before it goes. */
  lots_article_view_clear (self->article_view);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  load_free (self->load);
  self->load = g_steal_pointer (&load);
  self->items = build_items (self->load);

  watch_directories (self, self->load->directories);
  show_summary (self);
  fill_all_problems (self);
  fill_sidebar (self);
  show_selection (self);

  self->n_problems = self->load->diagnostics->len;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
}

static void
start_load (LotsPublisherPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->folder == NULL)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, on_load_done, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, g_file_get_path (self->folder), g_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
on_debounce (gpointer user_data)
{
  LotsPublisherPage *self = user_data;

  self->debounce_id = 0;
  start_load (self);
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    LotsPublisherPage *self)
{
  g_autofree char *name = g_file_get_basename (file);

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;
  /* Editors' swap and backup files are not content. */
  if (name == NULL || name[0] == '.' || g_str_has_suffix (name, "~"))
    return;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, on_debounce, self);
}

/* ---- Actions ------------------------------------------------------------ */

static void
on_chooser_response (GtkNativeDialog   *dialog,
                     int                response,
                     LotsPublisherPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (folder != NULL)
        lots_publisher_page_open_folder (self, folder);
    }
  g_clear_object (&self->chooser);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LotsPublisherPage *self = LOTS_PUBLISHER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Open Draft Folder"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->folder != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_load (LOTS_PUBLISHER_PAGE (widget));
}

/* ---- GObject ------------------------------------------------------------ */

static void
lots_publisher_page_dispose (GObject *object)
{
  LotsPublisherPage *self = LOTS_PUBLISHER_PAGE (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->monitors != NULL)
    clear_monitors (self);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  /* The template's widgets borrow from the load: they go first. */
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOTS_TYPE_PUBLISHER_PAGE);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->load, load_free);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (lots_publisher_page_parent_class)->dispose (object);
}

static void
lots_publisher_page_finalize (GObject *object)
{
  LotsPublisherPage *self = LOTS_PUBLISHER_PAGE (object);

  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_free (self->selected_path);

  G_OBJECT_CLASS (lots_publisher_page_parent_class)->finalize (object);
}

static void
lots_publisher_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LotsPublisherPage *self = LOTS_PUBLISHER_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->n_problems);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lots_publisher_page_class_init (LotsPublisherPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lots_publisher_page_dispose;
  object_class->finalize = lots_publisher_page_finalize;
  object_class->get_property = lots_publisher_page_get_property;

  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LOTS_TYPE_ARTICLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/se/stockholm/Lots/lots-publisher-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, folder_title);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, folder_path);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, item_list);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, file_problems_clamp);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, file_problems);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, all_problems);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, article_view);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, guide_title);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, guide_meta);
  gtk_widget_class_bind_template_child (widget_class, LotsPublisherPage, step_list);
  gtk_widget_class_bind_template_callback (widget_class, on_item_list_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_article_view_open_article);
  gtk_widget_class_bind_template_callback (widget_class, on_article_view_open_translation);

  gtk_widget_class_install_action (widget_class, "publisher.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "publisher.reload", NULL, reload_action);
  /* Local to the page: they act only while the focus is in it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "publisher.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "publisher.reload", NULL);
}

static void
lots_publisher_page_init (LotsPublisherPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gtk_list_box_set_header_func (self->item_list, update_header, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publisher.reload", FALSE);
}

/* ---- Public API --------------------------------------------------------- */

void
lots_publisher_page_open_folder (LotsPublisherPage *self,
                                 GFile             *folder)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (LOTS_IS_PUBLISHER_PAGE (self));
  g_return_if_fail (G_IS_FILE (folder));

  path = g_file_get_path (folder);
  g_return_if_fail (path != NULL);

  g_set_object (&self->folder, folder);
  clear_monitors (self);
  g_clear_pointer (&self->selected_path, g_free);
  name = g_file_get_basename (folder);
  gtk_label_set_text (self->folder_title, name);
  gtk_label_set_text (self->folder_path, path);
  gtk_label_set_text (self->summary_label, _("Checking…"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "success");
  gtk_stack_set_visible_child_name (self->stack, "folder");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publisher.reload", TRUE);
  start_load (self);
}

GFile *
lots_publisher_page_get_folder (LotsPublisherPage *self)
{
  g_return_val_if_fail (LOTS_IS_PUBLISHER_PAGE (self), NULL);

  return self->folder;
}

guint
lots_publisher_page_get_n_problems (LotsPublisherPage *self)
{
  g_return_val_if_fail (LOTS_IS_PUBLISHER_PAGE (self), 0);

  return self->n_problems;
}

gboolean
lots_publisher_page_get_loading (LotsPublisherPage *self)
{
  g_return_val_if_fail (LOTS_IS_PUBLISHER_PAGE (self), FALSE);

  return self->loading;
}

gboolean
lots_publisher_page_select (LotsPublisherPage *self,
                            const char        *path)
{
  int index = -1;

  g_return_val_if_fail (LOTS_IS_PUBLISHER_PAGE (self), FALSE);

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    if (g_strcmp0 (((Item *) g_ptr_array_index (self->items, i))->path, path) == 0)
      index = (int) i;
  if (index < 0)
    return FALSE;
  gtk_list_box_select_row (self->item_list, gtk_list_box_get_row_at_index (self->item_list, index));
  return TRUE;
}

LotsPublisherPage *
lots_publisher_page_new (void)
{
  return g_object_new (LOTS_TYPE_PUBLISHER_PAGE, NULL);
}
