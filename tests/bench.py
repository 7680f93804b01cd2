#!/usr/bin/python3
"""bench: time and peak memory of cspr against case size, beside pandoc and
LibreOffice on the same content, and a batch of 100 cases.

Usage: bench.py BUILDDIR        (run by `make bench`)

Environment:
  BENCH_DIR       where generated cases and outputs go (/tmp/cspr-bench)
  BENCH_SIZES     events per case to run, from 1000,10000,50000,200000
  BENCH_COMPARE   events at which pandoc is run (10000)
  BENCH_LO        events at which LibreOffice is run (1000; at 10,000 it
                  ran for over 16 minutes without finishing here)
  BENCH_ONLY      'sizes', 'compare' or 'batch': that part alone
  BENCH_RUNS      full builds of each size (3): the fastest is reported,
                  with the highest peak memory of any, and every run's
                  time is printed (this machine's speed swings by 10 to
                  30 per cent from one minute to the next)

1. For each size (tests/gen_case.py: 10 to 30 agencies, half XML and half
   Markdown returns, about 480 bytes of text an event): `cspr check`,
   `cspr merge`, and full builds with `--timings`, which notes each
   stage: reading and checking, merging, building each document's tree,
   rendering each file; a publication build adds anonymising.
2. pandoc (the merged rows as a Markdown table -> DOCX) against cspr's
   chronology DOCX, and LibreOffice (cspr's chronology DOCX -> PDF)
   against cspr's chronology PDF, on the same rows.
3. 100 cases: a clean build with --jobs 2, a no-op rebuild, one edit.

Prints tables, writes them to BENCH_DIR/bench.txt and plots time and
memory against events to BENCH_DIR/bench.svg. Figures only: targets are
reported here, never asserted in timed unit tests.
"""
import math
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

MIB_MB = 1.048576  # MB (10^6 bytes) in a MiB

BUILD = sys.argv[1] if len(sys.argv) > 1 else 'build'
BIN = os.path.abspath(os.path.join(BUILD, 'cspr'))
TDIR = os.path.abspath('templates')
T = os.environ.get('BENCH_DIR', '/tmp/cspr-bench')
DOCS = ('rapid-review-report', 'learning-brief', 'seven-minute-briefing',
        'scoping-composite', 'integrated-chronology')
# events -> (agencies, events per agency)
SIZES = {1000: (10, 100), 10000: (30, 334), 50000: (25, 2000),
         200000: (25, 8000)}
REPORT = []
RUNS = max(1, int(os.environ.get('BENCH_RUNS', '3')))
# Cases far past real ones (50,000 events and more) are past the limit
# on a case's files (32 MiB): raised here, as a partnership would.
os.environ.setdefault('CSPR_LIMITS', 'total=8G')


def say(line=''):
    print(line, flush=True)
    REPORT.append(line)


def run(args, stdout=subprocess.DEVNULL, notes=None, check=True):
    """Wall seconds and peak resident MiB of one process (and the
    children it waited for); with notes, a list that gets its stderr."""
    t = time.monotonic()
    # stderr to a file, not a pipe: a pipe left unread fills and stalls
    # the process it times.
    with open(f'{T}/stderr.txt', 'w+b') as ef:
        p = subprocess.Popen(args, stdout=stdout, stderr=ef)
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.monotonic() - t
        ef.seek(0)
        err = ef.read().decode(errors='replace')
    if status != 0 and check:
        sys.exit(f'bench: {" ".join(args)} failed:\n{err}')
    if notes is not None:
        notes.extend(err.splitlines())
    return dt, ru.ru_maxrss / 1024


def stage(notes, what, where=''):
    """Seconds and peak MiB so far of the first `--timings` note for
    stage what whose file part ends with where."""
    for line in notes:
        if f'{where}: note: {what}: ' in line:
            rest = line.split(f'note: {what}: ')[1]
            return float(rest.split()[0]), float(rest.split('so far ')[1].split()[0])
    return float('nan'), float('nan')


