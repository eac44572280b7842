#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a file with translatable strings is missing from po/POTFILES.in, when a listed file
# is gone, or when the list is not sorted: a string outside the template is never translated.
# Usage: check-potfiles.sh SOURCE_ROOT

set -u
cd "${1:-.}" || exit 1

status=0
list=po/POTFILES.in
listed=$(grep -v '^#' "$list" | grep -v '^[[:space:]]*$')

candidates=$(
  {
    grep -rslE '(^|[^[:alnum:]_])(N?C?_|g_dn?gettext|g_dpgettext2|ngettext) ?\(' \
      --include='*.c' --include='*.h' src
    grep -rsl 'translatable="yes"' --include='*.ui' --include='*.xml' ui resources src data
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null
  } | LC_ALL=C sort -u
)

for file in $candidates; do
  if ! printf '%s\n' "$listed" | grep -qxF "$file"; then
    echo "$file has translatable strings but is missing from $list"
    status=1
  fi
done

for file in $listed; do
  if [ ! -e "$file" ]; then
    echo "$file is listed in $list but does not exist"
    status=1
  fi
done

if ! printf '%s\n' "$listed" | LC_ALL=C sort -c 2>/dev/null; then
  echo "$list is not sorted (LC_ALL=C sort)"
  status=1
fi

exit $status
