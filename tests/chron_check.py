#!/usr/bin/python3
"""chron_check: every event of a merged chronology is in a rendered document.

Usage: chron_check.py pdf MERGE.xml FILE.pdf
       chron_check.py pdf-other MERGE.xml FILE.pdf
       chron_check.py tags MERGE.xml FILE.pdf
       chron_check.py docx MERGE.xml FILE.docx

MERGE.xml is `cspr merge` output. For a PDF, each event's 'what happened'
text must appear in pdftotext's output, in chronology order (white space
and invisible formatting ignored, as line breaks fall anywhere); "pdf"
for cspr's own PDF, which shows a character beyond U+FFFF as the plain
character it is a variant of, or else as U+FFFD,
"pdf-other" for another writer's (LibreOffice's). With "tags", each event's
'what happened', action and analysis texts must be in the PDF's
structure tree (poppler's `pdfinfo -struct-text`), in order: every line
of a cell reaches the tree through its marked content. For a DOCX, python-docx must find
the chronology in landscape sections and its table with one row per
event, in order, each row holding the event's prefix and its texts and
every cell shaded in the agency's colour. Exits 1 naming what is missing.
"""
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET


# Invisible formatting: soft hyphens, zero-width characters and joiners,
# bidi controls. Text extractors keep or drop them as they please.
IGNORABLE = re.compile('[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]')


def squash(s):
    # Composed characters, invisible formatting dropped: text extractors
    # differ in these, the words do not.
    s = IGNORABLE.sub('', unicodedata.normalize('NFC', s or ''))
    # Hyphens too: a line that breaks at one may lose it ("Baird-" /
    # "O'Dwyer" read back as "BairdO'Dwyer").
    return re.sub(r'[\s\-\u2010\u2011]+', '', s)


def plain(ch):
    # A character beyond U+FFFF that is a variant of one character (a
    # mathematical letter) cspr's PDF shows as that one; any other it
    # cannot show (an emoji) as U+FFFD, and says so.
    k = unicodedata.normalize('NFKC', ch)
    return k if len(k) == 1 and ord(k) <= 0xFFFF else '\ufffd'


def bmp(s):
    return re.sub('[\U00010000-\U0010FFFF]', lambda m: plain(m.group(0)), s)


def events(path):
    root = ET.parse(path).getroot()
    out = []
    for ev in root.find('events'):
        out.append({k: squash(ev.findtext(k)) for k in ('what', 'action', 'analysis')}
                   | {'n': ev.get('n'), 'prefix': ev.get('prefix'), 'agency': ev.get('agency')})
    colours = {a.get('id'): a.get('colour').lstrip('#') for a in root.find('agencies')}
    return out, colours


def check_pdf(evs, pdf, ours=True):
    if ours:
        evs = [e | {'what': bmp(e['what'])} for e in evs]
    best = None
    for mode in (['-raw'], []):
        text = squash(subprocess.run(['pdftotext', *mode, pdf, '-'], check=True,
                                     capture_output=True, text=True).stdout)
        pos, missing = 0, []
        for e in evs:
            if not e['what']:
                continue
            i = text.find(e['what'], pos)
            if i < 0:
                missing.append(e)
            else:
                pos = i + len(e['what'])
        if not missing:
            return 0
        if best is None or len(missing) < len(best):
            best = missing
    if not ours:
        # Another writer's PDF puts a run in a fallback font where it
        # likes in the content stream (-raw) and interleaves table
        # cells by line (the default): what one order misses, the
        # other must at least hold.
        text = squash(subprocess.run(['pdftotext', pdf, '-'], check=True,
                                     capture_output=True, text=True).stdout)
        best = [e for e in best if e['what'] not in text]
        if not best:
            return 0
    for e in best[:10]:
        print(f"event {e['n']} ({e['prefix']}) not found in order: {e['what'][:60]}")
    print(f"{len(best)} of {len(evs)} events missing or out of order")
    return 1


def check_tags(evs, pdf):
    evs = [e | {k: bmp(e[k]) for k in ('what', 'action', 'analysis')} for e in evs]
    tree = subprocess.run(['pdfinfo', '-struct-text', pdf], check=True,
                          capture_output=True, text=True).stdout
    text = squash(''.join(m.group(1) for m in re.finditer(r'^ *"(.*)"$', tree, re.M)))
    pos, missing = 0, []
    for e in evs:
        for k in ('what', 'action', 'analysis'):
            if not e[k]:
                continue
            i = text.find(e[k], pos)
            if i < 0:
                missing.append((e, k))
            else:
                pos = i + len(e[k])
    for e, k in missing[:10]:
        print(f"event {e['n']} ({e['prefix']}): its {k} not in the tree in order: {e[k][:60]}")
    if missing:
        print(f'{len(missing)} texts missing from the structure tree or out of order')
    return 1 if missing else 0


def check_docx(evs, path, colours):
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    d = docx.Document(path)
    if any(sec.orientation != WD_ORIENT.LANDSCAPE or sec.page_width <= sec.page_height
           for sec in d.sections):
        print('the chronology is not in a landscape section')
        return 1
    table = None
    for t in d.tables:
        if 'What happened' in [c.text for c in t.rows[0].cells]:
            table = t
    if table is None:
        print('no table with a "What happened" column')
        return 1
    rows = table.rows[1:]
    if len(rows) != len(evs):
        print(f'{len(rows)} rows for {len(evs)} events')
        return 1
    bad = 0
    for row, e in zip(rows, evs):
        cells = [c.text for c in row.cells]
        text = squash(' '.join(cells))
        if cells[2].strip() != e['prefix']:
            print(f"event {e['n']}: prefix cell {cells[2]!r}, expected {e['prefix']!r}")
            bad += 1
        for c in row.cells:
            shd = c._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            fill = shd.get(qn('w:fill')) if shd is not None else None
            if fill != colours[e['agency']]:
                print(f"event {e['n']}: cell shaded {fill}, expected {colours[e['agency']]}")
                bad += 1
                break
        for k in ('what', 'action', 'analysis'):
            if e[k] and e[k] not in text:
                print(f"event {e['n']}: {k} not in its row: {e[k][:60]}")
                bad += 1
    return 1 if bad else 0


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ('pdf', 'pdf-other', 'tags', 'docx'):
        print(__doc__)
        return 2
    evs, colours = events(sys.argv[2])
    if not evs:
        print('no events in the merged chronology')
        return 1
    if sys.argv[1] in ('pdf', 'pdf-other'):
        return check_pdf(evs, sys.argv[3], sys.argv[1] == 'pdf')
    if sys.argv[1] == 'tags':
        return check_tags(evs, sys.argv[3])
    return check_docx(evs, sys.argv[3], colours)


if __name__ == '__main__':
    sys.exit(main())
