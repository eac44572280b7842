#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The exe_wrapper of `meson test --setup valgrind` (tests/meson.build): our own test programs
# (tests/test-*) run under memcheck, where any memory error or a block definitely lost fails the
# test.  Anything else a test starts first (python3, xvfb-run, a shell script) runs as it is:
# memcheck there would check the interpreter or the X server, not our code, and `--suite` on
# meson's command line overrides the setup's exclude_suites.
here=$(cd "$(dirname "$0")" && pwd)
case "$(basename "$1")" in
  test-*) ;;
  *) exec "$@" ;;
esac
exec valgrind --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
  --error-exitcode=1 --num-callers=30 \
  --suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
  --suppressions="$here/valgrind.supp" "$@"
