#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The shape of the tree that keeps each concern in its place (see README, "Where a new feature
# goes"): the core includes no GTK, libadwaita or GDK header, and no file under src/ is longer
# than 1 000 lines.  Prints every offender and fails.
# Usage: check-layout.sh SOURCE_ROOT

set -u
cd "${1:-.}" || exit 1
status=0

gtk=$(grep -rnE '#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|adwaita|adw|graphene|gsk)[/.-]' \
        --include='*.c' --include='*.h' src/core)
if [ -n "$gtk" ]; then
  echo "src/core must not include GTK headers (the core has no GTK in reach):"
  echo "$gtk"
  status=1
fi

long=$(find src -name '*.[ch]' -exec wc -l {} + | awk '$2 != "total" && $1 > 1000 { print "  " $2 " (" $1 " lines)" }')
if [ -n "$long" ]; then
  echo "Files under src/ longer than 1000 lines (split them by concern):"
  echo "$long"
  status=1
fi

[ "$status" -eq 0 ] && echo "layout in order"
exit "$status"
