/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-filter-popover.h"

#include <glib/gi18n.h>

#include "rei-lifecycle.h"
#include "rei-store-residents.h"

struct _ReiResidentFilterPopover
{
  GtkPopover   parent_instance;

  /* The values behind the choices of the category filter, after "All" at position 0. */
  GPtrArray   *category_codes;
  /* While the choices are set from code: no "changed". */
  gboolean     updating;

  /* Template widgets. */
  GtkDropDown *status_filter;
  GtkDropDown *category_filter;
  GtkDropDown *workshop_filter;
  GtkDropDown *project_filter;
  GtkDropDown *admission_year_filter;
  GtkDropDown *end_year_filter;
  GtkDropDown *review_filter;
  GtkWidget   *clear_filters_button;
};

G_DEFINE_FINAL_TYPE (ReiResidentFilterPopover, rei_resident_filter_popover, GTK_TYPE_POPOVER)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define N_FILTERS (REI_RESIDENT_FILTER_REVIEW + 1)

static void
get_filters (ReiResidentFilterPopover *self,
             GtkDropDown              *filters[N_FILTERS])
{
  filters[REI_RESIDENT_FILTER_STATUS] = self->status_filter;
  filters[REI_RESIDENT_FILTER_CATEGORY] = self->category_filter;
  filters[REI_RESIDENT_FILTER_WORKSHOP] = self->workshop_filter;
  filters[REI_RESIDENT_FILTER_PROJECT] = self->project_filter;
  filters[REI_RESIDENT_FILTER_ADMISSION_YEAR] = self->admission_year_filter;
  filters[REI_RESIDENT_FILTER_END_YEAR] = self->end_year_filter;
  filters[REI_RESIDENT_FILTER_REVIEW] = self->review_filter;
}

static const char *
get_selected_string (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  /* Position 0 is "All". */
  if (item == NULL || gtk_drop_down_get_selected (drop_down) == 0)
    return NULL;
  return gtk_string_object_get_string (item);
}

static int
get_selected_year (GtkDropDown *drop_down)
{
  const char *year = get_selected_string (drop_down);

  return year != NULL ? atoi (year) : 0;
}

/* Choices of a filter: "All", then the values; the one chosen before stays chosen when it is
 * still there.  Returns whether the choice had to go back to "All". */
static gboolean
set_choices (GtkDropDown        *drop_down,
             const char         *all,
             const char * const *values,
             guint               n_values)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *selected = g_strdup (get_selected_string (drop_down));
  guint position = 0;

  gtk_string_list_append (model, all);
  for (guint i = 0; i < n_values; i++)
    {
      gtk_string_list_append (model, values[i]);
      if (selected != NULL && g_strcmp0 (selected, values[i]) == 0)
        position = i + 1;
    }
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (drop_down, position);
  return selected != NULL && position == 0;
}

static gboolean
set_year_choices (GtkDropDown *drop_down,
                  int          first,
                  int          last)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);

  /* The latest first: the years an office asks about most. */
  for (int year = last; first > 0 && year >= first; year--)
    g_ptr_array_add (years, g_strdup_printf ("%d", year));
  return set_choices (drop_down, C_("filter", "All"), (const char * const *) years->pdata,
                      years->len);
}

