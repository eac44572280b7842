/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rei-audit-fields.h"
#include "rei-resident.h"

/* Every field a resident has is named in words, in the window and in the workbook: a field
 * added to the model without a label would show up as "labour-status" to a clerk. */
static void
test_every_field_named (void)
{
  const char *extra[] = { "categories", "projects", "extension-months" };

  for (guint i = 0; i < REI_RESIDENT_N_FIELDS; i++)
    {
      const char *name = rei_resident_field_name (i);

      g_assert_cmpstr (rei_audit_field_label (name), !=, name);
      g_assert_cmpstr (rei_audit_field_document_label (name), !=, name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      g_assert_cmpstr (rei_audit_field_label (extra[i]), !=, extra[i]);
      g_assert_cmpstr (rei_audit_field_document_label (extra[i]), !=, extra[i]);
    }
}

static void
test_describe_fields (void)
{
  g_autofree char *window = rei_audit_describe_fields ("phone,notes,categories");
  g_autofree char *document = rei_audit_describe_fields_for_document ("phone,notes,categories");
  g_autofree char *unknown = rei_audit_describe_fields_for_document ("shoe-size,surname");

  /* The window in the test's C locale speaks the source language; the document is Polish. */
  g_assert_cmpstr (window, ==, "Phone, Notes, Eligibility");
  g_assert_cmpstr (document, ==, "Telefon, Uwagi, Kategorie");
  /* A name written by a newer version is shown as it is, not dropped. */
  g_assert_cmpstr (unknown, ==, "shoe-size, Nazwisko");
  g_assert_null (rei_audit_describe_fields (NULL));
  g_assert_null (rei_audit_describe_fields_for_document (""));
}

static void
test_actions (void)
{
  const char *actions[] = { "insert", "update", "delete", "restore", "anonymise", "import",
                            "export" };

  g_assert_cmpstr (rei_audit_action_label ("insert"), ==, "Added");
  g_assert_cmpstr (rei_audit_action_document_label ("insert"), ==, "Dodanie");
  g_assert_cmpstr (rei_audit_action_document_label ("export"), ==, "Wydanie danych");
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_assert_cmpstr (rei_audit_action_label (actions[i]), !=, actions[i]);
      g_assert_cmpstr (rei_audit_action_document_label (actions[i]), !=, actions[i]);
    }
  g_assert_cmpstr (rei_audit_action_label ("merge"), ==, "merge");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit-fields/every-field-named", test_every_field_named);
  g_test_add_func ("/audit-fields/describe", test_describe_fields);
  g_test_add_func ("/audit-fields/actions", test_actions);

  return g_test_run ();
}
