/* lots-guide-host.c — the host API guides call (see the header).
 *
 * The Lua functions here run inside a guide's limited call, so they follow
 * Lua's rules for C functions that can raise: arguments are checked first,
 * no g_autofree is alive when luaL_error or an allocation can jump out, and
 * whatever they hand back to Lua is a fresh copy the guide may change.
 *
 * What a function learns for the session (a proposed outcome field, an
 * article link) is written to tables in the sandbox's registry; the session
 * reads them raw after each step, so the host knows nothing of sessions.
 */
#define G_LOG_DOMAIN "lots-guide-host"

#include "config.h"

#include "lots-guide-host.h"

#include <lauxlib.h>
#include <string.h>

#include "lots-calendar.h"
#include "lots-error.h"
#include "lots-guide-host-private.h"

struct _LotsGuideHost {
  gatomicrefcount ref_count;
  GHashTable *tables;        /* name → LotsTable */
  GHashTable *modules;       /* path → GBytes */
  GHashTable *hours;         /* unit id → LotsOpeningHours, parsed on first use */
  LotsGuideArticleLookup article_lookup;
  gpointer article_data;
  GDestroyNotify article_destroy;
  GDateTime *now;
};

const char _lots_guide_proposed_key = 'p';
const char _lots_guide_links_key = 'k';

static const char *const weekday_names[] = {
  "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"
};
static const char *const month_names[] = {
  "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
  "november", "december"
};

LotsGuideHost *
lots_guide_host_new (void)
{
  LotsGuideHost *self = g_new0 (LotsGuideHost, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) lots_table_free);
  self->modules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->hours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) lots_opening_hours_free);
  return self;
}

LotsGuideHost *
lots_guide_host_ref (LotsGuideHost *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lots_guide_host_unref (LotsGuideHost *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->tables);
  g_hash_table_unref (self->modules);
  g_hash_table_unref (self->hours);
  if (self->article_destroy != NULL)
    self->article_destroy (self->article_data);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_free (self);
}

/* Takes TABLE; guides name it by its file name without .csv. */
void
lots_guide_host_add_table (LotsGuideHost *self,
                           LotsTable     *table)
{
  g_return_if_fail (self != NULL && table != NULL && table->name != NULL);
  g_hash_table_replace (self->tables, table->name, table);
  g_hash_table_remove_all (self->hours);
}

const LotsTable *
lots_guide_host_get_table (LotsGuideHost *self,
                           const char    *name)
{
  g_return_val_if_fail (self != NULL && name != NULL, NULL);
  return g_hash_table_lookup (self->tables, name);
}

void
lots_guide_host_set_articles (LotsGuideHost         *self,
                              LotsGuideArticleLookup lookup,
                              gpointer               user_data,
                              GDestroyNotify         destroy)
{
  g_return_if_fail (self != NULL);
  if (self->article_destroy != NULL)
    self->article_destroy (self->article_data);
  self->article_lookup = lookup;
  self->article_data = user_data;
  self->article_destroy = destroy;
}

gboolean
lots_guide_host_has_article (LotsGuideHost *self,
                             const char    *id,
                             char         **title)
{
  g_return_val_if_fail (self != NULL && id != NULL, FALSE);
  if (title != NULL)
    *title = NULL;
  if (self->article_lookup == NULL)
    return FALSE;
  return self->article_lookup (id, title, self->article_data);
}

/* A module's text, by its path in the source ("lib/avgifter.lua"). */
void
lots_guide_host_add_module (LotsGuideHost *self,
                            const char    *path,
                            GBytes        *text)
{
  g_return_if_fail (self != NULL && path != NULL && text != NULL);
  g_hash_table_replace (self->modules, g_strdup (path), g_bytes_ref (text));
}

void
lots_guide_host_set_now (LotsGuideHost *self,
                         GDateTime     *now)
{
  g_return_if_fail (self != NULL);
  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
}