/* The button shows the choice cut short, the open list shows it whole. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 45);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *choice = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (choice));
}

static void
set_choice_factories (GtkDropDown *drop_down)
{
  for (int in_list = 0; in_list <= 1; in_list++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (in_list));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
      if (in_list)
        gtk_drop_down_set_list_factory (drop_down, factory);
      else
        gtk_drop_down_set_factory (drop_down, factory);
    }
}

static void
update_clear_button (ReiResidentFilterPopover *self)
{
  gtk_widget_set_sensitive (self->clear_filters_button,
                            rei_resident_filter_popover_get_n_active (self) > 0);
}

static void
on_filter_changed_cb (ReiResidentFilterPopover *self)
{
  update_clear_button (self);
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_clear_filters_cb (ReiResidentFilterPopover *self)
{
  rei_resident_filter_popover_clear (self);
}

static void
rei_resident_filter_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REI_TYPE_RESIDENT_FILTER_POPOVER);

  G_OBJECT_CLASS (rei_resident_filter_popover_parent_class)->dispose (object);
}

static void
rei_resident_filter_popover_finalize (GObject *object)
{
  ReiResidentFilterPopover *self = REI_RESIDENT_FILTER_POPOVER (object);

  g_clear_pointer (&self->category_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (rei_resident_filter_popover_parent_class)->finalize (object);
}

static void
rei_resident_filter_popover_class_init (ReiResidentFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_resident_filter_popover_dispose;
  object_class->finalize = rei_resident_filter_popover_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/reintegra/Reintegra/ui/residents/rei-resident-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, ReiResidentFilterPopover, status_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentFilterPopover, category_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentFilterPopover, workshop_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentFilterPopover, project_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentFilterPopover,
                                        admission_year_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentFilterPopover, end_year_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentFilterPopover, review_filter);
  gtk_widget_class_bind_template_child (widget_class, ReiResidentFilterPopover,
                                        clear_filters_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_cb);
}

static void
rei_resident_filter_popover_init (ReiResidentFilterPopover *self)
{
  GtkDropDown *filters[N_FILTERS];

  self->category_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  get_filters (self, filters);
  for (guint i = 0; i < N_FILTERS; i++)
    set_choice_factories (filters[i]);
  rei_resident_filter_popover_load (self, NULL);
}

GtkWidget *
rei_resident_filter_popover_new (void)
{
  return g_object_new (REI_TYPE_RESIDENT_FILTER_POPOVER, NULL);
}

/* The lists behind the filters, read from the database: small tables and four index lookups,
 * cheap enough for the main thread. */
gboolean
rei_resident_filter_popover_load (ReiResidentFilterPopover *self,
                                  ReiStore                 *store)
{
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  const char *statuses[REI_RESIDENT_STATUS_ENDED];
  int first_admission = 0, last_admission = 0, first_end = 0, last_end = 0;
  guint category;
  g_autofree char *category_code = NULL;
  guint category_position = 0;
  gboolean reset = FALSE;

  g_return_val_if_fail (REI_IS_RESIDENT_FILTER_POPOVER (self), FALSE);
  g_return_val_if_fail (store == NULL || REI_IS_STORE (store), FALSE);

  category = gtk_drop_down_get_selected (self->category_filter);
  if (category > 0 && category != GTK_INVALID_LIST_POSITION
      && category <= self->category_codes->len)
    category_code = g_strdup (g_ptr_array_index (self->category_codes, category - 1));

  self->updating = TRUE;

  if (gtk_drop_down_get_model (self->status_filter) == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
        statuses[i] = rei_resident_status_to_string (REI_RESIDENT_STATUS_CANDIDATE + i);
      set_choices (self->status_filter, rei_resident_status_to_string (REI_RESIDENT_STATUS_ANY),
                   statuses, G_N_ELEMENTS (statuses));
    }

  /* Categories by their labels; the query takes the code at the same position. */
  g_ptr_array_set_size (self->category_codes, 0);
  if (store != NULL)
    codes = rei_store_list_codes (store, REI_LOOKUP_CATEGORY, NULL);
  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *label = rei_store_get_label (store, REI_LOOKUP_CATEGORY, code);

      g_ptr_array_add (self->category_codes, g_strdup (code));
      g_ptr_array_add (categories, label != NULL ? g_steal_pointer (&label) : g_strdup (code));
      if (g_strcmp0 (code, category_code) == 0)
        category_position = i + 1;
    }
  /* Selected by position: two categories may share a label, never a code. */
  gtk_drop_down_set_selected (self->category_filter, GTK_INVALID_LIST_POSITION);
  set_choices (self->category_filter, C_("filter", "All"),
               (const char * const *) categories->pdata, categories->len);
  gtk_drop_down_set_selected (self->category_filter, category_position);
  reset |= category_code != NULL && category_position == 0;

  if (store != NULL)
    {
      workshops = rei_store_list_workshops (store, NULL);
      projects = rei_store_list_project_titles (store, NULL);
      rei_store_get_year_range (store, &first_admission, &last_admission,
                                &first_end, &last_end, NULL);
    }
  reset |= set_choices (self->workshop_filter, C_("filter", "All"),
                        workshops != NULL ? (const char * const *) workshops->pdata : NULL,
                        workshops != NULL ? workshops->len : 0);
  reset |= set_choices (self->project_filter, C_("filter", "All"),
                        projects != NULL ? (const char * const *) projects->pdata : NULL,
                        projects != NULL ? projects->len : 0);
  reset |= set_year_choices (self->admission_year_filter, first_admission, last_admission);
  reset |= set_year_choices (self->end_year_filter, first_end, last_end);
  if (gtk_drop_down_get_model (self->review_filter) == NULL)
    {
      const char *overdue[] = { C_("plan review", "Overdue") };

      set_choices (self->review_filter, C_("filter", "All"), overdue, G_N_ELEMENTS (overdue));
    }

  self->updating = FALSE;
  update_clear_button (self);
  return reset;
}

