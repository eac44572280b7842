#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The printed plan and the plans workbook, through the command-line tool, read back with
programs we did not write: poppler's pdftotext, pdffonts and pdftoppm, and openpyxl.

test-plans --make-db PATH makes a database with a signed IPZS with an aneks (85071512348) and
two plans that cannot be printed (no goals; an empty diagnosis), whose PESELs it prints.

Usage: check-plans.py CLI TEST-PLANS LOCALEDIR [PNG-DIR]
"""

import datetime
import os
import shutil
import stat
import subprocess
import sys
import tempfile

import openpyxl

failures = []
LOCALEDIR = None


def check(condition, message):
    if not condition:
        failures.append(message)


def run(cmd, **kwargs):
    env = dict(os.environ, LANG="pl_PL.UTF-8", LANGUAGE="pl", REINTEGRA_LOCALEDIR=LOCALEDIR)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, **kwargs)


def main():
    global LOCALEDIR
    cli, maker, LOCALEDIR = sys.argv[1], sys.argv[2], sys.argv[3]
    png_dir = sys.argv[4] if len(sys.argv) > 4 else None
    for tool in ("pdftotext", "pdffonts", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"{tool} is missing (poppler-utils): skipped")
            sys.exit(77)

    with tempfile.TemporaryDirectory(prefix="reintegra-plans-") as work:
        db = os.path.join(work, "plans.db")
        made = run([maker, "--make-db", db])
        check(made.returncode == 0, f"--make-db: {made.stderr}")
        no_goals, no_diagnosis = made.stdout.split()

        # The current plan (revision 2, with its aneks) and revision 1.
        # A killed writer's leftover temporary file, two hours old, is removed by the next one.
        stale = os.path.join(work, ".reintegra-plan-Old111.pdf")
        with open(stale, "w") as f:
            f.write("Brzęczyszczykiewicz 85071512348")
        os.chmod(stale, 0o600)
        old = datetime.datetime.now().timestamp() - 2 * 3600
        os.utime(stale, (old, old))
        pdf = os.path.join(work, "plan.pdf")
        r = run([cli, "--db", db, "plan", "pdf", "--pesel", "85071512348", "--output", pdf])
        check(r.returncode == 0, f"plan pdf: {r.returncode} {r.stderr}")
        left = [n for n in os.listdir(work) if n.startswith(".reintegra-")]
        check(left == [], f"temporary files left beside the PDF: {left}")
        check(stat.S_IMODE(os.stat(pdf).st_mode) == 0o600, "the PDF is not 0600")
        text = run(["pdftotext", "-layout", pdf, "-"]).stdout
        for needle in ("Indywidualny Program Zatrudnienia Socjalnego",
                       "Grzegorz Brzęczyszczykiewicz", "85071512348",
                       "Centrum Integracji Społecznej w Krasnymstawie",
                       "ul. Sportowa 1, 22-300 Krasnystaw",
                       "Ukończyć kurs opiekuna osób starszych", "Odbudować kontakt z córką",
                       "Zdobyć prawo jazdy kat. B", "Kryterium osiągnięcia",
                       "Potencjał reintegracyjny", "2 → 4 (+2)", "3 → 2 (-1)",
                       "Terapia uzależnień", "Harmonogram przeglądów",
                       "data i podpis uczestnika", "data i podpis przedstawiciela centrum",
                       "aneks nr 1 z 01.03.2024", "Zmiana terminu kursu", "Strona 1 z 2",
                       "Strona 2 z 2"):
            check(needle in text, f"the PDF lacks “{needle}”")
        fonts = run(["pdffonts", pdf]).stdout.splitlines()[2:]
        check(len(fonts) > 0, "pdffonts lists no font")
        for line in fonts:
            # name type [type] encoding emb sub uni object id: emb is the 5th field from the end.
            check(line.split()[-5] == "yes", f"a font is not embedded: {line}")

        first = os.path.join(work, "rev1.pdf")
        r = run([cli, "--db", db, "plan", "pdf", "--pesel", "85071512348", "--output", first,
                 "--revision", "1"])
        check(r.returncode == 0, f"plan pdf --revision 1: {r.stderr}")
        text1 = run(["pdftotext", first, "-"]).stdout
        check("Wersja 1, podpisana 20.01.2024" in text1, "revision 1 is not marked as such")
        check("Zdobyć prawo jazdy" not in text1, "revision 1 shows the goal of the aneks")

        prefix = os.path.join(png_dir or work, "plan-pdf-page")
        r = run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", pdf, prefix])
        check(r.returncode == 0 and any(n.startswith("plan-pdf-page") for n in
                                        os.listdir(png_dir or work)), "pdftoppm rendered nothing")

        # Bad input: a clear Polish message, exit 1, no file.
        for args, needle in (
                (["--pesel", "00000000000"], "Nie ma osoby o numerze PESEL 00000000000"),
                (["--pesel", no_goals], "Plan nie ma żadnego celu"),
                (["--pesel", no_diagnosis], "Diagnoza jest pusta"),
                (["--pesel", "85071512348", "--revision", "7"], "Plan nie ma wersji 7")):
            out = os.path.join(work, "bad.pdf")
            r = run([cli, "--db", db, "plan", "pdf", "--output", out] + args)
            check(r.returncode == 1, f"{args}: exit {r.returncode}")
            check(needle in r.stderr, f"{args}: message {r.stderr!r}")
            check(not os.path.exists(out), f"{args}: a file was written")
        leftovers = [n for n in os.listdir(work) if n.startswith(".reintegra")]
        check(not leftovers, f"temporary files left: {leftovers}")

        # The workbook.
        xlsx = os.path.join(work, "plany.xlsx")
        r = run([cli, "--db", db, "export", "plans", "--output", xlsx])
        check(r.returncode == 0, f"export plans: {r.stderr}")
        check(stat.S_IMODE(os.stat(xlsx).st_mode) == 0o600, "the workbook is not 0600")
        wb = openpyxl.load_workbook(xlsx)
        check(wb.sheetnames == ["Plany", "Cele", "Oceny"], f"sheets {wb.sheetnames}")
        plans = [tuple(c.value for c in row) for row in wb["Plany"].iter_rows()]
        check(plans[0] == ("PESEL", "Nazwisko", "Imię", "Rodzaj", "Od", "Do", "Etap"),
              f"Plany header {plans[0]}")
        # Polish order: Brzęczyszczykiewicz, Łęcki, Ślęzak.
        check([p[1] for p in plans[1:]] == ["Brzęczyszczykiewicz", "Łęcki", "Ślęzak"],
              f"Plany order {[p[1] for p in plans[1:]]}")
        check(plans[1][3] == "IPZS" and plans[1][4] == datetime.datetime(2024, 1, 15)
              and plans[1][5] == datetime.datetime(2024, 12, 31) and plans[1][6] == "realizacja",
              f"Plany row {plans[1]}")
        goals = [tuple(c.value for c in row) for row in wb["Cele"].iter_rows()]
        check(goals[0] == ("PESEL", "Cel", "Wymiar", "Kryterium", "Odpowiedzialny", "Termin",
                           "Status"), f"Cele header {goals[0]}")
        check(goals[1] == ("85071512348", "Ukończyć kurs opiekuna osób starszych",
                           "Praca i zawód, Edukacja", "Zaświadczenie o ukończeniu kursu",
                           "uczestnik", datetime.datetime(2024, 6, 30), "planowany"),
              f"Cele row {goals[1]}")
        check(len(goals) == 1 + 4 + 1, f"Cele rows {len(goals)}")
        scores = [tuple(c.value for c in row) for row in wb["Oceny"].iter_rows()]
        check(scores[0] == ("PESEL", "Data", "Wymiar", "Ocena"), f"Oceny header {scores[0]}")
        check(scores[1:] == [
            ("85071512348", datetime.datetime(2024, 1, 16), "Praca i zawód", 2),
            ("85071512348", datetime.datetime(2024, 1, 16), "Rodzina", 3),
            ("85071512348", datetime.datetime(2024, 2, 16), "Praca i zawód", 4),
            ("85071512348", datetime.datetime(2024, 2, 16), "Rodzina", 2)],
            f"Oceny rows {scores[1:]}")

    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