def total(notes, what, where_list):
    return sum(stage(notes, what, w)[0] for w in where_list)


def case(events):
    a, n = SIZES[events]
    # v2: with review narratives (a publication build needs them).
    d = f'{T}/case-v2-{a}x{n}'
    if not os.path.isdir(d):
        subprocess.run(['/usr/bin/python3', 'tests/gen_case.py', d, str(a), str(n)], check=True)
    return d


def build(c, out, *extra, notes=None):
    return run([BIN, 'build', '-q', '--force', '--timings', '--templates', TDIR,
                '-o', out, *extra, c], notes=notes)


def best_build(c, out, *extra):
    """RUNS builds: the fastest one's seconds and notes, the highest
    peak MiB of any, and every run's seconds."""
    best, mib, times = None, 0.0, []
    for _ in range(RUNS):
        notes = []
        dt, m = build(c, out, *extra, notes=notes)
        times.append(dt)
        mib = max(mib, m)
        if best is None or dt < best[0]:
            best = (dt, notes)
    return best[0], mib, best[1], times


def sizes():
    want = [int(x) for x in os.environ.get('BENCH_SIZES', '1000,10000,50000,200000').split(',')]
    res = {}
    say('Each case: all five documents; times in seconds, memory in MiB (peak resident).')
    say()
    hdr = (f'{"events":>7} {"agencies":>8} {"check":>6} {"merge":>6} {"anonymise":>9} '
           f'{"trees":>6} {"DOCX x5":>7} {"PDF x5":>7} {"build":>7} {"MiB":>6} '
           f'{"DOCX-only":>9} {"MiB":>6}')
    say(hdr)
    say('-' * len(hdr))
    for ev in want:
        c = case(ev)
        a, n = SIZES[ev]
        events = a * n
        r = {'events': events}
        r['check'], _ = run([BIN, 'check', '-q', c])
        r['merge'], _ = run([BIN, 'merge', '-q', c])
        r['build'], r['build_mib'], notes, r['build_runs'] = best_build(c, f'{T}/out-{ev}')
        r['read'] = stage(notes, 'read and checked')[0]
        r['merged'] = stage(notes, 'merged')[0]
        r['trees'] = sum(stage(notes, f'{d} built')[0] for d in DOCS)
        r['docx'] = total(notes, 'rendered', [f'{d}.docx' for d in DOCS])
        r['pdf'] = total(notes, 'rendered', [f'{d}.pdf' for d in DOCS])
        r['chron_docx'] = stage(notes, 'rendered', 'integrated-chronology.docx')[0]
        r['chron_pdf'] = stage(notes, 'rendered', 'integrated-chronology.pdf')[0]
        r['docx_build'], r['docx_mib'], _, r['docx_runs'] = best_build(
            c, f'{T}/out-{ev}-docx', '--format', 'docx')
        notes = []
        build(c, f'{T}/out-{ev}-pub', '--format', 'docx', '--audience', 'publication', notes=notes)
        r['anon'] = stage(notes, 'anonymiser ready')[0] + \
            sum(stage(notes, f'{d} anonymised')[0] for d in DOCS)
        res[ev] = r
        say(f'{events:>7} {a:>8} {r["check"]:6.2f} {r["merge"]:6.2f} {r["anon"]:9.2f} '
            f'{r["trees"]:6.2f} {r["docx"]:7.2f} {r["pdf"]:7.2f} {r["build"]:7.2f} '
            f'{r["build_mib"]:6.0f} {r["docx_build"]:9.2f} {r["docx_mib"]:6.0f}')
    say()
    say('check, merge: the commands alone (each reads and checks the case);')
    say('anonymise: loading the anonymiser and anonymising the five trees;')
    say('trees: building the five document trees; DOCX x5, PDF x5: rendering')
    say('the five files of each format; build: the whole `cspr build`, both')
    say('formats; DOCX-only: `cspr build --format docx`.')
    say(f'build and DOCX-only: the fastest of {RUNS} runs (stages from that run),')
    say('with the highest peak memory of any. Every run, in seconds:')
    for ev, r in res.items():
        say(f'  {r["events"]:>7} events  build ' + ' '.join(f'{t:.2f}' for t in r['build_runs']) +
            '   DOCX-only ' + ' '.join(f'{t:.2f}' for t in r['docx_runs']))
    if 50000 in res:
        r = res[50000]
        say()
        # The target's MB are 10^6 bytes; the table's MiB are 2^20.
        mb, dmb = r['build_mib'] * MIB_MB, r['docx_mib'] * MIB_MB
        say(f'target, 50,000 events, all five documents, both formats, under 2 s and 300 MB: '
            f'{r["build"]:.2f} s, {r["build_mib"]:.0f} MiB = {mb:.0f} MB: '
            f'{"met" if r["build"] < 2 and mb < 300 else "NOT met"}')
        say(f'  (DOCX only: {r["docx_build"]:.2f} s, {dmb:.0f} MB: '
            f'{"met" if r["docx_build"] < 2 and dmb < 300 else "NOT met"})')
        if 200000 in res:
            q = res[200000]
            ft, fm = q['build'] / r['build'], q['build_mib'] / r['build_mib']
            say(f'target, 200,000 events within 4.5 times the 50,000 figures: time x{ft:.2f}, '
                f'memory x{fm:.2f}: {"met" if ft <= 4.5 and fm <= 4.5 else "NOT met"}')
            ft, fm = q['docx_build'] / r['docx_build'], q['docx_mib'] / r['docx_mib']
            say(f'  (DOCX only: time x{ft:.2f}, memory x{fm:.2f})')
    return res


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


