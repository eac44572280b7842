#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads Reintegra's exported workbooks back as the office and the funders will.

openpyxl checks the cells as written (sheet names, headers, numbers, formulas and their cached
results, real dates with their format, Polish order); LibreOffice, run headless with a private
profile, recalculates the formulas and shows the cells as a person would see them.

The workbooks come from the command-line tool after a CSV import (--cli) and from the export
tests straight from the store (--writer, once for test-export-residents and once for
test-export-indicators, into one folder); each source given is checked with openpyxl, and the
first one with LibreOffice.  Exit status 77 (skipped) only when neither source is given.
"""

import argparse
import csv
import datetime
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

INDICATOR_HEADER = ["Kod", "Wskaźnik", "Licznik", "Mianownik", "Wartość"]
GRADUATE_HEADER = ["Nazwisko", "Imię", "PESEL", "Data zakończenia", "Sytuacja po zakończeniu",
                   "Wskaźnik usamodzielnienia", "Wskaźnik społeczno-zatrudnieniowy"]
RESIDENT_HEADER = ["Nazwisko", "Imię", "PESEL", "Płeć", "Data urodzenia", "Kategorie",
                   "Data przyjęcia", "Data zakończenia", "Powód zakończenia", "Sytuacja po",
                   "Warsztat", "Projekt"]

# Written out by hand, not computed, so that the check cannot share a bug with the program.
# Polish order: Bator < Bąk, Czarnecki < Ćwik, Lisowska < Łukasik < Mazur, Szulc < Ścibor,
# Zięba < Źrebiec < Żak; the Nowaks by first name (Łucja after Ewa).
ALL_RESIDENTS = [
    ("Adamczyk", "Jan"), ("Bator", "Ewa"), ("Bąk", "Tomasz"), ("Cebula", "Anna"),
    ("Czarnecki", "Piotr"), ("Ćwik", "Marek"), ("Dudek", "Katarzyna"), ("Ekiert", "Robert"),
    ("Gołąb", "Grażyna"), ("Górski", "Paweł"), ("Kowalczyk", "Jolanta"), ("Lis", "Zbigniew"),
    ("Lisowska", "Barbara"), ("Łukasik", "Łukasz"), ("Łysiak", "Halina"), ("Mazur", "Andrzej"),
    ("Nowak", "Anna"), ("Nowak", "Ewa"), ("Nowak", "Łucja"), ("Nowak", "Zofia"),
    ("Olszewski", "Krzysztof"), ("Pawlak", "Maria"), ("Sowa", "Stanisław"), ("Szulc", "Jerzy"),
    ("Ścibor", "Wiesław"), ("Śliwa", "Teresa"), ("Tomczak", "Adam"), ("Wójcik", "Dorota"),
    ("Zieliński", "Mirosław"), ("Zięba", "Renata"), ("Źrebiec", "Henryk"), ("Żak", "Elżbieta"),
]

# The 26 who completed the programme in 2019: not Bator, Górski (resigned), Zieliński
# (removed), Lisowska (2018), Olszewski (2020), Tomczak (still in the programme).
NOT_GRADUATES = {"Bator", "Górski", "Zieliński", "Lisowska", "Olszewski", "Tomczak"}
GRADUATES = [r for r in ALL_RESIDENTS if r[0] not in NOT_GRADUATES]

# Who counts where, by hand: (outcome label, usamodzielnienie, społeczno-zatrudnieniowy).
GRADUATE_OUTCOMES = {
    ("Adamczyk", "Jan"): ("Zatrudnienie", "tak", "tak"),
    ("Bąk", "Tomasz"): ("Staż", "tak", "tak"),
    ("Cebula", "Anna"): ("Własna działalność gospodarcza", "tak", "tak"),
    ("Czarnecki", "Piotr"): ("Prace społecznie użyteczne", "nie", "tak"),
    ("Ćwik", "Marek"): ("Brak aktywności", "nie", "nie"),
    ("Dudek", "Katarzyna"): ("Zatrudnienie", "tak", "tak"),
    ("Ekiert", "Robert"): ("nieznana", "nie", "nie"),
    ("Gołąb", "Grażyna"): ("Zatrudnienie", "tak", "tak"),
    ("Kowalczyk", "Jolanta"): ("Staż", "tak", "tak"),
    ("Lis", "Zbigniew"): ("Bezrobotny aktywnie poszukujący pracy", "nie", "tak"),
    ("Łukasik", "Łukasz"): ("Zatrudnienie", "tak", "tak"),
    ("Łysiak", "Halina"): ("Brak aktywności", "nie", "nie"),
    ("Mazur", "Andrzej"): ("Własna działalność gospodarcza", "tak", "tak"),
    ("Nowak", "Anna"): ("Zatrudnienie", "tak", "tak"),
    ("Nowak", "Ewa"): ("nieznana", "nie", "nie"),
    ("Nowak", "Łucja"): ("Prace społecznie użyteczne", "nie", "tak"),
    ("Nowak", "Zofia"): ("Brak aktywności", "nie", "nie"),
    ("Pawlak", "Maria"): ("Staż", "tak", "tak"),
    ("Sowa", "Stanisław"): ("nieznana", "nie", "nie"),
    ("Szulc", "Jerzy"): ("Zatrudnienie", "tak", "tak"),
    ("Ścibor", "Wiesław"): ("Brak aktywności", "nie", "nie"),
    ("Śliwa", "Teresa"): ("Zatrudnienie", "tak", "tak"),
    ("Wójcik", "Dorota"): ("Bezrobotny aktywnie poszukujący pracy", "nie", "tak"),
    ("Zięba", "Renata"): ("Brak aktywności", "nie", "nie"),
    ("Źrebiec", "Henryk"): ("nieznana", "nie", "nie"),
    ("Żak", "Elżbieta"): ("Własna działalność gospodarcza", "tak", "tak"),
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def row_values(ws, row, ncols):
    return [ws.cell(row=row, column=c).value for c in range(1, ncols + 1)]


def check_date_cell(cell, expected, where):
    check(isinstance(cell.value, datetime.datetime)
          and cell.value.date() == expected,
          f"{where}: {cell.coordinate} is {cell.value!r}, expected the date {expected}")
    check(cell.number_format == "dd.mm.yyyy",
          f"{where}: {cell.coordinate} has number format {cell.number_format!r}")


def check_indicators(path, source):
    where = f"{source} {os.path.basename(path)}"
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    check(wb.sheetnames == ["Wskaźniki", "Absolwenci 2019"], f"{where}: sheets {wb.sheetnames}")
    # Document properties say what the file is, and name nobody.
    check(wb.properties.title == "Wskaźniki 2019", f"{where}: title {wb.properties.title}")

    ws = wb["Wskaźniki"]
    check(row_values(ws, 1, 5) == INDICATOR_HEADER, f"{where}: header {row_values(ws, 1, 5)}")
    check(all(ws.cell(row=1, column=c).font.b for c in range(1, 6)), f"{where}: header not bold")
    check(ws["G1"].value == "Rok" and ws["H1"].value == 2019, f"{where}: year beside the header")
    check(ws.freeze_panes == "A2", f"{where}: frozen at {ws.freeze_panes}")
    check(ws.max_row == 3, f"{where}: {ws.max_row} rows")
    check((ws.column_dimensions["B"].width or 0) >= len("Wskaźnik społeczno-zatrudnieniowy"),
          f"{where}: column B not fitted")

    expected = [("usamodzielnienie", "Wskaźnik usamodzielnienia", 13, 26),
                ("spoleczno_zatrudnieniowy", "Wskaźnik społeczno-zatrudnieniowy", 17, 26)]
    for row, (code, label, num, den) in enumerate(expected, start=2):
        check(row_values(ws, row, 4) == [code, label, num, den],
              f"{where}: row {row} is {row_values(ws, row, 4)}")
        formula = ws.cell(row=row, column=5).value
        check(formula == f"=IF(D{row}=0,0,C{row}/D{row})", f"{where}: E{row} is {formula!r}")
        check(ws.cell(row=row, column=5).number_format in ("0%", "0.0%"),
              f"{where}: E{row} format {ws.cell(row=row, column=5).number_format!r}")
        # What a viewer that does not recalculate shows.
        value = cached["Wskaźniki"].cell(row=row, column=5).value
        check(isinstance(value, float) and abs(value - num / den) < 1e-9,
              f"{where}: cached E{row} is {value!r}, expected {num / den}")

    ws = wb["Absolwenci 2019"]
    ncols = len(GRADUATE_HEADER)
    check(row_values(ws, 1, ncols) == GRADUATE_HEADER, f"{where}: graduates header "
          f"{row_values(ws, 1, ncols)}")
    check(ws.max_row == 27, f"{where}: {ws.max_row - 1} graduates, expected 26")
    check(ws.freeze_panes == "A2", f"{where}: graduates frozen at {ws.freeze_panes}")
    check(ws.auto_filter.ref == "A1:G27", f"{where}: graduates filter {ws.auto_filter.ref}")
    names = [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value)
             for r in range(2, ws.max_row + 1)]
    check(names == GRADUATES, f"{where}: graduates in the order {names}")
    for r in range(2, ws.max_row + 1):
        name = (ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value)
        got = tuple(ws.cell(row=r, column=c).value for c in (5, 6, 7))
        check(got == GRADUATE_OUTCOMES.get(name), f"{where}: {name} has {got}")
        cell = ws.cell(row=r, column=4)
        check(isinstance(cell.value, datetime.datetime) and cell.value.year == 2019
              and cell.number_format == "dd.mm.yyyy",
              f"{where}: end date of {name} is {cell.value!r} ({cell.number_format})")
        check(len(str(ws.cell(row=r, column=3).value)) == 11, f"{where}: PESEL of {name}")
    check_date_cell(ws.cell(row=names.index(("Cebula", "Anna")) + 2, column=4),
                    datetime.date(2019, 3, 29), where)


def check_empty_year(path, source):
    where = f"{source} {os.path.basename(path)}"
    wb = openpyxl.load_workbook(path, data_only=True)
    check(wb.sheetnames == ["Wskaźniki", "Absolwenci 2030"], f"{where}: sheets {wb.sheetnames}")
    ws = wb["Wskaźniki"]
    for row in (2, 3):
        check(row_values(ws, row, 5)[2:] == [0, 0, 0],
              f"{where}: a year without graduates gives {row_values(ws, row, 5)}")
    check(wb["Absolwenci 2030"].max_row == 1, f"{where}: graduates listed for 2030")


def check_residents(path, source):
    where = f"{source} {os.path.basename(path)}"
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == ["Uczestnicy"], f"{where}: sheets {wb.sheetnames}")
    check(wb.properties.title == "Uczestnicy", f"{where}: title {wb.properties.title}")
    ws = wb["Uczestnicy"]
    ncols = len(RESIDENT_HEADER)
    check(row_values(ws, 1, ncols) == RESIDENT_HEADER, f"{where}: header "
          f"{row_values(ws, 1, ncols)}")
    check(ws.freeze_panes == "A2", f"{where}: frozen at {ws.freeze_panes}")
    check(ws.auto_filter.ref == "A1:L33", f"{where}: filter {ws.auto_filter.ref}")
    names = [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value)
             for r in range(2, ws.max_row + 1)]
    check(names == ALL_RESIDENTS, f"{where}: residents in the order {names}")

    rows = {name: row_values(ws, r, ncols) for r, name in enumerate(names, start=2)}
    cells = {name: r for r, name in enumerate(names, start=2)}
    cebula = rows.get(("Cebula", "Anna"))
    if cebula:
        # Born in 2001: the PESEL month is 25.
        check(cebula[2:4] == ["01250912129", "K"], f"{where}: Cebula {cebula[2:4]}")
        check_date_cell(ws.cell(row=cells[("Cebula", "Anna")], column=5),
                        datetime.date(2001, 5, 9), where)
        check_date_cell(ws.cell(row=cells[("Cebula", "Anna")], column=7),
                        datetime.date(2018, 4, 3), where)
        check_date_cell(ws.cell(row=cells[("Cebula", "Anna")], column=8),
                        datetime.date(2019, 3, 29), where)
        check(cebula[5] == "Bezdomność (realizacja indywidualnego programu wychodzenia z "
              "bezdomności)", f"{where}: Cebula's categories {cebula[5]!r}")
        check(cebula[8:11] == ["Ukończenie programu", "Własna działalność gospodarcza",
                               "Porządkowa"], f"{where}: Cebula {cebula[8:11]}")
        check(sorted((cebula[11] or "").split(", ")) == ["Aktywna integracja w Krasnymstawie",
                                                         "CIS szansą na zatrudnienie"],
              f"{where}: Cebula's projects {cebula[11]!r}")
    bak = rows.get(("Bąk", "Tomasz"))
    if bak:
        check(sorted((bak[5] or "").split(", ")) == ["Długotrwałe bezrobocie",
                                                     "Niepełnosprawność"],
              f"{where}: Bąk's categories {bak[5]!r}")
    tomczak = rows.get(("Tomczak", "Adam"))
    if tomczak:
        check(tomczak[7:10] == [None, None, None], f"{where}: Tomczak has not ended {tomczak}")
    gorski = rows.get(("Górski", "Paweł"))
    if gorski:
        check(gorski[8:10] == ["Rezygnacja", None], f"{where}: Górski {gorski[8:10]}")
    check((ws.column_dimensions["F"].width or 0) >= 50, f"{where}: column F not fitted")
    check((ws.column_dimensions["F"].width or 0) <= 60, f"{where}: column F not capped")


# --- LibreOffice --------------------------------------------------------------------------

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def tamper_cached_results(source, destination):
    """A copy of the indicators workbook whose cached results are wrong: if LibreOffice shows
    the right rates for it, it did recalculate, and the check below means something."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(destination, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                tampered = data.replace(b"<v>0.5</v>", b"<v>0.01</v>")
                if tampered == data:
                    failures.append("no cached result 0.5 found to tamper with")
                data = tampered
            zout.writestr(item, data)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def check_with_libreoffice(indicators, residents, work):
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not installed: LibreOffice checks skipped")
        return 77

    profile = os.path.join(work, "lo-profile")
    os.makedirs(os.path.join(profile, "user"), mode=0o700)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(RECALC_ALWAYS)
    lo_in = os.path.join(work, "lo-in")
    lo_out = os.path.join(work, "lo-out")
    os.makedirs(lo_in, mode=0o700)
    os.makedirs(lo_out, mode=0o700)
    shutil.copy(indicators, os.path.join(lo_in, "indicators.xlsx"))
    shutil.copy(residents, os.path.join(lo_in, "residents.xlsx"))
    tamper_cached_results(indicators, os.path.join(lo_in, "tampered.xlsx"))

    # Token 9 true: cells as shown (50 %, dd.mm.yyyy); token 12 -1: every sheet to its own file.
    subprocess.run([soffice, "--headless", "--norestore",
                    "-env:UserInstallation=" + "file://" + profile,
                    "--convert-to",
                    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
                    "--outdir", lo_out,
                    os.path.join(lo_in, "indicators.xlsx"),
                    os.path.join(lo_in, "tampered.xlsx"),
                    os.path.join(lo_in, "residents.xlsx")],
                   check=True, timeout=100, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, HOME=work))

    produced = sorted(os.path.basename(p) for p in glob.glob(os.path.join(lo_out, "*.csv")))
    expected = ["indicators-Absolwenci 2019.csv", "indicators-Wskaźniki.csv",
                "residents-Uczestnicy.csv", "tampered-Absolwenci 2019.csv",
                "tampered-Wskaźniki.csv"]
    check(produced == expected, f"LibreOffice wrote {produced}")
    if produced != expected:
        return 0

    for name in ("indicators", "tampered"):
        rows = read_csv(os.path.join(lo_out, f"{name}-Wskaźniki.csv"))
        check(rows[0][:5] == INDICATOR_HEADER, f"LibreOffice {name}: header {rows[0]}")
        check([r[4] for r in rows[1:3]] == ["50%", "65%"],
              f"LibreOffice {name}: recalculated rates {[r[4] for r in rows[1:3]]}")

    rows = read_csv(os.path.join(lo_out, "indicators-Absolwenci 2019.csv"))
    check([(r[0], r[1]) for r in rows[1:]] == GRADUATES,
          f"LibreOffice: graduates {[(r[0], r[1]) for r in rows[1:]]}")

    rows = read_csv(os.path.join(lo_out, "residents-Uczestnicy.csv"))
    check(rows[0] == RESIDENT_HEADER, f"LibreOffice: residents header {rows[0]}")
    check([(r[0], r[1]) for r in rows[1:]] == ALL_RESIDENTS,
          f"LibreOffice: residents {[(r[0], r[1]) for r in rows[1:]]}")
    cebula = [r for r in rows if r[:2] == ["Cebula", "Anna"]]
    check(cebula and cebula[0][4] == "09.05.2001" and cebula[0][6] == "03.04.2018"
          and cebula[0][7] == "29.03.2019", f"LibreOffice: Cebula's dates {cebula}")
    return 0


