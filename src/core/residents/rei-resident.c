/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-resident.h"

struct _ReiResident
{
  GObject   parent_instance;

  gint64    id;
  char     *fields[REI_RESIDENT_N_FIELDS];
  GStrv     categories;
  GStrv     projects;
  int       extension_months;
  gboolean  anonymised;
};

G_DEFINE_FINAL_TYPE (ReiResident, rei_resident, G_TYPE_OBJECT)

/* The text properties are numbered after the ReiResidentField they mirror, so that one table
 * serves the properties, the database columns and the CSV columns alike. */
enum {
  PROP_0,
  PROP_FIRST_FIELD,
  PROP_LAST_FIELD = PROP_FIRST_FIELD + REI_RESIDENT_N_FIELDS - 1,
  PROP_ID,
  PROP_CATEGORIES,
  PROP_PROJECTS,
  PROP_EXTENSION_MONTHS,
  PROP_ANONYMISED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* These names are also the column names of the resident table, so keep them in step with the
 * migrations in resources/sql/. */
static const char * const field_names[REI_RESIDENT_N_FIELDS] = {
  [REI_RESIDENT_FIRST_NAME] = "first-name",
  [REI_RESIDENT_SURNAME] = "surname",
  [REI_RESIDENT_PESEL] = "pesel",
  [REI_RESIDENT_SEX] = "sex",
  [REI_RESIDENT_BIRTH_DATE] = "birth-date",
  [REI_RESIDENT_PHONE] = "phone",
  [REI_RESIDENT_EMAIL] = "email",
  [REI_RESIDENT_ADDRESS] = "address",
  [REI_RESIDENT_POSTCODE] = "postcode",
  [REI_RESIDENT_TOWN] = "town",
  [REI_RESIDENT_COMMUNE] = "commune",
  [REI_RESIDENT_DEGURBA] = "degurba",
  [REI_RESIDENT_CITIZENSHIP] = "citizenship",
  [REI_RESIDENT_REFERRAL] = "referral",
  [REI_RESIDENT_REFERRAL_DATE] = "referral-date",
  [REI_RESIDENT_CONTRACT_NUMBER] = "contract-number",
  [REI_RESIDENT_EDUCATION] = "education",
  [REI_RESIDENT_LABOUR_STATUS] = "labour-status",
  [REI_RESIDENT_DISABILITY] = "disability",
  [REI_RESIDENT_ADMISSION_DATE] = "admission-date",
  [REI_RESIDENT_END_DATE] = "end-date",
  [REI_RESIDENT_END_REASON] = "end-reason",
  [REI_RESIDENT_OUTCOME] = "outcome",
  [REI_RESIDENT_OUTCOME_DATE] = "outcome-date",
  [REI_RESIDENT_WORKSHOP] = "workshop",
  [REI_RESIDENT_CONSENT_BASIS] = "consent-basis",
  [REI_RESIDENT_CONSENT_DATE] = "consent-date",
  [REI_RESIDENT_NOTES] = "notes",
};

static void
rei_resident_finalize (GObject *object)
{
  ReiResident *self = (ReiResident *) object;

  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_strfreev (self->categories);
  g_strfreev (self->projects);

  G_OBJECT_CLASS (rei_resident_parent_class)->finalize (object);
}

static void
rei_resident_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ReiResident *self = REI_RESIDENT (object);

