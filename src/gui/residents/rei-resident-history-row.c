/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-history-row.h"

#include "rei-audit-fields.h"

struct _ReiResidentHistoryRow
{
  AdwExpanderRow  parent_instance;

  ReiStore       *store;
  gint64          id;
  GPtrArray      *rows;   /* the entries' rows, to remove them again */
};

G_DEFINE_FINAL_TYPE (ReiResidentHistoryRow, rei_resident_history_row, ADW_TYPE_EXPANDER_ROW)

static GtkWidget *
create_entry_row (const ReiAuditEntry *e)
{
  /* The trail is kept in UTC; people read local time. */
  g_autofree char *at = g_strconcat (e->at, "Z", NULL);
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%d.%m.%Y %H:%M")
                                        : g_strdup (e->at);
  g_autofree char *fields = rei_audit_describe_fields (e->detail);
  g_autofree char *title = g_strdup_printf ("%s — %s", rei_audit_action_label (e->action), when);
  g_autofree char *subtitle = fields != NULL ? g_strdup_printf ("%s · %s", e->actor, fields)
                                             : g_strdup (e->actor);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

static void
rei_resident_history_row_dispose (GObject *object)
{
  ReiResidentHistoryRow *self = REI_RESIDENT_HISTORY_ROW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rei_resident_history_row_parent_class)->dispose (object);
}

static void
rei_resident_history_row_class_init (ReiResidentHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rei_resident_history_row_dispose;
}

static void
rei_resident_history_row_init (ReiResidentHistoryRow *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
rei_resident_history_row_show (ReiResidentHistoryRow *self,
                               ReiStore              *store,
                               gint64                 id)
{
  g_return_if_fail (REI_IS_RESIDENT_HISTORY_ROW (self));
  g_return_if_fail (store == NULL || REI_IS_STORE (store));

  g_set_object (&self->store, store);
  self->id = id;
  rei_resident_history_row_refresh (self);
}

void
rei_resident_history_row_refresh (ReiResidentHistoryRow *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_if_fail (REI_IS_RESIDENT_HISTORY_ROW (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->store != NULL && self->id > 0)
    entries = rei_store_list_audit (self->store, "resident", self->id, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), entries != NULL && entries->len > 0);
  if (entries == NULL)
    return;

  /* The newest first: that is what one looks for. */
  for (guint i = entries->len; i-- > 0;)
    {
      GtkWidget *row = create_entry_row (g_ptr_array_index (entries, i));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->rows, row);
    }
}