def run(argv, **kwargs):
    subprocess.run(argv, check=True, timeout=60, **kwargs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", help="reintegra-cli, to import the fixture and export")
    parser.add_argument("--writer", action="append", default=[],
                        help="an export test that writes its workbooks itself (repeatable)")
    parser.add_argument("--fixture", required=True, help="tests/data/krasnystaw-2019.csv")
    parser.add_argument("--no-libreoffice", action="store_true",
                        help="check with openpyxl only (meson -Dlibreoffice_tests=false)")
    args = parser.parse_args()

    sources = []
    work = tempfile.mkdtemp(prefix="check-workbook-")
    try:
        if args.cli:
            out = os.path.join(work, "cli")
            os.mkdir(out, 0o700)
            db = os.path.join(out, "reintegra.db")
            run([args.cli, "--db", db, "import", "residents", args.fixture],
                stdout=subprocess.DEVNULL)
            for year in (2019, 2030):
                run([args.cli, "--db", db, "export", "indicators", "--year", str(year),
                     "--output", os.path.join(out, f"indicators-{year}.xlsx")])
            run([args.cli, "--db", db, "export", "residents",
                 "--output", os.path.join(out, "residents.xlsx")])
            sources.append(("cli", out))
        if args.writer:
            out = os.path.join(work, "writer")
            os.mkdir(out, 0o700)
            for writer in args.writer:
                run([writer, "--write-to", out, args.fixture])
            sources.append(("writer", out))
        if not sources:
            print("nothing to check: give --cli or --writer")
            return 77

        for source, out in sources:
            for name in ("indicators-2019.xlsx", "indicators-2030.xlsx", "residents.xlsx"):
                mode = os.stat(os.path.join(out, name)).st_mode & 0o7777
                check(mode == 0o600, f"{source} {name}: mode {oct(mode)}")
            check_indicators(os.path.join(out, "indicators-2019.xlsx"), source)
            check_empty_year(os.path.join(out, "indicators-2030.xlsx"), source)
            check_residents(os.path.join(out, "residents.xlsx"), source)

        status = 0
        if not args.no_libreoffice:
            source, out = sources[0]
            status = check_with_libreoffice(os.path.join(out, "indicators-2019.xlsx"),
                                            os.path.join(out, "residents.xlsx"), work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
