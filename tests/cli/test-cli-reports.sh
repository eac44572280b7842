#!/usr/bin/env bash
# The reports' command-line contract: import projects, enrolments and funding (all or nothing,
# FILE:LINE messages, money in three spellings, partners added to the network), export report,
# cst and annual.  Speaks TAP.
set -u

cli=$1
tmp=$(mktemp -d)
chmod 700 "$tmp"
trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3

n=0
ok() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
expect_status() {
  local want=$1 what=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  [ "$got" -eq "$want" ]
  ok $? "$what (exit $got, want $want)"
  [ "$got" -eq "$want" ] || sed 's/^/# /' "$tmp/err"
}
pesel() {
  $py -c "
w=[1,3,7,9,1,3,7,9,1,3]
d='$1'
print(d+str((10-sum(int(c)*x for c,x in zip(d,w))%10)%10))"
}

db="$tmp/r.db"
pa=$(pesel 8207081234)   # a woman (4 is even)
pb=$(pesel 7503151235)   # a man

cat >"$tmp/residents.csv" <<CSV
imie;nazwisko;pesel;plec;data_przyjecia
Anna;Nowak;$pa;K;01.09.2017
Jan;Kowalski;$pb;M;01.10.2017
CSV
expect_status 0 "residents imported" "$cli" --db "$db" import residents "$tmp/residents.csv"

# Projects: money in the three spellings; a partner not in the network is added (said on stdout).
cat >"$tmp/projects.csv" <<'CSV'
kod;Tytuł;program;wnioskodawca;partnerzy;data_od;data_do;wartosc;dofinansowanie;cel_k;cel_m
P1;Nowa szansa, nowe życie;RPO WL 2014-2020;CIS Krasnystaw;PUP Krasnystaw|Stowarzyszenie Stella;01.09.2017;31.08.2020;1.025.436,17;973 852,17;23;22
P2;Aktywność popłaca;RPO WL 2014-2020;MOPS Krasnystaw;;01.11.2014;30.09.2020;1440285.80;1 224 242,93;;
CSV
expect_status 0 "projects imported" "$cli" --db "$db" import projects "$tmp/projects.csv"
grep -q "PUP Krasnystaw" "$tmp/out" && grep -q "Stowarzyszenie Stella" "$tmp/out"; ok $? "new partners named on stdout"
$py - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT code, total_value, grant_value FROM project ORDER BY code").fetchall()
assert rows == [("P1", 102543617, 97385217), ("P2", 144028580, 122424293)], rows
assert c.execute("SELECT count(*) FROM partner WHERE type = 'B'").fetchone()[0] == 2
PY
ok $? "money stored exactly in grosze, partners of type B"
expect_status 0 "re-import updates" "$cli" --db "$db" import projects "$tmp/projects.csv"
! grep -q "added to the network" "$tmp/out"; ok $? "no partner added twice"

# A bad amount and a missing title: every problem with its line, nothing written.
cat >"$tmp/bad-projects.csv" <<'CSV'
kod;tytul;wartosc
P3;Trzeci;12.345
P4;;100
CSV
expect_status 1 "bad projects refused" "$cli" --db "$db" import projects "$tmp/bad-projects.csv"
grep -q "bad-projects.csv:2: wartosc" "$tmp/err" && grep -q "bad-projects.csv:3: tytul" "$tmp/err"; ok $? "FILE:LINE for each problem"
$py -c "import sqlite3,sys; sys.exit(sqlite3.connect('$db').execute(\"SELECT count(*) FROM project WHERE code='P3'\").fetchone()[0])"
ok $? "nothing of a refused file is written"

# Enrolments: a PESEL not registered, a date outside the period, leaving before joining.
cat >"$tmp/enrolments.csv" <<CSV
pesel;projekt;data_przystapienia;data_zakonczenia;sciezka_ukonczona;status_po;postep_spoleczny
$pa;P1;01.09.2017;31.08.2020;tak;pracujacy;tak
$pb;P1;02.10.2017;30.06.2019;nie;bierny;nie
CSV
expect_status 0 "enrolments imported" "$cli" --db "$db" import enrolments "$tmp/enrolments.csv"
cat >"$tmp/bad-enrolments.csv" <<CSV
pesel;projekt;data_przystapienia;data_zakonczenia;status_po
00000000000;P1;01.10.2017;;
$pa;P1;31.08.2017;;
$pb;P1;01.10.2018;30.09.2018;
$pb;P1;01.10.2018;;zatrudniony
CSV
expect_status 1 "bad enrolments refused" "$cli" --db "$db" import enrolments "$tmp/bad-enrolments.csv"
grep -q ":2: pesel" "$tmp/err" && grep -q ":3: data_przystapienia" "$tmp/err" \
  && grep -q ":4: data_zakonczenia" "$tmp/err" && grep -q ":5: status_po" "$tmp/err"
