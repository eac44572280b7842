/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-check-expander.h"

#include "rei-report-rows.h"

typedef struct
{
  char           *code;
  char           *label;
  gboolean        ticked;
  GtkCheckButton *check;  /* NULL until the rows are made */
  GtkWidget      *row;
} Choice;

struct _ReiCheckExpander
{
  GObject         parent_instance;

  AdwExpanderRow *expander;   /* weak: the expander's owner keeps it */
  char           *separator;
  char           *none;
  GArray         *choices;    /* Choice */
  gboolean        rows_made;
};

G_DEFINE_FINAL_TYPE (ReiCheckExpander, rei_check_expander, G_TYPE_OBJECT)

static void
choice_clear (gpointer data)
{
  Choice *c = data;

  g_free (c->code);
  g_free (c->label);
}

static void
update_subtitle (ReiCheckExpander *self)
{
  g_autoptr(GString) ticked = g_string_new (NULL);

  if (self->expander == NULL)
    return;
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *c = &g_array_index (self->choices, Choice, i);

      if (c->ticked)
        g_string_append_printf (ticked, "%s%s", ticked->len > 0 ? self->separator : "", c->label);
    }
  adw_expander_row_set_subtitle (self->expander, ticked->len > 0 ? ticked->str : self->none);
}

static void
on_check_toggled_cb (GtkCheckButton   *check,
                     ReiCheckExpander *self)
{
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *c = &g_array_index (self->choices, Choice, i);

      if (c->check == check)
        c->ticked = gtk_check_button_get_active (check);
    }
  update_subtitle (self);
}

static void
make_row (ReiCheckExpander *self,
          Choice           *c)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), c->ticked);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* A wrapping title made laying out the 24 partners' rows 20-32 ms at the first opening. */
  rei_report_row_keep_to_a_line (row);
  adw_expander_row_add_row (self->expander, row);
  c->check = GTK_CHECK_BUTTON (check);
  c->row = row;
}

static void
make_rows (ReiCheckExpander *self)
{
  if (self->rows_made || self->expander == NULL)
    return;
  self->rows_made = TRUE;
  for (guint i = 0; i < self->choices->len; i++)
    make_row (self, &g_array_index (self->choices, Choice, i));
}

static void
on_expanded_cb (AdwExpanderRow   *expander,
                GParamSpec       *pspec,
                ReiCheckExpander *self)
{
  if (adw_expander_row_get_expanded (expander))
    make_rows (self);
}

static void
rei_check_expander_finalize (GObject *object)
{
  ReiCheckExpander *self = REI_CHECK_EXPANDER (object);

  if (self->expander != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->expander, self);
      g_object_remove_weak_pointer (G_OBJECT (self->expander), (gpointer *) &self->expander);
    }
  g_array_unref (self->choices);
  g_free (self->separator);
  g_free (self->none);
  G_OBJECT_CLASS (rei_check_expander_parent_class)->finalize (object);
}

static void
rei_check_expander_class_init (ReiCheckExpanderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rei_check_expander_finalize;
}

static void
rei_check_expander_init (ReiCheckExpander *self)
{
  self->choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  g_array_set_clear_func (self->choices, choice_clear);
}

ReiCheckExpander *
rei_check_expander_new (AdwExpanderRow *expander,
                        const char     *separator,
                        const char     *none)
{
  ReiCheckExpander *self;

  g_return_val_if_fail (ADW_IS_EXPANDER_ROW (expander), NULL);

  self = g_object_new (REI_TYPE_CHECK_EXPANDER, NULL);
  self->expander = expander;
  g_object_add_weak_pointer (G_OBJECT (expander), (gpointer *) &self->expander);
  self->separator = g_strdup (separator);
  self->none = g_strdup (none);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_expanded_cb), self);
  update_subtitle (self);
  return self;
}

void
rei_check_expander_clear (ReiCheckExpander *self)
{
  g_return_if_fail (REI_IS_CHECK_EXPANDER (self));

  for (guint i = 0; self->expander != NULL && i < self->choices->len; i++)
    {
      Choice *c = &g_array_index (self->choices, Choice, i);

      if (c->row != NULL)
        adw_expander_row_remove (self->expander, c->row);
    }
  g_array_set_size (self->choices, 0);
  /* Made again at the next opening, or now if the expander is open. */
  self->rows_made = self->expander != NULL && adw_expander_row_get_expanded (self->expander);
  update_subtitle (self);
}

void
rei_check_expander_add (ReiCheckExpander *self,
                        const char       *code,
                        const char       *label)
{
  Choice c = { g_strdup (code), g_strdup (label != NULL ? label : code), FALSE, NULL, NULL };

  g_return_if_fail (REI_IS_CHECK_EXPANDER (self));

  g_array_append_val (self->choices, c);
  if (self->rows_made)
    make_row (self, &g_array_index (self->choices, Choice, self->choices->len - 1));
}

void
rei_check_expander_set_ticked (ReiCheckExpander   *self,
                               const char * const *codes)
{
  g_return_if_fail (REI_IS_CHECK_EXPANDER (self));

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *c = &g_array_index (self->choices, Choice, i);

      c->ticked = codes != NULL && g_strv_contains (codes, c->code);
      if (c->check != NULL)
        gtk_check_button_set_active (c->check, c->ticked);
    }
  update_subtitle (self);
}

GStrv
rei_check_expander_get_ticked (ReiCheckExpander *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_return_val_if_fail (REI_IS_CHECK_EXPANDER (self), NULL);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *c = &g_array_index (self->choices, Choice, i);

      if (c->ticked)
        g_strv_builder_add (b, c->code);
    }
  return g_strv_builder_end (b);
}

guint
rei_check_expander_get_n_rows (ReiCheckExpander *self)
{
  guint n = 0;

  g_return_val_if_fail (REI_IS_CHECK_EXPANDER (self), 0);

  for (guint i = 0; i < self->choices->len; i++)
    n += g_array_index (self->choices, Choice, i).row != NULL;
  return n;
}
