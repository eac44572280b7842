/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sys/stat.h>

#include "rei-network-export.h"
#include "rei-network-map-export.h"
#include "rei-network-map.h"
#include "rei-store-network.h"
#include "rei-store-residents.h"
#include "test-util.h"

static ReiPartner *
partner (gint64      id,
         const char *name,
         const char *type,
         const char *sector,
         const char *area)
{
  ReiPartner *p = rei_partner_new ();

  rei_partner_set_id (p, id);
  rei_partner_set_text (p, REI_PARTNER_NAME, name);
  rei_partner_set_text (p, REI_PARTNER_TYPE, type);
  rei_partner_set_text (p, REI_PARTNER_SECTOR, sector);
  rei_partner_set_areas (p, (const char *[]) { area, NULL });
  return p;
}

static GPtrArray *
sample_partners (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (list, partner (1, "Spółdzielnia Socjalna „Razem”", "A", "pozarzadowy", "reintegracja"));
  g_ptr_array_add (list, partner (2, "MOPS", "B", "publiczny", "pomoc_spoleczna"));
  g_ptr_array_add (list, partner (3, "PUP", "B", "publiczny", "przeciwdzialanie_bezrobociu"));
  g_ptr_array_add (list, partner (4, "Biblioteka Miejska", "C", "publiczny", "kultura"));
  g_ptr_array_add (list, partner (5, "Parafia św. Franciszka", "C", "koscielny", "pomoc_spoleczna"));
  g_ptr_array_add (list, partner (6, "Piekarnia Kłos", "C", "prywatny", "przeciwdzialanie_bezrobociu"));
  return list;
}

static GHashTable *
counts_of (const gint64 *ids,
           const guint  *n,
           guint         len)
{
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < len; i++)
    g_hash_table_insert (counts, g_memdup2 (&ids[i], sizeof (gint64)), GUINT_TO_POINTER (n[i]));
  return counts;
}

