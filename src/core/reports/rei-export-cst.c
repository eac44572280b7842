/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-date.h"
#include "rei-export-cst.h"
#include "rei-export-error.h"
#include "rei-identifiers.h"
#include "rei-report.h"
#include "rei-store-reports.h"

/* The column names are CST2021's own, in Polish: the system reads the file by them. */
const char * const rei_cst_header[] = {
  "Imię", "Nazwisko", "PESEL", "Brak PESEL", "Płeć", "Wiek w chwili przystąpienia do projektu",
  "Wykształcenie", "Obywatelstwo", "Kraj", "Województwo", "Powiat", "Gmina", "Miejscowość",
  "Kod pocztowy", "Obszar wg stopnia urbanizacji (DEGURBA)", "Telefon kontaktowy", "Adres e-mail",
  "Status osoby na rynku pracy w chwili przystąpienia do projektu",
  "Data rozpoczęcia udziału w projekcie", "Data zakończenia udziału w projekcie",
  "Sytuacja osoby w momencie zakończenia udziału w projekcie",
  "Zakończenie udziału zgodnie z zaplanowaną ścieżką", "Osoba z niepełnosprawnościami",
  "Osoba obcego pochodzenia", "Osoba z państwa trzeciego",
  "Osoba należąca do mniejszości narodowej lub etnicznej",
  "Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań",
  NULL
};

