/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra"

#include "config.h"

#include "rei-resident-section.h"

#include "rei-date.h"
#include "rei-identifiers.h"
#include "rei-resident-rules.h"

typedef struct
{
  ReiResidentField  field;
  AdwEntryRow      *row;
  GtkWidget        *error_row;
} FieldRow;

typedef struct
{
  ReiResidentField  field;
  ReiCodeComboRow  *row;
} CodeRow;

typedef struct
{
  ReiStore *store;
  GArray   *fields;    /* FieldRow, in the order of the form */
  GArray   *codes;     /* CodeRow */
  guint     loading;   /* nesting depth of begin_loading */
} ReiResidentSectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ReiResidentSection, rei_resident_section, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers. */

static FieldRow *
find_field (ReiResidentSection *self,
            ReiResidentField    field)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);

  for (guint i = 0; i < priv->fields->len; i++)
    {
      FieldRow *f = &g_array_index (priv->fields, FieldRow, i);

      if (f->field == field)
        return f;
    }
  return NULL;
}

static CodeRow *
find_code (ReiResidentSection *self,
           ReiResidentField    field)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);

  for (guint i = 0; i < priv->codes->len; i++)
    {
      CodeRow *c = &g_array_index (priv->codes, CodeRow, i);

      if (c->field == field)
        return c;
    }
  return NULL;
}

/* Signal callbacks. */

static void
on_row_changed_cb (ReiResidentSection *self)
{
  rei_resident_section_changed (self);
}

/* Overrides: what every registered field row does. */

static void
rei_resident_section_real_load (ReiResidentSection *self,
                                ReiResident        *resident)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);

  for (guint i = 0; i < priv->fields->len; i++)
    {
      FieldRow *f = &g_array_index (priv->fields, FieldRow, i);
      const char *value = resident != NULL ? rei_resident_get (resident, f->field) : NULL;
      g_autofree char *display = NULL;

      /* A stored date the form cannot show as dd.mm.yyyy is shown as it is, to be corrected. */
      if (value != NULL && rei_resident_field_is_date (f->field))
        display = rei_date_format_display (value);
      gtk_editable_set_text (GTK_EDITABLE (f->row),
                             display != NULL ? display : value != NULL ? value : "");
    }
  for (guint i = 0; i < priv->codes->len; i++)
    {
      CodeRow *c = &g_array_index (priv->codes, CodeRow, i);

      rei_code_combo_row_set_code (c->row,
                                   resident != NULL ? rei_resident_get (resident, c->field) : NULL);
    }
}

static void
rei_resident_section_real_apply (ReiResidentSection *self,
                                 ReiResident        *resident)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);

  for (guint i = 0; i < priv->fields->len; i++)
    {
      FieldRow *f = &g_array_index (priv->fields, FieldRow, i);
      g_autofree char *text = rei_resident_section_dup_text (self, f->field);
      g_autofree char *normal = NULL;

      /* What the store keeps: a PESEL's digits, an ISO date.  Text that is neither goes as
       * typed; validation has refused it by then. */
      if (text != NULL && f->field == REI_RESIDENT_PESEL)
        normal = rei_identifier_normalize (text);
      else if (text != NULL && rei_resident_field_is_date (f->field))
        normal = rei_date_normalize (text);
      rei_resident_set (resident, f->field, normal != NULL ? normal : text);
    }
  for (guint i = 0; i < priv->codes->len; i++)
    {
      CodeRow *c = &g_array_index (priv->codes, CodeRow, i);

      rei_resident_set (resident, c->field, rei_code_combo_row_get_code (c->row));
    }
}

static guint
rei_resident_section_real_validate (ReiResidentSection *self)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);
  guint n_errors = 0;

  for (guint i = 0; i < priv->fields->len; i++)
    {
      FieldRow *f = &g_array_index (priv->fields, FieldRow, i);
      g_autofree char *text = rei_resident_section_dup_text (self, f->field);
      g_autofree char *message = rei_resident_rules_check_field (f->field, text);

      rei_resident_section_set_field_error (self, f->field, message);
      n_errors += message != NULL;
    }
  return n_errors;
}

