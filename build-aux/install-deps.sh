#!/usr/bin/env bash
# Installs what Reintegra needs to build, run and test on Debian 12, from Debian's packages only.
# Idempotent: it installs nothing when everything is present.  Uses sudo when not root.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc gettext itstool
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxlsxwriter-dev libicu-dev
  # checks of the data files
  desktop-file-utils appstream libglib2.0-bin
  # tests: a real X server for the window, programs we did not write to read our workbooks
  xvfb xauth python3 python3-openpyxl libreoffice-calc-nogui
  # the printed plan read back: pdftotext, pdffonts, pdftoppm; the font it embeds
  poppler-utils fonts-dejavu-core
  # Polish messages in the command-line tests; the benchmark's reference and memory figures
  locales sqlite3 time
  # the second build of the test command: clang with AddressSanitizer, UndefinedBehaviorSanitizer
  # and libFuzzer (its runtime is in libclang-rt-14-dev); valgrind for the memcheck suite
  clang libclang-rt-14-dev valgrind
)

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The CLI tests check Polish messages under LANG=pl_PL.UTF-8.
if ! locale -a 2>/dev/null | grep -qi '^pl_PL\.utf-\?8$'; then
  $sudo sed -i 's/^# *\(pl_PL.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^pl_PL.UTF-8 UTF-8' /etc/locale.gen || echo 'pl_PL.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
  $sudo locale-gen >/dev/null
fi