ok $? "each enrolment problem on its line"

# Funding, in CP1250 with commas.
printf 'rok,zrodlo,kwota,rodzaj\n2019,budzet_miasta,"520 000,00",\n2019,efs,480000.00,wykonanie\n2020,efs,"1.000,00",plan\n' \
  | iconv -f utf-8 -t cp1250 >"$tmp/funding.csv"
expect_status 0 "funding imported" "$cli" --db "$db" import funding "$tmp/funding.csv"
printf 'rok;zrodlo;kwota\n2019;unia;5\n' >"$tmp/bad-funding.csv"
expect_status 1 "an unknown source refused" "$cli" --db "$db" import funding "$tmp/bad-funding.csv"
grep -q "bad-funding.csv:2: zrodlo" "$tmp/err"; ok $? "the source's line named"

# Exports.
expect_status 2 "export report needs a year or a project" "$cli" --db "$db" export report --output "$tmp/r.xlsx"
expect_status 2 "not both" "$cli" --db "$db" export report --year 2019 --project P1 --output "$tmp/r.xlsx"
expect_status 1 "an unknown project" "$cli" --db "$db" export report --project NOPE --output "$tmp/r.xlsx"
[ ! -e "$tmp/r.xlsx" ]; ok $? "nothing written for an unknown project"
expect_status 0 "export report --project" "$cli" --db "$db" export report --project P1 --output "$tmp/p1.xlsx"
expect_status 0 "export report --year" "$cli" --db "$db" export report --year 2019 --output "$tmp/y.xlsx"
$py - "$tmp/p1.xlsx" "$tmp/y.xlsx" <<'PY'
import sys, openpyxl
p = openpyxl.load_workbook(sys.argv[1], data_only=True)["Podsumowanie"]
rows = {r[0]: r[2:4] for r in p.iter_rows(min_row=2, values_only=True) if r[0]}
assert rows["uczestnicy_k"] == (1, 23), rows
assert rows["ukonczona_sciezka"] == (1, 2), rows
assert rows["zatrudnienie_po"] == (1, 1), rows
assert rows["wartosc"][0] == 1025436.17, rows
f = openpyxl.load_workbook(sys.argv[2], data_only=True)["Finansowanie"]
shares = [r[2] for r in f.iter_rows(min_row=2, max_row=3, values_only=True)]
assert [round(s, 9) for s in shares] == [0.52, 0.48], shares
PY
ok $? "the report workbooks hold the imported figures"
expect_status 0 "export cst in cp1250" "$cli" --db "$db" export cst --project P1 --output "$tmp/cst.csv" --encoding cp1250
$py - "$tmp/cst.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="cp1250", newline=""), delimiter=";"))
assert rows[0][0] == "Imię" and len(rows[0]) == 27, rows[0]
assert [r[1] for r in rows[1:]] == ["Kowalski", "Nowak"], rows
assert rows[2][18:22] == ["01.09.2017", "31.08.2020", "Osoba pracująca (w tym prowadząca działalność na własny rachunek)", "Tak"], rows[2]
PY
ok $? "the CST2021 file parsed back"
[ "$(stat -c %a "$tmp/cst.csv")" = 600 ]; ok $? "the CST2021 file is private (0600)"
expect_status 0 "export annual" "$cli" --db "$db" export annual --year 2019 --output "$tmp/a.xlsx"
$py - "$tmp/a.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Sprawozdanie"]
got = {r[0]: r[2] for r in ws.iter_rows(min_row=2, values_only=True)}
assert got["uczestnicy"] == 2 and got["finansowanie:efs"] == 480000 and got["plan:efs"] == 1000, got
PY
ok $? "the annual report holds the participants and the funding"

echo "1..$n"
