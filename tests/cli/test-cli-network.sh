#!/usr/bin/env bash
# The network's commands: import partners (all or nothing, FILE:LINE, CP1250, a re-import
# updates), export network and export map.  Speaks TAP.
set -u

cli=$1
tmp=$(mktemp -d)
chmod 700 "$tmp"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3

n=0
failed=0
ok() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
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
count() {
  sqlite3 "$db" "SELECT COUNT(*) FROM $1"
}

db="$tmp/n.db"

# Every bad row named by its line, nothing written.
cat >"$tmp/bad.csv" <<'CSV'
nazwa;typ;sektor;obszary;nip
MOPS Krasnystaw;B;publiczny;pomoc_spoleczna;564-171-33-40
Powiatowy Urząd Pracy;B;publiczny;przeciwdzialanie_bezrobociu;5641713341
Biblioteka;D;publiczny;kultura;
Klub Sportowy Start;C;pozarzadowy;sport;
MOPS w Krasnymstawie;B;publiczny;pomoc_spoleczna;5641713340
CSV
expect_status 1 "a sheet with bad rows is refused" "$cli" --db "$db" import partners "$tmp/bad.csv"
grep -q "^$tmp/bad.csv:3: NIP" "$tmp/err"; ok $? "a bad NIP is reported on line 3"
grep -q "^$tmp/bad.csv:4: .*A, B" "$tmp/err"; ok $? "an unknown type is reported on line 4"
grep -q "^$tmp/bad.csv:5: .*sport" "$tmp/err"; ok $? "an unknown area code is reported on line 5"
grep -q "^$tmp/bad.csv:6: .* 2\.$" "$tmp/err"; ok $? "a duplicate row is reported on line 6, naming line 2"
[ "$(grep -c '' "$tmp/err")" -eq 4 ]; ok $? "four problems, no more"
sed 's/^/# /' "$tmp/err"
[ "$(count partner)" = "0" ]; ok $? "nothing was written"

printf 'nazwa;typ;kolor\nA;B;C\n' >"$tmp/column.csv"
expect_status 1 "an unknown column is refused" "$cli" --db "$db" import partners "$tmp/column.csv"
grep -q ":1: .*kolor" "$tmp/err"; ok $? "the unknown column is named on line 1"

# A good sheet in CP1250 with ',' and headers as an office writes them.
printf 'Nazwa,Typ,Poziom,Sektor,Obszary,NIP,Osoba kontaktowa,Telefon,Umowa od,Umowa do\n' >"$tmp/good.txt"
printf 'Miejski Ośrodek Pomocy Społecznej,B,lokalny,publiczny,pomoc_spoleczna|wspieranie_rodziny,564-171-33-40,Maria Wójcik,82 576 20 21,15.01.2020,31.12.2025\n' >>"$tmp/good.txt"
printf 'Miejski Dom Kultury,c,lokalny,Publiczny,kultura,,Jan Żak,,,\n' >>"$tmp/good.txt"
printf 'Parafia św. Franciszka,C,lokalny,kościelny,pomoc_spoleczna,,,,,\n' >>"$tmp/good.txt"
iconv -f UTF-8 -t CP1250 "$tmp/good.txt" >"$tmp/good.csv"
expect_status 0 "a good CP1250 sheet is imported" "$cli" --db "$db" import partners "$tmp/good.csv" --encoding cp1250
grep -q "3 added, 0 updated" "$tmp/out"; ok $? "three partners added"
[ "$(sqlite3 "$db" "SELECT contact_person FROM partner WHERE nip = '5641713340'")" = "Maria Wójcik" ]
ok $? "the contact person decoded from CP1250"
[ "$(sqlite3 "$db" "SELECT type || sector FROM partner WHERE name = 'Miejski Dom Kultury'")" = "Cpubliczny" ]
ok $? "codes folded: c → C, Publiczny → publiczny"
[ "$(sqlite3 "$db" "SELECT sector FROM partner WHERE name LIKE 'Parafia%'")" = "koscielny" ]
ok $? "kościelny → koscielny"
[ "$(count partner_area)" = "4" ]; ok $? "four areas"

