#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a translation is incomplete: a syntax error, an untranslated or fuzzy message, or a
# message of the current sources that the .po file does not have yet.  The template is made
# afresh from POTFILES.in with the keywords of meson's "glib" preset, so nobody has to remember
# to regenerate it.
# Usage: check-translations.sh SOURCE_ROOT SCRATCH_DIR LANG...

set -u
srcroot=$1
scratch=$2
shift 2

mkdir -p "$scratch" || exit 1
pot="$scratch/reintegra.pot"

xgettext --package-name=reintegra --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --directory="$srcroot" --files-from="$srcroot/po/POTFILES.in" \
  --output="$pot" || exit 1

status=0
for lang in "$@"; do
  po="$srcroot/po/$lang.po"
  merged="$scratch/$lang.merged.po"

  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || {
    echo "$lang.po: $stats"
    status=1
    continue
  }
  case "$stats" in
    *fuzzy*|*untranslated*)
      echo "$lang.po: $stats"
      status=1
      ;;
  esac

  # Without fuzzy matching, a message new in the sources shows up as untranslated.
  msgmerge --quiet --no-fuzzy-matching -o "$merged" "$po" "$pot" || { status=1; continue; }
  stats=$(msgfmt --check --statistics -o /dev/null "$merged" 2>&1)
  case "$stats" in
    *fuzzy*|*untranslated*)
      echo "$lang.po is behind the sources: $stats"
      msgattrib --untranslated --no-obsolete "$merged" \
        | grep -A1 '^msgid' | grep -v '^--$' | head -40
      status=1
      ;;
  esac
  echo "$lang: $stats"
done

exit $status
