/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reintegra-core"

#include "config.h"

#include "rei-demo-private.h"

#include <string.h>

/* The names and places of a register near Krasnystaw, for every domain's people and partners
 * (residents now; staff and partners' contacts later), so that a clerk trying the program
 * recognises them and sorting and search meet the diacritics they will meet in real use. */

static const char * const male_names[] = {
  "Łukasz", "Jędrzej", "Paweł", "Michał", "Mikołaj", "Grzegorz", "Stanisław", "Józef", "Wojciech",
  "Bolesław", "Zdzisław", "Mirosław", "Jarosław", "Radosław", "Bogusław", "Przemysław", "Zbigniew",
  "Krzysztof", "Tomasz", "Piotr", "Marek", "Andrzej", "Jan", "Adam", "Dariusz", "Sławomir",
  "Wiesław", "Czesław", "Kazimierz", "Tadeusz", "Jacek", "Rafał", "Maciej", "Marcin", "Artur",
  "Błażej", "Jerzy", "Ryszard", "Henryk", "Kamil", "Dawid", "Sebastian",
};

static const char * const female_names[] = {
  "Małgorzata", "Żaneta", "Agnieszka", "Bożena", "Grażyna", "Jadwiga", "Halina", "Danuta",
  "Elżbieta", "Urszula", "Katarzyna", "Dorota", "Jolanta", "Barbara", "Krystyna", "Teresa",
  "Beata", "Iwona", "Renata", "Wiesława", "Mirosława", "Stanisława", "Bogumiła", "Łucja",
  "Józefa", "Marzena", "Anna", "Ewa", "Monika", "Magdalena", "Justyna", "Sylwia", "Joanna",
  "Aneta", "Emilia", "Paulina", "Weronika", "Zofia", "Marianna", "Genowefa", "Ludmiła",
};

static const ReiDemoSurname surnames[] = {
  { "Wiśniewski", "Wiśniewska" }, { "Kowalski", "Kowalska" }, { "Nowak", "Nowak" },
  { "Łuczak", "Łuczak" }, { "Śliwa", "Śliwa" }, { "Żak", "Żak" }, { "Ćwik", "Ćwik" },
  { "Kołodziej", "Kołodziej" }, { "Wójcik", "Wójcik" }, { "Kamiński", "Kamińska" },
  { "Lewandowski", "Lewandowska" }, { "Zieliński", "Zielińska" }, { "Szymański", "Szymańska" },
  { "Woźniak", "Woźniak" }, { "Dąbrowski", "Dąbrowska" }, { "Kozłowski", "Kozłowska" },
  { "Jankowski", "Jankowska" }, { "Mazur", "Mazur" }, { "Kwiatkowski", "Kwiatkowska" },
  { "Krawczyk", "Krawczyk" }, { "Piotrowski", "Piotrowska" }, { "Grabowski", "Grabowska" },
  { "Nowakowski", "Nowakowska" }, { "Pawłowski", "Pawłowska" }, { "Michalski", "Michalska" },
  { "Król", "Król" }, { "Wieczorek", "Wieczorek" }, { "Jabłoński", "Jabłońska" },
  { "Wróbel", "Wróbel" }, { "Nowicki", "Nowicka" }, { "Majewski", "Majewska" },
  { "Olszewski", "Olszewska" }, { "Stępień", "Stępień" }, { "Jaworski", "Jaworska" },
  { "Malinowski", "Malinowska" }, { "Górski", "Górska" }, { "Sikora", "Sikora" },
  { "Witkowski", "Witkowska" }, { "Rutkowski", "Rutkowska" }, { "Michalak", "Michalak" },
  { "Szewczyk", "Szewczyk" }, { "Ostrowski", "Ostrowska" }, { "Tomaszewski", "Tomaszewska" },
  { "Pietrzak", "Pietrzak" }, { "Wróblewski", "Wróblewska" }, { "Jasiński", "Jasińska" },
  { "Zając", "Zając" }, { "Zawadzki", "Zawadzka" }, { "Sadowski", "Sadowska" },
  { "Bąk", "Bąk" }, { "Chmielewski", "Chmielewska" }, { "Włodarczyk", "Włodarczyk" },
  { "Borkowski", "Borkowska" }, { "Czarnecki", "Czarnecka" }, { "Sawicki", "Sawicka" },
  { "Sokołowski", "Sokołowska" }, { "Urbański", "Urbańska" }, { "Kubiak", "Kubiak" },
  { "Maciejewski", "Maciejewska" }, { "Szczepański", "Szczepańska" }, { "Kucharski", "Kucharska" },
  { "Wilczyński", "Wilczyńska" }, { "Kaczmarczyk", "Kaczmarczyk" }, { "Gałązka", "Gałązka" },
  { "Kędzierski", "Kędzierska" }, { "Żółtowski", "Żółtowska" }, { "Dziedzic", "Dziedzic" },
};

static const ReiDemoCommune communes[] = {
  { "Krasnystaw", "22-300", 40 },
  { "Łopiennik Górny", "22-351", 8 },
  { "Fajsławice", "21-060", 7 },
  { "Izbica", "22-375", 9 },
  { "Żółkiewka", "22-335", 8 },
  { "Rudnik", "22-330", 5 },
  { "Siennica Różana", "22-304", 7 },
  { "Kraśniczyn", "22-302", 6 },
  { "Gorzków", "22-315", 6 },
};