# A re-import updates, matched by NIP (renamed) or by name in another case (which the sheet
# then writes); the columns it lacks keep what is stored.
cat >"$tmp/again.csv" <<'CSV'
nazwa;typ;nip;telefon
MOPS Krasnystaw;B;5641713340;82 000 00 00
MIEJSKI DOM KULTURY;C;;82 111 11 11
CSV
expect_status 0 "the re-import" "$cli" --db "$db" import partners "$tmp/again.csv"
grep -q "0 added, 2 updated" "$tmp/out"; ok $? "two updated, none added"
[ "$(count partner)" = "3" ]; ok $? "still three partners"
[ "$(sqlite3 "$db" "SELECT name || '/' || phone || '/' || contact_person FROM partner WHERE nip = '5641713340'")" = "MOPS Krasnystaw/82 000 00 00/Maria Wójcik" ]
ok $? "renamed, new phone, contact person kept"

# Exports.
printf 'imie;nazwisko;plec\nAnna;Nowak;K\n' >"$tmp/people.csv"
"$cli" --db "$db" import residents "$tmp/people.csv" >/dev/null
sqlite3 "$db" "INSERT INTO referral (resident_id, partner_id, referred_on) SELECT (SELECT MIN(id) FROM resident), id, '2021-03-01' FROM partner WHERE nip = '5641713340';
  INSERT INTO referral (resident_id, partner_id, referred_on) SELECT (SELECT MIN(id) FROM resident), id, '2022-03-01' FROM partner WHERE nip = '5641713340';"
expect_status 0 "export network" "$cli" --db "$db" export network --output "$tmp/siec.xlsx" --from 01.01.2021 --to 31.12.2021
[ "$(stat -c %a "$tmp/siec.xlsx")" = "600" ]; ok $? "the workbook is mode 0600"
$py - "$tmp/siec.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Skierowania"]
counts = {r[0].value: r[3].value for r in ws.iter_rows(min_row=2, max_row=4)}
sys.exit(0 if counts.get("MOPS Krasnystaw") == 1 and counts.get("MIEJSKI DOM KULTURY") == 0 else 1)
PY
ok $? "the workbook counts the referrals of 2021 only"
expect_status 2 "export network with a bad date" "$cli" --db "$db" export network --output "$tmp/x.xlsx" --from 31.02.2021

expect_status 0 "export map as SVG" "$cli" --db "$db" export map --output "$tmp/mapa.svg" --from 2021-01-01 --to 2021-12-31
$py - "$tmp/mapa.svg" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
names = {t.text for t in root.iter(ns + "text") if t.get("class") == "name"}
links = [l for l in root.iter(ns + "line")]
ok = names == {"MOPS Krasnystaw", "MIEJSKI DOM KULTURY", "Parafia św. Franciszka"} and len(links) == 1
sys.exit(0 if ok else 1)
PY
ok $? "the SVG parses and names every partner, with one link"
expect_status 0 "export map as PNG for one area" "$cli" --db "$db" export map --output "$tmp/mapa.png" --area kultura
[ "$(head -c 4 "$tmp/mapa.png" | tail -c 3)" = "PNG" ]; ok $? "a PNG"
expect_status 0 "export map as SVG for one area" "$cli" --db "$db" export map --output "$tmp/kultura.svg" --area kultura
[ "$(grep -c 'class="name"' "$tmp/kultura.svg")" = "1" ]; ok $? "the area filter keeps one partner"
expect_status 2 "export map to .pdf" "$cli" --db "$db" export map --output "$tmp/mapa.pdf"
expect_status 2 "export map for an unknown area" "$cli" --db "$db" export map --output "$tmp/m.svg" --area sport
expect_status 1 "export map from a missing database" "$cli" --db "$tmp/none.db" export map --output "$tmp/m.svg"

echo "1..$n"
exit $failed
