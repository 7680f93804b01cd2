#!/usr/bin/python3
"""bench: time and peak memory of cspr on synthetic cases, beside pandoc.

Usage: bench.py BUILDDIR        (run by `make bench`)

1. check, merge and build on cases of growing size (tests/gen_case.py);
2. the chronology as DOCX at 5,000 and 50,000 rows, beside pandoc
   converting the same rows as a Markdown table to DOCX, at
   BENCH_PANDOC_ROWS rows (5,000 by default; 50,000 takes minutes);
3. anonymising: the chronology's tree for publication against the
   internal one, at 10,000 events;
4. a batch of 100 cases: a clean build with --jobs 2, a rebuild with
   nothing changed (target: under 0.5 s), and one with one case edited.
Figures only: targets live here, never in timed unit tests.
"""
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

BUILD = sys.argv[1] if len(sys.argv) > 1 else 'build'
BIN = os.path.abspath(os.path.join(BUILD, 'cspr'))
T = os.environ.get('BENCH_DIR', '/tmp/cspr-bench')


def run(args, stdout=subprocess.DEVNULL, notes=None):
    """Wall seconds and peak resident KiB of one process; with notes, a
    list that gets its stderr lines."""
    t = time.monotonic()
    # stderr to a file, not a pipe: a pipe left unread fills and stalls
    # the process it times.
    with open(f'{T}/stderr.txt', 'w+b') as ef:
        p = subprocess.Popen(args, stdout=stdout, stderr=ef)
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.monotonic() - t
        ef.seek(0)
        err = ef.read().decode(errors='replace')
    if status != 0:
        sys.exit(f'bench: {" ".join(args)} failed:\n{err}')
    if notes is not None:
        notes.extend(err.splitlines())
    return dt, ru.ru_maxrss


def stage(notes, what, where=''):
    """Seconds of a stage from `cspr build --timings` notes, the first
    whose file part ends with where."""
    for line in notes:
        if f'{where}: note: {what}: ' in line:
            return float(line.split(f'note: {what}: ')[1].split()[0])
    return float('nan')


def case(agencies, per):
    d = f'{T}/case-{agencies}x{per}'
    if not os.path.isdir(d):
        subprocess.run(['/usr/bin/python3', 'tests/gen_case.py', d, str(agencies), str(per)], check=True)
    return d


def markdown_table(case_dir, out):
    """The merged rows as the Markdown table a user would give pandoc."""
    with open(f'{T}/merge.xml', 'w') as f:
        subprocess.run([BIN, 'merge', '-q', case_dir], stdout=f, check=True)
    root = ET.parse(f'{T}/merge.xml').getroot()
    with open(out, 'w') as f:
        f.write('| No. | Date | Agency | What happened | Action | Analysis |\n'
                '| --- | --- | --- | --- | --- | --- |\n')
        for e in root.find('events'):
            cells = [e.get('n'), e.get('start'), e.get('prefix')] + \
                [(e.findtext(k) or '').replace('|', '\\|').replace('\n', ' ')
                 for k in ('what', 'action', 'analysis')]
            f.write('| ' + ' | '.join(cells) + ' |\n')
    return len(root.find('events'))


