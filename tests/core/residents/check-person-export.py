#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads back the workbook of the right of access (rei_export_person) as the person would.

test-gdpr --write-person DIR writes DIR/osoba.xlsx for a resident with known values, after an
insert and an update by "pracownik_socjalny"; this checks the three sheets with openpyxl.
"""

import datetime
import os
import stat
import subprocess
import sys
import tempfile

import openpyxl

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def rows(ws):
    return [tuple(cell.value for cell in row) for row in ws.iter_rows()]


def main():
    writer = sys.argv[1]
    # mkdtemp makes a 0700 directory: the workbook holds personal data.
    with tempfile.TemporaryDirectory(prefix="reintegra-person-") as work:
        subprocess.run([writer, "--write-person", work], check=True, timeout=60)
        path = os.path.join(work, "osoba.xlsx")
        mode = stat.S_IMODE(os.stat(path).st_mode)
        check(mode == 0o600, f"mode {oct(mode)}")
        wb = openpyxl.load_workbook(path)

        check(wb.sheetnames == ["Dane osobowe", "Kategorie i projekty", "Historia zmian"],
              f"sheets {wb.sheetnames}")

        person = wb["Dane osobowe"]
        table = rows(person)
        check(table[0] == ("Pole", "Wartość"), f"person header {table[0]}")
        values = {label: value for label, value in table[1:]}
        expected = {
            "Imię": "Anna",
            "Nazwisko": "Wróblewska",
            "PESEL": "85071512348",
            "Płeć": "K",
            "Telefon": "600700801",
            "E-mail": "anna.wroblewska@example.org",
            "Adres": "ul. Zamojska 12/4",
            "Gmina": "Łopiennik Górny",
            # CST2021's coded fields, shown by their labels.
            "Wykształcenie": "Ponadgimnazjalne (ISCED 3)",
            "Obywatelstwo": "Obywatelstwo polskie",
            "Stopień urbanizacji (DEGURBA)": "3 – Obszary wiejskie (obszary słabo zaludnione)",
            "Numer kontraktu socjalnego": "MOPS.KS.117.2018",
            "Powód zakończenia": "Ukończenie programu",
            "Sytuacja po zakończeniu": "Zatrudnienie",
            "Warsztat": "Gastronomiczny",
            "Uwagi": "bez uwag",
            "Przedłużenie uczestnictwa (miesiące)": "3",
            "Dane zanonimizowane": "nie",
        }
        for label, value in expected.items():
            check(values.get(label) == value, f"{label}: {values.get(label)!r}, expected {value!r}")
        basis = values.get("Podstawa prawna przetwarzania") or ""
        check("art. 6 ust. 1 lit. c" in basis, f"legal basis {basis!r}")

        # Dates are real dates shown dd.mm.yyyy, not text.
        dates = {"Data urodzenia": datetime.datetime(1985, 7, 15),
                 "Data przyjęcia": datetime.datetime(2018, 3, 1),
                 "Data zakończenia": datetime.datetime(2019, 6, 28),
                 "Data zgody": datetime.datetime(2018, 3, 1)}
        for row in person.iter_rows(min_row=2):
            label, cell = row[0].value, row[1]
            if label in dates:
                check(cell.value == dates[label], f"{label}: {cell.value!r}")
                check(cell.number_format == "dd.mm.yyyy", f"{label} format {cell.number_format}")
                del dates[label]
        check(not dates, f"missing date rows {sorted(dates)}")

        membership = rows(wb["Kategorie i projekty"])
        check(membership[0] == ("Rodzaj", "Nazwa", "Kod"), f"membership header {membership[0]}")
        body = set(membership[1:])
        for row in [("Kategoria (art. 1 ust. 2)", "Uzależnienie od alkoholu", "uzaleznienie_alkohol"),
                    ("Projekt", "Aktywni na rynku pracy", None),
                    ("Projekt", "Nowy start", None)]:
            check(row in body, f"membership row {row} not in {sorted(map(str, body))}")
        check(any(r[2] == "bezdomnosc" and r[1].startswith("Bezdomność") for r in membership[1:]),
              "category bezdomnosc")

        history = wb["Historia zmian"]
        table = rows(history)
        check(table[0] == ("Data", "Kto", "Czynność", "Pola"), f"history header {table[0]}")
        check([r[1:] for r in table[1:]] == [("pracownik_socjalny", "Dodanie", None),
                                             ("pracownik_socjalny", "Zmiana", "Telefon, Uwagi")],
              f"history rows {table[1:]}")
        now = datetime.datetime.now()
        for row in history.iter_rows(min_row=2):
            when = row[0].value
            check(isinstance(when, datetime.datetime)
                  and abs((now - when).total_seconds()) < 600,
                  f"history time {when!r} is not local time now")
            check(row[0].number_format == "dd.mm.yyyy hh:mm", f"history format {row[0].number_format}")

    for message in failures:
        print("FAIL:", message)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
