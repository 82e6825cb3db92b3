/* lots-guide-session.h — one call walked through one guide.
 *
 * A session runs the guide's file in a sandbox of its own, so nothing one
 * call does (a runaway loop, a changed global) can touch another. It holds
 * the caller's answers (the table `s` the guide's functions receive), the
 * path of steps taken, whether the case is acute, where the caller is
 * referred and the outcome the guide proposes for the case log.
 *
 * Each step entered leaves a frame with everything as it was after
 * entering it, so going back any number of steps restores exactly what the
 * handler saw then — answers, flags and proposal included — without running
 * the guide again.
 */
#pragma once

#include <glib.h>

#include "lots-guide.h"

G_BEGIN_DECLS

typedef struct {
  char *area;
  char *category;
  int resolved;          /* 1 yes, 0 no, -1 not said */
  char *referred_to;     /* a unit id */
  char *complaint_to;    /* an administration */
  gboolean acute;
} LotsGuideOutcome;

/* What the handler sees now. */
typedef struct {
  const LotsGuideStep *step;
  char *text;            /* what to say, computed and filled in */
  char *question;        /* what to ask, filled in, or NULL */
  char *article;         /* the article to show, or NULL */
  GPtrArray *links;      /* char *: articles named with article() */
  gboolean acute;        /* the case is acute (from this step or an earlier one) */
  char *acute_reason;
  char *refer_to;        /* the unit to refer to, or NULL */
  gboolean finished;     /* the call ends here, with the proposed outcome */
} LotsGuideView;

typedef struct _LotsGuideSession LotsGuideSession;

LotsGuideSession       *lots_guide_session_new          (LotsGuide         *guide,
                                                         GError           **error);
void                    lots_guide_session_free         (LotsGuideSession  *session);
LotsGuide              *lots_guide_session_get_guide    (LotsGuideSession  *session);
const LotsGuideView    *lots_guide_session_get_view     (LotsGuideSession  *session);
const LotsGuideOutcome *lots_guide_session_get_outcome  (LotsGuideSession  *session);
GPtrArray              *lots_guide_session_dup_path     (LotsGuideSession  *session);
gboolean                lots_guide_session_choose       (LotsGuideSession  *session,
                                                         guint              index,
                                                         GError           **error);
gboolean                lots_guide_session_choose_label (LotsGuideSession  *session,
                                                         const char        *label,
                                                         GError           **error);
gboolean                lots_guide_session_answer       (LotsGuideSession  *session,
                                                         const char        *value,
                                                         GError           **error);
gboolean                lots_guide_session_proceed      (LotsGuideSession  *session,
                                                         GError           **error);
gboolean                lots_guide_session_can_proceed  (LotsGuideSession  *session);
gboolean                lots_guide_session_back         (LotsGuideSession  *session);
gboolean                lots_guide_session_restart      (LotsGuideSession  *session,
                                                         GError           **error);
gboolean                lots_guide_session_is_finished  (LotsGuideSession  *session);
char                   *lots_guide_session_dup_value    (LotsGuideSession  *session,
                                                         const char        *name);
gsize                   lots_guide_session_get_memory   (LotsGuideSession  *session);

char                   *lots_guide_input_normalize      (LotsGuideInput     input,
                                                         const char        *value,
                                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsGuideSession, lots_guide_session_free)

G_END_DECLS
