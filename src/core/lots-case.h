/* lots-case.h — one case outcome, as the handler logs it when a call ends,
 * and what makes it valid.
 *
 * An outcome says how a contact ended, never who the caller was: no name,
 * no address, no identity number. The free-text note is scrubbed
 * (lots-scrub.h) before the journal stores it. The handler is named by a
 * pseudonymous id, the workstation by its own id (lots-workstation.h).
 *
 * Every field that names something else must name something that exists:
 * the area one of the built-in service areas, the referral a unit of the
 * unit directory (data/enheter.csv), the complaint an administration
 * (data/stadsdelsforvaltningar.csv). LotsCaseReferences holds those lists.
 */
#pragma once

#include <glib.h>

#include "lots-guide-session.h"

G_BEGIN_DECLS

/* The longest note, in characters: a note is a reminder, not a record of
 * the call, and a short one leaves less room for what must not be there. */
#define LOTS_CASE_NOTE_MAX_CHARS 500
/* The longest path of steps through a guide a case may record. */
#define LOTS_CASE_PATH_MAX_STEPS 200
#define LOTS_CASE_ARTICLES_MAX 100

typedef struct {
  char *id;              /* AREA/SLUG */
  char *commit;          /* the revision it was read at */
} LotsCaseArticle;

typedef struct {
  char *id;              /* a UUID, given by lots_caselog_add() */
  gint64 started_at;     /* Unix seconds (UTC); 0: same as ended_at */
  gint64 ended_at;       /* Unix seconds (UTC); 0: when it is logged */
  char *channel;         /* telefon, e-post, brev, besök, chatt */
  char *lang;            /* the language the contact was in; NULL: sv */
  char *area;            /* a service area id */
  char *category;        /* optional, e.g. orosanmalan */
  char *guide;           /* optional guide id, e.g. social/akut */
  char *guide_commit;    /* the revision of the guide used */
  GPtrArray *path;       /* char *: step ids taken, in order */
  GPtrArray *articles;   /* LotsCaseArticle: articles opened */
  gboolean resolved;     /* answered at the first contact */
  char *referred_to;     /* a unit id, or NULL */
  gboolean acute;
  char *complaint_to;    /* an administration id, or NULL */
  char *note;            /* scrubbed when stored */
  char *handler;         /* pseudonymous handler id */
  char *workstation;     /* workstation id */
  /* Read back from the journal only: */
  char *week;            /* ISO week of the start, local time: 2026-W48 */
  char *batch;           /* upload batch id, NULL until uploaded */
  gint64 uploaded_at;    /* Unix seconds, 0 until uploaded */
} LotsCase;

typedef struct _LotsCaseReferences LotsCaseReferences;

/* One thing a case may name, as a person picks it from a list. */
typedef struct {
  char *id;
  char *title;           /* the area's title, the unit's or administration's
                          * name; the id itself when none is known */
} LotsCaseReference;

extern const char * const lots_case_channels[];

LotsCase           *lots_case_new                       (void);
void                lots_case_free                      (LotsCase       *self);
void                lots_case_add_step                  (LotsCase       *self,
                                                         const char     *step);
void                lots_case_add_article               (LotsCase       *self,
                                                         const char     *id,
                                                         const char     *commit);
char               *lots_case_dup_path_string           (const LotsCase *self);
void                lots_case_apply_guide_outcome       (LotsCase               *self,
                                                         const char             *guide,
                                                         const LotsGuideOutcome *outcome,
                                                         GPtrArray              *path);
gboolean            lots_case_validate                  (const LotsCase           *self,
                                                         const LotsCaseReferences *references,
                                                         gint64                    now,
                                                         GError                  **error);
gboolean            lots_case_is_channel                (const char     *channel);

LotsCaseReferences *lots_case_references_new            (void);
LotsCaseReferences *lots_case_references_load_builtin   (GError        **error);
void                lots_case_references_free           (LotsCaseReferences *self);
gboolean            lots_case_references_check_area     (const LotsCaseReferences *self,
                                                         const char               *area,
                                                         GError                  **error);
void                lots_case_references_add_area       (LotsCaseReferences *self,
                                                         const char         *id);
void                lots_case_references_add_unit       (LotsCaseReferences *self,
                                                         const char         *id);
void                lots_case_references_add_administration (LotsCaseReferences *self,
                                                         const char         *id);
GPtrArray          *lots_case_references_list_areas     (const LotsCaseReferences *self);
GPtrArray          *lots_case_references_list_units     (const LotsCaseReferences *self);
GPtrArray          *lots_case_references_list_administrations (const LotsCaseReferences *self);
void                lots_case_reference_free            (LotsCaseReference *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsCase, lots_case_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsCaseReferences, lots_case_references_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsCaseReference, lots_case_reference_free)

G_END_DECLS