  if (prop_id >= PROP_FIRST_FIELD && prop_id <= PROP_LAST_FIELD)
    {
      g_value_set_string (value, self->fields[prop_id - PROP_FIRST_FIELD]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CATEGORIES:
      g_value_set_boxed (value, self->categories);
      break;
    case PROP_PROJECTS:
      g_value_set_boxed (value, self->projects);
      break;
    case PROP_EXTENSION_MONTHS:
      g_value_set_int (value, self->extension_months);
      break;
    case PROP_ANONYMISED:
      g_value_set_boolean (value, self->anonymised);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_resident_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ReiResident *self = REI_RESIDENT (object);

  if (prop_id >= PROP_FIRST_FIELD && prop_id <= PROP_LAST_FIELD)
    {
      rei_resident_set (self, prop_id - PROP_FIRST_FIELD, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      rei_resident_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CATEGORIES:
      rei_resident_set_categories (self, g_value_get_boxed (value));
      break;
    case PROP_PROJECTS:
      rei_resident_set_projects (self, g_value_get_boxed (value));
      break;
    case PROP_EXTENSION_MONTHS:
      rei_resident_set_extension_months (self, g_value_get_int (value));
      break;
    case PROP_ANONYMISED:
      rei_resident_set_anonymised (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_resident_class_init (ReiResidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rei_resident_finalize;
  object_class->get_property = rei_resident_get_property;
  object_class->set_property = rei_resident_set_property;

  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    properties[PROP_FIRST_FIELD + i] =
      g_param_spec_string (field_names[i], NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORIES] =
    g_param_spec_boxed ("categories", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECTS] =
    g_param_spec_boxed ("projects", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTENSION_MONTHS] =
    g_param_spec_int ("extension-months", NULL, NULL, 0, 120, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANONYMISED] =
    g_param_spec_boolean ("anonymised", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rei_resident_init (ReiResident *self)
{
}

ReiResident *
rei_resident_new (void)
{
  return g_object_new (REI_TYPE_RESIDENT, NULL);
}

ReiResident *
rei_resident_copy (ReiResident *self)
{
  ReiResident *copy;

  g_return_val_if_fail (REI_IS_RESIDENT (self), NULL);

  copy = rei_resident_new ();
  copy->id = self->id;
  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    copy->fields[i] = g_strdup (self->fields[i]);
  copy->categories = g_strdupv (self->categories);
  copy->projects = g_strdupv (self->projects);
  copy->extension_months = self->extension_months;
  copy->anonymised = self->anonymised;
  return copy;
}

gint64
rei_resident_get_id (ReiResident *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT (self), 0);
  return self->id;
}

void
rei_resident_set_id (ReiResident *self,
                     gint64       id)
{
  g_return_if_fail (REI_IS_RESIDENT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rei_resident_get (ReiResident      *self,
                  ReiResidentField  field)
{
  g_return_val_if_fail (REI_IS_RESIDENT (self), NULL);
  g_return_val_if_fail (field < REI_RESIDENT_N_FIELDS, NULL);
  return self->fields[field];
}

/* An empty string and NULL mean the same thing to a clerk ("not filled in"), so both are
 * stored as NULL; otherwise the database would hold two kinds of empty. */
void
rei_resident_set (ReiResident      *self,
                  ReiResidentField  field,
                  const char       *value)
{
  g_return_if_fail (REI_IS_RESIDENT (self));
  g_return_if_fail (field < REI_RESIDENT_N_FIELDS);

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (self->fields[field], value) == 0)
    return;
  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);
}

const char *
rei_resident_field_name (ReiResidentField field)
{
  g_return_val_if_fail (field < REI_RESIDENT_N_FIELDS, NULL);
  return field_names[field];
}

gboolean
rei_resident_field_from_name (const char       *name,
                              ReiResidentField *field)
{
  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], name) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
rei_resident_field_is_date (ReiResidentField field)
{
  switch (field)
    {
    case REI_RESIDENT_BIRTH_DATE:
    case REI_RESIDENT_REFERRAL_DATE:
    case REI_RESIDENT_ADMISSION_DATE:
    case REI_RESIDENT_END_DATE:
    case REI_RESIDENT_OUTCOME_DATE:
    case REI_RESIDENT_CONSENT_DATE:
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
rei_resident_get_first_name (ReiResident *self)
{
  return rei_resident_get (self, REI_RESIDENT_FIRST_NAME);
}

const char *
rei_resident_get_surname (ReiResident *self)
{
  return rei_resident_get (self, REI_RESIDENT_SURNAME);
}

const char *
rei_resident_get_pesel (ReiResident *self)
{
  return rei_resident_get (self, REI_RESIDENT_PESEL);
}

char *
rei_resident_dup_full_name (ReiResident *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT (self), NULL);
  return g_strjoin (" ",
                    self->fields[REI_RESIDENT_FIRST_NAME] ? self->fields[REI_RESIDENT_FIRST_NAME] : "",
                    self->fields[REI_RESIDENT_SURNAME] ? self->fields[REI_RESIDENT_SURNAME] : "",
                    NULL);
}

int
rei_resident_get_extension_months (ReiResident *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT (self), 0);
  return self->extension_months;
}

void
rei_resident_set_extension_months (ReiResident *self,
                                   int          months)
{
  g_return_if_fail (REI_IS_RESIDENT (self));

  if (self->extension_months == months)
    return;
  self->extension_months = months;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTENSION_MONTHS]);
}

gboolean
rei_resident_get_anonymised (ReiResident *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT (self), FALSE);
  return self->anonymised;
}

void
rei_resident_set_anonymised (ReiResident *self,
                             gboolean     anonymised)
{
  g_return_if_fail (REI_IS_RESIDENT (self));

  anonymised = !!anonymised;
  if (self->anonymised == anonymised)
    return;
  self->anonymised = anonymised;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANONYMISED]);
}

static const char * const empty_strv[] = { NULL };

const char * const *
rei_resident_get_categories (ReiResident *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT (self), NULL);
  return self->categories ? (const char * const *) self->categories : empty_strv;
}

void
rei_resident_set_categories (ReiResident        *self,
                             const char * const *codes)
{
  g_return_if_fail (REI_IS_RESIDENT (self));
  rei_resident_take_categories (self, g_strdupv ((char **) codes));
}

void
rei_resident_take_categories (ReiResident *self,
                              GStrv        codes)
{
  g_return_if_fail (REI_IS_RESIDENT (self));

  g_strfreev (self->categories);
  self->categories = codes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORIES]);
}

const char * const *
rei_resident_get_projects (ReiResident *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT (self), NULL);
  return self->projects ? (const char * const *) self->projects : empty_strv;
}

void
rei_resident_set_projects (ReiResident        *self,
                           const char * const *titles)
{
  g_return_if_fail (REI_IS_RESIDENT (self));
  rei_resident_take_projects (self, g_strdupv ((char **) titles));
}

void
rei_resident_take_projects (ReiResident *self,
                            GStrv        titles)
{
  g_return_if_fail (REI_IS_RESIDENT (self));

  g_strfreev (self->projects);
  self->projects = titles;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTS]);
}
