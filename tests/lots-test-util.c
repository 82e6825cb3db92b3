/* lots-test-util.c — test sandboxes and running lotsctl. */
#include "config.h"

#include "lots-test-util.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

char *
lots_test_sandbox_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lots-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;
      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
          if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
            remove_tree (child);
          else
            g_file_delete (child, NULL, NULL);
          g_object_unref (info);
        }
    }
  g_file_delete (file, NULL, NULL);
}

void
lots_test_sandbox_free (char *sandbox)
{
  g_autoptr(GFile) file = NULL;

  if (sandbox == NULL)
    return;
  file = g_file_new_for_path (sandbox);
  remove_tree (file);
  g_free (sandbox);
}

/* Writes contents (length -1: a string) to dir/relative, making folders. */
void
lots_test_write (const char *dir,
                 const char *relative,
                 const char *contents,
                 gssize      length)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Writes dir/lots.yaml for a source publishing to areas ("aldre, forskola"). */
void
lots_test_write_manifest (const char *dir,
                          const char *source_id,
                          const char *areas)
{
  g_autofree char *text = g_strdup_printf ("id: %s\n"
                                           "title: Testkälla %s\n"
                                           "owner: Testförvaltningen\n"
                                           "areas: [%s]\n"
                                           "lang: sv\n",
                                           source_id, source_id, areas);

  lots_test_write (dir, "lots.yaml", text, -1);
}

/* Writes an article: front matter with id, title and area, then
 * more_front_matter (whole lines, may be NULL), then body. */
void
lots_test_write_article (const char *dir,
                         const char *relative,
                         const char *id,
                         const char *title,
                         const char *area,
                         const char *more_front_matter,
                         const char *body)
{
  g_autofree char *text = g_strdup_printf ("---\nid: %s\ntitle: %s\narea: %s\n%s---\n%s\n",
                                           id, title, area,
                                           more_front_matter ? more_front_matter : "", body);

  lots_test_write (dir, relative, text, -1);
}

char *
lots_test_source_path (const char *relative)
{
  const char *root = g_getenv ("LOTS_TEST_SOURCE_DIR");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

/* Runs the built lotsctl with --data-dir data_dir (if given) and args. */
gboolean
lots_test_run_lotsctl (const char          *data_dir,
                       const char * const  *args,
                       const char          *stdin_text,
                       char               **out,
                       char               **err,
                       int                 *exit_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = NULL, output = NULL, errors = NULL;
  const char *lotsctl = g_getenv ("LOTSCTL");

  g_assert_nonnull (lotsctl);
  g_ptr_array_add (argv, (char *) lotsctl);
  if (data_dir != NULL)
    {
      g_ptr_array_add (argv, (char *) "--data-dir");
      g_ptr_array_add (argv, (char *) data_dir);
    }
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  if (stdin_text != NULL)
    input = g_bytes_new (stdin_text, strlen (stdin_text));
  g_subprocess_communicate (process, input, NULL, &output, &errors, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  *exit_status = g_subprocess_get_exit_status (process);
  if (out)
    *out = g_strndup (g_bytes_get_data (output, NULL), g_bytes_get_size (output));
  if (err)
    *err = g_strndup (g_bytes_get_data (errors, NULL), g_bytes_get_size (errors));
  return TRUE;
}

static guint16
free_port (void)
{
  struct sockaddr_in address = { 0 };
  socklen_t length = sizeof address;
  int fd = socket (AF_INET, SOCK_STREAM, 0);

  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_cmpint (getsockname (fd, (struct sockaddr *) &address, &length), ==, 0);
  close (fd);
  return ntohs (address.sin_port);
}

static gboolean
port_answers (guint16 port)
{
  struct sockaddr_in address = { 0 };
  int fd = socket (AF_INET, SOCK_STREAM, 0);
  gboolean ok;

  address.sin_family = AF_INET;
  address.sin_port = htons (port);
  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  ok = connect (fd, (struct sockaddr *) &address, sizeof address) == 0;
  close (fd);
  return ok;
}

/* Serves the repositories under BASE over git:// on loopback, on *PORT
 * (a free one chosen when it is 0), and returns once the port answers.
 * It runs git-daemon itself, not `git daemon`: git would run the daemon as
 * a child that a signal to git does not stop. */
GSubprocess *
lots_test_start_git_daemon (const char *base,
                            guint16    *port,
                            gboolean    receive_pack)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *exec_path = NULL;
  g_autofree char *daemon = NULL;
  g_autofree char *port_option = NULL;
  g_autofree char *base_option = g_strconcat ("--base-path=", base, NULL);
  const char *argv[] = { "git", "--exec-path", NULL };
  GSubprocess *process;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &exec_path, NULL, NULL,
                               &error));
  g_assert_no_error (error);
  daemon = g_build_filename (g_strstrip (exec_path), "git-daemon", NULL);
  if (*port == 0)
    *port = free_port ();
  port_option = g_strdup_printf ("--port=%u", *port);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, daemon, "--reuseaddr", "--export-all",
                              "--informative-errors", receive_pack ? "--enable=receive-pack" : "--disable=receive-pack",
                              "--listen=127.0.0.1", port_option, base_option, base, NULL);
  g_assert_no_error (error);
  for (int i = 0; i < 200 && !port_answers (*port); i++)
    g_usleep (25 * 1000);
  g_assert_true (port_answers (*port));
  return process;
}

/* Runs git in dir with the arguments up to NULL, as the test publisher (a
 * name and e-mail for commits; later -c options win), and returns its
 * standard output exactly (g_strstrip() it for a single line). A git that
 * cannot start or fails ends the test, with its standard error. */
char *
lots_test_git (const char *dir,
               const char *first,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) "git");
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) "user.name=Publicist Exempelsson");
  g_ptr_array_add (argv, (char *) "-c");
  g_ptr_array_add (argv, (char *) "user.email=publicist@exempel.se");
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("git %s failed in %s: %s", first, dir, err);
  return g_steal_pointer (&out);
}
