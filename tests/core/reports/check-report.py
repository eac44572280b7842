#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the report workbooks back: openpyxl for the cells as written (headers, numbers,
formulas with their stored results, the chart, the document properties) and LibreOffice headless,
which recalculates the formulas (also of a copy whose stored results were tampered with).

Usage: check-report.py WRITER [--no-libreoffice]   (WRITER is test-report-export)
The expected figures are written out by hand from seed 003's cases (report-fixture.h)."""

import csv
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

HEADER = ["Kod", "Wskaźnik", "Licznik", "Mianownik", "Wartość", "Cel", "Osiągnięty"]
# code: (numerator, denominator, threshold or None, met or None)
YEAR = {
    "usamodzielnienie": (13, 26, None, None),
    "spoleczno_zatrudnieniowy": (17, 26, None, None),
    "ukonczona_sciezka": (51, 51, None, None),
    "zatrudnienie_po": (18, 51, None, None),
    "efektywnosc_spoleczna": (22, 51, 0.34, "tak"),
    "efektywnosc_zatrudnieniowa": (18, 51, 0.22, "tak"),
}
PROJECT = {
    "uczestnicy_k": (27, 23, 1, "tak"),
    "uczestnicy_m": (31, 22, 1, "tak"),
    "ukonczona_sciezka": (48, 56, None, None),
    "zatrudnienie_po": (15, 48, None, None),
    "efektywnosc_spoleczna": (19, 56, 0.34, "nie"),
    "efektywnosc_zatrudnieniowa": (18, 56, 0.22, "tak"),
}
ANNUAL = {
    "rok": 2019, "centre_name": "Centrum Integracji Społecznej w Krasnymstawie",
    "centre_regon": "060000000", "pracownicy": 4, "uczestnicy": 91,
    "kategoria:bezdomnosc": 2, "kategoria:uzaleznienie_alkohol": 2,
    "kategoria:bezrobocie_dlugotrwale": 1, "kategoria:uchodzca": 0,
    "usamodzielnieni": 13, "reintegracja": 0, "uslugi": 2, "uslugi_osoby": 1,
    "finansowanie:budzet_miasta": 520000, "finansowanie:efs": 480000,
    "swiadczenia_integracyjne": 310000.5, "plan:budzet_miasta": 550000.12,
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def check_summary(path, expected, where):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    ws, cs = wb["Podsumowanie"], cached["Podsumowanie"]
    check([c.value for c in ws[1]][:7] == HEADER, f"{where}: header {[c.value for c in ws[1]]}")
    check(list(expected) == wb.sheetnames[1:1 + len(expected)], f"{where}: sheets {wb.sheetnames}")
    for row, (code, (num, den, threshold, met)) in enumerate(expected.items(), start=2):
        got = [ws.cell(row, c).value for c in (1, 3, 4, 6)]
        check(got == [code, num, den, threshold], f"{where}: row {row} is {got}")
        check(ws.cell(row, 5).value == f"=IF(N(D{row})>0,C{row}/D{row},0)",
              f"{where}: E{row} is {ws.cell(row, 5).value!r}")
        value = cs.cell(row, 5).value
        check(isinstance(value, (int, float)) and abs(value - num / den) < 1e-9,
              f"{where}: stored E{row} {value!r}, expected {num / den}")
        check(cs.cell(row, 7).value == met, f"{where}: stored G{row} {cs.cell(row, 7).value!r}")
        if met is not None:
            check(ws.cell(row, 7).value.startswith("=IF("), f"{where}: G{row} not a formula")
        people = cached[code]
        rows = list(people.iter_rows(min_row=2, values_only=True))
        base = num if expected is PROJECT and code.startswith("uczestnicy") else den
        check(len(rows) == base, f"{where}: {len(rows)} people behind {code}, expected {base}")
        check(sum(1 for r in rows if r[8] == "tak") == num,
              f"{where}: people counted in {code}")
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        chart = [n for n in names if n.startswith("xl/charts/chart")]
        check(len(chart) == 1, f"{where}: charts {chart}")
        if chart:
            xml = z.read(chart[0]).decode()
            n = len(expected) + 1
            check(f"Podsumowanie!$E$2:$E${n}" in xml and f"Podsumowanie!$F$2:$F${n}" in xml
                  and f"Podsumowanie!$A$2:$A${n}" in xml, f"{where}: chart ranges")
        app = z.read("docProps/app.xml").decode()
        check("<Company>Centrum Integracji Społecznej w Krasnymstawie</Company>" in app,
              f"{where}: company property")
    check(wb.properties.title and wb.properties.title.startswith("Wskaźniki"),
          f"{where}: title {wb.properties.title!r}")
    check(wb.properties.created is not None, f"{where}: no creation date")
    return wb, cached


def check_workbooks(out):
    _, cached = check_summary(os.path.join(out, "report-2019.xlsx"), YEAR, "year")
    check(cached.sheetnames[-1] == "Finansowanie", f"year: sheets {cached.sheetnames}")
    rows = list(cached["Finansowanie"].iter_rows(values_only=True))
    check(rows[0] == ("Źródło", "Kwota", "Udział"), f"year: funding header {rows[0]}")
    check(rows[1][:2] == ("Budżet miasta", 520000) and abs(rows[1][2] - 0.52) < 1e-9
          and rows[2][:2] == ("Europejski Fundusz Społeczny", 480000)
          and abs(rows[2][2] - 0.48) < 1e-9, f"year: funding {rows}")
    wb = openpyxl.load_workbook(os.path.join(out, "report-2019.xlsx"))
    check(wb["Finansowanie"]["C2"].value == "=IF(SUM(B$2:B$3)>0,B2/SUM(B$2:B$3),0)",
          f"year: share formula {wb['Finansowanie']['C2'].value!r}")

    wb, cached = check_summary(os.path.join(out, "report-project.xlsx"), PROJECT, "project")
    check("Finansowanie" not in wb.sheetnames, "project: has a funding sheet")
    ps = cached["Podsumowanie"]
    money = {ps.cell(r, 1).value: ps.cell(r, 3).value for r in range(9, 12)}
    check(money.get("wartosc") == 1025436.17 and money.get("dofinansowanie") == 973852.17
          and abs(money.get("udzial_dofinansowania", 0) - 973852.17 / 1025436.17) < 1e-9,
          f"project: money {money}")

    wb = openpyxl.load_workbook(os.path.join(out, "annual-2019.xlsx"))
    check(wb.sheetnames == ["Sprawozdanie"], f"annual: sheets {wb.sheetnames}")
    ws = wb["Sprawozdanie"]
    got = {ws.cell(r, 1).value: ws.cell(r, 3).value for r in range(2, ws.max_row + 1)}
    for code, value in ANNUAL.items():
        check(got.get(code) == value, f"annual: {code} is {got.get(code)!r}, expected {value!r}")
    check(len([c for c in got if c.startswith("kategoria:")]) == 8, "annual: not every category")


RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def tamper(source, destination):
    """Stored results made wrong: right values after LibreOffice means it recalculated."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(destination, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                new = data.replace(b"<v>0.3125</v>", b"<v>0.99</v>").replace(
                    b"<v>nie</v>", b"<v>tak</v>")
                check(new != data, "nothing to tamper with")
                data = new
            zout.writestr(item, data)


def check_libreoffice(out, work):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice not installed: skipped")
        return
    profile = os.path.join(work, "lo-profile")
    os.makedirs(os.path.join(profile, "user"), mode=0o700)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(RECALC_ALWAYS)
    lo_in, lo_out = os.path.join(work, "in"), os.path.join(work, "out")
    os.makedirs(lo_in, mode=0o700)
    os.makedirs(lo_out, mode=0o700)
    shutil.copy(os.path.join(out, "report-project.xlsx"), os.path.join(lo_in, "project.xlsx"))
    shutil.copy(os.path.join(out, "report-2019.xlsx"), os.path.join(lo_in, "year.xlsx"))
    tamper(os.path.join(out, "report-project.xlsx"), os.path.join(lo_in, "tampered.xlsx"))
    subprocess.run([soffice, "--headless", "--norestore", "-env:UserInstallation=file://" + profile,
                    "--convert-to",
                    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
                    "--outdir", lo_out] + [os.path.join(lo_in, n) for n in
                                           ("project.xlsx", "tampered.xlsx", "year.xlsx")],
                   check=True, timeout=100, stdout=subprocess.DEVNULL, env=dict(os.environ, HOME=work))
    for name in ("project", "tampered"):
        path = os.path.join(lo_out, f"{name}-Podsumowanie.csv")
        check(os.path.exists(path), f"LibreOffice wrote {sorted(os.listdir(lo_out))}")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        check(rows[0][:7] == HEADER, f"LibreOffice {name}: header {rows[0]}")
        for row, (code, (num, den, threshold, met)) in zip(rows[1:], PROJECT.items()):
            shown = float(row[4].rstrip("%").replace(",", "."))
            check(row[0] == code and abs(shown - 100 * num / den) < 0.06,
                  f"LibreOffice {name}: {row[0]} shows {row[4]}, expected {100 * num / den:.2f}%")
            check(row[6] == (met or ""), f"LibreOffice {name}: {code} met {row[6]!r}")
    path = os.path.join(lo_out, "year-Finansowanie.csv")
    if os.path.exists(path):
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        check([r[2] for r in rows[1:3]] == ["52.0%", "48.0%"], f"LibreOffice: shares {rows[1:3]}")
    else:
        check(False, "LibreOffice wrote no Finansowanie sheet")


def main():
    writer = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "writer")
        subprocess.run([writer, "--write-to", out], check=True, timeout=100)
        check_workbooks(out)
        if "--no-libreoffice" not in sys.argv:
            check_libreoffice(out, work)
    if failures:
        print(f"{len(failures)} checks failed", file=sys.stderr)
        return 1
    print("report workbooks: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