def compare():
    say()
    say('Side by side on the same content (seconds, peak MiB):')
    rows = []
    ev = int(os.environ.get('BENCH_COMPARE', '10000'))
    if shutil.which('pandoc'):
        c = case(ev)
        notes = []
        build(c, f'{T}/out-cmp', '--format', 'docx', notes=notes)
        cd = stage(notes, 'rendered', 'integrated-chronology.docx')[0]
        md = f'{T}/rows-{ev}.md'
        markdown_table(c, md)
        pd, pm = run(['pandoc', '-f', 'markdown', '-t', 'docx', '-o', f'{T}/pandoc.docx', md])
        rows.append((ev, 'pandoc: Markdown table -> DOCX', pd, pm,
                     'cspr: chronology tree -> DOCX', cd, 100))
    else:
        say('pandoc is not installed (tools/deps.sh bench installs it)')
    ev = int(os.environ.get('BENCH_LO', '1000'))
    if shutil.which('soffice'):
        c = case(ev)
        notes = []
        build(c, f'{T}/out-lo', notes=notes)
        cp = stage(notes, 'rendered', 'integrated-chronology.pdf')[0]
        prof = f'file://{T}/lo-profile'
        lo = ['soffice', f'-env:UserInstallation={prof}', '--headless',
              '--convert-to', 'pdf', '--outdir', f'{T}/lo']
        # A first start makes LibreOffice's profile: not counted.
        run(lo + [f'{T}/out-lo/BENCH-1/seven-minute-briefing.docx'], check=False)
        ld, lm = run(lo + [f'{T}/out-lo/BENCH-1/integrated-chronology.docx'])
        rows.append((ev, 'LibreOffice: chronology DOCX -> PDF', ld, lm,
                     'cspr: chronology tree -> PDF', cp, 50))
    else:
        say('LibreOffice is not installed (tools/deps.sh test installs it)')
    for ev, what, t, m, ours, ot, tgt in rows:
        say(f'  {ev:>6} events  {what:<38} {t:8.2f} s {m:7.0f} MiB')
        say(f'  {ev:>6} events  {ours:<38} {ot:8.2f} s   {t / ot:6.1f} times faster '
            f'(target {tgt}: {"met" if t / ot >= tgt else "NOT met"})')


