/* lots-morphology.h — what a word is: its base forms and compound parts.
 *
 * Swedish handlers type inflected and compound words ("förskolan",
 * "parkeringstillståndet"). Hunspell with the sv_SE dictionary gives the
 * lemmas (förskolan → förskola) and tells which halves of a compound are
 * words (parkerings|tillstånd); Snowball stems the words the dictionary does
 * not know. Hunspell costs microseconds per word and ~90 ms to load, so each
 * language has one shared, lazily loaded instance and every analysis is
 * cached.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A compound part must be a real word, so at least this many characters:
 * no analysis gives a shorter one. */
#define LOTS_MORPHOLOGY_MIN_PART_CHARS 3

typedef struct _LotsMorphology LotsMorphology;

typedef struct {
  char *lower;       /* the word in lower case (NFC) */
  GStrv lemmas;      /* base forms other than lower (Hunspell, else Snowball) */
  GStrv parts;       /* compound parts in base form, stop words left out */
  GStrv folded;      /* lower and lemmas without å/ä/ö, where that differs */
  gboolean known;    /* the dictionary knows the word */
  gboolean stop;     /* a stop word: not indexed, dropped from queries */
  gboolean split;    /* parts include the dictionary halves of whole-listed compounds */
} LotsWordAnalysis;

LotsMorphology         *lots_morphology_get             (const char *lang);
gboolean                lots_morphology_has_dictionary  (LotsMorphology *self);
LotsWordAnalysis       *lots_morphology_analyze         (LotsMorphology *self,
                                                         const char     *word,
                                                         gssize          length);
LotsWordAnalysis       *lots_morphology_analyze_query   (LotsMorphology *self,
                                                         const char     *word,
                                                         gssize          length);
GStrv                   lots_morphology_suggest         (LotsMorphology *self,
                                                         const char     *word);
gboolean                lots_morphology_is_stop_word    (LotsMorphology *self,
                                                         const char     *lower);
gboolean                lots_morphology_is_stop_word_as_written (LotsMorphology *self,
                                                         const char     *word,
                                                         gsize           length);
gboolean                lots_morphology_is_stop_word_prefix (LotsMorphology *self,
                                                         const char     *lower);
guint                   lots_morphology_cache_size      (LotsMorphology *self);

LotsWordAnalysis       *lots_word_analysis_ref          (LotsWordAnalysis *analysis);
void                    lots_word_analysis_unref        (LotsWordAnalysis *analysis);

char                   *lots_fold_diacritics            (const char *lower);
gboolean                lots_has_diacritics             (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsWordAnalysis, lots_word_analysis_unref)

G_END_DECLS
