/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rei-date.h"
#include "rei-partner.h"
#include "rei-referral.h"

struct _ReiReferral
{
  GObject  parent_instance;

  gint64   id;
  gint64   resident_id;
  gint64   partner_id;
  gint64   service_id;
  gint64   plan_id;
  char    *fields[REI_REFERRAL_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (ReiReferral, rei_referral, G_TYPE_OBJECT)

static const char * const statuses[] = { "planowane", "w_trakcie", "zakonczone", "przerwane", NULL };

static void
rei_referral_finalize (GObject *object)
{
  ReiReferral *self = REI_REFERRAL (object);

  for (guint i = 0; i < REI_REFERRAL_N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (rei_referral_parent_class)->finalize (object);
}

static void
rei_referral_class_init (ReiReferralClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_referral_finalize;
}

static void
rei_referral_init (ReiReferral *self)
{
  self->fields[REI_REFERRAL_STATUS] = g_strdup ("planowane");
}

ReiReferral *
rei_referral_new (gint64 resident_id,
                  gint64 partner_id)
{
  ReiReferral *self = g_object_new (REI_TYPE_REFERRAL, NULL);

  self->resident_id = resident_id;
  self->partner_id = partner_id;
  return self;
}

#define ID_ACCESSORS(field)                                         \
  gint64                                                            \
  rei_referral_get_##field (ReiReferral *self)                      \
  {                                                                 \
    g_return_val_if_fail (REI_IS_REFERRAL (self), 0);               \
    return self->field;                                             \
  }                                                                 \
  void                                                              \
  rei_referral_set_##field (ReiReferral *self,                      \
                            gint64       value)                     \
  {                                                                 \
    g_return_if_fail (REI_IS_REFERRAL (self));                      \
    self->field = MAX (value, 0);                                   \
  }

ID_ACCESSORS (id)
ID_ACCESSORS (resident_id)
ID_ACCESSORS (partner_id)
ID_ACCESSORS (service_id)
ID_ACCESSORS (plan_id)

const char *
rei_referral_get_text (ReiReferral      *self,
                       ReiReferralField  field)
{
  g_return_val_if_fail (REI_IS_REFERRAL (self), NULL);
  g_return_val_if_fail (field < REI_REFERRAL_N_FIELDS, NULL);
  return self->fields[field];
}

void
rei_referral_set_text (ReiReferral      *self,
                       ReiReferralField  field,
                       const char       *value)
{
  char *copy = NULL;

  g_return_if_fail (REI_IS_REFERRAL (self));
  g_return_if_fail (field < REI_REFERRAL_N_FIELDS);

  if (value != NULL)
    {
      copy = g_strstrip (g_strdup (value));
      if (*copy == '\0')
        g_clear_pointer (&copy, g_free);
    }
  g_free (self->fields[field]);
  self->fields[field] = copy;
}

static gboolean
normalise_date (ReiReferral       *self,
                ReiReferralField   field,
                GError           **error)
{
  char *iso;

  if (self->fields[field] == NULL)
    return TRUE;
  iso = rei_date_normalize (self->fields[field]);
  if (iso == NULL)
    {
      g_set_error (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                   _("“%s” is not a date (dd.mm.rrrr)."), self->fields[field]);
      return FALSE;
    }
  g_free (self->fields[field]);
  self->fields[field] = iso;
  return TRUE;
}

gboolean
rei_referral_check (ReiReferral  *self,
                    GError      **error)
{
  const char *referred, *started, *ended;

  g_return_val_if_fail (REI_IS_REFERRAL (self), FALSE);

  if (self->resident_id <= 0 || self->partner_id <= 0)
    {
      g_set_error_literal (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                           _("A referral needs a resident and a partner."));
      return FALSE;
    }
  if (self->fields[REI_REFERRAL_REFERRED_ON] == NULL)
    {
      g_set_error_literal (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                           _("Enter the date of the referral."));
      return FALSE;
    }
  if (!normalise_date (self, REI_REFERRAL_REFERRED_ON, error)
      || !normalise_date (self, REI_REFERRAL_STARTED_ON, error)
      || !normalise_date (self, REI_REFERRAL_ENDED_ON, error))
    return FALSE;
  if (!rei_referral_status_is_valid (self->fields[REI_REFERRAL_STATUS]))
    {
      g_set_error_literal (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                           _("The status must be planowane, w_trakcie, zakonczone or przerwane."));
      return FALSE;
    }

  referred = self->fields[REI_REFERRAL_REFERRED_ON];
  started = self->fields[REI_REFERRAL_STARTED_ON];
  ended = self->fields[REI_REFERRAL_ENDED_ON];
  if ((started != NULL && strcmp (started, referred) < 0)
      || (ended != NULL && strcmp (ended, started != NULL ? started : referred) < 0))
    {
      g_set_error_literal (error, REI_PARTNER_ERROR, REI_PARTNER_ERROR_INVALID,
                           _("A referral cannot start before it was made nor end before it started."));
      return FALSE;
    }
  return TRUE;
}

gboolean
rei_referral_status_is_valid (const char *status)
{
  return status != NULL && g_strv_contains (statuses, status);
}

const char *
rei_referral_status_label (const char *status)
{
  if (g_strcmp0 (status, "planowane") == 0)
    return _("Planned");
  if (g_strcmp0 (status, "w_trakcie") == 0)
    return _("Under way");
  if (g_strcmp0 (status, "zakonczone") == 0)
    return _("Completed");
  if (g_strcmp0 (status, "przerwane") == 0)
    return _("Dropped");
  return status;
}

const char * const *
rei_referral_statuses (void)
{
  return statuses;
}
