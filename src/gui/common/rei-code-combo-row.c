/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-code-combo-row.h"

#include <glib/gi18n.h>

struct _ReiCodeComboRow
{
  AdwComboRow    parent_instance;

  /* Parallel lists: the code of each choice (NULL for "Not recorded") and what is shown. */
  GPtrArray     *codes;
  GtkStringList *labels;
  gboolean       show_not_recorded;
};

G_DEFINE_FINAL_TYPE (ReiCodeComboRow, rei_code_combo_row, ADW_TYPE_COMBO_ROW)

enum
{
  PROP_0,
  PROP_SHOW_NOT_RECORDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Starts the choices afresh; the model is given to the row once they are all in, so that it
 * is not redrawn for each. */
static void
begin_choices (ReiCodeComboRow *self)
{
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_object (&self->labels);
  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->labels = gtk_string_list_new (NULL);
  if (self->show_not_recorded)
    {
      g_ptr_array_add (self->codes, NULL);
      gtk_string_list_append (self->labels, C_("value", "Not recorded"));
    }
}

static void
add_choice (ReiCodeComboRow *self,
            const char      *code,
            const char      *label)
{
  g_ptr_array_add (self->codes, g_strdup (code));
  gtk_string_list_append (self->labels, label != NULL ? label : code);
}

static void
end_choices (ReiCodeComboRow *self)
{
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->labels));
}

static void
rei_code_combo_row_finalize (GObject *object)
{
  ReiCodeComboRow *self = REI_CODE_COMBO_ROW (object);

  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (rei_code_combo_row_parent_class)->finalize (object);
}

static void
rei_code_combo_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReiCodeComboRow *self = REI_CODE_COMBO_ROW (object);

  switch (prop_id)
    {
    case PROP_SHOW_NOT_RECORDED:
      g_value_set_boolean (value, self->show_not_recorded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_code_combo_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReiCodeComboRow *self = REI_CODE_COMBO_ROW (object);

  switch (prop_id)
    {
    case PROP_SHOW_NOT_RECORDED:
      rei_code_combo_row_set_show_not_recorded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_code_combo_row_class_init (ReiCodeComboRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rei_code_combo_row_finalize;
  object_class->get_property = rei_code_combo_row_get_property;
  object_class->set_property = rei_code_combo_row_set_property;

  properties[PROP_SHOW_NOT_RECORDED] =
    g_param_spec_boolean ("show-not-recorded", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rei_code_combo_row_init (ReiCodeComboRow *self)
{
  self->show_not_recorded = TRUE;
  begin_choices (self);
  end_choices (self);
}

GtkWidget *
rei_code_combo_row_new (void)
{
  return g_object_new (REI_TYPE_CODE_COMBO_ROW, NULL);
}

void
rei_code_combo_row_set_table (ReiCodeComboRow *self,
                              ReiStore        *store,
                              const char      *table)
{
  g_autoptr(GPtrArray) codes = NULL;

  g_return_if_fail (REI_IS_CODE_COMBO_ROW (self));
  g_return_if_fail (store == NULL || REI_IS_STORE (store));
  g_return_if_fail (table != NULL);

  begin_choices (self);
  if (store != NULL)
    codes = rei_store_list_codes (store, table, NULL);
  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *label = rei_store_get_label (store, table, code);

      add_choice (self, code, label);
    }
  end_choices (self);
}

void
rei_code_combo_row_set_choices (ReiCodeComboRow    *self,
                                const char * const *pairs)
{
  g_return_if_fail (REI_IS_CODE_COMBO_ROW (self));

  begin_choices (self);
  for (guint i = 0; pairs != NULL && pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    add_choice (self, pairs[i], pairs[i + 1]);
  end_choices (self);
}

void
rei_code_combo_row_set_code (ReiCodeComboRow *self,
                             const char      *code)
{
  g_return_if_fail (REI_IS_CODE_COMBO_ROW (self));

  for (guint i = 0; i < self->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->codes, i), code) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (self), i);
        return;
      }
  /* Without "Not recorded", NULL selects nothing rather than inventing a choice. */
  if (code == NULL)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (self), GTK_INVALID_LIST_POSITION);
      return;
    }
  add_choice (self, code, code);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), self->codes->len - 1);
}

const char *
rei_code_combo_row_get_code (ReiCodeComboRow *self)
{
  guint i;

  g_return_val_if_fail (REI_IS_CODE_COMBO_ROW (self), NULL);

  i = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (i >= self->codes->len)
    return NULL;
  return g_ptr_array_index (self->codes, i);
}

gboolean
rei_code_combo_row_get_show_not_recorded (ReiCodeComboRow *self)
{
  g_return_val_if_fail (REI_IS_CODE_COMBO_ROW (self), FALSE);

  return self->show_not_recorded;
}

void
rei_code_combo_row_set_show_not_recorded (ReiCodeComboRow *self,
                                          gboolean         show)
{
  const char *code;

  g_return_if_fail (REI_IS_CODE_COMBO_ROW (self));

  show = !!show;
  if (self->show_not_recorded == show)
    return;

  /* The first choice comes or goes; the selected code stays selected. */
  code = rei_code_combo_row_get_code (self);
  self->show_not_recorded = show;
  if (show)
    {
      g_ptr_array_insert (self->codes, 0, NULL);
      gtk_string_list_splice (self->labels, 0, 0,
                              (const char * const[]) { C_("value", "Not recorded"), NULL });
    }
  else
    {
      g_ptr_array_remove_index (self->codes, 0);
      gtk_string_list_remove (self->labels, 0);
    }
  rei_code_combo_row_set_code (self, code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NOT_RECORDED]);
}
