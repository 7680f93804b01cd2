#!/usr/bin/python3
"""bench: time and peak memory of cspr on synthetic cases, beside pandoc.

Usage: bench.py BUILDDIR        (run by `make bench`)

1. check, merge and build on cases of growing size (tests/gen_case.py);
2. the chronology as DOCX at 5,000 and 50,000 rows, beside pandoc
   converting the same rows as a Markdown table to DOCX, at
   BENCH_PANDOC_ROWS rows (5,000 by default; 50,000 takes minutes).
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
    p = subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.monotonic() - t
    err = p.stderr.read().decode(errors='replace')
    p.stderr.close()
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


if __name__ == '__main__':
    main()