static void
rei_resident_section_real_update (ReiResidentSection *self,
                                  ReiResident        *form)
{
}

static void
rei_resident_section_real_reload_lookups (ReiResidentSection *self)
{
}

static void
rei_resident_section_dispose (GObject *object)
{
  ReiResidentSection *self = REI_RESIDENT_SECTION (object);
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);
  GtkWidget *child;

  /* Subclasses dispose their templates first; whatever is left goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_array_set_size (priv->fields, 0);
  g_array_set_size (priv->codes, 0);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (rei_resident_section_parent_class)->dispose (object);
}

static void
rei_resident_section_finalize (GObject *object)
{
  ReiResidentSection *self = REI_RESIDENT_SECTION (object);
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);

  g_array_unref (priv->fields);
  g_array_unref (priv->codes);

  G_OBJECT_CLASS (rei_resident_section_parent_class)->finalize (object);
}

static void
rei_resident_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ReiResidentSection *self = REI_RESIDENT_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, rei_resident_section_get_store (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_resident_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ReiResidentSection *self = REI_RESIDENT_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rei_resident_section_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rei_resident_section_class_init (ReiResidentSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rei_resident_section_dispose;
  object_class->finalize = rei_resident_section_finalize;
  object_class->get_property = rei_resident_section_get_property;
  object_class->set_property = rei_resident_section_set_property;

  klass->load = rei_resident_section_real_load;
  klass->apply = rei_resident_section_real_apply;
  klass->validate = rei_resident_section_real_validate;
  klass->update = rei_resident_section_real_update;
  klass->reload_lookups = rei_resident_section_real_reload_lookups;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, REI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user has edited something in the section. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* A section is its groups one under another, as a preferences page spaces them. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
rei_resident_section_init (ReiResidentSection *self)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  priv->fields = g_array_new (FALSE, FALSE, sizeof (FieldRow));
  priv->codes = g_array_new (FALSE, FALSE, sizeof (CodeRow));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
}

/* Public API. */

ReiStore *
rei_resident_section_get_store (ReiResidentSection *self)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);

  g_return_val_if_fail (REI_IS_RESIDENT_SECTION (self), NULL);

  return priv->store;
}