typedef struct
{
  GString *out;
  guint    rows;
} Cst;

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  if (!first)
    g_string_append_c (out, ';');
  if (value == NULL)
    return;
  /* A separator, a quote or a line break inside a value is quoted, the quote doubled. */
  if (strpbrk (value, ";\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
}

static const char *
yes_no (const char *flag)
{
  if (flag == NULL)
    return NULL;
  return g_strcmp0 (flag, "0") == 0 ? "Nie" : "Tak";
}

/* Age in whole years on the day of joining, from the birth date or else the PESEL. */
static char *
age_at (const char *birth_iso,
        const char *pesel,
        const char *joined_iso)
{
  GDate birth, joined;
  int age;

  if (joined_iso == NULL || !rei_date_iso_to_gdate (joined_iso, &joined))
    return NULL;
  if (birth_iso == NULL || !rei_date_iso_to_gdate (birth_iso, &birth))
    {
      if (pesel == NULL || !rei_pesel_parse (pesel, &birth, NULL, NULL))
        return NULL;
    }
  age = g_date_get_year (&joined) - g_date_get_year (&birth);
  if (g_date_get_month (&joined) < g_date_get_month (&birth)
      || (g_date_get_month (&joined) == g_date_get_month (&birth)
          && g_date_get_day (&joined) < g_date_get_day (&birth)))
    age--;
  return g_strdup_printf ("%d", age);
}

static gboolean
write_row (const char * const *f,
           gpointer            user_data)
{
  Cst *cst = user_data;
  g_autofree char *age = age_at (f[REI_CST_BIRTH_DATE], f[REI_CST_PESEL], f[REI_CST_JOINED_ON]);
  g_autofree char *joined = rei_date_format_display (f[REI_CST_JOINED_ON]);
  g_autofree char *left = rei_date_format_display (f[REI_CST_LEFT_ON]);
  g_autofree char *status = NULL;
  const char *sex = NULL, *minority = NULL;
  GString *out = cst->out;

  if (g_strcmp0 (f[REI_CST_SEX], "K") == 0)
    sex = "Kobieta";
  else if (g_strcmp0 (f[REI_CST_SEX], "M") == 0)
    sex = "Mężczyzna";
  if (g_strcmp0 (f[REI_CST_MINORITY], "tak") == 0)
    minority = "Tak";
  else if (g_strcmp0 (f[REI_CST_MINORITY], "nie") == 0)
    minority = "Nie";
  else if (g_strcmp0 (f[REI_CST_MINORITY], "odmowa") == 0)
    minority = "Odmowa podania informacji";

  /* Long-term unemployment is a second value of the labour-market status. */
  if (g_strcmp0 (f[REI_CST_LONG_TERM_UNEMPLOYED], "1") == 0)
    status = f[REI_CST_LABOUR_STATUS] ? g_strconcat (f[REI_CST_LABOUR_STATUS], "|Osoba długotrwale bezrobotna", NULL)
                                      : g_strdup ("Osoba długotrwale bezrobotna");
  else
    status = g_strdup (f[REI_CST_LABOUR_STATUS]);

  append_field (out, f[REI_CST_FIRST_NAME], TRUE);
  append_field (out, f[REI_CST_SURNAME], FALSE);
  append_field (out, f[REI_CST_PESEL], FALSE);
  append_field (out, f[REI_CST_PESEL] != NULL && *f[REI_CST_PESEL] ? "Nie" : "Tak", FALSE);
  append_field (out, sex, FALSE);
  append_field (out, age, FALSE);
  append_field (out, f[REI_CST_EDUCATION], FALSE);
  append_field (out, f[REI_CST_CITIZENSHIP], FALSE);
  append_field (out, "Polska", FALSE);   /* the country of residence: a CIS serves its commune */
  append_field (out, f[REI_CST_VOIVODESHIP], FALSE);
  append_field (out, f[REI_CST_COUNTY], FALSE);
  append_field (out, f[REI_CST_COMMUNE], FALSE);
  append_field (out, f[REI_CST_TOWN], FALSE);
  append_field (out, f[REI_CST_POSTCODE], FALSE);
  append_field (out, f[REI_CST_DEGURBA], FALSE);
  append_field (out, f[REI_CST_PHONE], FALSE);
  append_field (out, f[REI_CST_EMAIL], FALSE);
  append_field (out, status, FALSE);
  append_field (out, joined, FALSE);
  append_field (out, left, FALSE);
  append_field (out, f[REI_CST_STATUS_AFTER], FALSE);
  append_field (out, yes_no (f[REI_CST_PATH_COMPLETED]), FALSE);
  append_field (out, yes_no (f[REI_CST_DISABILITY]), FALSE);
  append_field (out, yes_no (f[REI_CST_FOREIGN_ORIGIN]), FALSE);
  append_field (out, yes_no (f[REI_CST_THIRD_COUNTRY]), FALSE);
  append_field (out, minority, FALSE);
  append_field (out, yes_no (f[REI_CST_HOMELESS]), FALSE);
  g_string_append (out, "\r\n");
  cst->rows++;
  return TRUE;
}

gboolean
rei_export_cst (ReiStore        *store,
                const char      *project_code,
                ReiCsvEncoding   encoding,
                const char      *path,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(ReiProject) project = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *converted = NULL;
  Cst cst = { g_string_new (NULL), 0 };
  gsize len;
  gboolean ok = FALSE;

  g_return_val_if_fail (REI_IS_STORE (store), FALSE);

  project = rei_store_get_project (store, project_code, &local_error);
  if (project == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, REI_REPORT_ERROR, REI_REPORT_ERROR_NO_PROJECT,
                     _("There is no project with the code “%s”."), project_code);
      goto out;
    }

  for (guint i = 0; rei_cst_header[i] != NULL; i++)
    append_field (cst.out, rei_cst_header[i], i == 0);
  g_string_append (cst.out, "\r\n");
  if (!rei_store_foreach_cst_row (store, project->id, write_row, &cst, cancellable, error))
    goto out;

  if (encoding == REI_CSV_ENCODING_CP1250)
    {
      converted = g_convert (cst.out->str, cst.out->len, "CP1250", "UTF-8", NULL, &len, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE,
                       _("The participants cannot be written in CP1250: %s Choose UTF-8."),
                       local_error->message);
          goto out;
        }
    }
  else
    {
      len = cst.out->len;
      converted = g_strndup (cst.out->str, len);
    }

  /* Personal data: 0600, written beside the target and renamed over it. */
  if (!g_file_set_contents_full (path, converted, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, REI_EXPORT_ERROR, REI_EXPORT_ERROR_WRITE, "%s", local_error->message);
      goto out;
    }
  ok = TRUE;
out:
  g_string_free (cst.out, TRUE);
  return ok;
}