/* The host's time: fixed, or the real clock. In Stockholm time. */
GDateTime *
lots_guide_host_dup_now (LotsGuideHost *self)
{
  g_autoptr(GTimeZone) zone = lots_calendar_time_zone ();

  g_return_val_if_fail (self != NULL, NULL);
  if (self->now != NULL)
    return g_date_time_to_timezone (self->now, zone);
  return g_date_time_new_now (zone);
}

static const char *
unit_field (const LotsTable *table,
            GStrv            row,
            const char      *column)
{
  int c = lots_table_column (table, column);
  return c >= 0 ? row[c] : NULL;
}

static GStrv
find_row (const LotsTable *table,
          int              column,
          const char      *value)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (table->rows, i);
      if (g_strcmp0 (row[column], value) == 0)
        return row;
    }
  return NULL;
}

/* The opening hours of UNIT, parsed once. */
static const LotsOpeningHours *
unit_hours (LotsGuideHost *self,
            const char    *unit,
            GError       **error)
{
  const LotsTable *units = g_hash_table_lookup (self->tables, LOTS_GUIDE_UNITS_TABLE);
  LotsOpeningHours *hours = g_hash_table_lookup (self->hours, unit);
  GStrv row;

  if (hours != NULL)
    return hours;
  if (units == NULL)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND,
                   "there is no table data/" LOTS_GUIDE_UNITS_TABLE ".csv of units in this source");
      return NULL;
    }
  row = find_row (units, 0, unit);
  if (row == NULL)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND,
                   "there is no unit \"%s\" in data/" LOTS_GUIDE_UNITS_TABLE ".csv", unit);
      return NULL;
    }
  hours = lots_opening_hours_parse (unit_field (units, row, "oppettider"), unit_field (units, row, "sommartider"),
                                    unit_field (units, row, "lunch"), error);
  if (hours == NULL)
    {
      g_prefix_error (error, "the opening hours of unit \"%s\": ", unit);
      return NULL;
    }
  g_hash_table_insert (self->hours, g_strdup (unit), hours);
  return hours;
}

gboolean
lots_guide_host_unit_is_open (LotsGuideHost *self,
                              const char    *unit,
                              GDateTime     *when,
                              GError       **error)
{
  const LotsOpeningHours *hours;

  g_return_val_if_fail (self != NULL && unit != NULL && when != NULL, FALSE);
  hours = unit_hours (self, unit, error);
  return hours != NULL && lots_opening_hours_is_open (hours, when);
}

/* When the unit next opens — after its current opening when it is open
 * now: "i dag kl. 13.00", "i morgon kl. 08.00", "måndag 28 december kl.
 * 08.00"; NULL when it never opens (again) or its hours are unknown. */
char *
lots_guide_host_describe_next_open (LotsGuideHost *self,
                                    const char    *unit,
                                    GDateTime     *when)
{
  const LotsOpeningHours *hours;
  g_autoptr(GDateTime) opens = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GTimeZone) zone = lots_calendar_time_zone ();

  g_return_val_if_fail (self != NULL && unit != NULL && when != NULL, NULL);
  hours = unit_hours (self, unit, NULL);
  if (hours == NULL)
    return NULL;
  /* Open now: when it opens again after this opening closes. */
  if (lots_opening_hours_is_open (hours, when))
    {
      g_autoptr(GDateTime) closes = lots_opening_hours_next_close (hours, when);
      if (closes == NULL)
        return NULL;
      opens = lots_opening_hours_next_open (hours, closes);
    }
  else
    opens = lots_opening_hours_next_open (hours, when);
  if (opens == NULL)
    return NULL;
  local = g_date_time_to_timezone (when, zone);
  opens = g_date_time_to_timezone (g_steal_pointer (&opens), zone);
  tomorrow = g_date_time_add_days (local, 1);
  if (g_date_time_get_day_of_year (opens) == g_date_time_get_day_of_year (local) &&
      g_date_time_get_year (opens) == g_date_time_get_year (local))
    return g_strdup_printf ("i dag kl. %02d.%02d", g_date_time_get_hour (opens), g_date_time_get_minute (opens));
  if (g_date_time_get_day_of_year (opens) == g_date_time_get_day_of_year (tomorrow) &&
      g_date_time_get_year (opens) == g_date_time_get_year (tomorrow))
    return g_strdup_printf ("i morgon kl. %02d.%02d", g_date_time_get_hour (opens), g_date_time_get_minute (opens));
  return g_strdup_printf ("%s %d %s kl. %02d.%02d", weekday_names[g_date_time_get_day_of_week (opens) - 1],
                          g_date_time_get_day_of_month (opens), month_names[g_date_time_get_month (opens) - 1],
                          g_date_time_get_hour (opens), g_date_time_get_minute (opens));
}