void
rei_resident_section_set_store (ReiResidentSection *self,
                                ReiStore           *store)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);

  g_return_if_fail (REI_IS_RESIDENT_SECTION (self));
  g_return_if_fail (store == NULL || REI_IS_STORE (store));

  if (g_set_object (&priv->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
rei_resident_section_load (ReiResidentSection *self,
                           ReiResident        *resident)
{
  g_return_if_fail (REI_IS_RESIDENT_SECTION (self));
  g_return_if_fail (resident == NULL || REI_IS_RESIDENT (resident));

  rei_resident_section_begin_loading (self);
  REI_RESIDENT_SECTION_GET_CLASS (self)->load (self, resident);
  rei_resident_section_end_loading (self);
}

void
rei_resident_section_apply (ReiResidentSection *self,
                            ReiResident        *resident)
{
  g_return_if_fail (REI_IS_RESIDENT_SECTION (self));
  g_return_if_fail (REI_IS_RESIDENT (resident));

  REI_RESIDENT_SECTION_GET_CLASS (self)->apply (self, resident);
}

guint
rei_resident_section_validate (ReiResidentSection *self)
{
  g_return_val_if_fail (REI_IS_RESIDENT_SECTION (self), 0);

  return REI_RESIDENT_SECTION_GET_CLASS (self)->validate (self);
}

void
rei_resident_section_update (ReiResidentSection *self,
                             ReiResident        *form)
{
  g_return_if_fail (REI_IS_RESIDENT_SECTION (self));
  g_return_if_fail (REI_IS_RESIDENT (form));

  REI_RESIDENT_SECTION_GET_CLASS (self)->update (self, form);
}

void
rei_resident_section_reload_lookups (ReiResidentSection *self)
{
  g_return_if_fail (REI_IS_RESIDENT_SECTION (self));

  rei_resident_section_begin_loading (self);
  REI_RESIDENT_SECTION_GET_CLASS (self)->reload_lookups (self);
  rei_resident_section_end_loading (self);
}

AdwEntryRow *
rei_resident_section_get_entry_row (ReiResidentSection *self,
                                    ReiResidentField    field)
{
  FieldRow *f;

  g_return_val_if_fail (REI_IS_RESIDENT_SECTION (self), NULL);

  f = find_field (self, field);
  return f != NULL ? f->row : NULL;
}

ReiCodeComboRow *
rei_resident_section_get_code_row (ReiResidentSection *self,
                                   ReiResidentField    field)
{
  CodeRow *c;

  g_return_val_if_fail (REI_IS_RESIDENT_SECTION (self), NULL);

  c = find_code (self, field);
  return c != NULL ? c->row : NULL;
}

const char *
rei_resident_section_get_field_error (ReiResidentSection *self,
                                      ReiResidentField    field)
{
  FieldRow *f;
  GtkWidget *label;

  g_return_val_if_fail (REI_IS_RESIDENT_SECTION (self), NULL);

  f = find_field (self, field);
  if (f == NULL || !gtk_widget_get_visible (f->error_row))
    return NULL;
  /* What is on screen, not what was computed. */
  label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (f->error_row));
  return gtk_label_get_label (GTK_LABEL (label));
}

void
rei_resident_section_set_field_error (ReiResidentSection *self,
                                      ReiResidentField    field,
                                      const char         *message)
{
  FieldRow *f;

  g_return_if_fail (REI_IS_RESIDENT_SECTION (self));

  f = find_field (self, field);
  g_return_if_fail (f != NULL);
  rei_resident_section_show_error (f->error_row, GTK_WIDGET (f->row), message);
}

void
rei_resident_section_add_field (ReiResidentSection *self,
                                ReiResidentField    field,
                                AdwEntryRow        *row)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);
  FieldRow f = { field, row, NULL };

  g_return_if_fail (REI_IS_RESIDENT_SECTION (self));
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (find_field (self, field) == NULL);

  f.error_row = rei_resident_section_add_error_row (self, GTK_WIDGET (row));
  g_array_append_val (priv->fields, f);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
rei_resident_section_add_code_field (ReiResidentSection *self,
                                     ReiResidentField    field,
                                     ReiCodeComboRow    *row)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);
  CodeRow c = { field, row };

  g_return_if_fail (REI_IS_RESIDENT_SECTION (self));
  g_return_if_fail (REI_IS_CODE_COMBO_ROW (row));
  g_return_if_fail (find_code (self, field) == NULL);

  g_array_append_val (priv->codes, c);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_row_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
rei_resident_section_add_error_row (ReiResidentSection *self,
                                    GtkWidget          *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *error_row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "rei-field-error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_visible (error_row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), error_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  /* The message is read out with its field. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  return error_row;
}

void
rei_resident_section_show_error (GtkWidget  *error_row,
                                 GtkWidget  *row,
                                 const char *message)
{
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row));

  gtk_label_set_label (GTK_LABEL (label), message != NULL ? message : "");
  gtk_widget_set_visible (error_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

char *
rei_resident_section_dup_text (ReiResidentSection *self,
                               ReiResidentField    field)
{
  FieldRow *f;
  char *text;

  g_return_val_if_fail (REI_IS_RESIDENT_SECTION (self), NULL);

  f = find_field (self, field);
  g_return_val_if_fail (f != NULL, NULL);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->row))));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
rei_resident_section_begin_loading (ReiResidentSection *self)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);

  g_return_if_fail (REI_IS_RESIDENT_SECTION (self));

  priv->loading++;
}

void
rei_resident_section_end_loading (ReiResidentSection *self)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);

  g_return_if_fail (REI_IS_RESIDENT_SECTION (self));
  g_return_if_fail (priv->loading > 0);

  priv->loading--;
}

void
rei_resident_section_changed (ReiResidentSection *self)
{
  ReiResidentSectionPrivate *priv = rei_resident_section_get_instance_private (self);

  g_return_if_fail (REI_IS_RESIDENT_SECTION (self));

  if (priv->loading == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}