void
rei_resident_filter_popover_apply (ReiResidentFilterPopover *self,
                                   ReiResidentQuery         *query)
{
  guint status;
  guint category;

  g_return_if_fail (REI_IS_RESIDENT_FILTER_POPOVER (self));
  g_return_if_fail (query != NULL);

  status = gtk_drop_down_get_selected (self->status_filter);
  category = gtk_drop_down_get_selected (self->category_filter);

  /* The choices of the status filter are the statuses in the enum's order, "All" first. */
  query->status = status <= REI_RESIDENT_STATUS_ENDED ? (ReiResidentStatus) status
                                                      : REI_RESIDENT_STATUS_ANY;
  g_clear_pointer (&query->category, g_free);
  if (category > 0 && category <= self->category_codes->len)
    query->category = g_strdup (g_ptr_array_index (self->category_codes, category - 1));
  g_clear_pointer (&query->workshop, g_free);
  query->workshop = g_strdup (get_selected_string (self->workshop_filter));
  g_clear_pointer (&query->project, g_free);
  query->project = g_strdup (get_selected_string (self->project_filter));
  query->admission_year = get_selected_year (self->admission_year_filter);
  query->end_year = get_selected_year (self->end_year_filter);
  query->review_overdue = gtk_drop_down_get_selected (self->review_filter) == 1;
}

guint
rei_resident_filter_popover_get_n_active (ReiResidentFilterPopover *self)
{
  GtkDropDown *filters[N_FILTERS];
  guint n = 0;

  g_return_val_if_fail (REI_IS_RESIDENT_FILTER_POPOVER (self), 0);

  get_filters (self, filters);
  for (guint i = 0; i < N_FILTERS; i++)
    {
      guint selected = gtk_drop_down_get_selected (filters[i]);

      if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
        n++;
    }
  return n;
}

void
rei_resident_filter_popover_clear (ReiResidentFilterPopover *self)
{
  GtkDropDown *filters[N_FILTERS];

  g_return_if_fail (REI_IS_RESIDENT_FILTER_POPOVER (self));

  /* One query for all of them, not one per filter. */
  get_filters (self, filters);
  self->updating = TRUE;
  for (guint i = 0; i < N_FILTERS; i++)
    gtk_drop_down_set_selected (filters[i], 0);
  self->updating = FALSE;
  on_filter_changed_cb (self);
}

GtkDropDown *
rei_resident_filter_popover_get_filter (ReiResidentFilterPopover *self,
                                        ReiResidentFilter         filter)
{
  GtkDropDown *filters[N_FILTERS];

  g_return_val_if_fail (REI_IS_RESIDENT_FILTER_POPOVER (self), NULL);
  g_return_val_if_fail (filter < N_FILTERS, NULL);

  get_filters (self, filters);
  return filters[filter];
}