static const char * const krasnystaw_streets[] = {
  "ul. Okrzei", "ul. Poniatowskiego", "ul. Sobieskiego", "ul. Piłsudskiego", "ul. Mickiewicza",
  "ul. Żwirki i Wigury", "ul. Łąkowa", "ul. Różana", "ul. Głęboka", "ul. Szkolna",
  "ul. Kościuszki", "ul. Zamojska", "ul. Lubelska", "ul. Ogrodowa", "ul. Słoneczna",
};

GRand *
rei_demo_rand_new (guint32     seed,
                   const char *domain)
{
  /* FNV-1a of the domain's name: fixed here, so that a seed keeps its data whatever GLib's
   * string hash does in a later version. */
  guint32 words[2] = { seed, 2166136261u };

  g_return_val_if_fail (domain != NULL, NULL);

  for (const char *p = domain; *p != '\0'; p++)
    words[1] = (words[1] ^ (guchar) *p) * 16777619u;
  return g_rand_new_with_seed_array (words, G_N_ELEMENTS (words));
}

guint
rei_demo_pick_index (GRand *rand,
                     guint  n)
{
  g_assert (n > 0);
  return (guint) g_rand_int_range (rand, 0, (gint32) n);
}

const char *
rei_demo_pick_weighted (GRand                 *rand,
                        const ReiDemoWeighted *items,
                        guint                  n_items)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n_items; i++)
    total += items[i].weight;

  r = rei_demo_pick_index (rand, total);
  for (guint i = 0; i < n_items; i++)
    {
      if (r < items[i].weight)
        return items[i].value;
      r -= items[i].weight;
    }
  g_assert_not_reached ();
}

void
rei_demo_pick_date (GRand       *rand,
                    const GDate *first,
                    const GDate *last,
                    GDate       *out)
{
  guint32 a = g_date_get_julian (first);
  guint32 b = g_date_get_julian (last);

  g_date_clear (out, 1);
  if (b <= a)
    g_date_set_julian (out, a);
  else
    g_date_set_julian (out, a + (guint32) g_rand_int_range (rand, 0, (gint32) (b - a + 1)));
}

const char *
rei_demo_pick_first_name (GRand    *rand,
                          gboolean  male)
{
  return male ? male_names[rei_demo_pick_index (rand, G_N_ELEMENTS (male_names))]
              : female_names[rei_demo_pick_index (rand, G_N_ELEMENTS (female_names))];
}

const ReiDemoSurname *
rei_demo_pick_surname (GRand *rand)
{
  return &surnames[rei_demo_pick_index (rand, G_N_ELEMENTS (surnames))];
}

const ReiDemoCommune *
rei_demo_pick_commune (GRand *rand)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < G_N_ELEMENTS (communes); i++)
    total += communes[i].weight;
  r = rei_demo_pick_index (rand, total);
  for (guint i = 0; i < G_N_ELEMENTS (communes); i++)
    {
      if (r < communes[i].weight)
        return &communes[i];
      r -= communes[i].weight;
    }
  g_assert_not_reached ();
}

char *
rei_demo_make_address (GRand                *rand,
                       const ReiDemoCommune *commune)
{
  if (commune == &communes[0])
    {
      /* One draw per statement: C leaves the order of a call's arguments open. */
      const char *street = krasnystaw_streets[rei_demo_pick_index (rand,
                                                                   G_N_ELEMENTS (krasnystaw_streets))];
      guint house = 1 + rei_demo_pick_index (rand, 80);
      guint flat = 1 + rei_demo_pick_index (rand, 40);

      return g_strdup_printf ("%s %u/%u", street, house, flat);
    }
  return g_strdup_printf ("%s %u", commune->commune, 1 + rei_demo_pick_index (rand, 250));
}

char *
rei_demo_make_phone (GRand *rand)
{
  static const char * const prefixes[] = { "50", "51", "53", "60", "66", "69", "72", "78", "79", "88" };
  const char *prefix = prefixes[rei_demo_pick_index (rand, G_N_ELEMENTS (prefixes))];
  guint a = rei_demo_pick_index (rand, 10);
  guint b = rei_demo_pick_index (rand, 1000);
  guint c = rei_demo_pick_index (rand, 1000);

  /* Drawn one by one above: the order of a function's arguments is not the order C evaluates
   * them in, and the same seed must give the same number with every compiler. */
  return g_strdup_printf ("%s%u %03u %03u", prefix, a, b, c);
}

char *
rei_demo_ascii_fold (const char *text)
{
  static const struct { const char *from; char to; } map[] = {
    { "ą", 'a' }, { "ć", 'c' }, { "ę", 'e' }, { "ł", 'l' }, { "ń", 'n' }, { "ó", 'o' },
    { "ś", 's' }, { "ź", 'z' }, { "ż", 'z' },
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean done = FALSE;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, *p);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (map) && !done; i++)
        if (strncmp (p, map[i].from, strlen (map[i].from)) == 0)
          {
            g_string_append_c (out, map[i].to);
            done = TRUE;
          }
    }
  return g_string_free (out, FALSE);
}