def batch():
    say()
    say('A batch of 100 cases (7 agencies x 20 events each), all ten files each:')
    small = f'{T}/case-v2-7x20'
    if not os.path.isdir(small):
        subprocess.run(['/usr/bin/python3', 'tests/gen_case.py', small, '7', '20'], check=True)
    root = f'{T}/batch-v2'
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
    base = [BIN, 'build', '-q', '--templates', TDIR, '-o', out]
    dt, mib = run(base + ['--jobs', '2'] + cases)
    say(f'  clean build, --jobs 2         {dt:9.3f} s {mib:7.1f} MiB')
    best = min(run(base + cases)[0] for _ in range(5))
    say(f'  no-op rebuild (best of 5)     {best:9.3f} s   target under 0.5 s: '
        f'{"met" if best < 0.5 else "NOT met"}')
    with open(f'{root}/c041/case.xml', 'a') as f:
        f.write('<!-- touched -->\n')
    dt, mib = run(base + cases)
    say(f'  rebuild, one file touched     {dt:9.3f} s {mib:7.1f} MiB')
    os.makedirs(f'{root}/c042/review', exist_ok=True)
    with open(f'{root}/c042/review/learning.md', 'a') as f:
        f.write('Ask who lives in the household.\n')
    notes = []
    dt, mib = run(base + cases, notes=notes)
    what = [n for n in notes if 'rebuilt' in n and 'cases' in n]
    say(f'  rebuild, one narrative added  {dt:9.3f} s {mib:7.1f} MiB'
        f'  ({what[0].split("note: ")[1] if what else "?"})')
    # The recipe docs/performance.md gives for many machines, here on
    # one: the cases split between independent processes (xargs -P 2,
    # 50 cases each), into one output folder; the same files result.
    out2 = f'{T}/batch-out-xargs'
    shutil.rmtree(out2, ignore_errors=True)
    t0 = time.monotonic()
    subprocess.run(f'printf "%s\\n" {" ".join(cases)} | xargs -P 2 -n 50 '
                   f'{BIN} build -q --templates {TDIR} -o {out2} >/dev/null 2>{T}/xargs.err',
                   shell=True, check=True)
    dt = time.monotonic() - t0
    same = subprocess.run(['diff', '-r', '-q', '-x', '.cspr', out, out2],
                          stdout=subprocess.DEVNULL).returncode == 0
    say(f'  clean build, xargs -P 2       {dt:9.3f} s   files identical to --jobs 2: '
        f'{"yes" if same else "NO"}')


