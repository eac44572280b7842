#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kills reintegra-cli with SIGKILL at many points of a large import, of an export and of a
backup, and checks after every kill that nothing was lost or half-written:

- import residents: the database passes `reintegra-cli check` (PRAGMA integrity_check and
  foreign keys) and holds exactly what it held before, or that plus the whole import;
- export residents and backup: the target name holds nothing or a complete file (a workbook
  that openpyxl reads with every row, a backup that checks out), never a part.

The kill points are spread evenly over the time a complete run takes, with a seeded jitter, so
that they fall in parsing, validation, the writes and the commit.  Prints TAP."""

import argparse
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile

n = 0
failed = False


def ok(cond, what):
    global n, failed
    n += 1
    print(("ok" if cond else "not ok") + f" {n} - {what}", flush=True)
    if not cond:
        failed = True


def content(db):
    """What the register holds, without the timestamps an import writes."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    h = hashlib.sha256()
    for table, cols in (("resident", "id, first_name, surname, pesel, sex, admission_date, end_date, end_reason, outcome"),
                        ("resident_category", "resident_id, category_code"),
                        ("resident_project", "resident_id, project_id")):
        for row in con.execute(f"SELECT {cols} FROM {table} ORDER BY 1, 2"):
            h.update(repr(row).encode())
    count = con.execute("SELECT count(*) FROM resident").fetchone()[0]
    con.close()
    return count, h.hexdigest()


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def timed(cmd):
    start = time.monotonic()
    r = run(cmd)
    if r.returncode != 0:
        sys.exit(f"Bail out! {' '.join(cmd)} failed: {r.stderr}")
    return time.monotonic() - start


def kill_at(cmd, delay):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        p.wait(timeout=delay)
        return False          # finished before the kill
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGKILL)
        p.wait()
        return True


def points(rng, duration, kills):
    # Evenly over the run, jittered within each slot; the last slot ends a little after the run.
    slot = duration * 1.05 / kills
    return [slot * (i + rng.random()) for i in range(kills)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--write-csv", required=True)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=2019)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cli = args.cli

    tmp = tempfile.mkdtemp(prefix="crash-")
    os.chmod(tmp, 0o700)
    try:
        before = os.path.join(tmp, "before.db")
        csv = os.path.join(tmp, "import.csv")
        # A register of 500 people, and a sheet of other people to import into it.
        timed([cli, "--db", before, "demo", "--residents", "500", "--seed", "7"])
        timed([args.write_csv, csv, str(args.rows), str(args.seed)])
        state_before = content(before)

        full = os.path.join(tmp, "full.db")
        shutil.copy(before, full)
        duration = timed([cli, "--db", full, "import", "residents", csv])
        state_after = content(full)
        ok(state_after[0] > state_before[0], f"a complete import adds people ({state_before[0]} → {state_after[0]}, {duration:.1f} s)")

        killed = 0
        work = os.path.join(tmp, "work.db")
        for i, delay in enumerate(points(rng, duration, args.kills)):
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(work + suffix):
                    os.remove(work + suffix)
            shutil.copy(before, work)
            was_killed = kill_at([cli, "--db", work, "import", "residents", csv], delay)
            killed += was_killed
            check = run([cli, "--db", work, "check"])
            state = content(work)
            which = "before" if state == state_before else "after" if state == state_after else "a part"
            ok(check.returncode == 0 and which != "a part",
               f"import killed at {delay:.2f} s ({'killed' if was_killed else 'had finished'}): intact, holds {which}")
        # Most kills land mid-way; how many depends on how loaded the machine is.
        ok(killed >= args.kills // 2, f"{killed} of {args.kills} imports were killed mid-way")

        # Export and backup: the target is absent or whole after every kill.
        exp_duration = timed([cli, "--db", full, "export", "residents", "--output", os.path.join(tmp, "whole.xlsx")])
        bak_duration = timed([cli, "--db", full, "backup", os.path.join(tmp, "whole-backup.db")])
        expected_rows = state_after[0]
        for i, delay in enumerate(points(rng, exp_duration, max(4, args.kills // 4))):
            target = os.path.join(tmp, f"export-{i}.xlsx")
            kill_at([cli, "--db", full, "export", "residents", "--output", target], delay)
            if not os.path.exists(target):
                ok(True, f"export killed at {delay:.2f} s: no file under the target name")
                continue
            try:
                with zipfile.ZipFile(target) as z:
                    whole = z.testzip() is None
                import openpyxl
                ws = openpyxl.load_workbook(target, read_only=True)["Uczestnicy"]
                rows = sum(1 for _ in ws.iter_rows(min_row=2, values_only=True))
                whole = whole and rows == expected_rows
            except Exception as e:  # a half-written zip
                whole = False
            ok(whole, f"export killed at {delay:.2f} s: the file under the target name is whole")
        for i, delay in enumerate(points(rng, bak_duration, max(4, args.kills // 4))):
            target = os.path.join(tmp, f"backup-{i}.db")
            kill_at([cli, "--db", full, "backup", target], delay)
            if not os.path.exists(target):
                ok(True, f"backup killed at {delay:.2f} s: no file under the target name")
                continue
            check = run([cli, "--db", target, "check"])
            ok(check.returncode == 0 and content(target) == state_after,
               f"backup killed at {delay:.2f} s: the file under the target name is a whole backup")
        ok(run([cli, "--db", full, "check"]).returncode == 0, "the source of the exports is intact")
    finally:
        shutil.rmtree(tmp)
    print(f"1..{n}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