def main():
    os.makedirs(T, exist_ok=True)
    print(f'{"case":<14} {"command":<12} {"seconds":>9} {"peak MiB":>9}')
    for a, n in ((7, 20), (10, 200), (20, 1000)):
        c = case(a, n)
        for cmd in ('check', 'merge', 'build'):
            args = [BIN, cmd, '-q', c] + (['-o', f'{T}/out'] if cmd == 'build' else [])
            dt, kib = run(args)
            print(f'{a}x{n:<11} {cmd:<12} {dt:9.3f} {kib / 1024:9.1f}')

    print()
    print('chronology to DOCX: cspr beside pandoc on the same rows')
    rows_p = int(os.environ.get('BENCH_PANDOC_ROWS', '5000'))
    res = {}
    render = {}
    for rows in sorted({5000, 50000, rows_p}):
        c = case(10, rows // 10)
        notes = []
        res[('cspr', rows)] = run([BIN, 'build', '-q', '--timings', '--format', 'docx',
                                   '-o', f'{T}/out', c], notes=notes)
        render[rows] = stage(notes, 'rendered', 'integrated-chronology.docx')
        print(f'cspr {rows} rows, stage by stage: ' +
              ', '.join(f'{w} {stage(notes, w):.3f} s' for w in
                        ('read and checked', 'merged', 'integrated-chronology built')) +
              f', chronology rendered {render[rows]:.3f} s (all five documents written)')
        if rows == rows_p:
            if shutil.which('pandoc') is None:
                print('pandoc is not installed (tools/deps.sh bench installs it)')
                continue
            md = f'{T}/rows-{rows}.md'
            markdown_table(c, md)
            res[('pandoc', rows)] = run(['pandoc', '-f', 'markdown', '-t', 'docx', '-o', f'{T}/pandoc.docx', md])
    for (who, rows), (dt, kib) in sorted(res.items(), key=lambda x: (x[0][1], x[0][0])):
        print(f'{who:<8} {rows:>6} rows {dt:9.3f} s {kib / 1024:9.1f} MiB')
    if ('pandoc', rows_p) in res:
        pd, pm = res[('pandoc', rows_p)]
        cd, cm = res[('cspr', rows_p)]
        print(f'at {rows_p} rows, case folder to DOCX (read, check, merge, build, render) '
              f'is {pd / cd:.1f} times faster than pandoc on the merged table '
              f'and uses {pm / cm:.1f} times less memory')
        print(f'at {rows_p} rows, the DOCX rendering alone is {pd / render[rows_p]:.1f} '
              f'times faster than pandoc (target: 100 times faster)')
    cd, _ = res[('cspr', 50000)]
    print(f'cspr at 50000 rows: rendering the chronology {render[50000]:.2f} s (target: under 1 s); '
          f'the whole build of five documents {cd:.2f} s')


def anonymise():
    print()
    print('anonymising the chronology tree (cspr dump --stage doc)')
    c = case(10, 1000)
    for aud in ('internal', 'publication'):
        dt, kib = run([BIN, 'dump', '-q', '--stage', 'doc', '--audience', aud, c])
        print(f'10x1000 dump {aud:<12} {dt:9.3f} s {kib / 1024:9.1f} MiB')


def batch():
    print()
    print('a batch of 100 cases (7 agencies x 20 events each)')
    small = case(7, 20)
    root = f'{T}/batch'
    if not os.path.isdir(f'{root}/c099'):
        for i in range(100):
            d = f'{root}/c{i:03d}'
            shutil.copytree(small, d, dirs_exist_ok=True)
            with open(f'{d}/case.xml') as f:
                x = f.read().replace('ref="BENCH-1"', f'ref="BENCH-{i:03d}"')
            with open(f'{d}/case.xml', 'w') as f:
                f.write(x)
    cases = [f'{root}/c{i:03d}' for i in range(100)]
    out = f'{T}/batch-out'
    shutil.rmtree(out, ignore_errors=True)
    dt, kib = run([BIN, 'build', '-q', '--jobs', '2', '-o', out] + cases)
    print(f'clean build, --jobs 2         {dt:9.3f} s {kib / 1024:9.1f} MiB')
    best = min(run([BIN, 'build', '-q', '-o', out] + cases)[0] for _ in range(5))
    print(f'no-op rebuild (best of 5)     {best:9.3f} s   (target: under 0.5 s)')
    # A file touched without changing any document, then a narrative
    # added: two documents of one case change.
    with open(f'{root}/c041/case.xml', 'a') as f:
        f.write('<!-- touched -->\n')
    dt, kib = run([BIN, 'build', '-q', '-o', out] + cases)
    print(f'rebuild, one file touched     {dt:9.3f} s {kib / 1024:9.1f} MiB')
    os.makedirs(f'{root}/c042/review', exist_ok=True)
    with open(f'{root}/c042/review/learning.md', 'a') as f:
        f.write('Ask who lives in the household.\n')
    notes = []
    dt, kib = run([BIN, 'build', '-q', '-o', out] + cases, notes=notes)
    what = [n for n in notes if 'rebuilt' in n and 'cases' in n]
    print(f'rebuild, one narrative added  {dt:9.3f} s {kib / 1024:9.1f} MiB'
          f'  ({what[0].split("note: ")[1] if what else "?"})')


if __name__ == '__main__':
    if os.environ.get('BENCH_ONLY') == 'batch':
        os.makedirs(T, exist_ok=True)
        anonymise()
        batch()
    else:
        main()
        anonymise()
        batch()
