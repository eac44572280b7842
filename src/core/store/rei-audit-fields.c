/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-audit-fields.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  const char *name;
  /* What the window shows: the very string of the field's row title in the form, so that the
   * history speaks of the rows the clerk sees and one translation serves both. */
  const char *label;
  /* What a document given to the person says. */
  const char *document_label;
} Label;

/* The names of rei_resident_field_name(), then the parts of a resident that are not fields. */
static const Label field_labels[] = {
  { "first-name", N_("First name"), "Imię" },
  { "surname", N_("Surname"), "Nazwisko" },
  { "pesel", N_("PESEL"), "PESEL" },
  { "sex", N_("Sex"), "Płeć" },
  { "birth-date", N_("Birth date (dd.mm.yyyy)"), "Data urodzenia" },
  { "phone", N_("Phone"), "Telefon" },
  { "email", N_("E-mail"), "E-mail" },
  { "address", N_("Address (street and number)"), "Adres" },
  { "postcode", N_("Postcode"), "Kod pocztowy" },
  { "town", N_("Town"), "Miejscowość" },
  { "commune", N_("Commune"), "Gmina" },
  { "degurba", N_("Degree of urbanisation (DEGURBA)"), "Stopień urbanizacji (DEGURBA)" },
  { "citizenship", N_("Citizenship"), "Obywatelstwo" },
  { "referral", N_("Referred by"), "Skierowanie" },
  { "referral-date", N_("Referral or contract date (dd.mm.yyyy)"), "Data skierowania" },
  { "contract-number", N_("Social contract number"), "Numer kontraktu socjalnego" },
  { "education", N_("Education level"), "Wykształcenie" },
  { "labour-status", N_("Labour market situation"), "Status na rynku pracy" },
  { "disability", N_("Disability"), "Niepełnosprawność" },
  { "admission-date", N_("Admission date (dd.mm.yyyy)"), "Data przyjęcia" },
  { "end-date", N_("End date (dd.mm.yyyy)"), "Data zakończenia" },
  { "end-reason", N_("Reason"), "Powód zakończenia" },
  { "outcome", N_("Situation after leaving"), "Sytuacja po zakończeniu" },
  { "outcome-date", N_("Date of the situation after leaving (dd.mm.yyyy)"),
    "Data sytuacji po zakończeniu" },
  { "workshop", N_("Workshop"), "Warsztat" },
  { "consent-basis", N_("Legal basis of processing"), "Podstawa prawna przetwarzania" },
  { "consent-date", N_("Date of consent or basis (dd.mm.yyyy)"), "Data zgody" },
  { "notes", N_("Notes"), "Uwagi" },
  { "categories", N_("Eligibility"), "Kategorie" },
  { "projects", N_("Projects"), "Projekty" },
  { "extension-months", N_("Extension (months)"), "Przedłużenie (miesiące)" },
};

static const Label action_labels[] = {
  { "insert", NC_("audit", "Added"), "Dodanie" },
  { "update", NC_("audit", "Changed"), "Zmiana" },
  { "delete", NC_("audit", "Deleted"), "Usunięcie" },
  { "restore", NC_("audit", "Restored"), "Przywrócenie" },
  { "anonymise", NC_("audit", "Anonymised"), "Anonimizacja" },
  { "import", NC_("audit", "Imported"), "Import" },
  { "export", NC_("audit", "Exported"), "Wydanie danych" },
};

static const Label *
find (const Label *table,
      gsize        n,
      const char  *name)
{
  for (gsize i = 0; name != NULL && i < n; i++)
    if (g_str_equal (table[i].name, name))
      return &table[i];
  return NULL;
}

const char *
rei_audit_field_label (const char *field)
{
  const Label *l = find (field_labels, G_N_ELEMENTS (field_labels), field);

  return l != NULL ? _(l->label) : field;
}

const char *
rei_audit_field_document_label (const char *field)
{
  const Label *l = find (field_labels, G_N_ELEMENTS (field_labels), field);

  return l != NULL ? l->document_label : field;
}

const char *
rei_audit_action_label (const char *action)
{
  const Label *l = find (action_labels, G_N_ELEMENTS (action_labels), action);

  return l != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, "audit", l->label) : action;
}

const char *
rei_audit_action_document_label (const char *action)
{
  const Label *l = find (action_labels, G_N_ELEMENTS (action_labels), action);

  return l != NULL ? l->document_label : action;
}

static char *
describe_fields (const char  *detail,
                 const char *(*label) (const char *field))
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GString) s = g_string_new (NULL);

  if (detail == NULL || *detail == '\0')
    return NULL;

  names = g_strsplit (detail, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "", label (names[i]));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
rei_audit_describe_fields (const char *detail)
{
  return describe_fields (detail, rei_audit_field_label);
}

char *
rei_audit_describe_fields_for_document (const char *detail)
{
  return describe_fields (detail, rei_audit_field_document_label);
}
