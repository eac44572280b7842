/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include <glib/gi18n.h>

#include "rei-date.h"
#include "rei-resident-view-private.h"

/* The columns of the residents table: how each cell is made and filled, and the row context
 * (rules, today, category labels) the fills read. */

static GQuark lifecycle_quark;
static GQuark cell_view_quark;

static ReiResident *
get_resident (GtkListItem *item)
{
  return rei_resident_row_get_resident (gtk_list_item_get_item (item));
}

static void
set_inscription (GtkListItem      *item,
                 ReiResidentField  field)
{
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));

  gtk_inscription_set_text (cell, rei_resident_get (get_resident (item), field));
}

/* The lifecycle of a row, worked out from its dates the first time a cell of the row is bound
 * and kept on the resident object.  A new query result gives every row a resident read afresh
 * (with the rules and the day of that result, see _rei_resident_view_load_row_context()), so it
 * is never stale. */
static const ReiLifecycle *
get_lifecycle (ReiResidentView *self,
               ReiResident     *resident)
{
  ReiLifecycle *lifecycle = g_object_get_qdata (G_OBJECT (resident), lifecycle_quark);

  if (lifecycle == NULL)
    {
      lifecycle = rei_lifecycle_compute (&self->rules, resident, self->today);
      g_object_set_qdata_full (G_OBJECT (resident), lifecycle_quark, lifecycle,
                               (GDestroyNotify) rei_lifecycle_free);
    }
  return lifecycle;
}

/* A long legal label, "Bezdomność (realizacja indywidualnego programu …)", is cut before its
 * explanation: a table cell has room for the name only. */
static char *
short_label (const char *label)
{
  const char *paren = strstr (label, " (");

  return paren != NULL ? g_strndup (label, paren - label) : g_strdup (label);
}

void
_rei_resident_view_load_row_context (ReiResidentView *self)
{
  g_autoptr(GPtrArray) codes = NULL;

  g_clear_pointer (&self->today, g_free);
  self->today = rei_date_today_iso ();
  rei_lifecycle_rules_load (self->store, NULL, &self->rules);

  g_hash_table_remove_all (self->category_labels);
  codes = rei_store_list_codes (self->store, REI_LOOKUP_CATEGORY, NULL);
  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *label = rei_store_get_label (self->store, REI_LOOKUP_CATEGORY, code);

      g_hash_table_insert (self->category_labels, g_strdup (code),
                           short_label (label != NULL ? label : code));
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  g_object_set_qdata (G_OBJECT (item), cell_view_quark, user_data);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, cell);
}

static void
setup_numeric_cell_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  setup_cell_cb (factory, item, user_data);
  /* Tabular figures keep the digits of PESELs and dates in columns. */
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "numeric");
}

static void
setup_surname_cell_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  setup_cell_cb (factory, item, user_data);
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "rei-surname");
}

static void
setup_days_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  setup_numeric_cell_cb (factory, item, user_data);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (gtk_list_item_get_child (item)), 1.0);
}

/* The tooltip of a warning sign.  Made when asked: gtk_widget_set_tooltip_text() asks the display
 * server where the pointer is, a round trip for every cell bound while scrolling. */
static char *
dup_warning_text (const ReiLifecycle *lifecycle)
{
  switch (lifecycle->warning)
    {
    case REI_LIFECYCLE_NEAR_LIMIT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The participation ends in %d day",
                                           "The participation ends in %d days",
                                           lifecycle->days_left),
                              lifecycle->days_left);
    case REI_LIFECYCLE_PAST_LIMIT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The planned end passed %d day ago",
                                           "The planned end passed %d days ago",
                                           -lifecycle->days_left),
                              -lifecycle->days_left);
    case REI_LIFECYCLE_OK:
    default:
      return NULL;
    }
}

static gboolean
on_status_query_tooltip_cb (GtkWidget   *cell,
                            int          x,
                            int          y,
                            gboolean     keyboard,
                            GtkTooltip  *tooltip,
                            GtkListItem *item)
{
  ReiResidentView *self = g_object_get_qdata (G_OBJECT (item), cell_view_quark);
  ReiResidentRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (row == NULL || self == NULL)
    return FALSE;
  text = dup_warning_text (get_lifecycle (self, rei_resident_row_get_resident (row)));
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_list_query_tooltip_cb (GtkWidget   *cell,
                          int          x,
                          int          y,
                          gboolean     keyboard,
                          GtkTooltip  *tooltip,
                          gpointer     user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));

  /* The whole list when the column is too narrow for it. */
  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The status, with a warning sign before it (style.css) when the participation nears or passes
 * its limit.  One widget, not a box with an image and a text: GTK 4.8 makes 200 rows of these. */
static void
setup_status_cell_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *cell;

  setup_cell_cb (factory, item, user_data);
  cell = gtk_list_item_get_child (item);
  gtk_widget_add_css_class (cell, "rei-status");
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_status_query_tooltip_cb), item);
}

static void
setup_list_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  setup_cell_cb (factory, item, user_data);
  gtk_widget_set_has_tooltip (gtk_list_item_get_child (item), TRUE);
  g_signal_connect (gtk_list_item_get_child (item), "query-tooltip",
                    G_CALLBACK (on_list_query_tooltip_cb), NULL);
}

static void
fill_surname (GtkListItem *item,
              gpointer     user_data)
{
  set_inscription (item, REI_RESIDENT_SURNAME);
}

static void
fill_first_name (GtkListItem *item,
                 gpointer     user_data)
{
  set_inscription (item, REI_RESIDENT_FIRST_NAME);
}