static void
test_layout_rings (void)
{
  g_autoptr(GPtrArray) partners = sample_partners ();
  g_autoptr(ReiNetworkMap) map = rei_network_map_new (partners, NULL, NULL, 800, 600);
  double cx, cy, r;

  rei_network_map_get_centre (map, &cx, &cy, &r);
  g_assert_cmpfloat_with_epsilon (cx, 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (cy, 300, 1e-9);
  g_assert_cmpuint (rei_network_map_get_n_nodes (map), ==, 6);
  g_assert_true (rei_network_map_get_ring_radius (map, 0) < rei_network_map_get_ring_radius (map, 1));
  g_assert_true (rei_network_map_get_ring_radius (map, 1) < rei_network_map_get_ring_radius (map, 2));
  /* The outer ring and its nodes stay inside the map. */
  g_assert_true (rei_network_map_get_ring_radius (map, 2) < 300);

  for (guint i = 0; i < rei_network_map_get_n_nodes (map); i++)
    {
      const ReiMapNode *node = rei_network_map_get_node (map, i);
      double d = hypot (node->x - cx, node->y - cy);
      ReiMapColour colour = rei_network_map_sector_colour (node->sector);

      /* Each partner sits on the ring of its type. */
      g_assert_cmpuint (node->ring, ==, (guint) (node->type - 'A'));
      g_assert_cmpfloat_with_epsilon (d, rei_network_map_get_ring_radius (map, node->ring), 1e-6);
      g_assert_cmpfloat (node->radius, >, 0);
      g_assert_cmpfloat (node->link_width, ==, 0);
      g_assert_cmpfloat (node->colour.r, ==, colour.r);
    }
  /* Rings in order, Polish order around each ring: "Biblioteka" before "Parafia" before
   * "Piekarnia". */
  g_assert_cmpstr (rei_network_map_get_node (map, 0)->name, ==, "Spółdzielnia Socjalna „Razem”");
  g_assert_cmpstr (rei_network_map_get_node (map, 3)->name, ==, "Biblioteka Miejska");
  g_assert_cmpstr (rei_network_map_get_node (map, 5)->name, ==, "Piekarnia Kłos");
  /* Four sectors, four colours. */
  g_assert_true (rei_network_map_sector_colour ("publiczny").b != rei_network_map_sector_colour ("pozarzadowy").b);
  g_assert_true (rei_network_map_sector_colour ("prywatny").r != rei_network_map_sector_colour ("koscielny").r);

  /* A filter by area keeps only the partners working in it. */
  {
    g_autoptr(ReiNetworkMap) social = rei_network_map_new (partners, NULL, "pomoc_spoleczna", 800, 600);

    g_assert_cmpuint (rei_network_map_get_n_nodes (social), ==, 2);
    g_assert_cmpint (rei_network_map_find_partner (social, 2), >=, 0);
    g_assert_cmpint (rei_network_map_find_partner (social, 5), >=, 0);
    g_assert_cmpint (rei_network_map_find_partner (social, 3), ==, -1);
  }
}

static void
test_link_weight (void)
{
  g_autoptr(GPtrArray) partners = sample_partners ();
  const gint64 ids[] = { 2, 3, 4 };
  const guint n[] = { 40, 10, 20 };
  g_autoptr(GHashTable) counts = counts_of (ids, n, 3);
  g_autoptr(ReiNetworkMap) map = rei_network_map_new (partners, counts, NULL, 800, 600);
  const ReiMapNode *mops = rei_network_map_get_node (map, rei_network_map_find_partner (map, 2));
  const ReiMapNode *pup = rei_network_map_get_node (map, rei_network_map_find_partner (map, 3));
  const ReiMapNode *lib = rei_network_map_get_node (map, rei_network_map_find_partner (map, 4));
  const ReiMapNode *bakery = rei_network_map_get_node (map, rei_network_map_find_partner (map, 6));
  double x = mops->x, y = mops->y;

  g_assert_cmpuint (rei_network_map_get_max_referrals (map), ==, 40);
  g_assert_cmpuint (rei_network_map_get_total_referrals (map), ==, 70);
  g_assert_cmpuint (mops->referrals, ==, 40);
  /* More referrals, a thicker line, linear in the count; none, no line. */
  g_assert_cmpfloat (mops->link_width, >, lib->link_width);
  g_assert_cmpfloat (lib->link_width, >, pup->link_width);
  g_assert_cmpfloat (pup->link_width, >=, 1.0);
  g_assert_cmpfloat (bakery->link_width, ==, 0);
  g_assert_cmpfloat_with_epsilon ((lib->link_width - 1) / (mops->link_width - 1), 0.5, 1e-9);

  /* Another period re-weights the links and keeps the positions. */
  {
    const gint64 ids2[] = { 3 };
    const guint n2[] = { 5 };
    g_autoptr(GHashTable) later = counts_of (ids2, n2, 1);

    rei_network_map_set_counts (map, later);
    g_assert_cmpfloat (mops->link_width, ==, 0);
    g_assert_cmpfloat (pup->link_width, ==, rei_network_map_link_width (map, 5));
    g_assert_cmpfloat (mops->x, ==, x);
    g_assert_cmpfloat (mops->y, ==, y);
  }
}

static void
test_hit_test (void)
{
  g_autoptr(GPtrArray) partners = sample_partners ();
  g_autoptr(ReiNetworkMap) map = rei_network_map_new (partners, NULL, NULL, 800, 600);
  double cx, cy;

  rei_network_map_get_centre (map, &cx, &cy, NULL);
  for (guint i = 0; i < rei_network_map_get_n_nodes (map); i++)
    {
      const ReiMapNode *node = rei_network_map_get_node (map, i);

      g_assert_cmpint (rei_network_map_hit_test (map, node->x, node->y), ==, (int) i);
      g_assert_cmpint (rei_network_map_hit_test (map, node->x + node->radius, node->y), ==, (int) i);
      g_assert_cmpint (rei_network_map_hit_test (map, node->x + node->radius + 10, node->y + node->radius + 10), ==, -1);
    }
  g_assert_cmpint (rei_network_map_hit_test (map, cx, cy), ==, -1);
  g_assert_cmpint (rei_network_map_hit_test (map, 1, 1), ==, -1);

  /* After a resize the same partner is found where it now is. */
  rei_network_map_set_size (map, 400, 400);
  {
    const ReiMapNode *node = rei_network_map_get_node (map, 2);

    g_assert_cmpint (rei_network_map_hit_test (map, node->x, node->y), ==, 2);
    g_assert_true (node->x < 400 && node->y < 400);
  }
}

/* 300 partners stay apart: no two nodes of a ring overlap. */
static void
test_many_partners (void)
{
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ReiNetworkMap) map = NULL;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %03u", i);

      g_ptr_array_add (partners, partner (i + 1, name, (const char *[]) { "A", "B", "C" }[i % 3 == 0 ? 0 : i % 5 == 0 ? 1 : 2], "publiczny", "kultura"));
    }
  map = rei_network_map_new (partners, NULL, NULL, 1000, 800);
  g_assert_cmpuint (rei_network_map_get_n_nodes (map), ==, 300);
  for (guint i = 1; i < 300; i++)
    {
      const ReiMapNode *a = rei_network_map_get_node (map, i - 1), *b = rei_network_map_get_node (map, i);

      if (a->ring == b->ring)
        g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >, a->radius + b->radius);
      g_assert_cmpint (rei_network_map_hit_test (map, b->x, b->y), ==, (int) i);
    }
}

