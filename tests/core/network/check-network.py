#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the network workbook and the map's SVG back with programs we did not write.

test-network-map --write-to DIR writes, for a known small network (6 partners, MOPS with two
referrals in 2020 and one in 2019, the library with one in 2020, an open unmet housing need):
DIR/siec.xlsx for 2020, DIR/mapa.svg and DIR/mapa.png.  openpyxl reads the workbook, Python's
XML parser the SVG.
"""

import os
import stat
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import openpyxl

failures = []
SVG = "{http://www.w3.org/2000/svg}"
NAMES = {"Spółdzielnia Socjalna „Razem”", "MOPS", "PUP", "Biblioteka Miejska",
         "Parafia św. Franciszka", "Piekarnia Kłos"}


def check(condition, message):
    if not condition:
        failures.append(message)


def rows(ws):
    return [tuple(cell.value for cell in row) for row in ws.iter_rows()]


def check_workbook(path):
    mode = stat.S_IMODE(os.stat(path).st_mode)
    check(mode == 0o600, f"workbook mode {oct(mode)}")
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == ["Partnerzy", "Usługi", "Skierowania", "Luki"], f"sheets {wb.sheetnames}")

    partners = rows(wb["Partnerzy"])
    check(list(partners[0][:7]) == ["Nazwa", "Typ", "Poziom", "Sektor", "Obszary", "NIP", "REGON"],
          f"Partnerzy header {partners[0]}")
    check({r[0] for r in partners[1:]} == NAMES, f"Partnerzy names {[r[0] for r in partners[1:]]}")
    # Polish order: Biblioteka, MOPS, Parafia, Piekarnia, PUP, Spółdzielnia.
    check([r[0] for r in partners[1:]][:2] == ["Biblioteka Miejska", "MOPS"], "Partnerzy order")
    mops = next(r for r in partners if r[0] == "MOPS")
    check(mops[1:7] == ("B", "lokalny", "publiczny", "pomoc_spoleczna", "5641713340", None),
          f"MOPS row {mops}")
    check(mops[11] is not None and mops[11].strftime("%d.%m.%Y") == "15.01.2020",
          f"MOPS agreement date {mops[11]}")
    check(mops[15] == 2, f"MOPS referrals in 2020 {mops[15]}")

    services = rows(wb["Usługi"])
    check(services[0][:3] == ("Nazwa", "Grupa", "Rodzaj"), f"Usługi header {services[0]}")
    check(len(services) == 1 + 33, f"{len(services) - 1} services")
    therapy = next(r for r in services if r[0] == "Terapia uzależnień")
    check(therapy[1] == "A" and therapy[5] == "PUP" and therapy[6] == 15, f"therapy {therapy}")
    check(abs(therapy[7] - 12345.50) < 1e-9, f"therapy cost {therapy[7]}")

    referrals = rows(wb["Skierowania"])
    check(referrals[0] == ("Partner", "Typ", "Sektor", "Skierowania"), f"Skierowania header {referrals[0]}")
    per_partner = {r[0]: r[3] for r in referrals[1:7]}
    check(per_partner.get("MOPS") == 2 and per_partner.get("Biblioteka Miejska") == 1
          and per_partner.get("PUP") == 0, f"per partner {per_partner}")
    per_type = {r[0]: (r[1], r[2]) for r in referrals if r[0] in ("A", "B", "C", "Razem")}
    check(per_type == {"A": (1, 0), "B": (2, 2), "C": (3, 1), "Razem": (6, 3)}, f"per type {per_type}")
    check(any(r[0] == "Okres: 01.01.2020 – 31.12.2020" for r in referrals), "period line")

    gaps = rows(wb["Luki"])
    check(gaps[0][:3] == ("Rodzaj", "Kod", "Nazwa"), f"Luki header {gaps[0]}")
    areas = {r[1]: r for r in gaps[1:] if r[0] == "obszar"}
    check(len(areas) == 14, f"{len(areas)} areas")
    check(areas["ochrona_zdrowia"][3] == 1 and areas["ochrona_zdrowia"][6] == "nie",
          f"health area {areas['ochrona_zdrowia']}")
    check(areas["mieszkalnictwo"][5] == 1 and areas["mieszkalnictwo"][6] == "tak",
          f"housing area {areas['mieszkalnictwo']}")
    need = [r for r in gaps if r[0] == "mieszkanie chronione"]
    check(len(need) == 1 and need[0][1] == 7 and need[0][5] == "nie", f"unmet need {need}")


def check_svg(path):
    tree = ET.parse(path)
    root = tree.getroot()
    check(root.tag == SVG + "svg", f"root {root.tag}")
    names = {t.text for t in root.iter(SVG + "text") if t.get("class") == "name"}
    check(names == NAMES, f"names in the SVG {names}")
    links = {l.get("data-partner"): float(l.get("stroke-width")) for l in root.iter(SVG + "line")}
    check(len(links) == 2, f"links {links}")
    widths = sorted(links.values())
    check(widths[0] < widths[1], f"link widths {widths}")
    types = [g.get("data-type") for g in root.iter(SVG + "g") if g.get("class") == "partner"]
    check(sorted(types) == ["A", "B", "B", "C", "C", "C"], f"types {types}")


def main():
    writer = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="reintegra-network-") as work:
        subprocess.run([writer, "--write-to", work], check=True, timeout=60)
        check_workbook(os.path.join(work, "siec.xlsx"))
        check_svg(os.path.join(work, "mapa.svg"))
        with open(os.path.join(work, "mapa.png"), "rb") as f:
            check(f.read(4) == b"\x89PNG", "PNG signature")
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
