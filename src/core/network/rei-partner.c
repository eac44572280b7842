/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-date.h"
#include "rei-identifiers.h"
#include "rei-partner.h"

struct _ReiPartner
{
  GObject  parent_instance;

  gint64   id;
  char    *fields[REI_PARTNER_N_FIELDS];
  GStrv    areas;
};

G_DEFINE_FINAL_TYPE (ReiPartner, rei_partner, G_TYPE_OBJECT)
G_DEFINE_QUARK (rei-partner-error-quark, rei_partner_error)

static const char * const types[] = { "A", "B", "C", NULL };
static const char * const levels[] = { "lokalny", "regionalny", "krajowy", NULL };
static const char * const sectors[] = { "publiczny", "pozarzadowy", "prywatny", "koscielny", NULL };

static void
rei_partner_finalize (GObject *object)
{
  ReiPartner *self = REI_PARTNER (object);

  for (guint i = 0; i < REI_PARTNER_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_strfreev (self->areas);
  G_OBJECT_CLASS (rei_partner_parent_class)->finalize (object);
}

static void
rei_partner_class_init (ReiPartnerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_partner_finalize;
}

static void
rei_partner_init (ReiPartner *self)
{
  self->areas = g_new0 (char *, 1);
}

ReiPartner *
rei_partner_new (void)
{
  ReiPartner *self = g_object_new (REI_TYPE_PARTNER, NULL);

  self->fields[REI_PARTNER_TYPE] = g_strdup ("B");
  self->fields[REI_PARTNER_LEVEL] = g_strdup ("lokalny");
  self->fields[REI_PARTNER_SECTOR] = g_strdup ("publiczny");
  return self;
}

ReiPartner *
rei_partner_copy (ReiPartner *self)
{
  ReiPartner *copy = g_object_new (REI_TYPE_PARTNER, NULL);

  g_return_val_if_fail (REI_IS_PARTNER (self), NULL);
  copy->id = self->id;
  for (guint i = 0; i < REI_PARTNER_N_FIELDS; i++)
    copy->fields[i] = g_strdup (self->fields[i]);
  rei_partner_set_areas (copy, (const char * const *) self->areas);
  return copy;
}

gint64
rei_partner_get_id (ReiPartner *self)
{
  g_return_val_if_fail (REI_IS_PARTNER (self), 0);
  return self->id;
}

void
rei_partner_set_id (ReiPartner *self,
                    gint64      id)
{
  g_return_if_fail (REI_IS_PARTNER (self));
  self->id = id;
}

const char *
rei_partner_get_text (ReiPartner      *self,
                      ReiPartnerField  field)
{
  g_return_val_if_fail (REI_IS_PARTNER (self), NULL);
  g_return_val_if_fail (field < REI_PARTNER_N_FIELDS, NULL);
  return self->fields[field];
}

void
rei_partner_set_text (ReiPartner      *self,
                      ReiPartnerField  field,
                      const char      *value)
{
  char *copy = NULL;

  g_return_if_fail (REI_IS_PARTNER (self));
  g_return_if_fail (field < REI_PARTNER_N_FIELDS);

  if (value != NULL)
    {
      copy = g_strstrip (g_strdup (value));
      if (*copy == '\0')
        g_clear_pointer (&copy, g_free);
    }
  g_free (self->fields[field]);
  self->fields[field] = copy;
}

const char *
rei_partner_get_name (ReiPartner *self)
{
  return rei_partner_get_text (self, REI_PARTNER_NAME);
}

char
rei_partner_get_type_letter (ReiPartner *self)
{
  const char *type = rei_partner_get_text (self, REI_PARTNER_TYPE);

  return rei_partner_type_is_valid (type) ? type[0] : '\0';
}

const char * const *
rei_partner_get_areas (ReiPartner *self)
{
  g_return_val_if_fail (REI_IS_PARTNER (self), NULL);
  return (const char * const *) self->areas;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
rei_partner_set_areas (ReiPartner         *self,
                       const char * const *areas)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  g_return_if_fail (REI_IS_PARTNER (self));

  /* Sorted and without repeats, so that two partners with the same areas compare equal and
   * a sheet that names an area twice does not trip the primary key. */
  for (guint i = 0; areas != NULL && areas[i] != NULL; i++)
    {
      char *code = g_strstrip (g_strdup (areas[i]));
      gboolean seen = FALSE;

      for (guint j = 0; j < list->len && !seen; j++)
        seen = strcmp (g_ptr_array_index (list, j), code) == 0;
      if (*code == '\0' || seen)
        g_free (code);
      else
        g_ptr_array_add (list, code);
    }
  g_ptr_array_sort (list, compare_strings);
  g_ptr_array_add (list, NULL);
  g_strfreev (self->areas);
  self->areas = (GStrv) g_ptr_array_steal (list, NULL);
}

gboolean
rei_partner_has_area (ReiPartner *self,
                      const char *area)
{
  g_return_val_if_fail (REI_IS_PARTNER (self), FALSE);
  return area != NULL && g_strv_contains ((const char * const *) self->areas, area);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_date (ReiPartner       *self,
            ReiPartnerField   field,
            const char       *what,
            GError          **error)
{
  const char *text = self->fields[field];
  g_autofree char *iso = NULL;

  if (text == NULL)
    return TRUE;
  iso = rei_date_normalize (text);
  if (iso == NULL)
    {
      g_set_error (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                   _("%s: “%s” is not a date (dd.mm.rrrr)."), what, text);
      return FALSE;
    }
  g_free (self->fields[field]);
  self->fields[field] = g_steal_pointer (&iso);
  return TRUE;
}

static gboolean
check_identifier (ReiPartner       *self,
                  ReiPartnerField   field,
                  gboolean        (*validate) (const char *, GError **),
                  const char       *what,
                  GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text = self->fields[field];

  if (text == NULL)
    return TRUE;
  if (!validate (text, &local_error))
    {
      g_set_error (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                   "%s: %s", what, local_error->message);
      return FALSE;
    }
  /* Stored as digits only, so that a re-import written "123-456-32-18" matches. */
  {
    char *digits = rei_identifier_normalize (text);

    g_free (self->fields[field]);
    self->fields[field] = digits;
  }
  return TRUE;
}

gboolean
rei_partner_check (ReiPartner  *self,
                   GError     **error)
{
  const char *email;

  g_return_val_if_fail (REI_IS_PARTNER (self), FALSE);

  if (self->fields[REI_PARTNER_NAME] == NULL)
    return invalid (error, _("Enter the partner’s name."));
  if (!rei_partner_type_is_valid (self->fields[REI_PARTNER_TYPE]))
    return invalid (error, _("The type must be A, B or C."));
  if (self->fields[REI_PARTNER_LEVEL] == NULL)
    self->fields[REI_PARTNER_LEVEL] = g_strdup ("lokalny");
  if (!rei_partner_level_is_valid (self->fields[REI_PARTNER_LEVEL]))
    return invalid (error, _("The level must be lokalny, regionalny or krajowy."));
  if (self->fields[REI_PARTNER_SECTOR] == NULL)
    self->fields[REI_PARTNER_SECTOR] = g_strdup ("publiczny");
  if (!rei_partner_sector_is_valid (self->fields[REI_PARTNER_SECTOR]))
    return invalid (error, _("The sector must be publiczny, pozarzadowy, prywatny or koscielny."));
  if (!check_identifier (self, REI_PARTNER_NIP, rei_nip_validate, "NIP", error)
      || !check_identifier (self, REI_PARTNER_REGON, rei_regon_validate, "REGON", error))
    return FALSE;

  email = self->fields[REI_PARTNER_EMAIL];
  if (email != NULL)
    {
      const char *at = strchr (email, '@');

      if (at == NULL || at == email || strchr (at + 1, '.') == NULL || strchr (email, ' ') != NULL)
        return invalid (error, _("This is not an e-mail address."));
    }

  if (!check_date (self, REI_PARTNER_AGREEMENT_DATE, _("Agreement date"), error)
      || !check_date (self, REI_PARTNER_AGREEMENT_UNTIL, _("Agreement valid until"), error))
    return FALSE;
  if (self->fields[REI_PARTNER_AGREEMENT_DATE] != NULL && self->fields[REI_PARTNER_AGREEMENT_UNTIL] != NULL
      && strcmp (self->fields[REI_PARTNER_AGREEMENT_UNTIL], self->fields[REI_PARTNER_AGREEMENT_DATE]) < 0)
    return invalid (error, _("The agreement cannot end before it was signed."));
  return TRUE;
}

gboolean
rei_partner_type_is_valid (const char *type)
{
  return type != NULL && g_strv_contains (types, type);
}

gboolean
rei_partner_level_is_valid (const char *level)
{
  return level != NULL && g_strv_contains (levels, level);
}

gboolean
rei_partner_sector_is_valid (const char *sector)
{
  return sector != NULL && g_strv_contains (sectors, sector);
}

const char *
rei_partner_type_label (const char *type)
{
  if (g_strcmp0 (type, "A") == 0)
    return _("A: reintegration is the main goal");
  if (g_strcmp0 (type, "B") == 0)
    return _("B: reintegration is one of the goals");
  if (g_strcmp0 (type, "C") == 0)
    return _("C: reintegration is no goal");
  return type;
}

const char *
rei_partner_type_help (const char *type)
{
  if (g_strcmp0 (type, "A") == 0)
    return _("Organisations whose main statutory goal is reintegration: social integration centres "
             "and clubs, social cooperatives, integration social enterprises, local NGOs.");
  if (g_strcmp0 (type, "B") == 0)
    return _("Organisations for which reintegration is one of the goals: social assistance "
             "centres, labour offices, NGOs working for the excluded.");
  if (g_strcmp0 (type, "C") == 0)
    return _("Organisations for which reintegration is no goal at all but whose services "
             "reintegrated people can use: culture centres and libraries, schools, health care, "
             "sport and recreation, local employers, NGOs in culture, education, health or "
             "ecology. They are the key to widening the offer.");
  return NULL;
}

const char *
rei_partner_level_label (const char *level)
{
  if (g_strcmp0 (level, "lokalny") == 0)
    return _("Local");
  if (g_strcmp0 (level, "regionalny") == 0)
    return _("Regional");
  if (g_strcmp0 (level, "krajowy") == 0)
    return _("National");
  return level;
}

const char *
rei_partner_sector_label (const char *sector)
{
  if (g_strcmp0 (sector, "publiczny") == 0)
    return _("Public");
  if (g_strcmp0 (sector, "pozarzadowy") == 0)
    return _("Non-governmental");
  if (g_strcmp0 (sector, "prywatny") == 0)
    return _("Business");
  if (g_strcmp0 (sector, "koscielny") == 0)
    return _("Church");
  return sector;
}

const char * const *
rei_partner_types (void)
{
  return types;
}

const char * const *
rei_partner_levels (void)
{
  return levels;
}

const char * const *
rei_partner_sectors (void)
{
  return sectors;
}
