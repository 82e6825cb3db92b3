/* lots-guide.h — a call guide: a graph of named steps, declared in Lua.
 *
 * A guide file reads like a form (scripts/README.md is the author's manual):
 *
 *   guide { id = "aldre/trygghetslarm", title = "Trygghetslarm", area = "aldre",
 *           start = "fraga" }
 *
 *   step "fraga" {
 *     say = "Gäller det ett nytt larm eller ett larm som inte fungerar?",
 *     choices = {
 *       { "Nytt larm", go = "ansoka" },
 *       { "Larmet fungerar inte", finish = { category = "felanmälan", resolved = true } },
 *     },
 *   }
 *
 * Loading runs the file once in a sandbox and reads what it declared into
 * this static model: the steps, their lines, their choices and every target
 * they can lead to. The model is what the checker, the step graph and the
 * scenario runner see; a session (lots-guide-session.h) runs the file again
 * in a sandbox of its own to evaluate the steps' functions.
 *
 * A .lua file that declares no guide is a module other guides of the same
 * source may require().
 */
#pragma once

#include <glib.h>

#include "lots-guide-host.h"

G_BEGIN_DECLS

typedef enum {
  LOTS_GUIDE_INPUT_NONE,
  LOTS_GUIDE_INPUT_TEXT,      /* free text, scrubbed of identity numbers */
  LOTS_GUIDE_INPUT_POSTCODE,  /* five digits, "123 45" or "12345" */
  LOTS_GUIDE_INPUT_DATE,      /* YYYY-MM-DD */
  LOTS_GUIDE_INPUT_NUMBER,    /* a whole or decimal number */
  LOTS_GUIDE_INPUT_PHONE,     /* a Swedish phone number */
} LotsGuideInput;

typedef struct {
  char *label;      /* the button's text */
  char *go;         /* the step it leads to, or NULL when it finishes */
  gboolean finishes;/* choosing it ends the call */
  char *value;      /* saved under the step's `save` (default: the label) */
  guint index;      /* 1-based, as the handler's shortcut key */
} LotsGuideChoice;

typedef struct {
  char *id;
  guint line;
  char *title;            /* a short name for the breadcrumb, or NULL */
  char *text;             /* `say` when it is a plain string, else NULL */
  gboolean text_computed;
  char *question;         /* `ask` */
  LotsGuideInput input;
  char *save;             /* where the answer or choice is kept */
  GPtrArray *choices;     /* LotsGuideChoice */
  char *next;             /* `next` as a step id, or NULL */
  gboolean next_computed; /* `next` is a function; its targets are leads_to */
  GStrv leads_to;
  char *article;          /* a static `article`, or NULL */
  char *refer;            /* a static `refer` (a unit id), or NULL */
  gboolean acute;         /* the step flags the case as acute (or may) */
  gboolean finishes;      /* the step itself ends the call */
} LotsGuideStep;

typedef struct _LotsGuide LotsGuide;

LotsGuide           *lots_guide_load          (const char     *path,
                                               GBytes         *text,
                                               LotsGuideHost  *host,
                                               GPtrArray      *diagnostics,
                                               GError        **error);
void                 lots_guide_free          (LotsGuide      *guide);
gboolean             lots_guide_is_module     (const LotsGuide *guide);
const char          *lots_guide_get_path      (const LotsGuide *guide);
GBytes              *lots_guide_get_text      (const LotsGuide *guide);
LotsGuideHost       *lots_guide_get_host      (const LotsGuide *guide);
const char          *lots_guide_get_id        (const LotsGuide *guide);
const char          *lots_guide_get_title     (const LotsGuide *guide);
const char          *lots_guide_get_area      (const LotsGuide *guide);
const char          *lots_guide_get_description (const LotsGuide *guide);
GStrv                lots_guide_get_keywords  (const LotsGuide *guide);
const char          *lots_guide_get_start     (const LotsGuide *guide);
guint                lots_guide_get_line      (const LotsGuide *guide);
GPtrArray           *lots_guide_get_steps     (const LotsGuide *guide);
const LotsGuideStep *lots_guide_find_step     (const LotsGuide *guide,
                                               const char      *id);
GPtrArray           *lots_guide_step_targets  (const LotsGuideStep *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsGuide, lots_guide_free)

G_END_DECLS