/* ---- the Lua functions ------------------------------------------------ */

static LotsGuideHost *
host_of (lua_State *state)
{
  return lua_touserdata (state, lua_upvalueindex (1));
}

static void
push_row (lua_State       *state,
          const LotsTable *table,
          GStrv            row)
{
  guint n = g_strv_length (table->columns);

  lua_createtable (state, 0, (int) n + 3);
  for (guint c = 0; c < n; c++)
    {
      lua_pushstring (state, row[c] ? row[c] : "");
      lua_setfield (state, -2, table->columns[c]);
    }
}

static const LotsTable *
check_table (lua_State  *state,
             const char *function,
             int         argument)
{
  const char *name = luaL_checkstring (state, argument);
  const LotsTable *table = g_hash_table_lookup (host_of (state)->tables, name);

  if (table == NULL)
    luaL_error (state, "%s: there is no table data/%s.csv in this source", function, name);
  return table;
}

static int
l_lookup (lua_State *state)
{
  const LotsTable *table = check_table (state, "lookup", 1);
  int column = 0;
  const char *value;
  GStrv row;

  if (lua_gettop (state) >= 3)
    {
      const char *name = luaL_checkstring (state, 2);
      column = lots_table_column (table, name);
      if (column < 0)
        return luaL_error (state, "lookup: data/%s.csv has no column \"%s\"", lua_tostring (state, 1), name);
      value = luaL_checkstring (state, 3);
    }
  else
    value = luaL_checkstring (state, 2);
  row = find_row (table, column, value);
  if (row == NULL)
    lua_pushnil (state);
  else
    push_row (state, table, row);
  return 1;
}

/* Fills a message into BUFFER and raises it: GError memory is freed first. */
static int
raise_error (lua_State  *state,
             const char *function,
             GError     *error)
{
  char message[512];

  g_snprintf (message, sizeof message, "%s: %s", function, error->message);
  g_error_free (error);
  return luaL_error (state, "%s", message);
}

static GDateTime *
host_time (lua_State *state)
{
  return lots_guide_host_dup_now (host_of (state));
}

static int
l_open_now (lua_State *state)
{
  const char *unit = luaL_checkstring (state, 1);
  GDateTime *now = host_time (state);
  GError *error = NULL;
  gboolean open = lots_guide_host_unit_is_open (host_of (state), unit, now, &error);

  g_date_time_unref (now);
  if (error != NULL)
    return raise_error (state, "open_now", error);
  lua_pushboolean (state, open);
  return 1;
}

static int
l_next_open (lua_State *state)
{
  const char *unit = luaL_checkstring (state, 1);
  GDateTime *now = host_time (state);
  GError *error = NULL;
  char *text;

  if (unit_hours (host_of (state), unit, &error) == NULL)
    {
      g_date_time_unref (now);
      return raise_error (state, "next_open", error);
    }
  text = lots_guide_host_describe_next_open (host_of (state), unit, now);
  g_date_time_unref (now);
  if (text == NULL)
    lua_pushnil (state);
  else
    {
      /* Copied into a Lua string on the stack before freeing: pushstring
       * can only fail by raising, and then text would leak, so it is
       * pushed from a stack buffer. */
      char copy[128];
      g_strlcpy (copy, text, sizeof copy);
      g_free (text);
      lua_pushstring (state, copy);
    }
  return 1;
}

