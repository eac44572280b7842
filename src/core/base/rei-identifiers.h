/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Polish personal and business identifiers.  Every validator checks the shape and the control
 * digit only; none of them can tell whether the number was really issued to anybody. */

#define REI_IDENTIFIER_ERROR (rei_identifier_error_quark ())

typedef enum
{
  REI_IDENTIFIER_ERROR_LENGTH,      /* wrong number of digits */
  REI_IDENTIFIER_ERROR_CHARACTERS,  /* something other than digits */
  REI_IDENTIFIER_ERROR_CHECKSUM,
  REI_IDENTIFIER_ERROR_DATE,        /* PESEL encodes no real calendar date */
} ReiIdentifierError;

GQuark   rei_identifier_error_quark (void);

/* Validates a PESEL; on success fills the birth date (may be NULL) and sex ('K' or 'M', may be
 * NULL).  Surrounding whitespace is ignored; nothing else but 11 digits is accepted. */
gboolean rei_pesel_parse            (const char  *pesel,
                                     GDate       *birth_date,
                                     char        *sex,
                                     GError     **error);
gboolean rei_pesel_is_valid         (const char  *pesel);

/* 10 digits; dashes and spaces are allowed as separators (e.g. 123-456-32-18). */
gboolean rei_nip_validate           (const char  *nip,
                                     GError     **error);

/* 9 or 14 digits; dashes and spaces are allowed as separators, as for NIP. */
gboolean rei_regon_validate         (const char  *regon,
                                     GError     **error);

/* Returns a newly allocated string with the digits only (separators removed), or NULL when the
 * text is NULL, holds no digit, or holds anything but digits, spaces, tabs and dashes. */
char    *rei_identifier_normalize   (const char  *text);

G_END_DECLS
