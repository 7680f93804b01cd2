#!/usr/bin/python3
"""docx_check: a DOCX cspr wrote is sound, as Word and python-docx see it.

Usage: docx_check.py FILE.docx

Checks: every part is well-formed XML; every internal relationship target
exists; every paragraph, character and table style used is defined; every
numbering id used is defined; every internal link goes to a bookmark
that exists; every image has alternative text;
python-docx opens the file and finds a
title, the en-GB language, headings in Heading styles in order (no level
skipped), every table's first row marked as a repeating header row, every
table cell ending in a paragraph, and a header and footer on every
section. Prints each failure and exits 1; silent and 0 when sound.
"""
import posixpath
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
PR = '{http://schemas.openxmlformats.org/package/2006/relationships}'


def main(path):
    bad = []
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    trees = {}
    for n in sorted(names):
        if n.endswith('.xml') or n.endswith('.rels'):
            try:
                trees[n] = ET.fromstring(z.read(n))
            except ET.ParseError as e:
                bad.append(f'{n}: not well-formed: {e}')
    if bad:
        return bad
    for n, t in trees.items():
        if not n.endswith('.rels'):
            continue
        base = posixpath.dirname(posixpath.dirname(n))
        for rel in t.iter(PR + 'Relationship'):
            if rel.get('TargetMode') == 'External':
                continue
            target = posixpath.normpath(posixpath.join(base, rel.get('Target'))).lstrip('/')
            if target not in names:
                bad.append(f'{n}: relationship {rel.get("Id")} targets missing {target}')
    styles = trees['word/styles.xml']
    defined = {s.get(W + 'styleId') for s in styles.iter(W + 'style')}
    nums = {n.get(W + 'numId') for n in trees.get('word/numbering.xml', ET.Element('x')).iter(W + 'num')}
    body_parts = [n for n in trees if re.match(r'word/(document|header\d*|footer\d*)\.xml$', n)]
    for n in body_parts:
        for tag in ('pStyle', 'rStyle', 'tblStyle'):
            for e in trees[n].iter(W + tag):
                if e.get(W + 'val') not in defined:
                    bad.append(f'{n}: style {e.get(W + "val")!r} is not defined')
        for e in trees[n].iter(W + 'numId'):
            if e.get(W + 'val') not in nums:
                bad.append(f'{n}: numbering {e.get(W + "val")!r} is not defined')
    doc = trees['word/document.xml']
    for tbl in doc.iter(W + 'tbl'):
        rows = tbl.findall(W + 'tr')
        cap = tbl.find(f'{W}tblPr/{W}tblCaption')
        layout = cap is not None and cap.get(W + 'val', '').startswith('Layout table')
        if rows and not layout and rows[0].find(f'{W}trPr/{W}tblHeader') is None:
            bad.append('a table whose first row is not a repeating header row')
        for tc in tbl.iter(W + 'tc'):
            kids = [k for k in tc if k.tag != W + 'tcPr']
            if not kids or kids[-1].tag != W + 'p':
                bad.append('a table cell that does not end in a paragraph')
    marks = {b.get(W + 'name') for b in doc.iter(W + 'bookmarkStart')}
    for h in doc.iter(W + 'hyperlink'):
        if h.get(W + 'anchor') is not None and h.get(W + 'anchor') not in marks:
            bad.append(f'a link to bookmark {h.get(W + "anchor")!r}, which does not exist')
    WP = '{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}'
    for pr in doc.iter(WP + 'docPr'):
        if not (pr.get('descr') or '').strip():
            bad.append(f'image {pr.get("name")!r} has no alternative text (docPr/@descr)')
    langs = [e.get(W + 'val') for e in styles.iter(W + 'lang')]
    if 'en-GB' not in langs:
        bad.append('styles.xml does not set the language en-GB')

    import docx
    d = docx.Document(path)
    if not (d.core_properties.title or '').strip():
        bad.append('no document title in docProps/core.xml')
    last = 0
    for p in d.paragraphs:
        m = re.match(r'Heading (\d)$', p.style.name)
        if m:
            level = int(m.group(1))
            if level > last + 1:
                bad.append(f'heading level {level} after level {last}: {p.text[:40]!r}')
            last = level
    for shape in d.inline_shapes:
        if shape.width <= 0 or shape.height <= 0:
            bad.append('an image with no size')
    for i, s in enumerate(d.sections):
        if not s.header.paragraphs or not s.footer.paragraphs or s.header.is_linked_to_previous and i == 0:
            bad.append(f'section {i + 1} has no header or footer')
    return bad


if __name__ == '__main__':
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    problems = main(sys.argv[1])
    for p in problems[:30]:
        print(f'{sys.argv[1]}: {p}')
    sys.exit(1 if problems else 0)