static int
l_unit (lua_State *state)
{
  LotsGuideHost *host = host_of (state);
  const char *id = luaL_checkstring (state, 1);
  const LotsTable *units = g_hash_table_lookup (host->tables, LOTS_GUIDE_UNITS_TABLE);
  GStrv row = units ? find_row (units, 0, id) : NULL;
  GError *error = NULL;
  GDateTime *now;
  gboolean open;
  char *opens, *today;
  char opens_copy[128] = "", today_copy[128] = "";

  if (row == NULL)
    return luaL_error (state, "unit: there is no unit \"%s\" in data/" LOTS_GUIDE_UNITS_TABLE ".csv", id);
  now = host_time (state);
  open = lots_guide_host_unit_is_open (host, id, now, &error);
  if (error != NULL)
    {
      g_date_time_unref (now);
      return raise_error (state, "unit", error);
    }
  opens = lots_guide_host_describe_next_open (host, id, now);
  today = lots_opening_hours_describe_day (unit_hours (host, id, NULL), now);
  g_date_time_unref (now);
  if (opens != NULL)
    g_strlcpy (opens_copy, opens, sizeof opens_copy);
  if (today != NULL)
    g_strlcpy (today_copy, today, sizeof today_copy);
  g_free (opens);
  g_free (today);

  push_row (state, units, row);
  lua_pushboolean (state, open);
  lua_setfield (state, -2, "open_now");
  if (opens_copy[0] != '\0')
    {
      lua_pushstring (state, opens_copy);
      lua_setfield (state, -2, "opens");
    }
  lua_pushstring (state, today_copy);
  lua_setfield (state, -2, "hours_today");
  return 1;
}

static int
l_now (lua_State *state)
{
  GDateTime *now = host_time (state);
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);
  int day = g_date_time_get_day_of_month (now);
  int hour = g_date_time_get_hour (now);
  int minute = g_date_time_get_minute (now);
  int weekday = g_date_time_get_day_of_week (now);
  const char *holiday = NULL;
  LotsDayKind kind = lots_calendar_day_kind (year, month, day, &holiday);
  char date[16], time[8];

  g_date_time_unref (now);
  g_snprintf (date, sizeof date, "%04d-%02d-%02d", year, month, day);
  g_snprintf (time, sizeof time, "%02d:%02d", hour, minute);
  lua_createtable (state, 0, 10);
  lua_pushinteger (state, year);
  lua_setfield (state, -2, "year");
  lua_pushinteger (state, month);
  lua_setfield (state, -2, "month");
  lua_pushinteger (state, day);
  lua_setfield (state, -2, "day");
  lua_pushinteger (state, hour);
  lua_setfield (state, -2, "hour");
  lua_pushinteger (state, minute);
  lua_setfield (state, -2, "minute");
  lua_pushinteger (state, weekday);
  lua_setfield (state, -2, "weekday");
  lua_pushstring (state, date);
  lua_setfield (state, -2, "date");
  lua_pushstring (state, time);
  lua_setfield (state, -2, "time");
  lua_pushboolean (state, kind == LOTS_DAY_WORKDAY);
  lua_setfield (state, -2, "workday");
  if (holiday != NULL)
    {
      lua_pushstring (state, holiday);
      lua_setfield (state, -2, "holiday");
    }
  return 1;
}

/* Appends V (on top) to the registry list at KEY. */
static void
append_to_registry_list (lua_State  *state,
                         const char *key)
{
  if (lua_rawgetp (state, LUA_REGISTRYINDEX, key) != LUA_TTABLE)
    {
      lua_pop (state, 1);
      lua_newtable (state);
      lua_pushvalue (state, -1);
      lua_rawsetp (state, LUA_REGISTRYINDEX, key);
    }
  lua_pushvalue (state, -2);
  lua_rawseti (state, -2, (lua_Integer) lua_rawlen (state, -2) + 1);
  lua_pop (state, 2);
}

