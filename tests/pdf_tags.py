#!/usr/bin/python3
"""pdf_tags: checks the structure tree of a PDF that cspr wrote.

Usage: pdf_tags.py FILE.pdf [EXPECTED [ROLE...]]

- the catalog marks the file as tagged (/MarkInfo /Marked true), has a
  /StructTreeRoot, a /Lang, and XMP metadata naming PDF/UA part 1;
- the tree (poppler's `pdfinfo -struct-text`) holds every ROLE given;
- its text, in tree order, holds each line of EXPECTED in order (lines
  starting "#" are not looked for): the reading order is the text order;
- headers, footers ("OFFICIAL-SENSITIVE", "DRAFT", "Page N of M") are
  artifacts, never in the tree;
- every Figure has alternative text; every link annotation has its
  place in the tree (/StructParent) and a description (/Contents).
"""
import re
import subprocess
import sys


def main():
    pdf = sys.argv[1]
    expected = sys.argv[2] if len(sys.argv) > 2 else None
    roles = set(sys.argv[3:])
    problems = []

    tree = subprocess.run(['pdfinfo', '-struct-text', pdf], capture_output=True,
                          text=True, check=True).stdout
    found = set()
    text = []
    for line in tree.splitlines():
        m = re.match(r'^ *([A-Za-z][A-Za-z0-9]*)(?: \((?:block|inline)\)|:)?$', line)
        if m:
            found.add(m.group(1))
            continue
        m = re.match(r'^ *"(.*)"$', line)
        if m:
            text.append(m.group(1))
    for r in sorted(roles - found):
        problems.append(f'no {r} element in the structure tree')
    flat = ' '.join(' '.join(text).split())
    for art in ('OFFICIAL-SENSITIVE', 'DRAFT'):
        if art in flat:
            problems.append(f'"{art}" is in the structure tree, not an artifact')
    if re.search(r'Page \d+ of \d+', flat):
        problems.append('"Page N of M" is in the structure tree, not an artifact')
    if expected:
        # Without spaces: the tree splits text where links and lines
        # start, and poppler prints each piece on a line of its own.
        flat = ''.join(flat.split())
        pos = 0
        with open(expected, encoding='utf-8') as f:
            for want in f:
                if want.startswith('#'):
                    continue
                want = ''.join(want.split())
                if not want:
                    continue
                at = flat.find(want, pos)
                if at < 0:
                    problems.append(f'not in the tree after the previous line: {want}')
                else:
                    pos = at + len(want)

    qdf = subprocess.run(['qpdf', '--qdf', '--object-streams=disable', pdf, '-'],
                         capture_output=True, check=False).stdout.decode('latin-1')
    for what, pat in (('MarkInfo /Marked true', r'/Marked true'),
                      ('a StructTreeRoot', r'/StructTreeRoot \d+ 0 R'),
                      ('a document language', r'/Lang \('),
                      ('the PDF/UA identifier', r'<pdfuaid:part>1</pdfuaid:part>')):
        if not re.search(pat, qdf):
            problems.append(f'the catalog has no {what}')
    for obj in re.split(r'\nendobj', qdf):
        if '/S /Figure' in obj and '/Alt' not in obj:
            problems.append('a Figure without /Alt')
        if '/Subtype /Link' in obj and ('/StructParent' not in obj or
                                        '/Contents' not in obj):
            problems.append('a link annotation outside the structure tree '
                            'or without /Contents')

    for p in problems[:20]:
        print('  ' + p, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