def plot(res, path):
    """Time and memory against events, log-log, as SVG."""
    evs = sorted(res)
    if len(evs) < 2:
        return
    series = [('build', 'build_mib', 'all five documents, DOCX and PDF', '#1d70b8', ''),
              ('docx_build', 'docx_mib', 'all five documents, DOCX only', '#d4351c', '6,4')]
    W, H, M = 360, 260, 56
    x0, x1 = math.log10(min(evs)), math.log10(max(evs))

    def panel(ox, key_i, title, unit, target):
        vals = [res[e][s[key_i]] for e in evs for s in series] + [target[1]]
        lo = 10 ** math.floor(math.log10(min(vals)))
        hi = 10 ** math.ceil(math.log10(max(vals)))
        y0, y1 = math.log10(lo), math.log10(hi)

        def X(e):
            return ox + M + (math.log10(e) - x0) / (x1 - x0) * (W - M - 16)

        def Y(v):
            return 30 + (1 - (math.log10(v) - y0) / (y1 - y0)) * (H - 30 - 40)
        out = [f'<text x="{ox + W / 2}" y="18" text-anchor="middle" font-weight="bold">{title}</text>',
               f'<rect x="{ox + M}" y="30" width="{W - M - 16}" height="{H - 70}" fill="none" stroke="#444"/>']
        v = lo
        while v <= hi * 1.0001:
            out.append(f'<line x1="{ox + M}" x2="{ox + W - 16}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" stroke="#ddd"/>')
            out.append(f'<text x="{ox + M - 4}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
            v *= 10
        for e in evs:
            out.append(f'<text x="{X(e):.1f}" y="{H - 24}" text-anchor="middle">{e // 1000}k</text>')
        out.append(f'<text x="{ox + M + (W - M) / 2}" y="{H - 8}" text-anchor="middle">events</text>')
        out.append(f'<text x="{ox + 12}" y="{30 + (H - 70) / 2}" text-anchor="middle" '
                   f'transform="rotate(-90 {ox + 12} {30 + (H - 70) / 2})">{unit}</text>')
        if target and min(evs) <= target[0] <= max(evs):
            # The issue's target: a hollow diamond at 50,000 events.
            px, py = X(target[0]), Y(target[1])
            out.append(f'<path d="M{px:.1f},{py - 6:.1f} L{px + 6:.1f},{py:.1f} L{px:.1f},{py + 6:.1f} '
                       f'L{px - 6:.1f},{py:.1f} Z" fill="none" stroke="#00703c" stroke-width="2"/>')
            out.append(f'<text x="{px + 9:.1f}" y="{py + 4:.1f}" fill="#00703c">target {target[2] if len(target) > 2 else f"{target[1]:g}"}</text>')
        for s in series:
            pts = ' '.join(f'{X(e):.1f},{Y(res[e][s[key_i]]):.1f}' for e in evs)
            out.append(f'<polyline points="{pts}" fill="none" stroke="{s[3]}" stroke-width="2" '
                       f'stroke-dasharray="{s[4] or "none"}"/>')
            for e in evs:
                # Marks differ in shape too, not colour alone.
                px, py = X(e), Y(res[e][s[key_i]])
                if s[4]:
                    out.append(f'<rect x="{px - 3:.1f}" y="{py - 3:.1f}" width="6" height="6" fill="{s[3]}"/>')
                else:
                    out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{s[3]}"/>')
        return out

    body = panel(0, 0, 'Time', 'seconds (log)', (50000, 2, '2 s')) + \
        panel(W + 10, 1, 'Peak memory', 'MiB (log)', (50000, 300 / MIB_MB, '300 MB'))
    ly = H + 12
    for i, s in enumerate(series):
        y = ly + 16 * i
        mark = (f'<rect x="{M - 3}" y="{y - 3}" width="6" height="6" fill="{s[3]}"/>' if s[4]
                else f'<circle cx="{M}" cy="{y}" r="3.5" fill="{s[3]}"/>')
        body.append(f'<line x1="{M - 14}" x2="{M + 14}" y1="{y}" y2="{y}" stroke="{s[3]}" '
                    f'stroke-width="2" stroke-dasharray="{s[4] or "none"}"/>{mark}'
                    f'<text x="{M + 20}" y="{y + 4}">cspr build: {s[2]}</text>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * W + 10}" height="{H + 46}" '
           f'font-family="sans-serif" font-size="11" role="img" '
           f'aria-labelledby="t"><title id="t">cspr build time and peak memory '
           f'against events in the case</title>'
           f'<rect width="100%" height="100%" fill="white"/>' + ''.join(body) + '</svg>\n')
    with open(path, 'w') as f:
        f.write(svg)


def main():
    os.makedirs(T, exist_ok=True)
    only = os.environ.get('BENCH_ONLY')
    say(f'cspr bench, {time.strftime("%Y-%m-%d")}, {os.cpu_count()} cores')
    say()
    res = {}
    if only in (None, 'sizes'):
        res = sizes()
    if only in (None, 'compare'):
        compare()
    if only in (None, 'batch'):
        batch()
    with open(f'{T}/bench.txt', 'w') as f:
        f.write('\n'.join(REPORT) + '\n')
    if res:
        plot(res, f'{T}/bench.svg')
        say()
        say(f'written: {T}/bench.txt, {T}/bench.svg')


if __name__ == '__main__':
    main()