static int
l_article (lua_State *state)
{
  const char *id = luaL_checkstring (state, 1);
  char *title = NULL;
  char copy[256];

  if (!lots_guide_host_has_article (host_of (state), id, &title))
    {
      g_free (title);
      return luaL_error (state, "article: there is no article \"%s\"", id);
    }
  g_strlcpy (copy, title ? title : id, sizeof copy);
  g_free (title);
  lua_pushvalue (state, 1);
  append_to_registry_list (state, &_lots_guide_links_key);
  lua_pushstring (state, copy);
  return 1;
}

/* The outcome fields a guide may propose, and their Lua types. */
static const struct {
  const char *name;
  int type;
} outcome_fields[] = {
  { "area", LUA_TSTRING },
  { "category", LUA_TSTRING },
  { "resolved", LUA_TBOOLEAN },
  { "referred_to", LUA_TSTRING },
  { "complaint_to", LUA_TSTRING },
  { "acute", LUA_TBOOLEAN },
};

/* Checks the outcome table at INDEX and copies its fields into the
 * registry's proposal; raises with the field's name when one is wrong. */
void
_lots_guide_propose (lua_State *state,
                     int        index,
                     const char *where)
{
  index = lua_absindex (state, index);
  luaL_checktype (state, index, LUA_TTABLE);
  lua_pushnil (state);
  while (lua_next (state, index) != 0)
    {
      gboolean known = FALSE;

      if (lua_type (state, -2) != LUA_TSTRING)
        luaL_error (state, "%s: outcome fields are named, e.g. { category = \"faktura\" }", where);
      for (guint i = 0; i < G_N_ELEMENTS (outcome_fields) && !known; i++)
        if (strcmp (lua_tostring (state, -2), outcome_fields[i].name) == 0)
          {
            known = TRUE;
            if (lua_type (state, -1) != outcome_fields[i].type)
              luaL_error (state, "%s: outcome field %s must be a %s, not a %s", where, outcome_fields[i].name,
                          lua_typename (state, outcome_fields[i].type), luaL_typename (state, -1));
          }
      if (!known)
        luaL_error (state, "%s: unknown outcome field \"%s\" (known: area, category, resolved, referred_to, "
                    "complaint_to, acute)", where, lua_tostring (state, -2));
      if (lua_rawgetp (state, LUA_REGISTRYINDEX, &_lots_guide_proposed_key) != LUA_TTABLE)
        {
          lua_pop (state, 1);
          lua_newtable (state);
          lua_pushvalue (state, -1);
          lua_rawsetp (state, LUA_REGISTRYINDEX, &_lots_guide_proposed_key);
        }
      lua_pushvalue (state, -3);
      lua_pushvalue (state, -3);
      lua_rawset (state, -3);
      lua_pop (state, 2);
    }
}

static int
l_propose (lua_State *state)
{
  _lots_guide_propose (state, 1, "propose");
  return 0;
}

static const luaL_Reg host_functions[] = {
  { "lookup", l_lookup },
  { "unit", l_unit },
  { "open_now", l_open_now },
  { "next_open", l_next_open },
  { "now", l_now },
  { "article", l_article },
  { "propose", l_propose },
  { NULL, NULL },
};

static GBytes *
read_module (const char  *name,
             char       **path,
             gpointer     user_data,
             GError     **error)
{
  LotsGuideHost *self = user_data;
  g_autofree char *file = g_strconcat (name, ".lua", NULL);
  GBytes *text = g_hash_table_lookup (self->modules, file);

  if (text == NULL)
    {
      g_set_error (error, LOTS_ERROR, LOTS_ERROR_NOT_FOUND, "there is no file %s in this source", file);
      return NULL;
    }
  *path = g_steal_pointer (&file);
  return g_bytes_ref (text);
}

/* Adds the host API to SANDBOX's environment. The host must outlive it. */
void
lots_guide_host_install (LotsGuideHost    *self,
                         LotsGuideSandbox *sandbox)
{
  g_return_if_fail (self != NULL && sandbox != NULL);
  for (guint i = 0; host_functions[i].name != NULL; i++)
    lots_guide_sandbox_add_function (sandbox, host_functions[i].name, host_functions[i].func, self);
  lots_guide_sandbox_set_module_reader (sandbox, read_module, self);
}