static void
test_export_files (void)
{
  g_autofree char *dir = rei_test_tmpdir_new ();
  g_autofree char *svg_path = g_build_filename (dir, "mapa.svg", NULL);
  g_autofree char *png_path = g_build_filename (dir, "mapa.PNG", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "mapa.pdf", NULL);
  g_autoptr(GPtrArray) partners = sample_partners ();
  g_autoptr(ReiNetworkMap) map = rei_network_map_new (partners, NULL, NULL, 640, 480);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  gsize len = 0;
  GStatBuf st;

  g_assert_true (rei_network_map_export (map, svg_path, &error));
  g_assert_no_error (error);
  g_assert_true (rei_network_map_export (map, png_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (png_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (png_path, &png, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (memcmp (png, "\x89PNG", 4) == 0);
  g_assert_false (rei_network_map_export (map, bad_path, &error));
  g_assert_error (error, REI_MAP_EXPORT_ERROR, REI_MAP_EXPORT_ERROR_FORMAT);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  rei_test_tmpdir_free (g_steal_pointer (&dir));
}

/* For check-network.py: a database with a small network, its workbook for 2020 and its map. */
static int
write_files (const char *dir)
{
  g_autoptr(ReiStore) store = rei_test_store_new (dir);
  g_autoptr(GPtrArray) partners = sample_partners ();
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(ReiNetworkMap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (dir, "siec.xlsx", NULL);
  g_autofree char *svg = g_build_filename (dir, "mapa.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "mapa.png", NULL);
  g_autofree char *db_path = NULL;
  g_autoptr(ReiResident) anna = rei_test_resident_new ("Anna", "Nowak", NULL);
  /* MOPS: 2 referrals in 2020 and 1 in 2019; the library 1 in 2020. */
  static const struct { guint partner; const char *date; } referrals[] = {
    { 1, "2020-02-01" }, { 1, "2020-11-30" }, { 1, "2019-12-31" }, { 3, "2020-06-15" },
  };

  rei_resident_set (anna, REI_RESIDENT_SEX, "K");
  g_assert_true (rei_store_save_resident (store, anna, &error));
  for (guint i = 0; i < partners->len; i++)
    {
      ReiPartner *p = g_ptr_array_index (partners, i);

      rei_partner_set_id (p, 0);
      if (i == 1)
        {
          rei_partner_set_text (p, REI_PARTNER_NIP, "5641713340");
          rei_partner_set_text (p, REI_PARTNER_AGREEMENT_DATE, "2020-01-15");
        }
      g_assert_true (rei_store_save_partner (store, p, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (referrals); i++)
    {
      ReiPartner *p = g_ptr_array_index (partners, referrals[i].partner);
      g_autoptr(ReiReferral) r = rei_referral_new (rei_resident_get_id (anna), rei_partner_get_id (p));

      rei_referral_set_text (r, REI_REFERRAL_REFERRED_ON, referrals[i].date);
      g_assert_true (rei_store_save_referral (store, r, &error));
    }
  db_path = g_build_filename (dir, "test.db", NULL);
  rei_test_exec_raw (db_path,
    "INSERT INTO plan (id, resident_id, kind) VALUES (7, 1, 'IPZS');"
    "INSERT INTO plan_unmet_need (plan_id, dimension_code, area_code, description, recorded_on) "
    "VALUES (7, 'mieszkanie', 'mieszkalnictwo', 'mieszkanie chronione', '2020-05-05');"
    "UPDATE service SET partner_id = 3, cost_grosze = 1234550, capacity = 15 WHERE name = 'Terapia uzależnień';");

  if (!rei_network_export_workbook (store, xlsx, "2020-01-01", "2020-12-31", NULL, NULL, NULL, &error))
    g_error ("%s", error->message);

  g_clear_pointer (&partners, g_ptr_array_unref);
  partners = rei_store_list_partners (store, &error);
  counts = rei_store_count_referrals (store, "2020-01-01", "2020-12-31", NULL, &error);
  map = rei_network_map_new (partners, counts, NULL, 900, 700);
  rei_network_map_set_caption (map, "01.01.2020 – 31.12.2020");
  if (!rei_network_map_export (map, svg, &error) || !rei_network_map_export (map, png, &error))
    g_error ("%s", error->message);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--write-to"))
    return write_files (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/network/map/layout-rings", test_layout_rings);
  g_test_add_func ("/network/map/link-weight", test_link_weight);
  g_test_add_func ("/network/map/hit-test", test_hit_test);
  g_test_add_func ("/network/map/many-partners", test_many_partners);
  g_test_add_func ("/network/map/export-files", test_export_files);
  return g_test_run ();
}