static void
fill_pesel (GtkListItem *item,
            gpointer     user_data)
{
  set_inscription (item, REI_RESIDENT_PESEL);
}

static void
fill_status (GtkListItem *item,
             gpointer     user_data)
{
  const ReiLifecycle *lifecycle = get_lifecycle (user_data, get_resident (item));
  GtkWidget *cell = gtk_list_item_get_child (item);
  const char *warning = NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (cell),
                            rei_resident_status_to_string (lifecycle->status));
  if (lifecycle->warning == REI_LIFECYCLE_NEAR_LIMIT)
    warning = "warning";
  else if (lifecycle->warning == REI_LIFECYCLE_PAST_LIMIT)
    warning = "error";

  /* A change of style class restyles the widget: only when it changes. */
  if (warning == NULL || !gtk_widget_has_css_class (cell, warning))
    {
      gtk_widget_remove_css_class (cell, "warning");
      gtk_widget_remove_css_class (cell, "error");
      if (warning != NULL)
        gtk_widget_add_css_class (cell, warning);
    }
  gtk_widget_set_has_tooltip (cell, warning != NULL);
}

static void
fill_days (GtkListItem *item,
           gpointer     user_data)
{
  const ReiLifecycle *lifecycle = get_lifecycle (user_data, get_resident (item));
  char days[16] = "";

  /* A candidate has not started: an empty cell, not a misleading 0. */
  if (lifecycle->status != REI_RESIDENT_STATUS_CANDIDATE)
    g_snprintf (days, sizeof days, "%d", lifecycle->days_in_programme);
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), days);
}

static void
fill_workshop (GtkListItem *item,
               gpointer     user_data)
{
  set_inscription (item, REI_RESIDENT_WORKSHOP);
}

static void
set_list_text (GtkListItem        *item,
               const char * const *values,
               GHashTable         *labels)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      const char *label = labels != NULL ? g_hash_table_lookup (labels, values[i]) : NULL;

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, label != NULL ? label : values[i]);
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text->str);
}

static void
fill_categories (GtkListItem *item,
                 gpointer     user_data)
{
  ReiResidentView *self = user_data;

  set_list_text (item, rei_resident_get_categories (get_resident (item)), self->category_labels);
}

static void
fill_project (GtkListItem *item,
              gpointer     user_data)
{
  set_list_text (item, rei_resident_get_projects (get_resident (item)), NULL);
}

static void
bind_surname_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ReiResidentView          *self)
{
  rei_lazy_column_view_bind_cell (self->table, item, fill_surname, self);
}

static void
bind_first_name_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ReiResidentView          *self)
{
  rei_lazy_column_view_bind_cell (self->table, item, fill_first_name, self);
}

static void
bind_pesel_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ReiResidentView          *self)
{
  rei_lazy_column_view_bind_cell (self->table, item, fill_pesel, self);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ReiResidentView          *self)
{
  rei_lazy_column_view_bind_cell (self->table, item, fill_status, self);
}

static void
bind_days_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ReiResidentView          *self)
{
  rei_lazy_column_view_bind_cell (self->table, item, fill_days, self);
}

static void
bind_workshop_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ReiResidentView          *self)
{
  rei_lazy_column_view_bind_cell (self->table, item, fill_workshop, self);
}

static void
bind_categories_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ReiResidentView          *self)
{
  rei_lazy_column_view_bind_cell (self->table, item, fill_categories, self);
}

static void
bind_project_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ReiResidentView          *self)
{
  rei_lazy_column_view_bind_cell (self->table, item, fill_project, self);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ReiResidentView          *self)
{
  /* The table goes first when the view is disposed; the cells go after it. */
  if (self->table != NULL)
    rei_lazy_column_view_unbind_cell (self->table, item);
}

void
_rei_resident_view_class_init_columns (GtkWidgetClass *widget_class)
{
  lifecycle_quark = g_quark_from_static_string ("rei-resident-view-lifecycle");
  cell_view_quark = g_quark_from_static_string ("rei-resident-view-cell-view");

  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, surname_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, first_name_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, pesel_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, status_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, days_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, workshop_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, category_column);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentView, project_column);

  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_numeric_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_surname_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_status_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_list_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_days_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_surname_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_first_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_pesel_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_days_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_workshop_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_categories_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_project_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell_cb);
}

/* The store sorts, by the sort of the column whose header was clicked; by name at first. */
void
_rei_resident_view_init_columns (ReiResidentView *self)
{
  const struct
  {
    GtkColumnViewColumn *column;
    ReiResidentSort      sort;
  } sorts[] = {
    { self->surname_column, REI_RESIDENT_SORT_NAME },
    { self->first_name_column, REI_RESIDENT_SORT_FIRST_NAME },
    { self->pesel_column, REI_RESIDENT_SORT_PESEL },
    { self->status_column, REI_RESIDENT_SORT_STATUS },
    { self->days_column, REI_RESIDENT_SORT_DAYS },
    { self->workshop_column, REI_RESIDENT_SORT_WORKSHOP },
    { self->category_column, REI_RESIDENT_SORT_CATEGORY },
    { self->project_column, REI_RESIDENT_SORT_PROJECT },
  };

  self->category_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    rei_lazy_column_view_add_sort (self->table, sorts[i].column, sorts[i].sort);
  gtk_column_view_sort_by_column (self->column_view, self->surname_column, GTK_SORT_ASCENDING);
}

void
_rei_resident_view_finalize_columns (ReiResidentView *self)
{
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->category_labels, g_hash_table_unref);
}
